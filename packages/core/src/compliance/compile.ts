import { DomainError } from '../shared/errors.ts';
import { ceaseExceptionsText } from './texts.ts';
import type {
  Bilingual,
  ChannelRule,
  CompliancePolicy,
  ContactCap,
  ContactChannel,
  ContactPurpose,
  DebtorKind,
  GateDecision,
  QuietPeriod,
  WeeklyWindow,
} from './types.ts';
import type { Schedule } from './windows.ts';
import { compileSchedule } from './windows.ts';
import { isKnownTimeZone } from './zones.ts';

/** A policy's rule for one channel and one kind of debtor, with everything the hot path needs precomputed. */
export type CompiledRule = {
  readonly policy: CompliancePolicy;
  readonly channel: ContactChannel;
  readonly kind: DebtorKind;
  readonly id: string;
  readonly rule: ChannelRule;
  readonly schedule: Schedule;
  /** The caps and quiet periods that name this channel, and of those the ones a purpose is held to. */
  readonly caps: readonly ContactCap[];
  readonly capsFor: Readonly<Record<ContactPurpose, readonly ContactCap[]>>;
  readonly quietFor: Readonly<Record<ContactPurpose, readonly QuietPeriod[]>>;
  /** Channels some of those caps count. */
  readonly countedChannels: readonly ContactChannel[];
  readonly ceaseExceptions: Bilingual | null;
  /** [policy.senderTimeZone], built once. */
  readonly senderZones: readonly string[];
  /** Allowed decisions already built, by the zones they mention. */
  readonly allowed: Map<string, GateDecision>;
};

type CompiledPolicy = Readonly<Record<ContactChannel, Readonly<Record<DebtorKind, CompiledRule>>>>;

const CHANNELS: readonly ContactChannel[] = [
  'call',
  'ivr_call',
  'sms',
  'email',
  'letter',
  'registered_letter',
];
const KINDS: readonly DebtorKind[] = ['consumer', 'business'];

// Keyed by the policy object itself: a caller that keeps its policy (a constant, or one parsed once from
// JSON) compiles it once; the entries go away with the policy.
const compiled = new WeakMap<CompliancePolicy, CompiledPolicy>();
const preferred = new WeakMap<readonly WeeklyWindow[], Schedule>();

function invalid(policy: CompliancePolicy, message: string): never {
  throw new DomainError('invalid_input', `Compliance policy ${policy.key}: ${message}`, {
    policy: policy.key,
  });
}

function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 1;
}

function validate(policy: CompliancePolicy): void {
  if (!isKnownTimeZone(policy.senderTimeZone)) invalid(policy, `unknown zone ${policy.senderTimeZone}`);
  for (const channel of CHANNELS) if (!policy.channels[channel]) invalid(policy, `no rule for ${channel}`);
  for (const cap of policy.caps) {
    if (!isCount(cap.max) || !isCount(cap.days)) invalid(policy, 'a cap needs a whole max and days ≥ 1');
  }
  for (const period of policy.quietPeriods) {
    if (!isCount(period.days)) invalid(policy, 'a quiet period needs whole days ≥ 1');
  }
}

const PURPOSES: readonly ContactPurpose[] = [
  'reminder',
  'formal_notice',
  'legal_threat',
  'handover_notice',
  'confirmation',
  'thanks',
];

function byPurpose<T extends { readonly exemptPurposes: readonly ContactPurpose[] }>(
  limits: readonly T[],
): Record<ContactPurpose, readonly T[]> {
  const result: Partial<Record<ContactPurpose, readonly T[]>> = {};
  for (const purpose of PURPOSES) result[purpose] = limits.filter((l) => !l.exemptPurposes.includes(purpose));
  return result as Record<ContactPurpose, readonly T[]>;
}

function compileRule(policy: CompliancePolicy, channel: ContactChannel, kind: DebtorKind): CompiledRule {
  const rule = policy.channels[channel];
  const exceptions = policy.ceaseContact.exceptions;
  const caps = policy.caps.filter((c) => c.channels.includes(channel));
  return {
    policy,
    channel,
    kind,
    id: `${policy.key}/${channel}/${kind}`,
    rule,
    schedule: compileSchedule(rule.windows[kind], rule.skipHolidays ? policy.holidayCalendar : null),
    caps,
    capsFor: byPurpose(caps),
    quietFor: byPurpose(policy.quietPeriods.filter((q) => q.channels.includes(channel))),
    countedChannels: [...new Set(caps.flatMap((c) => c.channels))],
    ceaseExceptions:
      exceptions.length === 0
        ? null
        : ceaseExceptionsText(
            [...new Set(exceptions.flatMap((e) => e.channels))],
            [...new Set(exceptions.flatMap((e) => e.purposes))],
            exceptions.every((e) => e.startedBy.length === 1 && e.startedBy[0] === 'agent'),
          ),
    senderZones: [policy.senderTimeZone],
    allowed: new Map(),
  };
}

/** The compiled rule for a channel and a kind of debtor; compiles (and validates) the policy on first use. */
export function compiledRule(
  policy: CompliancePolicy,
  channel: ContactChannel,
  kind: DebtorKind,
): CompiledRule {
  let rules = compiled.get(policy);
  if (rules === undefined) {
    validate(policy);
    const byChannel: Partial<Record<ContactChannel, Record<DebtorKind, CompiledRule>>> = {};
    for (const c of CHANNELS) {
      const [consumer, business] = KINDS.map((k) => compileRule(policy, c, k));
      if (consumer && business) byChannel[c] = { consumer, business };
    }
    rules = byChannel as CompiledPolicy;
    compiled.set(policy, rules);
  }
  return rules[channel][kind];
}

/** A preferred weekly window set (a debtor profile's hours), compiled once per array. */
export function preferredSchedule(windows: readonly WeeklyWindow[]): Schedule {
  let schedule = preferred.get(windows);
  if (schedule === undefined) {
    schedule = compileSchedule(windows, null);
    preferred.set(windows, schedule);
  }
  return schedule;
}
