import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_POLICY } from '../plans/policy.ts';
import type { SegmentFacts } from '../strategies/conditions.ts';
import { DEFAULT_ASSIGNMENT } from '../strategies/library.ts';
import {
  assignStrategyWithin,
  markMandateViolations,
  planPolicyUnderMandate,
  strategyAllowed,
} from './mandate-limits.ts';

const facts = (debtorKind: 'business' | 'consumer', tags: readonly string[] = []): SegmentFacts => ({
  debtorKind,
  creditorRef: 'C',
  currency: 'EUR',
  collectableMinor: 100_00,
  oldestDueDate: '2026-01-01',
  tags,
  brokenPromises: 0,
});

const limits = (maxInstalments: number, minInstalmentMinor: number) => ({
  allowedStrategies: [],
  planLimits: { maxInstalments, minInstalmentMinor },
});

describe('plan limits under a mandate', () => {
  it.each([
    ['no mandate', null, 12, 2000, []],
    ['stricter count', limits(6, 1000), 6, 2000, ['maxInstalments']],
    ['stricter minimum', limits(24, 5000), 12, 5000, ['minInstalmentMinor']],
    ['both', limits(3, 10000), 3, 10000, ['maxInstalments', 'minInstalmentMinor']],
    ['equal: the creditor’s', limits(12, 2000), 12, 2000, []],
  ] as const)('%s', (_, mandate, max, min, byMandate) => {
    const result = planPolicyUnderMandate(DEFAULT_PLAN_POLICY, mandate);
    expect(result.policy).toEqual({ ...DEFAULT_PLAN_POLICY, maxInstalments: max, minInstalmentMinor: min });
    expect(result.byMandate).toEqual(byMandate);
  });

  it('marks only the violations of a limit the mandate set', () => {
    const violations = [
      { code: 'too_many_instalments', limit: 6, actual: 8 },
      { code: 'instalment_too_small', limit: 2000, actual: 1000 },
    ] as const;
    expect(markMandateViolations(violations, ['maxInstalments'])).toEqual([
      { code: 'too_many_instalments', limit: 6, actual: 8, by: 'mandate' },
      { code: 'instalment_too_small', limit: 2000, actual: 1000 },
    ]);
  });
});

describe('strategies under a mandate', () => {
  it.each([
    ['no mandate: the rules', facts('business'), null, 'b2b-standard', 0],
    ['allowed: the rule that matches', facts('consumer'), ['b2c-active', 'b2b-standard'], 'b2c-active', 2],
    [
      'rule not allowed: the next allowed rule',
      facts('consumer', ['senior']),
      ['b2c-active'],
      'b2c-active',
      2,
    ],
    [
      'no allowed rule, default allowed',
      facts('business'),
      ['b2c-senior', 'b2b-standard'],
      'b2b-standard',
      0,
    ],
    ['nothing allowed matches: the mandate’s first', facts('business'), ['b2c-senior'], 'b2c-senior', null],
  ] as const)('%s', (_, f, allowed, key, ruleIndex) => {
    const assignment = assignStrategyWithin(DEFAULT_ASSIGNMENT, f, '2026-02-01', allowed);
    expect(assignment.strategyKey).toBe(key);
    expect(assignment.ruleIndex).toBe(ruleIndex);
    expect(strategyAllowed(key, allowed)).toBe(true);
  });

  it('says whether a strategy is allowed', () => {
    expect(strategyAllowed('x', null)).toBe(true);
    expect(strategyAllowed('x', ['y'])).toBe(false);
  });
});
