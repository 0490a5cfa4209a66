import type { Language } from '@relance/core';
import type { Deps } from '../../shared/deps.ts';
import { type RowMailTotals, sendRowMails } from '../dispatch/row-mail.ts';
import { readDocument } from '../evidence/journal.ts';
import { remittanceReference } from './remittance-document.ts';

export type RemittanceMailTotals = RowMailTotals;

const TEXTS: Readonly<
  Record<Language, { subject: (ref: string) => string; body: (agency: string) => string }>
> = {
  fr: {
    subject: (ref) => `Relevé de reversement ${ref}`,
    body: (agency) =>
      'Bonjour,\n\nVeuillez trouver ci-joint le relevé des sommes encaissées pour votre compte pendant la période, ' +
      'avec la quittance de chaque paiement, notre commission et le montant net qui vous est reversé ' +
      `(CPCE R124-5 et R124-6).\n\nCordialement,\n${agency}\n`,
  },
  en: {
    subject: (ref) => `Remittance statement ${ref}`,
    body: (agency) =>
      'Hello,\n\nPlease find attached the statement of the sums collected on your behalf in the period, with the ' +
      'receipt of each payment, our commission and the net amount remitted to you.\n\n' +
      `Kind regards,\n${agency}\n`,
  },
};

/**
 * Sends the statements waiting for their e-mail to the client (its address in the creditor's details), with the
 * PDF attached, through the statement row's own small outbox (`dispatch/row-mail.ts`, decision 0007): under a
 * lease, retried, an interrupted send left `unconfirmed` for a person (`requeueRemittanceEmail`). Statements
 * speak to clients, not debtors: no compliance gate. Without SMTP settings they wait.
 */
export async function sendRemittanceEmails(deps: Deps, tenantId: string): Promise<RemittanceMailTotals> {
  const db = deps.database.db;
  const tenant = await db
    .selectFrom('tenants')
    .select('locale')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  const spec = {
    table: 'remittances',
    id: 'remittance_id',
    entity: 'remittance',
    filePrefix: 'remittance',
  } as const;
  return sendRowMails(deps, spec, tenantId, async (remittanceId, ctx) => {
    const statement = await db
      .selectFrom('remittances')
      .select(['creditor_id', 'period', 'currency', 'email_to', 'document_id'])
      .where('tenant_id', '=', tenantId)
      .where('remittance_id', '=', remittanceId)
      .executeTakeFirstOrThrow();
    if (!statement.email_to) return null;
    const creditor = await db
      .selectFrom('creditors')
      .select(['ref', 'name', 'currency'])
      .where('tenant_id', '=', tenantId)
      .where('creditor_id', '=', statement.creditor_id)
      .executeTakeFirstOrThrow();
    const pdf = statement.document_id ? await readDocument(db, tenantId, statement.document_id) : null;
    const texts = TEXTS[tenant.locale];
    const reference = remittanceReference(
      creditor.ref,
      statement.period,
      statement.currency,
      creditor.currency,
    );
    return {
      to: statement.email_to,
      toName: creditor.name,
      subject: texts.subject(reference),
      text: texts.body(ctx.settings.fromName ?? ctx.sender),
      attachments: pdf
        ? [{ fileName: pdf.fileName, contentType: 'application/pdf', content: pdf.content }]
        : [],
    };
  });
}
