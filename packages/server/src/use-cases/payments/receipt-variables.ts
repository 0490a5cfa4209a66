import type { DateText, Language, MoneyText, TemplateVariables } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.ts';
import type { AllocationPart, PaymentMethod } from '../../db/schema-payments.ts';

type Reader = Db | Transaction<Database>;
export type ReceiptVariables = NonNullable<TemplateVariables['receipt']>;

const METHOD: Readonly<Record<PaymentMethod, Readonly<Record<Language, string>>>> = {
  card: { fr: 'carte bancaire', en: 'card' },
  transfer: { fr: 'virement', en: 'bank transfer' },
  direct_debit: { fr: 'prélèvement', en: 'direct debit' },
  cheque: { fr: 'chèque', en: 'cheque' },
  cash: { fr: 'espèces', en: 'cash' },
  other: { fr: 'autre moyen', en: 'other means' },
};

const PART: Readonly<Record<Exclude<AllocationPart, 'credit'>, Readonly<Record<Language, string>>>> = {
  interest: { fr: 'intérêts', en: 'interest' },
  fees: { fr: 'indemnité et frais', en: 'fees' },
  principal: { fr: 'principal', en: 'principal' },
};

/** The outbox key of a payment's receipt: the message names its payment through it. */
export function receiptKey(paymentId: string): string {
  return `payment:${paymentId}:receipt`;
}

/** The payment a receipt's action key names; null for any other action. */
export function paymentOfActionKey(key: string): string | null {
  return /^payment:([^:]+):receipt$/.exec(key)?.[1] ?? null;
}

/** The receipt's number, stable per payment: the day received and the start of the payment's id. */
export function receiptNumber(paymentId: string, receivedOn: string): string {
  return `Q-${receivedOn.replaceAll('-', '')}-${paymentId.replaceAll('-', '').slice(-8).toUpperCase()}`;
}

/**
 * The payment a receipt speaks of, for its template: named by the action key; null for other messages.
 * The balance is what the case still owed once the payment was booked (principal, interest and fees).
 */
export async function loadReceiptVariables(
  db: Reader,
  tenantId: string,
  caseId: string,
  language: Language,
  money: (minor: number) => MoneyText,
  date: (iso: string) => DateText,
  actionKey: string | null,
): Promise<ReceiptVariables | null> {
  const paymentId = actionKey ? paymentOfActionKey(actionKey) : null;
  if (!paymentId) return null;
  const payment = await db
    .selectFrom('payments')
    .select([
      'payment_id',
      'amount_minor',
      'received_on',
      'method',
      'reference',
      'credit_minor',
      'balance_after_minor',
    ])
    .where('tenant_id', '=', tenantId)
    .where('payment_id', '=', paymentId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!payment) return null;
  const lines = await db
    .selectFrom('payment_allocations as a')
    .leftJoin('claims as k', (j) =>
      j.onRef('k.tenant_id', '=', 'a.tenant_id').onRef('k.claim_id', '=', 'a.claim_id'),
    )
    .select(['a.part', 'a.amount_minor', 'k.invoice_number'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.payment_id', '=', paymentId)
    .where('a.part', '!=', 'credit')
    .orderBy('a.seq')
    .execute();
  const balance = Number(payment.balance_after_minor);
  const credit = Number(payment.credit_minor);
  return {
    number: receiptNumber(payment.payment_id, payment.received_on),
    amount: money(Number(payment.amount_minor)),
    date: date(payment.received_on),
    method: METHOD[payment.method][language],
    reference: payment.reference,
    lines: lines.map((l) => ({
      invoice: l.invoice_number ?? '',
      part: PART[l.part as Exclude<AllocationPart, 'credit'>][language],
      amount: money(Number(l.amount_minor)),
    })),
    balance: money(balance),
    credit: credit > 0 ? money(credit) : null,
    settled: balance <= 0,
  };
}
