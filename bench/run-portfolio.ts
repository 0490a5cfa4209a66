import { sql } from 'kysely';
import type { DatabaseHandle } from '../packages/server/src/db/database.ts';

/**
 * A portfolio of `cases` open cases written straight in SQL (the daily run reads the case aggregates,
 * debtors and contacts, not the claims): 4 creditors, cases/4 debtors (two thirds companies, one consumer
 * in ten tagged 'senior'), an e-mail, a phone and a postal address each, oldest due dates spread from
 * 10 days ahead to 140 days behind `runOn`.
 */
export async function seedPortfolio(
  handle: DatabaseHandle,
  tenantId: string,
  cases: number,
  runOn: string,
): Promise<void> {
  const db = handle.db;
  const now = `${runOn}T00:00:00.000Z`;
  await db
    .insertInto('tenants')
    .values({ tenant_id: tenantId, name: 'Bench', kind: 'agency', locale: 'fr', created_at: now })
    .execute();
  const creditors = ['C1', 'C2', 'C3', 'C4'];
  await db
    .insertInto('creditors')
    .values(
      creditors.map((ref) => ({
        tenant_id: tenantId,
        creditor_id: `cred-${ref}`,
        ref,
        name: `Creditor ${ref}`,
        siren: null,
        is_professional: 1,
        country: 'FR',
        currency: 'EUR',
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  const debtors = Math.ceil(cases / creditors.length);
  const series =
    handle.dialect === 'sqlite'
      ? (n: number) =>
          sql.raw(
            `(with recursive s(i) as (select 0 union all select i + 1 from s where i < ${n - 1}) select i from s)`,
          )
      : (n: number) => sql.raw(`(select generate_series(0, ${n - 1}) as i)`);
  const pad = (expr: string) =>
    handle.dialect === 'sqlite' ? `printf('%09d', ${expr})` : `lpad((${expr})::text, 9, '0')`;
  const mod = (a: string, b: number) => `(${a}) % ${b}`;
  await sql`insert into debtors (tenant_id, debtor_id, creditor_id, ref, kind, name, siren, siret, vat_number, language, time_zone, tags, created_at, updated_at)
    select ${tenantId}, ${sql.raw(`'deb-' || ${pad('i')}`)}, 'cred-C1', ${sql.raw(`'D' || ${pad('i')}`)},
      case when ${sql.raw(mod('i', 3))} = 2 then 'consumer' else 'business' end,
      ${sql.raw(`'Debtor ' || ${pad('i')}`)}, null, null, null, 'fr', 'Europe/Paris',
      case when ${sql.raw(mod('i', 30))} = 2 then '["senior"]' else '[]' end, ${now}, ${now}
    from ${series(debtors)} as s`.execute(db);
  for (const [k, kind] of ['email', 'phone', 'postal'].entries()) {
    await sql`insert into contacts (tenant_id, contact_id, debtor_id, kind, value, label, address_line1, address_line2, postal_code, city, country, validity, consent, raw, source, created_at, updated_at)
      select ${tenantId}, ${sql.raw(`'con-${k}-' || ${pad('i')}`)}, ${sql.raw(`'deb-' || ${pad('i')}`)}, ${kind},
        ${sql.raw(`'contact-' || ${pad('i')}`)}, null, null, null, null, null, null, 'valid', 'unknown', null, 'bench', ${now}, ${now}
      from ${series(debtors)} as s`.execute(db);
  }
  const dueExpr =
    handle.dialect === 'sqlite'
      ? `date('${runOn}', (10 - (i * 7) % 150) || ' days')`
      : `(date '${runOn}' - ((i * 7) % 150 - 10))::text`;
  await sql`insert into cases (tenant_id, case_id, creditor_id, debtor_id, currency, status, outstanding_minor, disputed_minor, claim_count, open_claim_count, oldest_due_date, earliest_prescription_end, opened_at, updated_at)
    select ${tenantId}, ${sql.raw(`'case-' || ${pad('i')}`)},
      ${sql.raw(`'cred-C' || (1 + (i / ${debtors}))`)}, ${sql.raw(`'deb-' || ${pad(`i % ${debtors}`)}`)}, 'EUR', 'open',
      ${sql.raw('10000 + (i * 37) % 500000')}, 0, 1, 1, ${sql.raw(dueExpr)}, '2030-01-01', ${now}, ${now}
    from ${series(cases)} as s`.execute(db);
}

/**
 * The floor: one bare `insert … select` writing `actions` action rows (same table, same indexes, the
 * same kind of values) from the cases, in one statement.
 */
export async function insertFloor(
  handle: DatabaseHandle,
  tenantId: string,
  actions: number,
  runOn: string,
): Promise<void> {
  const perCase =
    handle.dialect === 'sqlite' ? '(select 0 as n union all select 1)' : '(values (0), (1)) as m(n)';
  const cat = (...parts: string[]) => parts.join(' || ');
  await sql`insert into actions (tenant_id, action_id, case_id, action_key, run_id, planned_on, scheduled_at, channel, template, language, purpose, status, strategy_key, strategy_version, step_key, reason, gate, amounts, created_at)
    select c.tenant_id, ${sql.raw(cat("'floor-'", 'c.case_id', "'-'", 'm.n'))}, c.case_id, ${sql.raw(cat("'b2b-standard:0:registered-1:'", 'm.n'))}, 'floor', ${runOn},
      ${`${runOn}T09:00:00.000Z`}, 'email', 'reminder-email', 'fr', 'reminder', 'planned', 'b2b-standard', 1, 'registered-1',
      '{"reason":{"code":"step_due","params":{"step":"registered-1","daysLate":3}}}', '{"kind":"allowed","policy":"fr-default","rule":"window","explanation":{"fr":"Autorisé","en":"Allowed"}}', null, ${`${runOn}T05:00:00.000Z`}
    from cases c cross join ${sql.raw(perCase)} ${sql.raw(handle.dialect === 'sqlite' ? 'as m' : '')}
    where c.tenant_id = ${tenantId}
    order by c.case_id, m.n
    limit ${actions}`.execute(handle.db);
}
