import {
  type AmountIndex,
  buildAmountIndex,
  type CaseCandidate,
  type InvoiceHit,
  type IssuedHit,
  invoiceLookupKeys,
  type LineFacts,
  type LineKeys,
  type MatchLookup,
} from '@relance/core';
import type { NotNull, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/** Values per `in (…)` list: well under SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 1000;

type Trx = Transaction<Database>;

export type LineToMatch = { readonly facts: LineFacts; readonly keys: LineKeys };

/**
 * What the matcher needs for a batch of lines, read set-based: a handful of indexed `in (…)` queries per
 * thousand keys — RF references (`cases_payment_reference_unique`), invoice numbers of open claims
 * (`claims_by_invoice`), ids we issued (primary keys) — never one query per line or per case. Open cases
 * by exact outstanding come from `loadAmountIndex`, asked only for the lines nothing else matched.
 */
export async function loadMatchLookup(
  trx: Trx,
  tenantId: string,
  lines: readonly LineToMatch[],
): Promise<MatchLookup> {
  const refs = unique(lines.flatMap((l) => l.keys.rfReferences.map((r) => r.reference)));
  const invoices = unique(lines.flatMap((l) => invoiceLookupKeys(l.keys)));
  const ids = unique(lines.flatMap((l) => l.keys.issuedIds));
  const cases = new Map<string, CaseCandidate>();
  const casesByReference = new Map<string, CaseCandidate>();
  for (const part of chunks(refs)) {
    for (const row of await caseQuery(trx, tenantId).where('c.payment_reference', 'in', part).execute()) {
      const c = toCandidate(row);
      cases.set(c.caseId, c);
      if (row.payment_reference) casesByReference.set(row.payment_reference, c);
    }
  }
  const claimsByInvoice = await claimsOf(trx, tenantId, invoices);
  const issued = await issuedOf(trx, tenantId, ids);
  const missing = unique([
    ...[...claimsByInvoice.values()].flat().map((h) => h.caseId),
    ...[...issued.values()].map((h) => h.caseId),
  ]).filter((id) => !cases.has(id));
  for (const part of chunks(missing)) {
    for (const row of await caseQuery(trx, tenantId).where('c.case_id', 'in', part).execute()) {
      cases.set(row.case_id, toCandidate(row));
    }
  }
  return { casesByReference, claimsByInvoice, issued, cases, amounts: buildAmountIndex([]) };
}

/** Open cases owing exactly one of the lines' amounts (`cases_by_balance`), indexed by their debtors' names. */
export async function loadAmountIndex(
  trx: Trx,
  tenantId: string,
  lines: readonly LineToMatch[],
): Promise<AmountIndex> {
  const amounts = unique(lines.map((l) => l.facts.amountMinor).filter((a) => a > 0));
  const found: CaseCandidate[] = [];
  for (const part of chunks(amounts)) {
    const rows = await caseQuery(trx, tenantId)
      .where('c.outstanding_minor', 'in', part)
      .where('c.status', '=', 'open')
      .execute();
    for (const row of rows) found.push(toCandidate(row));
  }
  return buildAmountIndex(found);
}

function caseQuery(trx: Trx, tenantId: string) {
  return trx
    .selectFrom('cases as c')
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select(['c.case_id', 'c.currency', 'c.outstanding_minor', 'c.status', 'c.payment_reference', 'd.name'])
    .where('c.tenant_id', '=', tenantId);
}

function toCandidate(row: {
  readonly case_id: string;
  readonly currency: string;
  readonly outstanding_minor: number;
  readonly status: 'open' | 'closed';
  readonly name: string;
}): CaseCandidate {
  return {
    caseId: row.case_id,
    currency: row.currency,
    outstandingMinor: Number(row.outstanding_minor),
    debtorName: row.name,
    status: row.status,
  };
}

async function claimsOf(trx: Trx, tenantId: string, invoices: readonly string[]) {
  const byInvoice = new Map<string, InvoiceHit[]>();
  const seen = new Set<string>();
  for (const part of chunks(invoices)) {
    const rows = await trx
      .selectFrom('claims')
      .select(['claim_id', 'case_id', 'invoice_number'])
      .where('tenant_id', '=', tenantId)
      .where('invoice_number', 'in', part)
      .where('status', 'in', ['open', 'disputed'])
      .execute();
    for (const row of rows) {
      if (seen.has(row.claim_id)) continue;
      seen.add(row.claim_id);
      const key = row.invoice_number.toUpperCase();
      const hit = { claimId: row.claim_id, caseId: row.case_id, invoiceNumber: row.invoice_number };
      byInvoice.set(key, [...(byInvoice.get(key) ?? []), hit]);
    }
  }
  return byInvoice;
}

async function issuedOf(trx: Trx, tenantId: string, ids: readonly string[]) {
  const issued = new Map<string, IssuedHit>();
  for (const part of chunks(ids)) {
    const attempts = await trx
      .selectFrom('payment_attempts')
      .select(['attempt_id', 'case_id'])
      .where('tenant_id', '=', tenantId)
      .where('attempt_id', 'in', part)
      .where('case_id', 'is not', null)
      .$narrowType<{ case_id: NotNull }>()
      .execute();
    for (const a of attempts)
      issued.set(a.attempt_id, { id: a.attempt_id, kind: 'attempt', caseId: a.case_id });
    const plans = await trx
      .selectFrom('payment_plans')
      .select(['plan_id', 'case_id'])
      .where('tenant_id', '=', tenantId)
      .where('plan_id', 'in', part)
      .execute();
    for (const p of plans) issued.set(p.plan_id, { id: p.plan_id, kind: 'plan', caseId: p.case_id });
  }
  return issued;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** A list cut into parts of at most `size`. */
export function chunks<T>(values: readonly T[], size = CHUNK): readonly (readonly T[])[] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
