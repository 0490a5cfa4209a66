import { composeEmail, type EmailAttachment } from '../../channels/email/compose-email.ts';
import { readEmailSettings } from '../../channels/email/email-settings.ts';
import { SmtpSendError, sendRawEmail, smtpTransport } from '../../channels/email/smtp-sender.ts';
import { appendEvidence, readDocument, storeDocument } from '../evidence/journal.ts';
import { produceReceipt } from '../payments/produce-receipt.ts';
import { paymentOfActionKey } from '../payments/receipt-variables.ts';
import { renderContent } from '../templates/render-content.ts';
import type { ClaimedAction } from './claim-due.ts';
import { DispatchError, markHandedOver } from './record-outcome.ts';
import type { SendContext } from './send-context.ts';
import type { SendCheck } from './send-gate.ts';

export const SMTP_PROVIDER = 'smtp';

/**
 * Sends one e-mail action: renders it, builds its MIME source once (our Message-ID, read-receipt headers,
 * the letter of the same step attached), marks it handed over, gives that source to the SMTP server, then
 * records `sent`, the source as a document and the evidence entry in one transaction.
 * Returns false when the lease was lost before sending (nothing sent).
 */
export async function sendEmailAction(
  ctx: SendContext,
  action: ClaimedAction,
  check: SendCheck,
): Promise<boolean> {
  const { settings } = await readEmailSettings(ctx.db, ctx.tenantId);
  if (!settings) {
    throw new DispatchError(
      'No SMTP server is configured (settings channels.email or RELANCE_SMTP_URL).',
      false,
    );
  }
  const contact = check.contact;
  if (!contact) throw new DispatchError('The debtor has no e-mail address.', true);
  const content = await renderContent(ctx.db, ctx.tenantId, {
    caseId: action.caseId,
    template: action.template,
    channel: 'email',
    language: action.language,
    today: ctx.today,
    actionKey: action.actionKey,
  });
  const attachments = [...(await letterOfSameStep(ctx, action)), ...(await documentOfAction(ctx, action))];
  const raw = await composeEmail(settings, {
    messageId: action.messageId,
    to: contact.value,
    toName: check.debtorName,
    subject: content.subject ?? '',
    text: content.text,
    html: content.html,
    date: ctx.now,
    actionId: action.actionId,
    caseId: action.caseId,
    attachments,
  });
  if (!(await markHandedOver(ctx.db, ctx.tenantId, action.actionId, ctx.dispatcherId, SMTP_PROVIDER))) {
    return false;
  }
  const key = JSON.stringify(settings);
  let transport = ctx.transports.get(key);
  if (!transport) {
    transport = smtpTransport(settings);
    ctx.transports.set(key, transport);
  }
  let accepted: Awaited<ReturnType<typeof sendRawEmail>>;
  try {
    accepted = await sendRawEmail(transport, { from: settings.fromAddress, to: contact.value }, raw);
  } catch (error) {
    if (!(error instanceof SmtpSendError)) throw error;
    const bounce =
      error.permanent && error.recipientRefused
        ? { contactId: contact.contactId, address: contact.value, code: error.responseCode }
        : null;
    throw new DispatchError(error.message, error.permanent, bounce);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const document = await storeDocument(trx, {
      tenantId: ctx.tenantId,
      caseId: action.caseId,
      kind: 'email',
      mediaType: 'message/rfc822',
      fileName: `${action.actionId}.eml`,
      content: raw,
      createdAt: ctx.now,
    });
    // Recorded even if the lease expired meanwhile and another dispatcher marked it unconfirmed: it did leave.
    await trx
      .updateTable('actions')
      .set({
        status: 'sent',
        sent_at: ctx.now,
        provider: SMTP_PROVIDER,
        provider_message_id: accepted.queueId,
        document_id: document.documentId,
        last_error: null,
        claimed_by: null,
        claimed_until: null,
      })
      .where('tenant_id', '=', ctx.tenantId)
      .where('action_id', '=', action.actionId)
      .where('status', 'in', ['sending', 'unconfirmed'])
      .execute();
    await appendEvidence(trx, {
      tenantId: ctx.tenantId,
      caseId: action.caseId,
      actionId: action.actionId,
      at: ctx.now,
      kind: 'email_sent',
      actor: 'dispatcher',
      payload: {
        from: settings.fromAddress,
        to: contact.value,
        subject: content.subject,
        messageId: action.messageId,
        template: action.template,
        templateVersion: content.templateVersion,
        language: action.language,
        attempt: action.attempts,
        smtpResponse: accepted.response,
        providerMessageId: accepted.queueId,
        attachments: attachments.map((a) => a.fileName),
        readReceiptRequested: settings.readReceipt,
      },
      document,
    });
  });
  return true;
}

/** The letter produced by the same step for the case (a copy of the formal notice), attached as its PDF. */
async function letterOfSameStep(ctx: SendContext, action: ClaimedAction): Promise<EmailAttachment[]> {
  const letters = await ctx.db
    .selectFrom('postal_items as p')
    .innerJoin('actions as a', (j) =>
      j.onRef('a.tenant_id', '=', 'p.tenant_id').onRef('a.action_id', '=', 'p.action_id'),
    )
    .select(['p.document_id', 'p.reference'])
    .where('p.tenant_id', '=', ctx.tenantId)
    .where('p.case_id', '=', action.caseId)
    .where('a.planned_on', '=', action.plannedOn)
    .execute();
  const attachments: EmailAttachment[] = [];
  for (const letter of letters) {
    const document = await readDocument(ctx.db, ctx.tenantId, letter.document_id);
    if (document) {
      attachments.push({
        fileName: `${letter.reference}.pdf`,
        contentType: 'application/pdf',
        content: document.content,
      });
    }
  }
  return attachments;
}

/**
 * The document an action was queued with (a payment plan's agreement PDF), attached as it was kept. Read
 * before sending: once sent, the action's `document_id` becomes the e-mail's own source.
 */
async function documentOfAction(ctx: SendContext, action: ClaimedAction): Promise<EmailAttachment[]> {
  const row = await ctx.db
    .selectFrom('actions')
    .select('document_id')
    .where('tenant_id', '=', ctx.tenantId)
    .where('action_id', '=', action.actionId)
    .executeTakeFirst();
  if (!row?.document_id) {
    // A payment's receipt is made when its e-mail leaves (and kept), not while the payment is booked.
    const paymentId = paymentOfActionKey(action.actionKey);
    if (!paymentId) return [];
    const receipt = await produceReceipt(ctx.db, ctx.tenantId, paymentId, ctx.now);
    return [{ fileName: receipt.fileName, contentType: 'application/pdf', content: receipt.content }];
  }
  const document = await readDocument(ctx.db, ctx.tenantId, row.document_id);
  return document
    ? [{ fileName: document.fileName, contentType: document.mediaType, content: document.content }]
    : [];
}

const LETTER_CHANNELS = ['letter', 'registered_letter', 'formal_notice'];

/**
 * When the same step also sends a letter that is not produced yet (a formal notice posted later in the day),
 * the instant the e-mail should wait for, so that it can carry the letter's copy; null when nothing is coming.
 */
export async function letterStillComing(ctx: SendContext, action: ClaimedAction): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('actions')
    .select((eb) => eb.fn.max('scheduled_at').as('at'))
    .where('tenant_id', '=', ctx.tenantId)
    .where('case_id', '=', action.caseId)
    .where('planned_on', '=', action.plannedOn)
    .where('channel', 'in', LETTER_CHANNELS)
    .where('status', 'in', ['planned', 'sending'])
    .executeTakeFirst();
  const at = row?.at ? String(row.at) : null;
  if (!at) return null;
  const floor = new Date(Date.parse(ctx.now) + 60_000).toISOString();
  const wanted = new Date(at).toISOString();
  // biome-ignore lint/complexity/useMathMinMax: ISO-8601 UTC instants, compared as strings
  return wanted > floor ? wanted : floor;
}
