import { type Allocation, allocatePayment, DomainError, isIsoDate } from '@relance/core';
import type { Transaction } from 'kysely';
import { queueCaseEvent } from '../../channels/queue-case-event.ts';
import { newId } from '../../db/ids.ts';
import type { Database } from '../../db/schema.ts';
import type { PaymentChannel, PaymentMethod } from '../../db/schema-payments.ts';
import { refreshCases } from '../../ledger/refresh-cases.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { chargeCommission } from '../agency/commissions.ts';
import { appendEvidence } from '../evidence/journal.ts';
import { readScope } from '../portfolio/scope.ts';
import { evaluateCaseNow } from '../workspace/evaluate-case-now.ts';
import { applyAllocation, stopSettledCase } from './apply-allocation.ts';
import { loadPaymentBasis, type PaymentBasis } from './payment-basis.ts';
import { queueReceipt } from './receipt.ts';

export type RecordPaymentInput = {
  readonly caseId: string;
  /** More than zero, in the currency's minor units. */
  readonly amountMinor: number;
  readonly currency: string;
  readonly method: PaymentMethod;
  readonly channel: PaymentChannel;
  readonly provider: string | null;
  /** The payment's identity at its source (`stripe:pi_…`, `statement:<fingerprint>`…): booked once per tenant. */
  readonly sourceKey: string;
  readonly receivedOn: string;
  readonly valueOn?: string | null;
  readonly designatedClaimIds?: readonly string[];
  readonly payerName?: string | null;
  readonly reference?: string | null;
  readonly attemptId?: string | null;
  readonly statementLineId?: string | null;
};

export type RecordedPayment = {
  readonly paymentId: string;
  /** True when that source key was already booked: nothing changed. */
  readonly repeated: boolean;
  readonly amountMinor: number;
  readonly creditMinor: number;
  readonly settledClaimIds: readonly string[];
  /** Principal left on the case's open claims. */
  readonly caseOutstandingMinor: number;
  /** The case's receipt (quittance) in the outbox, when one could be queued. */
  readonly receiptActionId: string | null;
};

/**
 * Books money received on a case, once per source key, in one transaction: the allocation (the debtor's
 * designation, then interest and fees before principal, C. civ. 1342-10 and 1343-1), the claims and the case,
 * the strategy's payment event applied at once (a settled case leaves its ladder and its pending reminders
 * are cancelled), the receipt (quittance, R124-6) in the outbox, evidence and audit.
 *
 * Pass the caller's transaction to book it with the caller's own change (a provider's event, a statement line).
 */
export async function recordPayment(
  deps: Deps,
  actor: Actor,
  input: RecordPaymentInput,
  trx?: Transaction<Database>,
): Promise<RecordedPayment> {
  checkInput(input);
  if (trx) return book(deps, actor, input, trx);
  return deps.database.db.transaction().execute((t) => book(deps, actor, input, t));
}

function checkInput(input: RecordPaymentInput): void {
  const wrong = (field: string, message: string) =>
    new DomainError('invalid_input', message, { reason: 'payment_invalid', field });
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) {
    throw wrong('amountMinor', 'A payment amount must be a whole number of minor units above zero.');
  }
  if (!/^[A-Z]{3}$/.test(input.currency)) throw wrong('currency', 'A currency is a 3-letter ISO code.');
  if (!isIsoDate(input.receivedOn)) throw wrong('receivedOn', 'The date received must be YYYY-MM-DD.');
  if (input.sourceKey.trim() === '') throw wrong('sourceKey', 'A payment needs its source key.');
}

async function book(
  deps: Deps,
  actor: Actor,
  input: RecordPaymentInput,
  trx: Transaction<Database>,
): Promise<RecordedPayment> {
  const scope = readScope(actor, 'cases:act');
  const { tenantId } = scope;
  const now = deps.clock.now();
  const earlier = await findBySource(trx, tenantId, input.sourceKey);
  if (earlier) return earlier;
  // Two payments of one case at the same time allocate one after the other, each on what the other left.
  if (deps.database.dialect === 'postgres') await lockCase(trx, tenantId, input.caseId);
  const basis = await loadPaymentBasis(trx, scope, input.caseId, input.receivedOn);
  if (!basis) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  const allocation = allocate(basis, input);
  const paymentId = newId();
  const inserted = await trx
    .insertInto('payments')
    .values({
      tenant_id: tenantId,
      payment_id: paymentId,
      case_id: input.caseId,
      creditor_id: basis.creditorId,
      amount_minor: input.amountMinor,
      currency: input.currency,
      method: input.method,
      channel: input.channel,
      provider: input.provider,
      source_key: input.sourceKey,
      received_on: input.receivedOn,
      value_on: input.valueOn ?? null,
      status: 'booked',
      credit_minor: allocation.creditMinor,
      designation: input.designatedClaimIds?.length ? JSON.stringify(input.designatedClaimIds) : null,
      explanation: JSON.stringify(allocation.explanation),
      payer_name: input.payerName ?? null,
      reference: input.reference ?? null,
      attempt_id: input.attemptId ?? null,
      statement_line_id: input.statementLineId ?? null,
      recorded_by: `${actor.kind}:${actor.id}`,
      recorded_at: now,
      strategy_key: basis.strategyKey,
      segment: basis.segment,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'source_key']).doNothing())
    .returning('payment_id')
    .executeTakeFirst();
  // Booked meanwhile by a concurrent copy of the same event (PostgreSQL waited for it, then did nothing).
  if (!inserted) return (await findBySource(trx, tenantId, input.sourceKey)) as RecordedPayment;
  await applyAllocation(trx, { tenantId, caseId: input.caseId, paymentId, allocation, basis, now });
  // An agency's success fee on what this payment collected for its client (nothing without a mandate).
  await chargeCommission(trx, {
    tenantId,
    paymentId,
    caseId: input.caseId,
    creditorId: basis.creditorId,
    currency: input.currency,
    receivedOn: input.receivedOn,
    lines: allocation.lines,
    now,
  });
  await refreshCases(trx, tenantId, [input.caseId], now);
  const paid = sumParts(allocation);
  const after = await trx
    .updateTable('cases')
    .set((eb) => ({
      paid_minor: eb('paid_minor', '+', input.amountMinor),
      credit_minor: eb('credit_minor', '+', allocation.creditMinor),
      interest_minor: eb
        .case()
        .when('interest_minor', '>', paid.interest)
        .then(eb('interest_minor', '-', paid.interest))
        .else(0)
        .end(),
      fees_minor: eb
        .case()
        .when('fees_minor', '>', paid.fees)
        .then(eb('fees_minor', '-', paid.fees))
        .else(0)
        .end(),
    }))
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', input.caseId)
    .returning(['outstanding_minor', 'status', 'interest_minor', 'fees_minor'])
    .executeTakeFirstOrThrow();
  const balanceAfter =
    after.status === 'closed'
      ? 0
      : Number(after.outstanding_minor) + Number(after.interest_minor) + Number(after.fees_minor);
  await trx
    .updateTable('payments')
    .set({ balance_after_minor: balanceAfter })
    .where('tenant_id', '=', tenantId)
    .where('payment_id', '=', paymentId)
    .execute();
  const today = deps.clock.today();
  const eventId = await queueCaseEvent(trx, {
    tenantId,
    caseId: input.caseId,
    kind: 'payment',
    on: input.receivedOn,
    data: { amountMinor: input.amountMinor, paymentId },
    recordedBy: actor.id,
    now,
  });
  const cancelled = after.status === 'closed' ? await stopSettledCase(trx, tenantId, input.caseId, now) : 0;
  const receipt = await queueReceipt(trx, { tenantId, caseId: input.caseId, paymentId, today, now });
  const record = {
    paymentId,
    ...paymentFacts(input, allocation),
    cancelledContacts: cancelled,
    interestMissing: basis.interestMissing,
  };
  await appendEvidence(trx, {
    tenantId,
    caseId: input.caseId,
    actionId: receipt.actionId,
    at: now,
    kind: 'payment_received',
    actor: `${actor.kind === 'user' ? 'user' : 'provider'}:${actor.id}`,
    payload: record,
  });
  await appendAudit(trx, {
    tenantId,
    at: now,
    actor,
    action: 'payment.record',
    entityKind: 'payment',
    entityId: paymentId,
    data: { caseId: input.caseId, eventId, ...record },
  });
  const evaluated = await evaluateCaseNow(trx, deps.database.raw, {
    tenantId,
    caseId: input.caseId,
    today,
    now,
    origin: `payment:${paymentId}`,
  });
  if (receipt.actionId) await dropThanks(trx, tenantId, input.caseId, evaluated.actions);
  return {
    paymentId,
    repeated: false,
    amountMinor: input.amountMinor,
    creditMinor: allocation.creditMinor,
    settledClaimIds: allocation.settledClaimIds,
    caseOutstandingMinor: Number(after.outstanding_minor),
    receiptActionId: receipt.actionId,
  };
}

/** The receipt already thanks the debtor: the strategy's own thank-you for the same payment would be a second message. */
async function dropThanks(
  trx: Transaction<Database>,
  tenantId: string,
  caseId: string,
  actions: readonly { readonly actionId: string; readonly purpose: string }[],
): Promise<void> {
  const thanks = actions.filter((a) => a.purpose === 'thanks').map((a) => a.actionId);
  if (thanks.length === 0) return;
  await trx
    .updateTable('actions')
    .set({ status: 'cancelled', last_error: 'The payment receipt thanks the debtor.' })
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('action_id', 'in', thanks)
    // A thank-you the gate already blocked keeps its verdict: it was never going to leave.
    .where('status', 'in', ['planned', 'review'])
    .execute();
}

function sumParts(allocation: Allocation): { interest: number; fees: number } {
  let interest = 0;
  let fees = 0;
  for (const line of allocation.lines) {
    if (line.part === 'interest') interest += line.amountMinor;
    if (line.part === 'fees') fees += line.amountMinor;
  }
  return { interest, fees };
}

async function lockCase(trx: Transaction<Database>, tenantId: string, caseId: string): Promise<void> {
  await trx
    .selectFrom('cases')
    .select('case_id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .forUpdate()
    .execute();
}

function allocate(basis: PaymentBasis, input: RecordPaymentInput): Allocation {
  if (input.currency !== basis.currency) {
    throw new DomainError(
      'invalid_input',
      `The case is in ${basis.currency}, the payment in ${input.currency}.`,
      {
        reason: 'payment_currency_mismatch',
        expected: basis.currency,
        actual: input.currency,
      },
    );
  }
  const result = allocatePayment({
    payment: {
      amountMinor: input.amountMinor,
      currency: input.currency,
      receivedOn: input.receivedOn,
      designatedClaimIds: input.designatedClaimIds,
    },
    claims: basis.claims,
    order: basis.order,
    instalments: basis.instalments,
  });
  if (!result.ok) {
    throw new DomainError('invalid_input', result.error.message, {
      reason: 'payment_allocation_refused',
      error: result.error,
    });
  }
  return result.value;
}

/** What the evidence and the audit keep of a payment: enough to explain it without the database. */
function paymentFacts(input: RecordPaymentInput, allocation: Allocation) {
  return {
    amountMinor: input.amountMinor,
    currency: input.currency,
    method: input.method,
    channel: input.channel,
    provider: input.provider,
    sourceKey: input.sourceKey,
    receivedOn: input.receivedOn,
    reference: input.reference ?? null,
    lines: allocation.lines,
    instalments: allocation.instalments,
    creditMinor: allocation.creditMinor,
    settledClaimIds: allocation.settledClaimIds,
    explanation: allocation.explanation,
  };
}

async function findBySource(
  trx: Transaction<Database>,
  tenantId: string,
  sourceKey: string,
): Promise<RecordedPayment | null> {
  const row = await trx
    .selectFrom('payments as p')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'p.tenant_id').onRef('c.case_id', '=', 'p.case_id'),
    )
    .select(['p.payment_id', 'p.amount_minor', 'p.credit_minor', 'c.outstanding_minor'])
    .where('p.tenant_id', '=', tenantId)
    .where('p.source_key', '=', sourceKey)
    .executeTakeFirst();
  if (!row) return null;
  const settled = await trx
    .selectFrom('payment_allocations as a')
    .innerJoin('claims as k', (j) =>
      j.onRef('k.tenant_id', '=', 'a.tenant_id').onRef('k.claim_id', '=', 'a.claim_id'),
    )
    .select('a.claim_id')
    .distinct()
    .where('a.tenant_id', '=', tenantId)
    .where('a.payment_id', '=', row.payment_id)
    .where('k.status', '=', 'paid')
    .execute();
  return {
    paymentId: row.payment_id,
    repeated: true,
    amountMinor: Number(row.amount_minor),
    creditMinor: Number(row.credit_minor),
    settledClaimIds: settled.map((s) => s.claim_id ?? '').filter((id) => id !== ''),
    caseOutstandingMinor: Number(row.outstanding_minor),
    receiptActionId: null,
  };
}
