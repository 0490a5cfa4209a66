import {
  type ContactChannel,
  type ContactHistory,
  type ContactPurpose,
  type ContactRequest,
  evaluateContact,
  type GateDecision,
  policyFor,
} from '@relance/core';
import type { Transaction } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { Database, Db } from '../../db/schema.ts';

/** Which contact channel the gate judges for an action (as the planner does); hand-overs are announced by letter. */
export const GATE_CHANNEL: Readonly<Record<string, ContactChannel>> = {
  email: 'email',
  sms: 'sms',
  letter: 'letter',
  registered_letter: 'registered_letter',
  formal_notice: 'registered_letter',
  call_task: 'call',
  ivr_call: 'ivr_call',
  agency_handover: 'letter',
  legal_handover: 'letter',
};

const CONTACT_KIND: Readonly<Record<ContactChannel, 'email' | 'phone' | 'postal'>> = {
  email: 'email',
  sms: 'phone',
  call: 'phone',
  ivr_call: 'phone',
  letter: 'postal',
  registered_letter: 'postal',
};

/** What the contact history counts: contacts that actually left (not what is merely planned). */
const SENT: readonly ('sent' | 'delivered')[] = ['sent', 'delivered'];

export type SendContact = {
  readonly contactId: string;
  readonly value: string;
};

export type SendCheck = {
  readonly decision: GateDecision;
  readonly policy: string;
  /** The contact the message goes to: the best of the channel's kind (valid, consenting, not opted out). */
  readonly contact: SendContact | null;
  readonly debtorName: string;
  readonly timeZone: string;
  /** The first allowed instant at or after `at` for the same contact (a retry's time); null when never. */
  readonly nextAllowed: (at: string) => string | null;
};

/**
 * The compliance gate asked again at the moment of sending: the hours in the debtor's zone and public
 * holidays at this instant, cease-contact, opt-out and consent as they stand now, and the caps counted over
 * what was actually sent (not what the planner expected). Every answer is written in the compliance log.
 */
export async function checkAtSendTime(
  trx: Transaction<Database> | Db,
  tenantId: string,
  action: {
    readonly actionId: string;
    readonly caseId: string;
    readonly channel: string;
    readonly purpose: string;
    readonly actionKey: string;
  },
  now: string,
  today: string,
): Promise<SendCheck> {
  const channel = GATE_CHANNEL[action.channel] ?? 'letter';
  const found = await trx
    .selectFrom('cases as c')
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .select([
      'c.debtor_id',
      'c.earliest_prescription_end',
      'd.kind',
      'd.name',
      'd.time_zone',
      'd.cease_contact_at',
      'cr.country',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', action.caseId)
    .executeTakeFirstOrThrow();
  const since = new Date(Date.parse(now) - 30 * 86_400_000).toISOString();
  const isCall = channel === 'call' || channel === 'ivr_call';
  const [contacts, sent, conversation, own] = await Promise.all([
    trx
      .selectFrom('contacts')
      .select(['contact_id', 'value', 'validity', 'consent', 'opted_out_at'])
      .where('tenant_id', '=', tenantId)
      .where('debtor_id', '=', found.debtor_id)
      .where('kind', '=', CONTACT_KIND[channel])
      .execute(),
    trx
      .selectFrom('actions')
      .select(['channel', 'sent_at'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', action.caseId)
      .where('status', 'in', SENT)
      .where('sent_at', '>=', since)
      .where('action_id', '!=', action.actionId)
      .execute(),
    trx
      .selectFrom('case_events')
      .select((eb) => eb.fn.max('occurred_on').as('last'))
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', action.caseId)
      .where('kind', '=', 'conversation')
      .executeTakeFirst(),
    // A call the debtor asked for (a callback) carries their consent in its reason.
    isCall
      ? trx
          .selectFrom('actions')
          .select('reason')
          .where('tenant_id', '=', tenantId)
          .where('action_id', '=', action.actionId)
          .executeTakeFirst()
      : undefined,
  ]);
  const best = [...contacts].sort((a, b) => rank(a) - rank(b))[0] ?? null;
  const policy = policyFor(found.country);
  const history: ContactHistory = {
    attempts: sent.flatMap((s) =>
      s.sent_at ? [{ channel: GATE_CHANNEL[s.channel] ?? 'letter', at: s.sent_at }] : [],
    ),
    lastConversationAt: conversation?.last ? `${String(conversation.last)}T12:00:00Z` : null,
    callConsentUntil: own ? callConsentOf(own.reason) : null,
  };
  const request: ContactRequest = {
    channel,
    purpose: action.purpose as ContactPurpose,
    at: now,
    debtorKind: found.kind,
    timeZones: [found.time_zone],
    startedBy: 'engine',
    contact: best
      ? { consent: best.consent, validity: best.validity, optedOut: best.opted_out_at !== null }
      : null,
    case: {
      ceaseContact: found.cease_contact_at !== null,
      timeBarred: found.earliest_prescription_end !== null && found.earliest_prescription_end < today,
      debtId: action.caseId,
    },
  };
  const decision = evaluateContact(policy, request, history);
  await trx
    .insertInto('compliance_log')
    .values({
      tenant_id: tenantId,
      decision_id: newId(),
      case_id: action.caseId,
      action_key: action.actionKey,
      at: now,
      channel,
      purpose: action.purpose,
      started_by: 'dispatcher',
      allowed: decision.kind === 'allowed' ? 1 : 0,
      policy: policy.key,
      code: decision.kind === 'allowed' ? decision.rule : decision.code,
      explanation: JSON.stringify(decision.explanation),
    })
    .execute();
  return {
    decision,
    policy: policy.key,
    contact: best ? { contactId: best.contact_id, value: best.value } : null,
    debtorName: found.name,
    timeZone: found.time_zone,
    nextAllowed: (at) => {
      const later = evaluateContact(policy, { ...request, at }, history);
      if (later.kind === 'allowed') return at;
      return later.retryAt ? new Date(later.retryAt).toISOString() : null;
    },
  };
}

function rank(c: { validity: string; consent: string; opted_out_at: string | null }): number {
  return (
    (c.opted_out_at ? 10 : 0) +
    (c.consent === 'withdrawn' ? 5 : 0) +
    (c.validity === 'valid' ? 0 : c.validity === 'unverified' ? 1 : 2)
  );
}

/**
 * Until when the debtor asked to be called, from an action's reason JSON (`callback.consentUntil`, written
 * by the queue's scheduleCallback): the compliance core then lets the call through the caps and the quiet
 * period after a conversation — at the agreed time, not days later — while the hours still apply.
 */
export function callConsentOf(reasonJson: string): string | null {
  try {
    const parsed = JSON.parse(reasonJson) as { callback?: { consentUntil?: unknown } } | null;
    const until = parsed?.callback?.consentUntil;
    return typeof until === 'string' ? until : null;
  } catch {
    return null;
  }
}
