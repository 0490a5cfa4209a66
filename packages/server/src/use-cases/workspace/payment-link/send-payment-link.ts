import { DomainError, nextAllowedInstant, policyFor } from '@relance/core';
import type { Transaction } from 'kysely';
import { ANY_HOUR } from '../../../channels/voice/call-queue.ts';
import { newId } from '../../../db/ids.ts';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { appendEvidence } from '../../evidence/journal.ts';
import { readScope } from '../../portfolio/scope.ts';
import { loadRecipient, type PlanRecipient } from '../plans/plan-outbox.ts';

export type PaymentLinkChannel = 'sms' | 'email';

export type SentPaymentLink = {
  readonly actionId: string;
  readonly channel: PaymentLinkChannel;
  /** The outbox status: 'planned' until the dispatcher's next pass, then 'sent'/'delivered' (or 'failed'). */
  readonly status: string;
  readonly scheduledAt: string | null;
  /** True when the same link was already asked for a moment ago: that message is answered, none is added. */
  readonly repeated: boolean;
};

/** A second click within this long returns the message already queued instead of sending another. */
export const PAYMENT_LINK_REPEAT_MS = 5 * 60_000;

const TEMPLATE: Readonly<Record<PaymentLinkChannel, string>> = {
  sms: 'payment-link-sms',
  email: 'payment-link-email',
};

/**
 * The debtor, on the phone, asks for the payment link: one outbox action (SMS or e-mail, templates
 * `payment-link-*`, whose text states the balance and `payment.link`) due now, with purpose 'confirmation'
 * — the debtor asked for it, so the caps and the pause after a conversation (meant for our reminders) do not
 * hold it back, while the dispatcher still asks the compliance gate at send time (cease-contact, opt-out,
 * the channel's hours). Evidence and audit in the same transaction.
 *
 * Keyed `payment-link:<channel>:<minute>` (unique per case) and answered with the message already queued when
 * one was asked on the same channel in the last five minutes: a double click never sends two.
 */
export async function sendPaymentLink(
  deps: Deps,
  actor: Actor,
  caseId: string,
  channel: PaymentLinkChannel,
): Promise<SentPaymentLink> {
  const scope = readScope(actor, 'cases:act');
  const now = deps.clock.now();
  const today = deps.clock.today();
  return deps.database.db.transaction().execute(async (trx) => {
    const kase = await trx
      .selectFrom('cases')
      .select(['status'])
      .where('tenant_id', '=', scope.tenantId)
      .where('case_id', '=', caseId)
      .$if(scope.creditorId !== null, (q) => q.where('creditor_id', '=', scope.creditorId ?? ''))
      .executeTakeFirst();
    if (!kase) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
    if (kase.status !== 'open') {
      throw new DomainError('conflict', 'The case is closed.', { reason: 'payment_link_case_closed' });
    }
    const recent = await recentLink(trx, scope.tenantId, caseId, channel, now);
    if (recent) return { ...recent, repeated: true };
    const recipient = await loadRecipient(trx, scope.tenantId, caseId);
    if (channel === 'sms' && !recipient.phone) {
      throw new DomainError('invalid_input', 'The debtor has no usable phone number.', {
        reason: 'payment_link_no_phone',
        field: 'channel',
      });
    }
    if (channel === 'email' && !recipient.email) {
      throw new DomainError('invalid_input', 'The debtor has no usable e-mail address.', {
        reason: 'payment_link_no_email',
        field: 'channel',
      });
    }
    const scheduledAt = firstAllowed(recipient, caseId, channel, now);
    if (scheduledAt === null) {
      throw new DomainError('conflict', 'The compliance rules never allow this message for this debtor.', {
        reason: 'payment_link_not_allowed',
        channel,
      });
    }
    const actionKey = `payment-link:${channel}:${now.slice(0, 16)}`;
    const inserted = await trx
      .insertInto('actions')
      .values({
        tenant_id: scope.tenantId,
        action_id: newId(),
        case_id: caseId,
        action_key: actionKey,
        run_id: null,
        planned_on: today,
        scheduled_at: scheduledAt,
        channel,
        template: TEMPLATE[channel],
        language: recipient.language,
        purpose: 'confirmation',
        status: 'planned',
        strategy_key: null,
        strategy_version: null,
        step_key: null,
        reason: JSON.stringify({
          reason: { code: 'payment_link_requested', params: { channel } },
          notes: [],
          paymentLink: { requestedBy: actor.id, channel },
        }),
        gate: JSON.stringify({ kind: 'allowed', at: scheduledAt }),
        amounts: null,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'case_id', 'action_key']).doNothing())
      .executeTakeFirst();
    const action = await trx
      .selectFrom('actions')
      .select(['action_id', 'status', 'scheduled_at'])
      .where('tenant_id', '=', scope.tenantId)
      .where('case_id', '=', caseId)
      .where('action_key', '=', actionKey)
      .executeTakeFirstOrThrow();
    const result: SentPaymentLink = {
      actionId: action.action_id,
      channel,
      status: action.status,
      scheduledAt: action.scheduled_at,
      repeated: Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0,
    };
    if (result.repeated) return result;
    await appendAudit(trx, {
      tenantId: scope.tenantId,
      at: now,
      actor,
      action: 'case.payment_link',
      entityKind: 'case',
      entityId: caseId,
      data: { actionId: result.actionId, channel, scheduledAt },
    });
    // Last: the journal's head stays locked (per tenant) from here to the commit.
    await appendEvidence(trx, {
      tenantId: scope.tenantId,
      caseId,
      actionId: result.actionId,
      at: now,
      kind: 'payment_link_requested',
      actor: `user:${actor.id}`,
      payload: { channel, template: TEMPLATE[channel], scheduledAt },
    });
    return result;
  });
}

/** The link asked on this channel in the last few minutes and not failed or cancelled, if any. */
async function recentLink(
  trx: Transaction<Database>,
  tenantId: string,
  caseId: string,
  channel: PaymentLinkChannel,
  now: string,
): Promise<Omit<SentPaymentLink, 'repeated'> | null> {
  const since = new Date(Date.parse(now) - PAYMENT_LINK_REPEAT_MS).toISOString();
  const row = await trx
    .selectFrom('actions')
    .select(['action_id', 'status', 'scheduled_at'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('action_key', 'like', `payment-link:${channel}:%`)
    .where('created_at', '>=', since)
    .where('status', 'not in', ['failed', 'cancelled', 'blocked'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row ? { actionId: row.action_id, channel, status: row.status, scheduledAt: row.scheduled_at } : null;
}

/**
 * Now, or the first instant the compliance rules allow this message (the debtor's hours, holidays); null when
 * they never would (cease-contact…). Any hour of the day is fine: the debtor is waiting for it.
 */
function firstAllowed(
  recipient: PlanRecipient,
  caseId: string,
  channel: PaymentLinkChannel,
  now: string,
): string | null {
  const contact = channel === 'email' ? recipient.email : recipient.phone;
  const at = nextAllowedInstant(
    policyFor(recipient.country),
    {
      channel,
      purpose: 'confirmation',
      at: now,
      debtorKind: recipient.debtorKind,
      timeZones: [recipient.timeZone],
      startedBy: 'agent',
      contact: contact ? { ...contact, optedOut: false } : null,
      case: { ceaseContact: recipient.ceaseContact, timeBarred: false, debtId: caseId },
    },
    { attempts: [], lastConversationAt: null },
    { preferred: ANY_HOUR },
  );
  // The outbox compares instants as text: always the clock's ISO form ('…00.000Z').
  return at === null ? null : new Date(at).toISOString();
}
