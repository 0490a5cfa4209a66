import type { Transaction } from 'kysely';
import { enqueueCallTask, planCallTask } from '../../channels/voice/call-queue.ts';
import type { Database } from '../../db/schema.ts';
import { handoverFromAction } from '../agency-comparison/handovers.ts';
import { appendEvidence } from '../evidence/journal.ts';
import { produceLetter } from '../letters/produce-letter.ts';
import { renderContent } from '../templates/render-content.ts';
import type { ClaimedAction } from './claim-due.ts';
import type { SendContext } from './send-context.ts';

export const LOCAL_PROVIDERS = {
  letter: 'print',
  registered_letter: 'print',
  formal_notice: 'print',
  call_task: 'call-queue',
  ivr_call: 'call-queue',
  agency_handover: 'handover',
  legal_handover: 'handover',
} as const satisfies Record<string, string>;

export type LocalChannel = keyof typeof LOCAL_PROVIDERS;

export function isLocalChannel(channel: string): channel is LocalChannel {
  return channel in LOCAL_PROVIDERS;
}

/**
 * The channels that leave through our own database: a letter queued for printing, an entry of the call
 * queue, a hand-over recorded. The production, the journal entry and `sent` are one transaction, so these
 * can never be in doubt; each producer is idempotent per action besides.
 */
export async function sendLocalAction(
  ctx: SendContext,
  action: ClaimedAction & { readonly channel: LocalChannel },
): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const produced = await produce(trx, ctx, action);
    const updated = await trx
      .updateTable('actions')
      .set({
        status: 'sent',
        sent_at: ctx.now,
        provider: LOCAL_PROVIDERS[action.channel],
        provider_message_id: produced.id,
        document_id: produced.documentId,
        last_error: null,
        claimed_by: null,
        claimed_until: null,
      })
      .where('tenant_id', '=', ctx.tenantId)
      .where('action_id', '=', action.actionId)
      .where('status', '=', 'sending')
      .where('claimed_by', '=', ctx.dispatcherId)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  });
}

async function produce(
  trx: Transaction<Database>,
  ctx: SendContext,
  action: ClaimedAction & { readonly channel: LocalChannel },
): Promise<{ readonly id: string; readonly documentId: string | null }> {
  switch (action.channel) {
    case 'letter':
    case 'registered_letter':
    case 'formal_notice': {
      const letter = await produceLetter(trx, ctx.tenantId, {
        actionId: action.actionId,
        caseId: action.caseId,
        kind: action.channel,
        template: action.template,
        language: action.language,
        today: ctx.today,
        actor: 'dispatcher',
        now: ctx.now,
      });
      return { id: letter.reference, documentId: letter.documentId };
    }
    case 'call_task':
    case 'ivr_call': {
      const plan = await planCallTask(trx, ctx.tenantId, action.actionId, ctx.now);
      if (!plan) throw new Error(`Action ${action.actionId} is not a call.`);
      const script = await renderContent(trx, ctx.tenantId, {
        caseId: action.caseId,
        template: action.template,
        channel: 'call',
        language: action.language,
        today: ctx.today,
      });
      const task = await enqueueCallTask(trx, {
        ...plan,
        tenantId: ctx.tenantId,
        actionId: action.actionId,
        script: script.text,
        now: ctx.now,
      });
      return { id: task.taskId, documentId: null };
    }
    case 'agency_handover': {
      await handoverFromAction(trx, ctx, action);
      return recordHandover(trx, ctx, action);
    }
    case 'legal_handover':
      return recordHandover(trx, ctx, action);
  }
}

/** A hand-over (already approved by a person at review): the case's balance and history, journaled. */
async function recordHandover(
  trx: Transaction<Database>,
  ctx: SendContext,
  action: ClaimedAction,
): Promise<{ readonly id: string; readonly documentId: null }> {
  const found = await trx
    .selectFrom('cases')
    .select([
      'outstanding_minor',
      'disputed_minor',
      'currency',
      'claim_count',
      'open_claim_count',
      'oldest_due_date',
      'stage',
    ])
    .where('tenant_id', '=', ctx.tenantId)
    .where('case_id', '=', action.caseId)
    .executeTakeFirstOrThrow();
  const history = await trx
    .selectFrom('actions')
    .select(['channel', 'status', 'sent_at', 'template', 'provider_message_id'])
    .where('tenant_id', '=', ctx.tenantId)
    .where('case_id', '=', action.caseId)
    .where('status', 'in', ['sent', 'delivered'])
    .orderBy('sent_at')
    .execute();
  const entry = await appendEvidence(trx, {
    tenantId: ctx.tenantId,
    caseId: action.caseId,
    actionId: action.actionId,
    at: ctx.now,
    kind: 'handover',
    actor: 'dispatcher',
    payload: {
      to: action.channel === 'agency_handover' ? 'agency' : 'legal',
      balance: {
        outstandingMinor: Number(found.outstanding_minor),
        disputedMinor: Number(found.disputed_minor),
        currency: found.currency,
        amountsAtPlanning: action.amounts ? (JSON.parse(action.amounts) as unknown) : null,
      },
      claims: { total: Number(found.claim_count), open: Number(found.open_claim_count) },
      oldestDueDate: found.oldest_due_date,
      stage: found.stage,
      contacts: history.map((h) => ({
        channel: h.channel,
        template: h.template,
        sentAt: h.sent_at,
        reference: h.provider_message_id,
      })),
    },
  });
  return { id: entry.entryId, documentId: null };
}
