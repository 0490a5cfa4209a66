import type { Language } from '@relance/core';
import { DomainError } from '@relance/core';
import { renderReceipt } from '../../channels/letters/render-receipt.ts';
import type { Db } from '../../db/schema.ts';
import { readDocument, storeDocument } from '../evidence/journal.ts';
import { loadTemplateVariables } from '../templates/case-variables.ts';
import { receiptKey } from './receipt-variables.ts';

export type ReceiptFile = {
  readonly documentId: string;
  readonly fileName: string;
  readonly content: Uint8Array;
};

/**
 * The receipt (quittance) PDF of a payment, made the first time it is needed — when its e-mail leaves, or when
 * a person opens it — then kept: rendering a PDF is the costliest part of booking a payment, and a webhook
 * should not wait for it. Its words come from what the payment row keeps (the balance after it included), so
 * the receipt says the same whenever it is made. In the debtor's language unless one is asked for.
 */
export async function produceReceipt(
  db: Db,
  tenantId: string,
  paymentId: string,
  now: string,
  language?: Language,
): Promise<ReceiptFile> {
  return db.transaction().execute(async (trx) => {
    const payment = await trx
      .selectFrom('payments as p')
      .innerJoin('cases as c', (j) =>
        j.onRef('c.tenant_id', '=', 'p.tenant_id').onRef('c.case_id', '=', 'p.case_id'),
      )
      .innerJoin('debtors as d', (j) =>
        j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
      )
      .select(['p.case_id', 'p.received_on', 'p.receipt_document_id', 'd.language'])
      .where('p.tenant_id', '=', tenantId)
      .where('p.payment_id', '=', paymentId)
      .executeTakeFirst();
    if (!payment) throw new DomainError('not_found', 'Payment not found.', { reason: 'payment_not_found' });
    const kept = language === undefined || language === payment.language;
    if (kept && payment.receipt_document_id) {
      const document = await readDocument(trx, tenantId, payment.receipt_document_id);
      if (document)
        return {
          documentId: payment.receipt_document_id,
          fileName: document.fileName,
          content: document.content,
        };
    }
    const variables = await loadTemplateVariables(trx, tenantId, payment.case_id, {
      language: language ?? payment.language,
      today: payment.received_on,
      actionKey: receiptKey(paymentId),
    });
    const content = await renderReceipt(variables, payment.received_on);
    const fileName = `${variables.receipt?.number ?? paymentId}.pdf`;
    if (!kept) return { documentId: '', fileName, content };
    const document = await storeDocument(trx, {
      tenantId,
      caseId: payment.case_id,
      kind: 'payment_receipt',
      mediaType: 'application/pdf',
      fileName,
      content,
      createdAt: now,
    });
    await trx
      .updateTable('payments')
      .set({ receipt_document_id: document.documentId })
      .where('tenant_id', '=', tenantId)
      .where('payment_id', '=', paymentId)
      .execute();
    return { documentId: document.documentId, fileName, content };
  });
}
