import type { CompiledRule } from './compile.ts';
import { compiledRule, preferredSchedule } from './compile.ts';
import { formatInstant, MS_PER_DAY, parseInstant } from './instants.ts';
import type { Limits, Preference, TimeBlock } from './search.ts';
import { earliestAllowed, timeBlockAt } from './search.ts';
import {
  allowedText,
  capText,
  ceaseText,
  holidayText,
  nextSlot,
  outsideWindowText,
  permanentText,
  quietText,
  zonesPhrase,
} from './texts.ts';
import type {
  Bilingual,
  CompliancePolicy,
  ContactChannel,
  ContactHistory,
  ContactRequest,
  GateBlockCode,
  GateDecision,
  WeeklyWindow,
} from './types.ts';
import { isKnownTimeZone } from './zones.ts';

/** How far ahead `retryAt` is searched: beyond every cap and quiet period of the shipped policies. */
export const RETRY_HORIZON_DAYS = 31;
export const DEFAULT_HORIZON_DAYS = 14;
const MAX_CACHED_ALLOWED = 1000;
const NO_LIMITS_EXEMPTION = Number.NEGATIVE_INFINITY;
const NO_ZONES: readonly string[] = [];

function blocked(
  rule: CompiledRule,
  code: GateBlockCode,
  explanation: Bilingual,
  retryAt: number | null,
): GateDecision {
  return {
    kind: 'blocked',
    policy: rule.policy.key,
    code,
    explanation,
    retryAt: retryAt === null ? null : formatInstant(retryAt),
  };
}

function ceaseAllows(rule: CompiledRule, request: ContactRequest): boolean {
  return rule.policy.ceaseContact.exceptions.some(
    (e) =>
      e.startedBy.includes(request.startedBy) &&
      e.channels.includes(request.channel) &&
      e.purposes.includes(request.purpose),
  );
}

type PermanentCode = Exclude<GateBlockCode, 'outside_window' | 'holiday' | 'cap_reached' | 'quiet_period'>;

/** Blocks that no amount of waiting lifts: the case, the claim or the contact must change first. */
function permanentCode(rule: CompiledRule, request: ContactRequest): PermanentCode | null {
  if (request.case.ceaseContact && !ceaseAllows(rule, request)) return 'cease_contact';
  if (request.case.timeBarred && rule.policy.timeBarred.blockedPurposes.includes(request.purpose)) {
    return 'time_barred_threat';
  }
  const contact = request.contact;
  if (contact === null) return 'no_contact';
  if (contact.validity === 'invalid') return 'invalid_contact';
  if (contact.optedOut) return 'opted_out';
  const consent = rule.rule.consent;
  if (consent === 'granted' && contact.consent !== 'granted') return 'no_consent';
  if (consent === 'not_withdrawn' && contact.consent === 'withdrawn') return 'no_consent';
  return null;
}

function permanentDecision(rule: CompiledRule, request: ContactRequest, code: PermanentCode): GateDecision {
  const { policy } = rule;
  const explanation =
    code === 'cease_contact'
      ? ceaseText(request.channel, policy.ceaseContact.reference, rule.ceaseExceptions)
      : permanentText(
          code,
          request,
          code === 'time_barred_threat' ? policy.timeBarred.reference : rule.rule.reference,
        );
  return blocked(rule, code, explanation, null);
}

/** The zones whose wall clock decides, [] when the hours cannot close; null when the debtor's zone is unknown. */
function windowZones(rule: CompiledRule, request: ContactRequest): readonly string[] | null {
  if (rule.schedule.alwaysOpen) return NO_ZONES;
  if (rule.rule.clock === 'sender') return rule.senderZones;
  const zones = request.timeZones;
  if (zones.length === 0) return null;
  for (const zone of zones) if (!isKnownTimeZone(zone)) return null;
  return zones;
}

function knownZones(request: ContactRequest): readonly string[] {
  for (const zone of request.timeZones)
    if (!isKnownTimeZone(zone)) return request.timeZones.filter(isKnownTimeZone);
  return request.timeZones;
}

const NO_TIMES: readonly number[] = [];
const NO_CHANNELS: readonly ContactChannel[] = [];

function limitsFor(
  rule: CompiledRule,
  request: ContactRequest,
  history: ContactHistory,
  zones: readonly string[],
): Limits {
  const caps = rule.capsFor[request.purpose];
  const quiet = rule.quietFor[request.purpose];
  // Arrays only when some attempt counts: most cases of a daily run have none.
  let times: number[] | null = null;
  let channels: ContactChannel[] | null = null;
  if (caps.length > 0) {
    for (const attempt of history.attempts) {
      if (attempt.countsTowardCap === false || !rule.countedChannels.includes(attempt.channel)) continue;
      if (times === null || channels === null) {
        times = [];
        channels = [];
      }
      times.push(parseInstant(attempt.at));
      channels.push(attempt.channel);
    }
  }
  const debtorZones = zones.length > 0 ? zones : knownZones(request);
  const consentUntil = history.callConsentUntil;
  const isCall = request.channel === 'call' || request.channel === 'ivr_call';
  return {
    zones: debtorZones.length > 0 ? debtorZones : rule.senderZones,
    caps,
    attemptTimes: times ?? NO_TIMES,
    attemptChannels: channels ?? NO_CHANNELS,
    quiet,
    conversation:
      quiet.length > 0 && history.lastConversationAt !== null
        ? parseInstant(history.lastConversationAt)
        : Number.NaN,
    exemptUntil:
      rule.policy.consentedCallsExempt && isCall && consentUntil
        ? parseInstant(consentUntil)
        : NO_LIMITS_EXEMPTION,
  };
}

function allowed(rule: CompiledRule, zones: readonly string[], underCease: boolean): GateDecision {
  const key = `${underCease ? '!' : ''}${zones.length === 1 ? zones[0] : zones.join('|')}`;
  const cached = rule.allowed.get(key);
  if (cached !== undefined) return cached;
  const reference = rule.rule.reference;
  // Shared between calls, so frozen: a caller cannot alter the next caller's decision.
  const decision: GateDecision = Object.freeze({
    kind: 'allowed',
    policy: rule.policy.key,
    rule: underCease ? `${rule.id}/cease-exception` : rule.id,
    explanation: Object.freeze(
      allowedText(
        rule.channel,
        rule.schedule.description,
        zonesPhrase(zones),
        rule.caps,
        reference,
        underCease,
      ),
    ),
  });
  if (rule.allowed.size >= MAX_CACHED_ALLOWED) rule.allowed.clear();
  rule.allowed.set(key, decision);
  return decision;
}

function explainTimeBlock(
  rule: CompiledRule,
  block: TimeBlock,
  zones: readonly string[],
  limits: Limits,
  at: number,
  retryAt: number | null,
): Bilingual {
  const next = nextSlot(
    zones[0] ?? limits.zones[0] ?? rule.policy.senderTimeZone,
    retryAt,
    RETRY_HORIZON_DAYS,
  );
  switch (block.code) {
    case 'holiday':
      return holidayText(rule.channel, block.zone, block.day, next);
    case 'outside_window':
      return outsideWindowText(rule.channel, rule.schedule.description, zones, block.zone, at, next);
    case 'quiet_period':
      return quietText(block.period, block.conversationDay, next);
    case 'cap_reached':
      return capText(block.cap, block.count, next);
  }
}

/**
 * May this contact happen at `request.at`? Checks, in this order: cease-contact, time-barred threats, the
 * contact itself (missing, invalid, opted out, consent), the debtor's time zones, then holidays, hours,
 * quiet period and caps. A temporal block carries `retryAt`, the earliest instant everything is open
 * (searched over 31 days; null beyond); a permanent one has `retryAt: null`. A malformed instant or policy
 * throws a DomainError ('invalid_input'): both are validated at the edge.
 */
export function evaluateContact(
  policy: CompliancePolicy,
  request: ContactRequest,
  history: ContactHistory,
): GateDecision {
  const rule = compiledRule(policy, request.channel, request.debtorKind);
  const permanent = permanentCode(rule, request);
  if (permanent !== null) return permanentDecision(rule, request, permanent);
  const zones = windowZones(rule, request);
  if (zones === null) return permanentDecision(rule, request, 'unknown_time_zone');
  const at = parseInstant(request.at);
  const limits = limitsFor(rule, request, history, zones);
  const block = timeBlockAt(rule.schedule, zones, limits, at);
  if (block === null) return allowed(rule, zones, request.case.ceaseContact);
  const retryAt = earliestAllowed(
    rule.schedule,
    zones,
    limits,
    null,
    at,
    at + RETRY_HORIZON_DAYS * MS_PER_DAY,
  );
  return blocked(rule, block.code, explainTimeBlock(rule, block, zones, limits, at, retryAt), retryAt);
}

/**
 * The first instant ≥ `request.at` at which the contact is allowed and, when `preferred` is given (a debtor
 * profile's hours), falls in those hours too — read on the debtor's first known zone, or the sender's.
 * Searched over `horizonDays` (default 14); null when never (a permanent block) or not within the horizon.
 */
export function nextAllowedInstant(
  policy: CompliancePolicy,
  request: ContactRequest,
  history: ContactHistory,
  options?: { readonly preferred?: readonly WeeklyWindow[]; readonly horizonDays?: number },
): string | null {
  const rule = compiledRule(policy, request.channel, request.debtorKind);
  if (permanentCode(rule, request) !== null) return null;
  const zones = windowZones(rule, request);
  if (zones === null) return null;
  const at = parseInstant(request.at);
  const limits = limitsFor(rule, request, history, zones);
  const preference: Preference | null =
    options?.preferred === undefined
      ? null
      : {
          schedule: preferredSchedule(options.preferred),
          zone: knownZones(request)[0] ?? rule.policy.senderTimeZone,
        };
  const horizon = (options?.horizonDays ?? DEFAULT_HORIZON_DAYS) * MS_PER_DAY;
  const found = earliestAllowed(rule.schedule, zones, limits, preference, at, at + horizon);
  return found === null ? null : formatInstant(found);
}
