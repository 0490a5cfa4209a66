import { describe, expect, it } from 'vitest';
import type { Step, StrategyDefinition } from './definition.ts';
import {
  addAction,
  insertStep,
  isEmptyCondition,
  mergeCondition,
  moveIndex,
  moveItem,
  moveStep,
  newStep,
  normaliseAmount,
  patchCondition,
  removeAction,
  removeIndex,
  removeItem,
  removeStep,
  renameStepKey,
  uniqueStepKey,
  updateAction,
  updateStep,
} from './step-list.ts';

const step = (key: string, days = 7): Step => ({
  key,
  name: { fr: key, en: key },
  at: { after: 'previous_step', days },
  actions: [{ channel: 'email', template: 'reminder-email' }],
});

const steps = [step('a'), step('b'), step('c')];
const keys = (list: readonly Step[]) => list.map((s) => s.key);

describe('moving steps', () => {
  it.each([
    [0, 1, ['b', 'a', 'c']],
    [1, -1, ['b', 'a', 'c']],
    [1, 1, ['a', 'c', 'b']],
    [2, -1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
    [5, -1, ['a', 'b', 'c']],
  ] as const)('moves step %i by %i', (index, delta, expected) => {
    expect(keys(moveStep(steps, index, delta))).toEqual(expected);
  });

  it('never changes the list it is given', () => {
    moveStep(steps, 0, 1);
    removeStep(steps, 0);
    insertStep(steps, step('d'), 0);
    expect(keys(steps)).toEqual(['a', 'b', 'c']);
  });
});

describe('adding and removing steps', () => {
  it('inserts after a step, or at the end', () => {
    expect(keys(insertStep(steps, step('d'), 0))).toEqual(['a', 'd', 'b', 'c']);
    expect(keys(insertStep(steps, step('d')))).toEqual(['a', 'b', 'c', 'd']);
    expect(keys(insertStep(steps, step('d'), -1))).toEqual(['d', 'a', 'b', 'c']);
  });

  it('removes the step at an index', () => {
    expect(keys(removeStep(steps, 1))).toEqual(['a', 'c']);
    expect(keys(removeStep(steps, 9))).toEqual(['a', 'b', 'c']);
  });

  it('gives a new step a key no other step uses', () => {
    expect(uniqueStepKey([])).toBe('step');
    expect(uniqueStepKey([step('step'), step('step-2')])).toBe('step-3');
    expect(uniqueStepKey(steps, 'Not A Key')).toBe('step');
  });

  it('makes the first step count from the due date and the next ones from the previous step', () => {
    const name = { fr: 'Nouvelle étape', en: 'New step' };
    expect(newStep([], name).at).toEqual({ after: 'due_date', days: 7 });
    expect(newStep(steps, name)).toMatchObject({ key: 'step', name, at: { after: 'previous_step' } });
  });

  it('updates one step only', () => {
    const next = updateStep(steps, 1, { at: { after: 'due_date', days: -3 } });
    expect(next[1]?.at).toEqual({ after: 'due_date', days: -3 });
    expect(next[0]).toBe(steps[0]);
  });
});

describe('editing actions', () => {
  it('adds, changes and removes actions', () => {
    const base = step('a');
    const two = addAction(base, { channel: 'sms', template: 'reminder-sms' });
    expect(two.actions).toHaveLength(2);
    const changed = updateAction(two, 1, { channel: 'letter' });
    expect(changed.actions[1]).toEqual({ channel: 'letter', template: 'reminder-sms' });
    expect(removeAction(changed, 0).actions).toEqual([{ channel: 'letter', template: 'reminder-sms' }]);
    expect(base.actions).toHaveLength(1);
  });
});

describe('step conditions', () => {
  it('sets a debtor kind and an amount band', () => {
    const business = patchCondition(step('a'), { debtorKind: 'business' });
    expect(business.when).toEqual({ debtorKind: 'business' });
    const band = patchCondition(business, { amount: { min: '1500.00', max: undefined } });
    expect(band.when).toEqual({ debtorKind: 'business', amount: { min: '1500.00' } });
  });

  it('drops emptied pieces and the whole condition when nothing is left', () => {
    const full = patchCondition(step('a'), { debtorKind: 'consumer', amount: { max: '80' } });
    const noAmount = patchCondition(full, { amount: { min: undefined, max: undefined } });
    expect(noAmount.when).toEqual({ debtorKind: 'consumer' });
    const none = patchCondition(noAmount, { debtorKind: undefined });
    expect(none).not.toHaveProperty('when');
  });

  it('keeps the conditions the form does not edit', () => {
    const tagged: Step = { ...step('a'), when: { tags: { any: ['vip'] } } };
    expect(patchCondition(tagged, { debtorKind: 'business' }).when).toEqual({
      tags: { any: ['vip'] },
      debtorKind: 'business',
    });
  });

  it('knows an empty condition', () => {
    expect(isEmptyCondition(undefined)).toBe(true);
    expect(isEmptyCondition({})).toBe(true);
    expect(isEmptyCondition({ amount: {}, profile: [] })).toBe(true);
    expect(isEmptyCondition({ debtorKind: 'business' })).toBe(false);
  });
});

describe('renaming a step', () => {
  const definition: StrategyDefinition = {
    key: 'b2b',
    name: { fr: 'B2B', en: 'B2B' },
    profile: 'standard',
    backlog: 'jump',
    steps,
    reactions: {
      paymentFull: {},
      paymentPartial: { pauseDays: 0 },
      promise: { graceDays: 3 },
      brokenPromise: { mode: 'jump', toStep: 'c' },
      plan: { graceDays: 5 },
      debtorReplied: { pauseDays: 5 },
      unansweredCalls: { count: 3, switchTo: { channel: 'sms', template: 'reminder-sms' } },
      emailBounce: { switchTo: { channel: 'letter', template: 'reminder-letter' } },
      wrongNumber: { switchTo: { channel: 'letter', template: 'reminder-letter' } },
    },
  };

  it('keeps the broken-promise jump on the renamed step', () => {
    const next = renameStepKey(definition, 2, 'formal-notice');
    expect(keys(next.steps)).toEqual(['a', 'b', 'formal-notice']);
    expect(next.reactions.brokenPromise).toEqual({ mode: 'jump', toStep: 'formal-notice' });
  });

  it('leaves the jump alone when another step is renamed', () => {
    expect(renameStepKey(definition, 0, 'first').reactions.brokenPromise).toEqual({
      mode: 'jump',
      toStep: 'c',
    });
  });
});

describe('normaliseAmount', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['1500', '1500'],
    ['1 500,50', '1500.50'],
    ['1\u00a0500,5', '1500.5'],
    ['1500.00', '1500.00'],
    ['12,', '12,'],
    ['abc', 'abc'],
    ['-5', '-5'],
  ])('%j → %j', (text, expected) => {
    expect(normaliseAmount(text)).toBe(expected);
  });
});

describe('open step cards follow their steps', () => {
  it('swap with a moved step', () => {
    expect([...moveIndex(new Set([0, 3]), 0, 1, 4)].sort()).toEqual([1, 3]);
    expect([...moveIndex(new Set([1]), 2, -1, 4)]).toEqual([2]);
    expect([...moveIndex(new Set([0]), 0, -1, 4)]).toEqual([0]);
  });

  it('move up when an earlier step is removed', () => {
    expect([...removeIndex(new Set([0, 2, 3]), 2)]).toEqual([0, 2]);
    expect([...removeIndex(new Set([1]), 3)]).toEqual([1]);
  });
});

describe('generic list edits', () => {
  it('move and remove any item', () => {
    expect(moveItem(['x', 'y', 'z'], 2, -1)).toEqual(['x', 'z', 'y']);
    expect(moveItem(['x'], 0, 1)).toEqual(['x']);
    expect(removeItem(['x', 'y', 'z'], 0)).toEqual(['y', 'z']);
  });

  it('merge a condition and drop what is emptied', () => {
    expect(mergeCondition(undefined, { debtorKind: 'consumer' })).toEqual({ debtorKind: 'consumer' });
    expect(mergeCondition({ debtorKind: 'consumer', profile: ['senior'] }, { profile: [] })).toEqual({
      debtorKind: 'consumer',
    });
    expect(mergeCondition({ profile: ['senior'] }, { profile: undefined })).toBeUndefined();
  });
});
