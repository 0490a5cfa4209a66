import type { IsoDate } from '../shared/dates.ts';
import { fromEpochDay, toEpochDay } from '../shared/dates.ts';
import { matchCondition } from './conditions.ts';
import type { ActionChannel, Step, StepAction, StrategyDefinition } from './definition.ts';
import { note } from './events.ts';
import type { ActionPurpose, CaseFacts, NextAction, PlannedAction, Reason } from './plan-types.ts';
import type { CaseProgress } from './progress.ts';

export type LadderResult = {
  readonly progress: CaseProgress;
  readonly actions: readonly PlannedAction[];
  readonly notes: readonly Reason[];
  readonly next: NextAction | null;
  readonly finished: boolean;
};

/**
 * Picks the step to run today, if any. Behind the ladder, `jump` runs only the step the case should
 * be at and skips the ones before it; `walk` runs the next step and leaves the rest for later runs.
 * `forceIndex` (a broken promise's jump) runs that step today whatever its date.
 */
export function climbLadder(
  strategy: StrategyDefinition,
  facts: CaseFacts,
  progress: CaseProgress,
  today: IsoDate,
  forceIndex: number | null,
): LadderResult {
  const todayDay = toEpochDay(today);
  const dueDay = toEpochDay(facts.oldestDueDate ?? today);
  const dates = plannedDays(strategy.steps, progress, dueDay);
  const eligible: number[] = [];
  const passed: Reason[] = [];
  let upcoming: number | null = null;
  for (let i = progress.stepIndex + 1; i < strategy.steps.length; i++) {
    const step = strategy.steps[i] as Step;
    const skip = skipReason(step, facts, today, todayDay, dueDay, dates[i] as number);
    if (skip) {
      passed.push(skip);
      continue;
    }
    if (forceIndex === null && (dates[i] as number) > todayDay) {
      upcoming = i;
      break;
    }
    if (forceIndex !== null && i < forceIndex) continue;
    eligible.push(i);
    if (strategy.backlog === 'walk' || forceIndex !== null) break;
  }
  const chosen = strategy.backlog === 'jump' ? eligible.at(-1) : eligible[0];
  if (chosen === undefined) {
    const next = upcoming === null ? null : nextOf(strategy, upcoming, dates[upcoming] as number);
    return { progress, actions: [], notes: [], next, finished: upcoming === null };
  }
  const step = strategy.steps[chosen] as Step;
  const notes: Reason[] = [...passed];
  const behind = todayDay - (dates[chosen] as number);
  if (eligible.length > 1) {
    const skipped = eligible.slice(0, -1).map((i) => (strategy.steps[i] as Step).key);
    notes.push(note('backlog_jump', { ...named(step), skipped: skipped.join(', ') }));
  } else if (strategy.backlog === 'walk' && behind > 0) {
    notes.push(note('backlog_walk', { ...named(step), daysBehind: behind }));
  }
  const done: CaseProgress = { ...progress, stepIndex: chosen, stepKey: step.key, stepOn: today };
  const actions = stepActions(strategy, done, step, facts, behind, notes);
  const after = plannedDays(strategy.steps, done, dueDay);
  const following = findNext(strategy, facts, today, todayDay, dueDay, after, chosen + 1);
  const next =
    following === null
      ? null
      : nextOf(strategy, following, Math.max(after[following] as number, todayDay + 1));
  // The last step ran today: nothing more to climb, the case waits for a person (or an event).
  return { progress: done, actions, notes, next, finished: following === null };
}

/** Day numbers on which each step falls due, chaining `previous_step` offsets from the last step done. */
function plannedDays(steps: readonly Step[], progress: CaseProgress, dueDay: number): number[] {
  const days: number[] = [];
  for (let i = 0; i < steps.length; i++) {
    const at = (steps[i] as Step).at;
    if (at.after === 'due_date' || i === 0) days.push(dueDay + at.days);
    else if (i - 1 === progress.stepIndex && progress.stepOn !== null)
      days.push(toEpochDay(progress.stepOn) + at.days);
    else days.push((days[i - 1] as number) + at.days);
  }
  return days;
}

function skipReason(
  step: Step,
  facts: CaseFacts,
  today: IsoDate,
  todayDay: number,
  dueDay: number,
  day: number,
): Reason | null {
  // A reminder before the due date makes no sense once the date has passed.
  if (day < dueDay && todayDay >= dueDay) return note('pre_due_expired', named(step));
  if (step.when && !matchCondition(step.when, facts, today))
    return note('step_skipped_condition', named(step));
  return null;
}

function findNext(
  strategy: StrategyDefinition,
  facts: CaseFacts,
  today: IsoDate,
  todayDay: number,
  dueDay: number,
  days: readonly number[],
  from: number,
): number | null {
  for (let i = from; i < strategy.steps.length; i++) {
    if (!skipReason(strategy.steps[i] as Step, facts, today, todayDay, dueDay, days[i] as number)) return i;
  }
  return null;
}

function nextOf(strategy: StrategyDefinition, index: number, day: number): NextAction {
  const step = strategy.steps[index] as Step;
  return {
    on: fromEpochDay(day),
    kind: 'step',
    stepKey: step.key,
    stepName: step.name,
    channels: step.actions.map((action) => action.channel),
  };
}

const PURPOSES: Readonly<Record<ActionChannel, ActionPurpose>> = {
  email: 'reminder',
  sms: 'reminder',
  letter: 'reminder',
  registered_letter: 'reminder',
  formal_notice: 'formal_notice',
  call_task: 'reminder',
  ivr_call: 'reminder',
  agency_handover: 'handover_notice',
  legal_handover: 'legal_threat',
};

function stepActions(
  strategy: StrategyDefinition,
  progress: CaseProgress,
  step: Step,
  facts: CaseFacts,
  daysLate: number,
  notes: Reason[],
): PlannedAction[] {
  const actions: PlannedAction[] = [];
  for (const [n, original] of step.actions.entries()) {
    const action = switched(original, progress);
    if (facts.timeBarred && (action.channel === 'formal_notice' || action.channel === 'legal_handover')) {
      notes.push(note('time_barred_no_threat', { ...named(step), channel: action.channel }));
      continue;
    }
    const reason =
      action === original
        ? note('step_due', { ...named(step), daysLate })
        : note('channel_switched', { ...named(step), from: original.channel, to: action.channel });
    actions.push({
      key: `${strategy.key}:${progress.cycle}:${step.key}:${n}`,
      stepKey: step.key,
      channel: action.channel,
      template: action.template,
      purpose: PURPOSES[action.channel],
      review: step.review === true,
      reason,
    });
  }
  return actions;
}

function switched(action: StepAction, progress: CaseProgress): StepAction {
  const { email, phone, call } = progress.switches;
  if (action.channel === 'email' && email) return email;
  if ((action.channel === 'call_task' || action.channel === 'sms' || action.channel === 'ivr_call') && phone)
    return phone;
  if (action.channel === 'call_task' && call) return call;
  return action;
}

/** A step in a reason, by its key: `nameReason` adds its names when a person reads it (rows stay small). */
function named(step: Step): { step: string } {
  return { step: step.key };
}
