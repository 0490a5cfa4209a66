import {
  type ActionChannel,
  type CompliancePolicy,
  type ContactChannel,
  type ContactHistory,
  type ContactRequest,
  type DebtorProfile,
  evaluateContact,
  type GateDecision,
  nextAllowedInstant,
  type PlannedAction,
  PROFILE_WINDOWS,
  profileOf,
  type StrategyDefinition,
} from '@relance/core';
import type { Batch, BatchCase, ContactRow } from './load-batch.ts';

export type ScheduledAction = {
  readonly action: PlannedAction;
  readonly status: 'planned' | 'review' | 'blocked';
  readonly scheduledAt: string | null;
  readonly gate: GateDecision;
};

/** Which contact channel the gate judges for an action; hand-overs are announced to the debtor by letter. */
const CONTACT_CHANNEL: Readonly<Record<ActionChannel, ContactChannel>> = {
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

/** Channels aimed at the hours the debtor's profile prefers; letters go on any working day. */
const TIMED: ReadonlySet<ContactChannel> = new Set(['email', 'sms', 'call', 'ivr_call']);

/**
 * Asks the compliance gate about every action of a case and gives each its time: the first allowed instant
 * from the start of the run day in the debtor's time zone. A permanent block keeps the action, marked
 * `blocked` with the gate's reason, so that the refusal is visible and explained.
 */
export class Scheduler {
  readonly #policy: CompliancePolicy;
  readonly #dayStart: (zone: string) => string;
  readonly #cache = new Map<string, { at: string | null; gate: GateDecision }>();

  constructor(policy: CompliancePolicy, dayStart: (zone: string) => string) {
    this.#policy = policy;
    this.#dayStart = dayStart;
  }

  schedule(
    item: BatchCase,
    actions: readonly PlannedAction[],
    strategy: StrategyDefinition | null,
    batch: Batch,
    timeBarred: boolean,
  ): ScheduledAction[] {
    if (actions.length === 0) return [];
    const debtorProfile = profileOf(item.tags);
    const profile = debtorProfile === 'standard' && strategy ? strategy.profile : debtorProfile;
    const attempts = [...(batch.recent.get(item.caseId) ?? [])].map((a) => ({
      channel: a.channel as ContactChannel,
      at: a.at,
    }));
    const lastConversationAt = batch.lastConversation.get(item.caseId) ?? null;
    const contacts = batch.contacts.get(item.debtorId) ?? [];
    const scheduled: ScheduledAction[] = [];
    for (const action of actions) {
      const channel = CONTACT_CHANNEL[action.channel];
      const request: ContactRequest = {
        channel,
        purpose: action.purpose,
        at: this.#dayStart(item.timeZone),
        debtorKind: item.debtorKind,
        timeZones: [item.timeZone],
        startedBy: 'engine',
        contact: contactFor(channel, contacts),
        case: { ceaseContact: item.ceaseContact, timeBarred, debtId: item.caseId },
      };
      const history: ContactHistory = { attempts, lastConversationAt };
      const { at, gate } = this.#slot(request, history, profile);
      if (at) attempts.push({ channel, at });
      const status = at === null ? 'blocked' : action.review ? 'review' : 'planned';
      scheduled.push({ action, status, scheduledAt: at, gate });
    }
    return scheduled;
  }

  #slot(request: ContactRequest, history: ContactHistory, profile: DebtorProfile) {
    // Letters are posted in office hours; the other channels aim for the hours of the debtor's profile.
    const preferred = TIMED.has(request.channel) ? PROFILE_WINDOWS[profile] : PROFILE_WINDOWS.standard;
    const cacheable = history.attempts.length === 0 && history.lastConversationAt === null;
    const key = cacheable ? cacheKey(request, profile) : null;
    const hit = key ? this.#cache.get(key) : undefined;
    if (hit) return hit;
    const at = nextAllowedInstant(this.#policy, request, history, preferred ? { preferred } : {});
    const gate = evaluateContact(this.#policy, at ? { ...request, at } : request, history);
    const result = { at, gate };
    if (key) this.#cache.set(key, result);
    return result;
  }
}

function cacheKey(request: ContactRequest, profile: string): string {
  const c = request.contact;
  const contact = c ? `${c.consent}/${c.validity}/${c.optedOut ? 1 : 0}` : '-';
  return `${request.channel}|${request.purpose}|${request.debtorKind}|${request.timeZones.join(',')}|${profile}|${request.at}|${contact}|${request.case.ceaseContact ? 1 : 0}|${request.case.timeBarred ? 1 : 0}`;
}

const CONTACT_KIND: Readonly<Record<ContactChannel, string>> = {
  email: 'email',
  sms: 'phone',
  call: 'phone',
  ivr_call: 'phone',
  letter: 'postal',
  registered_letter: 'postal',
};

const RANK: Readonly<Record<string, number>> = { valid: 0, unverified: 1, invalid: 2 };

/** The best contact of the right kind: valid before unverified before invalid, opted-in before opted-out. */
function contactFor(channel: ContactChannel, contacts: readonly ContactRow[]): ContactRequest['contact'] {
  const kind = CONTACT_KIND[channel];
  let best: ContactRow | null = null;
  for (const contact of contacts) {
    if (contact.kind !== kind) continue;
    if (!best || score(contact) < score(best)) best = contact;
  }
  if (!best) return null;
  return {
    consent: best.consent as 'granted' | 'withdrawn' | 'unknown',
    validity: best.validity as 'valid' | 'invalid' | 'unverified',
    optedOut: best.optedOut,
  };
}

function score(contact: ContactRow): number {
  return (
    (contact.optedOut ? 10 : 0) + (contact.consent === 'withdrawn' ? 5 : 0) + (RANK[contact.validity] ?? 3)
  );
}
