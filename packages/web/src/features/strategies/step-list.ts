import type { Localized } from '../../app/api/types.ts';
import type { Condition, Step, StepAction, StrategyDefinition } from './definition.ts';

/** Pure edits of a strategy's ladder: each returns a new value and never touches the one it is given. */

const KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A key no other step uses: `base`, else `base-2`, `base-3`… */
export function uniqueStepKey(steps: readonly Step[], base = 'step'): string {
  const used = new Set(steps.map((step) => step.key));
  const root = KEY.test(base) ? base : 'step';
  if (!used.has(root)) return root;
  for (let n = 2; ; n += 1) {
    const key = `${root}-${n}`;
    if (!used.has(key)) return key;
  }
}

/** A new step a week after the previous one, with one e-mail; the caller gives its name in both languages. */
export function newStep(steps: readonly Step[], name: Localized): Step {
  return {
    key: uniqueStepKey(steps),
    name,
    at: { after: steps.length === 0 ? 'due_date' : 'previous_step', days: 7 },
    actions: [{ channel: 'email', template: 'reminder-email' }],
  };
}

/** Inserts a step after `index` (at the end when no index is given). */
export function insertStep(steps: readonly Step[], step: Step, index?: number): Step[] {
  const at = index === undefined ? steps.length : Math.max(0, Math.min(steps.length, index + 1));
  return [...steps.slice(0, at), step, ...steps.slice(at)];
}

export function removeStep(steps: readonly Step[], index: number): Step[] {
  return removeItem(steps, index);
}

/** A list without its item at `index`. */
export function removeItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** Moves a step one place up (-1) or down (+1); a move past either end changes nothing. */
export function moveStep(steps: readonly Step[], index: number, delta: -1 | 1): Step[] {
  return moveItem(steps, index, delta);
}

/** Moves an item one place up (-1) or down (+1) in a list (steps, assignment rules); past either end, nothing moves. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const moved = [...list];
  const [item] = moved.splice(index, 1);
  if (item !== undefined) moved.splice(target, 0, item);
  return moved;
}

export function updateStep(steps: readonly Step[], index: number, patch: Partial<Step>): Step[] {
  return steps.map((step, i) => (i === index ? { ...step, ...patch } : step));
}

export function addAction(
  step: Step,
  action: StepAction = { channel: 'email', template: 'reminder-email' },
): Step {
  return { ...step, actions: [...step.actions, action] };
}

export function removeAction(step: Step, index: number): Step {
  return { ...step, actions: step.actions.filter((_, i) => i !== index) };
}

export function updateAction(step: Step, index: number, patch: Partial<StepAction>): Step {
  return {
    ...step,
    actions: step.actions.map((action, i) => (i === index ? { ...action, ...patch } : action)),
  };
}

/** Whether a condition restricts anything (an empty object or empty pieces match every case). */
export function isEmptyCondition(condition: Condition | undefined): boolean {
  if (!condition) return true;
  return Object.values(condition).every(
    (value) =>
      value === undefined ||
      (Array.isArray(value) && value.length === 0) ||
      (typeof value === 'object' && value !== null && Object.values(value).every((v) => v === undefined)),
  );
}

/** Sets or clears pieces of a condition; the step loses its `when` when nothing is left in it. */
export function patchCondition(step: Step, patch: Partial<Condition>): Step {
  const when = mergeCondition(step.when, patch);
  const { when: _dropped, ...rest } = step;
  return when ? { ...rest, when } : rest;
}

/** A condition with pieces set or cleared; undefined when nothing is left in it. */
export function mergeCondition(
  condition: Condition | undefined,
  patch: Partial<Condition>,
): Condition | undefined {
  const merged: Record<string, unknown> = { ...condition, ...patch };
  for (const [name, value] of Object.entries(merged)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete merged[name];
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const inner = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
      if (Object.keys(inner).length === 0) delete merged[name];
      else merged[name] = inner;
    }
  }
  return Object.keys(merged).length === 0 ? undefined : (merged as Condition);
}

/** Renames a step and keeps the broken-promise jump pointing at it. */
export function renameStepKey(
  definition: StrategyDefinition,
  index: number,
  key: string,
): StrategyDefinition {
  const old = definition.steps[index]?.key;
  const steps = updateStep(definition.steps, index, { key });
  const jump = definition.reactions.brokenPromise;
  const reactions =
    jump.mode === 'jump' && old !== undefined && jump.toStep === old
      ? { ...definition.reactions, brokenPromise: { mode: 'jump' as const, toStep: key } }
      : definition.reactions;
  return { ...definition, steps, reactions };
}

/**
 * A decimal amount as a person types it ("1 500,50", "1500.5") in the API's form ("1500.50" kept as
 * typed after the separator); empty text is no bound. Text that is not an amount is passed on as it is,
 * for the server to explain what is wrong with it next to the field.
 */
export function normaliseAmount(text: string): string | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return undefined;
  const dotted = compact.replace(',', '.');
  return /^\d+(\.\d+)?$/.test(dotted) ? dotted : text.trim();
}

/** The set of open step cards after `moveStep(steps, index, delta)`: the two swapped steps swap states too. */
export function moveIndex(
  open: ReadonlySet<number>,
  index: number,
  delta: -1 | 1,
  count: number,
): Set<number> {
  const target = index + delta;
  if (index < 0 || index >= count || target < 0 || target >= count) return new Set(open);
  return new Set(
    [...open].map((i) => {
      if (i === index) return target;
      if (i === target) return index;
      return i;
    }),
  );
}

/** The set of open step cards after `removeStep(steps, index)`: later steps move up one place. */
export function removeIndex(open: ReadonlySet<number>, index: number): Set<number> {
  return new Set([...open].filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)));
}
