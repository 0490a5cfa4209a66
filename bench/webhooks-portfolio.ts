import { type RawBuilder, sql } from 'kysely';
import type { DatabaseHandle } from '../packages/server/src/db/database.ts';

/** The kinds of rows the card benchmark writes, as the first group of their UUIDs. */
export const KINDS = {
  tenant: 0,
  creditor: 1,
  debtor: 2,
  contact: 3,
  case: 4,
  claim: 5,
  attempt: 6,
} as const;
type Kind = keyof typeof KINDS;

/** A UUID-shaped id (the app's ids are UUIDv7; payment links carry them as bytes): kind and number readable. */
export function benchId(kind: Kind, i: number): string {
  return `0000000${KINDS[kind]}-0000-7000-8000-${String(i).padStart(12, '0')}`;
}

/** The same id in SQL, from the integer expression `expr`. */
export function benchIdSql(handle: DatabaseHandle, kind: Kind, expr: string): RawBuilder<string> {
  const digits = handle.dialect === 'sqlite' ? `printf('%012d', ${expr})` : `lpad((${expr})::text, 12, '0')`;
  return sql.raw(`'0000000${KINDS[kind]}-0000-7000-8000-' || ${digits}`);
}

/** `select i from 0..n-1`, on each engine. */
export function series(handle: DatabaseHandle, n: number): RawBuilder<unknown> {
  return handle.dialect === 'sqlite'
    ? sql.raw(
        `(with recursive s(i) as (select 0 union all select i + 1 from s where i < ${n - 1}) select i from s)`,
      )
    : sql.raw(`(select generate_series(0, ${n - 1}) as i)`);
}

/**
 * `cases` open cases of one professional creditor, one company debtor each with an e-mail address (the
 * receipt goes there), one invoice each of 100 € to 5,100 €, due 10 to 140 days before `paidOn`: what a
 * card payment is booked against (interest and the €40 first, then principal). Straight in SQL.
 */
export async function seedCardPortfolio(
  handle: DatabaseHandle,
  tenantId: string,
  cases: number,
  paidOn: string,
): Promise<void> {
  const db = handle.db;
  const now = `${paidOn}T00:00:00.000Z`;
  const id = (kind: Kind, expr = 'i') => benchIdSql(handle, kind, expr);
  const creditorId = benchId('creditor', 0);
  await db
    .insertInto('tenants')
    .values({ tenant_id: tenantId, name: 'Bench', kind: 'creditor', locale: 'fr', created_at: now })
    .execute();
  await db
    .insertInto('creditors')
    .values({
      tenant_id: tenantId,
      creditor_id: creditorId,
      ref: 'C1',
      name: 'Creditor C1',
      siren: null,
      is_professional: 1,
      country: 'FR',
      currency: 'EUR',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const s = series(handle, cases);
  await sql`insert into debtors (tenant_id, debtor_id, creditor_id, ref, kind, name, siren, siret, vat_number, language, time_zone, tags, created_at, updated_at)
    select ${tenantId}, ${id('debtor')}, ${creditorId}, 'D' || i, 'business', 'Debtor ' || i, null, null, null, 'fr', 'Europe/Paris', '[]', ${now}, ${now}
    from ${s} as s`.execute(db);
  await sql`insert into contacts (tenant_id, contact_id, debtor_id, kind, value, label, address_line1, address_line2, postal_code, city, country, validity, consent, raw, source, created_at, updated_at)
    select ${tenantId}, ${id('contact')}, ${id('debtor')}, 'email', 'debtor' || i || '@bench.example', null, null, null, null, null, null, 'valid', 'unknown', null, 'bench', ${now}, ${now}
    from ${s} as s`.execute(db);
  const due =
    handle.dialect === 'sqlite'
      ? sql.raw(`date('${paidOn}', '-' || (10 + (i * 7) % 130) || ' days')`)
      : sql.raw(`(date '${paidOn}' - (10 + (i * 7) % 130))::text`);
  const amount = sql.raw('(10000 + (i * 37) % 500000)');
  await sql`insert into cases (tenant_id, case_id, creditor_id, debtor_id, currency, status, outstanding_minor, disputed_minor, claim_count, open_claim_count, oldest_due_date, earliest_prescription_end, opened_at, updated_at)
    select ${tenantId}, ${id('case')}, ${creditorId}, ${id('debtor')}, 'EUR', 'open', ${amount}, 0, 1, 1, ${due}, '2030-01-01', ${now}, ${now}
    from ${s} as s`.execute(db);
  await sql`insert into claims (tenant_id, claim_id, creditor_id, debtor_id, case_id, invoice_number, issue_date, due_date, amount_minor, outstanding_minor, currency, status, prescription_basis, prescription_end, content_hash, created_at, updated_at)
    select ${tenantId}, ${id('claim')}, ${creditorId}, ${id('debtor')}, ${id('case')}, 'INV-' || i, null, ${due}, ${amount}, ${amount}, 'EUR', 'open', 'commercial_5y', '2030-01-01', 'bench', ${now}, ${now}
    from ${s} as s`.execute(db);
}
