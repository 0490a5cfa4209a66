import {
  type CaseInterest,
  caseInterest,
  type InterestPayment,
  type IsoDate,
  undisputedPart,
} from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.ts';
import { rateTablesOf } from '../rates/rate-tables-of.ts';

type Reader = Db | Transaction<Database>;

/**
 * The late interest and fixed compensation of some cases as of a day, claim by claim (core `caseInterest`):
 * the creditor's choices (charge, waive, lever), the debtor's kind, and — for a consumer — the date the
 * formal notice left — with the rate tables the engine ships and the semesters the tenant entered.
 */
export async function interestOfCases(
  db: Reader,
  tenantId: string,
  caseIds: readonly string[],
  asOf: IsoDate,
): Promise<Map<string, CaseInterest>> {
  const out = new Map<string, CaseInterest>();
  if (caseIds.length === 0) return out;
  const cases = await db
    .selectFrom('cases as c')
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select([
      'c.case_id',
      'cr.country',
      'cr.is_professional',
      'cr.interest_policy',
      'cr.fixed_fee_policy',
      'cr.contract_rate',
      'd.kind',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', 'in', caseIds)
    .execute();
  const claims = await db
    .selectFrom('claims')
    .select([
      'case_id',
      'claim_id',
      'invoice_number',
      'due_date',
      'outstanding_minor',
      'disputed_minor',
      'currency',
      'paid_principal_minor',
    ])
    .where('tenant_id', '=', tenantId)
    .where('case_id', 'in', caseIds)
    .where('status', '=', 'open')
    .execute();
  const paymentsOf = await claimPayments(db, tenantId, caseIds);
  const notices = await db
    .selectFrom('actions')
    .select(['case_id', (eb) => eb.fn.min('scheduled_at').as('sent')])
    .where('tenant_id', '=', tenantId)
    .where('case_id', 'in', caseIds)
    .where('channel', '=', 'formal_notice')
    .where('status', '=', 'sent')
    .groupBy('case_id')
    .execute();
  const tables = await rateTablesOf(db, tenantId);
  const noticeOf = new Map(notices.map((n) => [n.case_id, n.sent ? String(n.sent).slice(0, 10) : null]));
  for (const c of cases) {
    out.set(
      c.case_id,
      caseInterest({
        claims: claims
          .filter((k) => k.case_id === c.case_id)
          .map((k) => ({
            invoiceNumber: k.invoice_number,
            dueDate: k.due_date,
            // A disputed part bears no interest claimed while it is disputed: only what is still asked.
            outstandingMinor: undisputedPart({
              status: 'open',
              outstandingMinor: Number(k.outstanding_minor),
              disputedMinor: Number(k.disputed_minor),
            }),
            currency: k.currency,
            paidPrincipalMinor: Number(k.paid_principal_minor),
            payments: paymentsOf.get(k.claim_id) ?? [],
          })),
        creditorCountry: c.country,
        creditorProfessional: c.is_professional === 1,
        debtorKind: c.kind,
        interest: c.interest_policy,
        fees: c.fixed_fee_policy,
        contractRatePercent: c.contract_rate,
        formalNoticeOn: noticeOf.get(c.case_id) ?? null,
        asOf,
        tables,
      }),
    );
  }
  return out;
}

/**
 * What booked payments put on each claim, by day (interest, fees and principal together: the interest rule
 * imputes them again, interest first, and finds what is still owed). Reversed payments no longer count.
 */
async function claimPayments(
  db: Reader,
  tenantId: string,
  caseIds: readonly string[],
): Promise<Map<string, InterestPayment[]>> {
  const rows = await db
    .selectFrom('payment_allocations as a')
    .innerJoin('payments as p', (j) =>
      j.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.payment_id', '=', 'a.payment_id'),
    )
    .select([
      'a.claim_id',
      'p.received_on',
      (eb) => eb.fn.sum<string | number>('a.amount_minor').as('amount'),
    ])
    .where('a.tenant_id', '=', tenantId)
    .where('a.case_id', 'in', caseIds)
    .where('a.claim_id', 'is not', null)
    .where('p.status', '=', 'booked')
    .groupBy(['a.claim_id', 'p.received_on'])
    .orderBy('p.received_on')
    .execute();
  const out = new Map<string, InterestPayment[]>();
  for (const r of rows) {
    if (!r.claim_id) continue;
    const list = out.get(r.claim_id) ?? [];
    list.push({ date: r.received_on, amountMinor: Number(r.amount) });
    out.set(r.claim_id, list);
  }
  return out;
}
