import { type AllocationStep, DomainError, describeAllocationStep, type Language } from '@relance/core';
import type { AllocationPart, PaymentStatus } from '../../db/schema-payments.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { readScope } from '../portfolio/scope.ts';
import { produceReceipt, type ReceiptFile } from './produce-receipt.ts';
import { receiptNumber } from './receipt-variables.ts';

export type PaymentLineView = {
  readonly claimId: string | null;
  readonly invoiceNumber: string | null;
  readonly part: AllocationPart;
  readonly amountMinor: number;
  readonly rule: string;
};

export type PaymentView = {
  readonly paymentId: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly method: string;
  readonly channel: string;
  readonly provider: string | null;
  readonly receivedOn: string;
  readonly status: PaymentStatus;
  readonly reference: string | null;
  readonly payerName: string | null;
  readonly creditMinor: number;
  readonly receiptNumber: string;
  readonly receiptDocumentId: string | null;
  readonly recordedAt: string;
  readonly reversedAt: string | null;
  readonly reversalReason: string | null;
  readonly lines: readonly PaymentLineView[];
  /** Why each cent went where it went, in the reader's language (C. civ. 1342-10, 1343-1). */
  readonly explanation: readonly string[];
};

export type CasePayments = {
  readonly caseId: string;
  readonly currency: string;
  readonly paidMinor: number;
  readonly creditMinor: number;
  readonly payments: readonly PaymentView[];
};

/** The payments of a case, newest first, with where each went and why. */
export async function listCasePayments(
  deps: Deps,
  actor: Actor,
  caseId: string,
  language: Language,
): Promise<CasePayments> {
  const scope = readScope(actor);
  const db = deps.database.db;
  const kase = await db
    .selectFrom('cases')
    .select(['currency', 'paid_minor', 'credit_minor'])
    .where('tenant_id', '=', scope.tenantId)
    .where('case_id', '=', caseId)
    .$if(scope.creditorId !== null, (q) => q.where('creditor_id', '=', scope.creditorId ?? ''))
    .executeTakeFirst();
  if (!kase) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  const rows = await db
    .selectFrom('payments')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('case_id', '=', caseId)
    .orderBy('recorded_at', 'desc')
    .orderBy('payment_id', 'desc')
    .execute();
  const lines = await db
    .selectFrom('payment_allocations as a')
    .leftJoin('claims as k', (j) =>
      j.onRef('k.tenant_id', '=', 'a.tenant_id').onRef('k.claim_id', '=', 'a.claim_id'),
    )
    .select(['a.payment_id', 'a.claim_id', 'k.invoice_number', 'a.part', 'a.amount_minor', 'a.rule'])
    .where('a.tenant_id', '=', scope.tenantId)
    .where('a.case_id', '=', caseId)
    .orderBy('a.seq')
    .execute();
  return {
    caseId,
    currency: kase.currency,
    paidMinor: Number(kase.paid_minor),
    creditMinor: Number(kase.credit_minor),
    payments: rows.map((p) => {
      return {
        paymentId: p.payment_id,
        amountMinor: Number(p.amount_minor),
        currency: p.currency,
        method: p.method,
        channel: p.channel,
        provider: p.provider,
        receivedOn: p.received_on,
        status: p.status,
        reference: p.reference,
        payerName: p.payer_name,
        creditMinor: Number(p.credit_minor),
        receiptNumber: receiptNumber(p.payment_id, p.received_on),
        receiptDocumentId: p.receipt_document_id,
        recordedAt: p.recorded_at,
        reversedAt: p.reversed_at,
        reversalReason: p.reversal_reason,
        lines: lines
          .filter((l) => l.payment_id === p.payment_id)
          .map((l) => ({
            claimId: l.claim_id,
            invoiceNumber: l.invoice_number,
            part: l.part,
            amountMinor: Number(l.amount_minor),
            rule: l.rule,
          })),
        explanation: explain(p.explanation, p.currency, language),
      };
    }),
  };
}

function explain(json: string | null, currency: string, language: Language): string[] {
  if (!json) return [];
  try {
    const steps = JSON.parse(json) as AllocationStep[];
    return steps.map((step) => describeAllocationStep(step, currency, language));
  } catch {
    return [];
  }
}

/** A payment's receipt PDF for a person who may see its case (made on first request, then kept). */
export async function openReceipt(
  deps: Deps,
  actor: Actor,
  paymentId: string,
  language: Language | undefined,
): Promise<ReceiptFile> {
  const scope = readScope(actor);
  const payment = await deps.database.db
    .selectFrom('payments')
    .select('payment_id')
    .where('tenant_id', '=', scope.tenantId)
    .where('payment_id', '=', paymentId)
    .$if(scope.creditorId !== null, (q) => q.where('creditor_id', '=', scope.creditorId ?? ''))
    .executeTakeFirst();
  if (!payment) throw new DomainError('not_found', 'Payment not found.', { reason: 'payment_not_found' });
  return produceReceipt(deps.database.db, scope.tenantId, paymentId, deps.clock.now(), language);
}
