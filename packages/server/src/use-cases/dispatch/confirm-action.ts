import { DomainError } from '@relance/core';
import type { Transaction } from 'kysely';
import type { ActionStatus, Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';
import { appendEvidence } from '../evidence/journal.ts';

export type ConfirmAnswer = 'sent' | 'resend';

/**
 * A person's answer about an `unconfirmed` action (a dispatcher died while the SMTP server had the message):
 * "it was sent" (e.g. the recipient has it, or the server's log shows it) records it sent as of when it was
 * handed over; "send it again" puts it back in the outbox, due now, with the same Message-ID (so a mail
 * client that already has the first copy may recognise the second). Audited and journaled.
 */
export async function confirmAction(
  deps: Deps,
  actor: Actor,
  actionId: string,
  answer: ConfirmAnswer,
): Promise<{ readonly actionId: string; readonly status: 'sent' | 'planned' }> {
  requirePermission(actor, 'cases:act');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const action = await expectStatus(trx, actor.tenantId, actionId, 'unconfirmed', 'action_not_unconfirmed');
    const status = answer === 'sent' ? 'sent' : 'planned';
    await trx
      .updateTable('actions')
      .set(
        answer === 'sent'
          ? { status, sent_at: now, last_error: null }
          : {
              status,
              scheduled_at: now,
              last_error: null,
              provider: null,
              claimed_by: null,
              claimed_until: null,
            },
      )
      .where('tenant_id', '=', actor.tenantId)
      .where('action_id', '=', actionId)
      .execute();
    await appendEvidence(trx, {
      tenantId: actor.tenantId,
      caseId: action.case_id,
      actionId,
      at: now,
      kind: answer === 'sent' ? 'email_sent' : 'dispatch_failed',
      actor: `user:${actor.id}`,
      payload: {
        outcome: answer === 'sent' ? 'confirmed_sent' : 'resend_requested',
        messageId: action.message_id,
        note:
          answer === 'sent'
            ? 'Interrupted dispatch: a person confirmed that the message left.'
            : 'Interrupted dispatch: a person asked for the message to be sent again.',
      },
    });
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: `action.confirm.${answer}`,
      entityKind: 'action',
      entityId: actionId,
      data: { messageId: action.message_id },
    });
    return { actionId, status };
  });
}

/** An action in the dead letter put back in the outbox, due now, its attempts counted afresh. Audited. */
export async function retryAction(
  deps: Deps,
  actor: Actor,
  actionId: string,
): Promise<{ readonly actionId: string; readonly status: 'planned' }> {
  requirePermission(actor, 'cases:act');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const action = await expectStatus(trx, actor.tenantId, actionId, 'failed', 'action_not_failed');
    await trx
      .updateTable('actions')
      .set({ status: 'planned', scheduled_at: now, attempts: 0, claimed_by: null, claimed_until: null })
      .where('tenant_id', '=', actor.tenantId)
      .where('action_id', '=', actionId)
      .execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'action.retry',
      entityKind: 'action',
      entityId: actionId,
      data: { lastError: action.last_error, attempts: action.attempts },
    });
    return { actionId, status: 'planned' as const };
  });
}

async function expectStatus(
  trx: Transaction<Database>,
  tenantId: string,
  actionId: string,
  wanted: ActionStatus,
  reason: string,
) {
  const action = await trx
    .selectFrom('actions')
    .select(['case_id', 'status', 'message_id', 'last_error', 'attempts'])
    .where('tenant_id', '=', tenantId)
    .where('action_id', '=', actionId)
    .executeTakeFirst();
  if (!action) throw new DomainError('not_found', 'Action not found.', { reason: 'action_not_found' });
  if (action.status !== wanted) {
    throw new DomainError('conflict', `This action is ${action.status}, not ${wanted}.`, {
      reason,
      status: action.status,
    });
  }
  return action;
}
