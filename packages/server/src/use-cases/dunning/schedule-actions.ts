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
import { type MemoNode, ValueMemo } from './value-memo.ts';

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
  readonly #slots = new ValueMemo<Slot>();

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
    const recent = batch.recent.get(item.caseId);
    const attempts = recent ? recent.map((a) => ({ channel: a.channel as ContactChannel, at: a.at })) : [];
    const lastConversationAt = batch.lastConversation.get(item.caseId) ?? null;
    const contacts = batch.contacts.get(item.debtorId) ?? [];
    const dayStart = this.#dayStart(item.timeZone);
    const scheduled: ScheduledAction[] = [];
    for (const action of actions) {
      const channel = CONTACT_CHANNEL[action.channel];
      const best = bestContact(channel, contacts);
      // With no contact made or planned, the slot depends only on what its path in the memo holds: what the
      // gate and the scheduling read of the request (the case's id only counts contacts, and there are none).
      const node =
        attempts.length === 0 && lastConversationAt === null
          ? slotPath(this.#slots, channel, action.purpose, item, profile, dayStart, best, timeBarred)
          : null;
      let slot = node ? this.#slots.find(node) : undefined;
      if (slot === undefined) {
        const request = requestOf(item, channel, action.purpose, dayStart, best, timeBarred);
        slot = this.#decide(request, { attempts, lastConversationAt }, profile);
        if (node) this.#slots.keep(node, slot);
      }
      const { at, gate } = slot;
      if (at) attempts.push({ channel, at });
      const status = at === null ? 'blocked' : action.review ? 'review' : 'planned';
      scheduled.push({ action, status, scheduledAt: at, gate });
    }
    return scheduled;
  }

  #decide(request: ContactRequest, history: ContactHistory, profile: DebtorProfile): Slot {
    // Letters are posted in office hours; the other channels aim for the hours of the debtor's profile.
    const preferred = TIMED.has(request.channel) ? PROFILE_WINDOWS[profile] : PROFILE_WINDOWS.standard;
    const at = nextAllowedInstant(this.#policy, request, history, preferred ? { preferred } : {});
    return { at, gate: evaluateContact(this.#policy, at ? { ...request, at } : request, history) };
  }
}

type Slot = { readonly at: string | null; readonly gate: GateDecision };

/** What the gate is asked for one action of a case. */
function requestOf(
  item: BatchCase,
  channel: ContactChannel,
  purpose: PlannedAction['purpose'],
  dayStart: string,
  best: ContactRow | null,
  timeBarred: boolean,
): ContactRequest {
  return {
    channel,
    purpose,
    at: dayStart,
    debtorKind: item.debtorKind,
    timeZones: [item.timeZone],
    startedBy: 'engine',
    contact: best && {
      consent: best.consent as 'granted' | 'withdrawn' | 'unknown',
      validity: best.validity as 'valid' | 'invalid' | 'unverified',
      optedOut: best.optedOut,
    },
    case: { ceaseContact: item.ceaseContact, timeBarred, debtId: item.caseId },
  };
}

/** A request's place in the slots' memo, from what it is made of (see `Scheduler.schedule`). */
function slotPath(
  memo: ValueMemo<Slot>,
  channel: ContactChannel,
  purpose: string,
  item: BatchCase,
  profile: DebtorProfile,
  dayStart: string,
  best: ContactRow | null,
  timeBarred: boolean,
): MemoNode<Slot> {
  let at = memo.at(memo.at(memo.at(memo.start(), channel), purpose), item.debtorKind);
  at = memo.at(memo.at(memo.at(at, profile), dayStart), item.timeZone);
  at = memo.at(memo.at(memo.at(at, best?.consent ?? null), best?.validity ?? null), best?.optedOut ?? null);
  return memo.at(memo.at(at, item.ceaseContact), timeBarred);
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
function bestContact(channel: ContactChannel, contacts: readonly ContactRow[]): ContactRow | null {
  const kind = CONTACT_KIND[channel];
  let best: ContactRow | null = null;
  for (const contact of contacts) {
    if (contact.kind !== kind) continue;
    if (!best || score(contact) < score(best)) best = contact;
  }
  return best;
}

function score(contact: ContactRow): number {
  return (
    (contact.optedOut ? 10 : 0) + (contact.consent === 'withdrawn' ? 5 : 0) + (RANK[contact.validity] ?? 3)
  );
}
