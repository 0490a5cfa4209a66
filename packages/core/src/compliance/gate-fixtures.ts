import { evaluateContact } from './gate.ts';
import type {
  CompliancePolicy,
  ContactAttempt,
  ContactHistory,
  ContactRequest,
  GateBlockCode,
} from './types.ts';

// What the table-driven gate tests share: a request with a policy's defaults, a case, and the gate's
// answer reduced to what a case states.

export const NO_HISTORY: ContactHistory = { attempts: [], lastConversationAt: null };

export type GateCase = {
  readonly name: string;
  readonly request: Partial<ContactRequest>;
  readonly history?: ContactHistory;
  readonly code: GateBlockCode | 'allowed';
  /** Checked when given: the instant the blocked contact would be allowed (null: never). */
  readonly retryAt?: string | null;
};

/** A request maker: the defaults of a test file, each case overriding what it is about. */
export function requestWith(defaults: ContactRequest): (over?: Partial<ContactRequest>) => ContactRequest {
  return (over = {}) => ({ ...defaults, ...over });
}

export type GateOutcome = {
  readonly policy: string;
  readonly code: GateBlockCode | 'allowed';
  readonly explained: boolean;
  readonly retryAt?: string | null;
};

/** The gate's answer for a case, in the shape `expectedOutcome` gives. */
export function gateOutcome(
  policy: CompliancePolicy,
  request: (over?: Partial<ContactRequest>) => ContactRequest,
  c: GateCase,
): GateOutcome {
  const decision = evaluateContact(policy, request(c.request), c.history ?? NO_HISTORY);
  const explained = decision.explanation.fr !== '' && decision.explanation.en !== '';
  if (decision.kind === 'allowed') return { policy: decision.policy, code: 'allowed', explained };
  return {
    policy: decision.policy,
    code: decision.code,
    explained,
    ...(c.retryAt !== undefined ? { retryAt: decision.retryAt } : {}),
  };
}

export function expectedOutcome(policy: CompliancePolicy, c: GateCase): GateOutcome {
  return {
    policy: policy.key,
    code: c.code,
    explained: true,
    ...(c.retryAt !== undefined && c.code !== 'allowed' ? { retryAt: c.retryAt } : {}),
  };
}

export const attempt = (
  channel: ContactAttempt['channel'],
  at: string,
  countsTowardCap?: boolean,
): ContactAttempt => (countsTowardCap === undefined ? { channel, at } : { channel, at, countsTowardCap });
