import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api/api-error.ts';
import type { StrategyDefinition } from './definition.ts';
import {
  assignmentFieldPaths,
  formFieldPaths,
  parentPath,
  placeIssues,
  type StrategyIssue,
  strategyIssuesOf,
} from './issues.ts';

const issue = (path: string): StrategyIssue => ({
  path,
  code: 'invalid_shape',
  message: { fr: `fr ${path}`, en: `en ${path}` },
});

const definition = {
  key: 'b2b',
  name: { fr: 'B2B', en: 'B2B' },
  profile: 'standard',
  backlog: 'jump',
  steps: [
    {
      key: 'a',
      name: { fr: 'A', en: 'A' },
      at: { after: 'due_date', days: -5 },
      actions: [{ channel: 'email', template: 'x' }],
    },
    {
      key: 'b',
      name: { fr: 'B', en: 'B' },
      at: { after: 'previous_step', days: 3 },
      actions: [
        { channel: 'email', template: 'x' },
        { channel: 'sms', template: 'y' },
      ],
    },
  ],
} as unknown as StrategyDefinition;

describe('parentPath', () => {
  it.each([
    ['steps[2].at.days', 'steps[2].at'],
    ['steps[2].at', 'steps[2]'],
    ['steps[2]', 'steps'],
    ['steps', null],
    ['reactions.brokenPromise.toStep', 'reactions.brokenPromise'],
    ['(root)', null],
  ])('%s → %s', (path, parent) => {
    expect(parentPath(path)).toBe(parent);
  });
});

describe('placeIssues', () => {
  const fields = formFieldPaths(definition);

  it('puts an issue on the field its path names', () => {
    const placed = placeIssues([issue('steps[1].at.days'), issue('steps[1].actions[1].template')], fields);
    expect([...placed.byPath.keys()]).toEqual(['steps[1].at.days', 'steps[1].actions[1].template']);
    expect(placed.unplaced).toEqual([]);
  });

  it('puts an issue on the closest field the form shows', () => {
    const placed = placeIssues([issue('steps[0].when.ageDays.min'), issue('steps[1].actions[5]')], fields);
    expect(placed.byPath.get('steps[0].when')).toHaveLength(1);
    expect(placed.byPath.get('steps[1].actions')).toHaveLength(1);
  });

  it('keeps several issues of one field together', () => {
    const placed = placeIssues([issue('steps[0].key'), issue('steps[0].key')], fields);
    expect(placed.byPath.get('steps[0].key')).toHaveLength(2);
  });

  it('lists the issues no field stands for', () => {
    const placed = placeIssues(
      [issue('(root)'), issue('reactions.emailBounce.switchTo.template'), issue('steps[7].key')],
      fields,
    );
    expect(placed.unplaced.map((i) => i.path)).toEqual(['(root)', 'reactions.emailBounce.switchTo.template']);
    // A step the form no longer shows: the issue goes to the list of steps.
    expect(placed.byPath.get('steps')).toHaveLength(1);
  });

  it('lists everything when no field is shown (the JSON view)', () => {
    expect(placeIssues([issue('steps[0].key')], new Set()).unplaced).toHaveLength(1);
  });
});

describe('strategyIssuesOf', () => {
  it('reads the issues of a 400 answer', () => {
    const error = new ApiError(400, 'invalid_input', 'The strategy is not valid', {
      reason: 'invalid_strategy',
      issues: [issue('steps[0].at.days'), { path: 1 }],
    });
    expect(strategyIssuesOf(error)).toEqual([issue('steps[0].at.days')]);
  });

  it('gives null for other errors', () => {
    expect(strategyIssuesOf(new ApiError(409, 'conflict', 'again'))).toBeNull();
    expect(strategyIssuesOf(new ApiError(400, 'invalid_input', 'bad', { reason: 'x' }))).toBeNull();
    expect(strategyIssuesOf(new Error('boom'))).toBeNull();
  });
});

describe('assignmentFieldPaths', () => {
  it('places an unknown strategy on its rule, and the default on its field', () => {
    const fields = assignmentFieldPaths({
      rules: [{ when: { debtorKind: 'business' }, strategy: 'gone' }],
      defaultStrategy: 'also-gone',
    });
    const placed = placeIssues(
      [
        issue('rules[0].strategy'),
        issue('defaultStrategy'),
        issue('rules[0].when.tags.any'),
        issue('rules[3]'),
      ],
      fields,
    );
    expect([...placed.byPath.keys()]).toEqual([
      'rules[0].strategy',
      'defaultStrategy',
      'rules[0].when',
      'rules',
    ]);
    expect(placed.unplaced).toEqual([]);
  });
});
