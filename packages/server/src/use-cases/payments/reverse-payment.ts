import { DomainError } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { refreshCases } from '../../ledger/refresh-cases.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { reverseCommission } from '../agency/commissions.ts';
import { appendEvidence } from '../evidence/journal.ts';
import { readScope } from '../portfolio/scope.ts';
import { evaluateCaseNow } from '../workspace/evaluate-case-now.ts';

export type ReversePaymentInput = {
  /** The payment, by its id or by the source key it was booked with. */
  readonly paymentId?: string;
  readonly sourceKey?: string;
  /** Why: the bank's return reason (AC04, MD06…), a chargeback, a person's correction. */
  readonly reason: string;
};

export type ReversedPayment = {
  readonly paymentId: string;
  /** True when it was already reversed: nothing changed. */
  readonly repeated: boolean;
  readonly caseId: string;
  readonly caseOutstandingMinor: number;
};

/**
 * Undoes a booked payment (a returned transfer, a chargeback, a mistake): every cent it put on a claim goes
 * back (a claim it paid reopens), the case's totals follow, the ladder takes the case up again from where it
 * stands, and the journal says why. The payment row stays, marked 'reversed'. Reversing twice changes nothing.
 */
export async function reversePayment(
  deps: Deps,
  actor: Actor,
  input: ReversePaymentInput,
  trx?: Transaction<Database>,
): Promise<ReversedPayment> {
  if (!input.paymentId && !input.sourceKey) {
    throw new DomainError('invalid_input', 'Name the payment to reverse.', { reason: 'payment_not_named' });
  }
  if (trx) return reverse(deps, actor, input, trx);
  return deps.database.db.transaction().execute((t) => reverse(deps, actor, input, t));
}

async function reverse(
  deps: Deps,
  actor: Actor,
  input: ReversePaymentInput,
  trx: Transaction<Database>,
): Promise<ReversedPayment> {
  const scope = readScope(actor, 'cases:act');
  const { tenantId } = scope;
  const now = deps.clock.now();
  const payment = await trx
    .selectFrom('payments')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .$if(input.paymentId !== undefined, (q) => q.where('payment_id', '=', input.paymentId ?? ''))
    .$if(input.sourceKey !== undefined, (q) => q.where('source_key', '=', input.sourceKey ?? ''))
    .$if(scope.creditorId !== null, (q) => q.where('creditor_id', '=', scope.creditorId ?? ''))
    .$if(deps.database.dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
  if (!payment) throw new DomainError('not_found', 'Payment not found.', { reason: 'payment_not_found' });
  const caseId = payment.case_id;
  if (payment.status === 'reversed') {
    return {
      paymentId: payment.payment_id,
      repeated: true,
      caseId,
      caseOutstandingMinor: await outstanding(trx, tenantId, caseId),
    };
  }
  const lines = await trx
    .selectFrom('payment_allocations')
    .select(['claim_id', 'part', 'amount_minor'])
    .where('tenant_id', '=', tenantId)
    .where('payment_id', '=', payment.payment_id)
    .execute();
  let interest = 0;
  let fees = 0;
  for (const line of lines) {
    const amount = Number(line.amount_minor);
    if (line.part === 'interest') interest += amount;
    if (line.part === 'fees') fees += amount;
    if (!line.claim_id || line.part === 'credit') continue;
    const update = trx.updateTable('claims');
    const set =
      line.part === 'principal'
        ? update.set((eb) => ({
            outstanding_minor: eb('outstanding_minor', '+', amount),
            paid_principal_minor: eb('paid_principal_minor', '-', amount),
            status: eb
              .case()
              .when('status', '=', 'paid')
              .then('open' as const)
              .else(eb.ref('status'))
              .end(),
            updated_at: now,
          }))
        : line.part === 'interest'
          ? update.set((eb) => ({
              paid_interest_minor: eb('paid_interest_minor', '-', amount),
              updated_at: now,
            }))
          : update.set((eb) => ({ paid_fees_minor: eb('paid_fees_minor', '-', amount), updated_at: now }));
    await set.where('tenant_id', '=', tenantId).where('claim_id', '=', line.claim_id).execute();
  }
  await trx
    .updateTable('payments')
    .set({ status: 'reversed', reversed_at: now, reversal_reason: input.reason })
    .where('tenant_id', '=', tenantId)
    .where('payment_id', '=', payment.payment_id)
    .execute();
  // The agency's fee on it is taken back on the next statement.
  await reverseCommission(trx, { tenantId, paymentId: payment.payment_id, on: deps.clock.today(), now });
  await refreshCases(trx, tenantId, [caseId], now);
  await trx
    .updateTable('cases')
    .set((eb) => ({
      paid_minor: eb('paid_minor', '-', Number(payment.amount_minor)),
      credit_minor: eb('credit_minor', '-', Number(payment.credit_minor)),
      interest_minor: eb('interest_minor', '+', interest),
      fees_minor: eb('fees_minor', '+', fees),
    }))
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .execute();
  const facts = {
    paymentId: payment.payment_id,
    amountMinor: Number(payment.amount_minor),
    currency: payment.currency,
    sourceKey: payment.source_key,
    reason: input.reason,
  };
  await appendEvidence(trx, {
    tenantId,
    caseId,
    at: now,
    kind: 'payment_reversed',
    actor: `${actor.kind === 'user' ? 'user' : 'provider'}:${actor.id}`,
    payload: facts,
  });
  await appendAudit(trx, {
    tenantId,
    at: now,
    actor,
    action: 'payment.reverse',
    entityKind: 'payment',
    entityId: payment.payment_id,
    data: { caseId, ...facts },
  });
  await evaluateCaseNow(trx, deps.database.raw, {
    tenantId,
    caseId,
    today: deps.clock.today(),
    now,
    origin: `payment-reversal:${payment.payment_id}`,
  });
  return {
    paymentId: payment.payment_id,
    repeated: false,
    caseId,
    caseOutstandingMinor: await outstanding(trx, tenantId, caseId),
  };
}

async function outstanding(trx: Transaction<Database>, tenantId: string, caseId: string): Promise<number> {
  const row = await trx
    .selectFrom('cases')
    .select('outstanding_minor')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(row.outstanding_minor);
}
