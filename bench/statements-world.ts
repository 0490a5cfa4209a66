import { makeRfReference } from '@relance/core';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../packages/server/src/db/database.ts';
import { buildCamt, type EntrySpec } from '../packages/server/test/payments/statements/camt053-builder.ts';
import { seedPortfolio } from './run-portfolio.ts';

const pad = (n: number) => String(n).padStart(9, '0');
/** What `run-portfolio.ts` gives case i: its outstanding, and its debtor's name. */
const outstandingOf = (i: number) => 10000 + ((i * 37) % 500000);
const debtorNameOf = (i: number, cases: number) => `Debtor ${pad(i % Math.ceil(cases / 4))}`;
const rfOf = (i: number) => makeRfReference(`B${i}`);

export type EntryKind = 'rf' | 'invoice' | 'amount_name' | 'unknown';

/** Of every 20 credits: 6 by RF reference, 6 by invoice number, 5 by amount and name, 3 that name nothing known. */
export function kindOf(i: number): EntryKind {
  const k = i % 20;
  if (k < 6) return 'rf';
  if (k < 12) return 'invoice';
  if (k < 17) return 'amount_name';
  return 'unknown';
}

/** The case entry i pays: spread over the portfolio, a different case for every entry. */
const caseOf = (i: number, cases: number) => (i * 7919) % cases;

/**
 * `cases` open cases (`run-portfolio.ts`), one open claim each ('INV-<n>', its whole outstanding), and the
 * RF references of the cases the statement's RF credits pay, all written in bulk.
 */
export async function seedStatementWorld(
  handle: DatabaseHandle,
  tenantId: string,
  cases: number,
  entries: number,
  runOn: string,
): Promise<void> {
  await seedPortfolio(handle, tenantId, cases, runOn);
  const db = handle.db;
  const now = `${runOn}T00:00:00.000Z`;
  await sql`insert into claims (tenant_id, claim_id, creditor_id, debtor_id, case_id, invoice_number, issue_date, due_date, amount_minor, outstanding_minor, currency, status, dispute_reason, prescription_basis, prescription_end, external_ref, description, import_id, content_hash, created_at, updated_at)
    select tenant_id, 'clm-' || substr(case_id, 6), creditor_id, debtor_id, case_id, 'INV-' || substr(case_id, 6), oldest_due_date, oldest_due_date,
      outstanding_minor, outstanding_minor, currency, 'open', null, 'commercial_5y', '2030-01-01', null, null, null, case_id, ${now}, ${now}
    from cases where tenant_id = ${tenantId}`.execute(db);
  const referenced = [...Array(entries).keys()]
    .filter((i) => kindOf(i) === 'rf')
    .map((i) => caseOf(i, cases));
  await db.transaction().execute(async (trx) => {
    for (let at = 0; at < referenced.length; at += 500) {
      const part = referenced.slice(at, at + 500);
      const whens = sql.join(
        part.map((i) => sql`when ${`case-${pad(i)}`} then ${rfOf(i)}`),
        sql` `,
      );
      await sql`update cases set payment_reference = case case_id ${whens} end
        where tenant_id = ${tenantId} and case_id in (${sql.join(part.map((i) => `case-${pad(i)}`))})`.execute(
        trx,
      );
    }
  });
  await sql`analyze`.execute(db);
}

/** A CAMT.053 of `entries` credits paying the world's cases by RF reference, invoice, amount and name, or nothing known. */
export function statementOf(entries: number, cases: number): string {
  const specs: EntrySpec[] = [];
  for (let i = 0; i < entries; i++) {
    const k = caseOf(i, cases);
    const kind = kindOf(i);
    const base = { acctSvcrRef: `BENCH-${pad(i)}`, endToEndId: `E2E-${pad(i)}` };
    if (kind === 'rf')
      specs.push({ ...base, amountMinor: 100_00, creditorReference: rfOf(k), payerName: 'PAYEUR' });
    else if (kind === 'invoice')
      specs.push({
        ...base,
        amountMinor: 50_00,
        remittance: `Reglement facture INV-${pad(k)}`,
        payerName: 'PAYEUR',
      });
    else if (kind === 'amount_name')
      specs.push({
        ...base,
        amountMinor: outstandingOf(k),
        payerName: `${debtorNameOf(k, cases).toUpperCase()} SARL`,
      });
    else specs.push({ ...base, amountMinor: 1_23 + i, remittance: 'Virement', payerName: 'Quelqu’un' });
  }
  return buildCamt({ messageId: 'BENCH-STATEMENT', entries: specs });
}
