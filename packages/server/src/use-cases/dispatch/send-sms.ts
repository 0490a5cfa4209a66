import { applyEarlyReports } from '../../channels/sms/record-sms-status.ts';
import { twilioStatusCallbackUrl } from '../../channels/sms/sms-environment.ts';
import { SmsSendError } from '../../channels/sms/sms-provider.ts';
import { appendEvidence, storeDocument } from '../evidence/journal.ts';
import { renderContent } from '../templates/render-content.ts';
import type { ClaimedAction } from './claim-due.ts';
import { DispatchError, markHandedOver } from './record-outcome.ts';
import type { SendContext } from './send-context.ts';
import type { SendCheck } from './send-gate.ts';

/**
 * Sends one SMS action through the tenant's provider with the action's message id as idempotency key (the
 * built-in provider honours it: an interrupted send is resumed without a second message), then records
 * `sent`, the text as a document and the evidence entry in one transaction.
 */
export async function sendSmsAction(
  ctx: SendContext,
  action: ClaimedAction,
  check: SendCheck,
): Promise<boolean> {
  const contact = check.contact;
  if (!contact) throw new DispatchError('The debtor has no mobile number.', true);
  const content = await renderContent(ctx.db, ctx.tenantId, {
    caseId: action.caseId,
    template: action.template,
    channel: 'sms',
    language: action.language,
    today: ctx.today,
    actionKey: action.actionKey,
  });
  if (!(await markHandedOver(ctx.db, ctx.tenantId, action.actionId, ctx.dispatcherId, ctx.sms.name)))
    return false;
  let sent: Awaited<ReturnType<typeof ctx.sms.send>>;
  try {
    sent = await ctx.sms.send({
      to: contact.value,
      from: null,
      body: content.text,
      idempotencyKey: action.messageId,
      // Providers that report delivery (Twilio) call back here; the built-in one reports at once.
      statusCallbackUrl: twilioStatusCallbackUrl(ctx.tenantId),
    });
  } catch (error) {
    if (error instanceof SmsSendError) throw new DispatchError(error.message, error.permanent);
    throw error;
  }
  await ctx.db.transaction().execute(async (trx) => {
    const document = await storeDocument(trx, {
      tenantId: ctx.tenantId,
      caseId: action.caseId,
      kind: 'sms',
      mediaType: 'text/plain; charset=utf-8',
      fileName: `${action.actionId}.txt`,
      content: new TextEncoder().encode(sent.body),
      createdAt: ctx.now,
    });
    await trx
      .updateTable('actions')
      .set({
        // A provider that knows at once (the built-in one) says delivered; others report later.
        status: sent.status === 'delivered' ? 'delivered' : 'sent',
        sent_at: ctx.now,
        delivered_at: sent.status === 'delivered' ? ctx.now : null,
        provider: sent.provider,
        provider_message_id: sent.providerMessageId,
        document_id: document.documentId,
        last_error: null,
        claimed_by: null,
        claimed_until: null,
      })
      .where('tenant_id', '=', ctx.tenantId)
      .where('action_id', '=', action.actionId)
      .where('status', 'in', ['sending', 'unconfirmed'])
      .execute();
    // A delivery report may have beaten us here: it is applied now that the message id is known.
    await applyEarlyReports(
      trx,
      ctx.tenantId,
      { action_id: action.actionId, case_id: action.caseId },
      sent.provider,
      sent.providerMessageId,
      ctx.now,
    );
    await appendEvidence(trx, {
      tenantId: ctx.tenantId,
      caseId: action.caseId,
      actionId: action.actionId,
      at: ctx.now,
      kind: 'sms_sent',
      actor: 'dispatcher',
      payload: {
        to: contact.value,
        text: sent.body,
        template: action.template,
        templateVersion: content.templateVersion,
        language: action.language,
        attempt: action.attempts,
        provider: sent.provider,
        providerMessageId: sent.providerMessageId,
        status: sent.status,
        segments: sent.segments,
        encoding: sent.encoding,
        idempotencyKey: action.messageId,
      },
      document,
    });
  });
  return true;
}
