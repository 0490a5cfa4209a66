import type { PlanPolicy } from '../plans/policy.ts';
import type { PlanViolation } from '../plans/schedule.ts';
import type { IsoDate } from '../shared/dates.ts';
import type { StrategyIssue } from '../strategies/check-strategy.ts';
import { type Assignment, assignStrategy, type SegmentFacts } from '../strategies/conditions.ts';
import type { AssignmentRules } from '../strategies/definition.ts';

/** What a mandate allows of a client's cases (CPCE R124-3): the strategies and the plans' limits. */
export type MandateLimits = {
  readonly allowedStrategies: readonly string[];
  readonly planLimits: { readonly maxInstalments: number; readonly minInstalmentMinor: number };
};

export type MandatedPolicy = {
  readonly policy: PlanPolicy;
  /** The limits the mandate made stricter than the creditor's own policy. */
  readonly byMandate: readonly ('maxInstalments' | 'minInstalmentMinor')[];
};

/** The creditor's plan policy narrowed by the mandate: the stricter of the two for each limit. */
export function planPolicyUnderMandate(policy: PlanPolicy, limits: MandateLimits | null): MandatedPolicy {
  if (limits === null) return { policy, byMandate: [] };
  const byMandate: ('maxInstalments' | 'minInstalmentMinor')[] = [];
  if (limits.planLimits.maxInstalments < policy.maxInstalments) byMandate.push('maxInstalments');
  if (limits.planLimits.minInstalmentMinor > policy.minInstalmentMinor) byMandate.push('minInstalmentMinor');
  return {
    policy: {
      ...policy,
      maxInstalments: Math.min(policy.maxInstalments, limits.planLimits.maxInstalments),
      minInstalmentMinor: Math.max(policy.minInstalmentMinor, limits.planLimits.minInstalmentMinor),
    },
    byMandate,
  };
}

/** Marks the violations of a limit that the mandate set, so that the message names the mandate. */
export function markMandateViolations(
  violations: readonly PlanViolation[],
  byMandate: MandatedPolicy['byMandate'],
): readonly PlanViolation[] {
  return violations.map((v) =>
    (v.code === 'too_many_instalments' && byMandate.includes('maxInstalments')) ||
    (v.code === 'instalment_too_small' && byMandate.includes('minInstalmentMinor'))
      ? { ...v, by: 'mandate' }
      : v,
  );
}

/**
 * The assignment under a mandate: only the rules whose strategy the mandate allows can match; when the
 * default is not allowed either, the mandate's first strategy applies. Without a mandate, the rules as they are.
 */
export function assignStrategyWithin(
  rules: AssignmentRules,
  facts: SegmentFacts,
  today: IsoDate,
  allowed: readonly string[] | null,
): Assignment {
  if (allowed === null || allowed.length === 0) return assignStrategy(rules, facts, today);
  const within = rules.rules.filter((rule) => allowed.includes(rule.strategy));
  const fallback = allowed.includes(rules.defaultStrategy) ? rules.defaultStrategy : (allowed[0] ?? '');
  const assignment = assignStrategy({ rules: within, defaultStrategy: fallback }, facts, today);
  if (assignment.ruleIndex === null) return assignment;
  const rule = within[assignment.ruleIndex];
  return { ...assignment, ruleIndex: rule ? rules.rules.indexOf(rule) : null };
}

/** A strategy the case may follow: any without a mandate, else one the mandate lists. */
export function strategyAllowed(key: string, allowed: readonly string[] | null): boolean {
  return allowed === null || allowed.length === 0 || allowed.includes(key);
}

/**
 * Assignment rules that name a client must give it a strategy its mandate allows: an agency may not choose
 * for a client's cases a strategy the client did not agree to. `mandates`: client ref → allowed strategies.
 */
export function checkAssignmentUnderMandates(
  rules: AssignmentRules,
  mandates: ReadonlyMap<string, readonly string[]>,
): StrategyIssue[] {
  const issues: StrategyIssue[] = [];
  for (const [i, rule] of rules.rules.entries()) {
    for (const ref of rule.when.creditors ?? []) {
      const allowed = mandates.get(ref);
      if (!allowed || strategyAllowed(rule.strategy, allowed)) continue;
      const list = allowed.join(', ');
      issues.push({
        path: `rules[${i}].strategy`,
        code: 'outside_mandate',
        message: {
          fr: `Le mandat du client ${ref} n’autorise pas la stratégie « ${rule.strategy} » (autorisées : ${list}).`,
          en: `The mandate of client ${ref} does not allow the strategy "${rule.strategy}" (allowed: ${list}).`,
        },
      });
    }
  }
  return issues;
}
