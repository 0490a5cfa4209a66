import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { allowedFrom, loadRecipient, queueMessage } from '../workspace/plans/plan-outbox.ts';
import { receiptKey } from './receipt-variables.ts';

export type QueuedReceipt = {
  /** The message carrying it (an e-mail with the PDF, else an SMS); null when the debtor cannot be reached. */
  readonly actionId: string | null;
  readonly channel: 'email' | 'sms' | null;
};

/**
 * The receipt (quittance, R124-6) of a payment, to the debtor: an e-mail that will carry the PDF (made when it
 * leaves, `produce-receipt.ts`), else an SMS pointing to the portal, at the first allowed instant — keyed
 * `payment:<id>:receipt`, so that a second booking attempt queues nothing more. Without any usable contact the
 * receipt is still there to print from the case page.
 */
export async function queueReceipt(
  trx: Transaction<Database>,
  input: {
    readonly tenantId: string;
    readonly caseId: string;
    readonly paymentId: string;
    readonly today: string;
    readonly now: string;
  },
): Promise<QueuedReceipt> {
  const { tenantId, caseId, paymentId, now } = input;
  const recipient = await loadRecipient(trx, tenantId, caseId);
  const channel = recipient.email ? 'email' : recipient.phone ? 'sms' : null;
  if (!channel) return { actionId: null, channel: null };
  const actionId = await queueMessage(trx, {
    tenantId,
    caseId,
    actionKey: receiptKey(paymentId),
    channel,
    template: 'payment-receipt',
    language: recipient.language,
    purpose: 'confirmation',
    plannedOn: input.today,
    scheduledAt: allowedFrom(recipient, caseId, channel, 'confirmation', now),
    instalments: 0,
    documentId: null,
    now,
    reason: { code: 'payment_receipt', params: { paymentId } },
  });
  return { actionId, channel };
}
