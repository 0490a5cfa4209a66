import type { IsoDate } from '../shared/dates.ts';
import { addDays } from '../shared/dates.ts';
import type { StrategyDefinition } from './definition.ts';
import { applyEvents, eventAction, note } from './events.ts';
import { climbLadder } from './ladder.ts';
import type { CasePlan, CaseStage, NextAction, PlanInput, PlannedAction, Reason } from './plan-types.ts';
import type { CaseProgress } from './progress.ts';
import { NEW_PROGRESS } from './progress.ts';

/**
 * Decides what happens to one case today: reactions to the events since the last run, promise and plan
 * checks, pauses and holds, then the ladder. Pure: the same input gives the same plan, which is what
 * makes a second run on the same day a no-op.
 */
export function planCase(input: PlanInput): CasePlan {
  const { strategy, facts, today } = input;
  const notes: Reason[] = [];
  const actions: PlannedAction[] = [];
  let progress = onStrategy(input, notes);
  const applied = applyEvents(strategy, progress, input.events);
  progress = applied.progress;
  actions.push(...applied.actions);
  notes.push(...applied.notes);
  const done = (stage: CaseStage, next: NextAction | null): CasePlan => ({
    progress,
    stage,
    actions,
    notes,
    next,
  });

  if (facts.settled || facts.outstandingMinor <= 0) {
    if (progress.completedOn === null) {
      progress = {
        ...progress,
        completedOn: today,
        promise: null,
        plan: null,
        pausedUntil: null,
        pauseReason: null,
      };
      notes.push(note('payment_full', {}));
      const thanks = strategy.reactions.paymentFull.thankTemplate;
      if (thanks && input.events.some((event) => event.kind === 'payment')) {
        const channel = strategy.reactions.paymentFull.channel ?? 'email';
        actions.push(
          eventAction(
            strategy.key,
            progress.cycle,
            `thanks-${today}`,
            channel,
            thanks,
            'thanks',
            'payment_full',
            {},
          ),
        );
      }
    }
    return done('completed', null);
  }
  if (progress.completedOn !== null) progress = { ...progress, completedOn: null };
  if (progress.pausedManually) {
    if (progress.pauseReason !== 'manual' || progress.pausedUntil === null) return done('paused', null);
    if (today < progress.pausedUntil) return done('paused', check(progress.pausedUntil, 'pause_end'));
    notes.push(note('pause_ended', { since: progress.pausedUntil }));
    progress = { ...progress, pausedManually: false, pausedUntil: null, pauseReason: null };
  }

  let forceIndex: number | null = null;
  const promise = checkPromise(strategy, progress, facts.outstandingMinor, today, notes);
  progress = promise.progress;
  if (promise.waitUntil) return done('promise', check(promise.waitUntil, 'promise_check'));
  forceIndex = promise.forceIndex;
  if (promise.followUp) actions.push(promise.followUp);

  const plan = checkPlan(strategy, progress, facts.outstandingMinor, today, notes);
  progress = plan.progress;
  if (plan.waitUntil) return done('plan', check(plan.waitUntil, 'plan_check'));
  forceIndex = plan.forceIndex ?? forceIndex;
  if (plan.followUp) actions.push(plan.followUp);

  if (progress.pausedUntil !== null) {
    if (today < progress.pausedUntil) return done('paused', check(progress.pausedUntil, 'pause_end'));
    progress = { ...progress, pausedUntil: null, pauseReason: null };
  }
  if (facts.collectableMinor <= 0) {
    notes.push(note('held_dispute', {}));
    return done('held', null);
  }
  const ladder = climbLadder(strategy, facts, progress, today, forceIndex);
  progress = ladder.progress;
  actions.push(...ladder.actions);
  notes.push(...ladder.notes);
  if (ladder.finished) {
    notes.push(note('ladder_finished', { strategy: strategy.key }));
    return done('exhausted', null);
  }
  const preDue = facts.oldestDueDate !== null && today < facts.oldestDueDate;
  return done(preDue ? 'pre_due' : 'active', ladder.next);
}

function onStrategy(input: PlanInput, notes: Reason[]): CaseProgress {
  const current = input.progress;
  if (current.strategyKey === input.strategy.key)
    return { ...current, strategyVersion: input.strategyVersion };
  notes.push(note('assigned', { strategy: input.strategy.key }));
  return {
    ...NEW_PROGRESS,
    strategyKey: input.strategy.key,
    strategyVersion: input.strategyVersion,
    cycle: current.strategyKey === null ? 0 : current.cycle + 1,
    brokenPromises: current.brokenPromises,
    pausedManually: current.pausedManually,
  };
}

function check(on: IsoDate, kind: 'promise_check' | 'plan_check' | 'pause_end'): NextAction {
  return { on, kind, stepKey: null, stepName: null, channels: [] };
}

type Checked = {
  readonly progress: CaseProgress;
  readonly waitUntil: IsoDate | null;
  readonly forceIndex: number | null;
  /** After a broken promise or plan: an agent's call, so that the case is back in the call queue. */
  readonly followUp?: PlannedAction | null;
};

function checkPromise(
  strategy: StrategyDefinition,
  progress: CaseProgress,
  outstandingMinor: number,
  today: IsoDate,
  notes: Reason[],
): Checked {
  const promise = progress.promise;
  if (!promise) return { progress, waitUntil: null, forceIndex: null };
  const dates = promise.schedule ?? [{ dueOn: promise.dueOn, amountMinor: promise.amountMinor }];
  const paid = promise.baselineMinor - outstandingMinor;
  const failed = (dueOn: IsoDate): Checked => {
    notes.push(
      note(paid > 0 ? 'promise_partly_kept' : 'promise_broken', { dueOn, paidMinor: Math.max(paid, 0) }),
    );
    return broken(
      strategy,
      { ...progress, promise: null },
      `promise-broken-${dueOn}`,
      'promise_broken',
      dueOn,
    );
  };
  if (promise.declaredBroken) return failed(promise.dueOn);
  // Each date is checked at its date plus grace against everything due by then: a late first payment
  // caught up before the second date's check still counts.
  let kept = promise.keptDates ?? 0;
  let expected = 0;
  for (let i = 0; i < kept; i++) expected += dates[i]?.amountMinor ?? 0;
  while (kept < dates.length) {
    const date = dates[kept];
    if (!date) break;
    const checkOn = addDays(date.dueOn, strategy.reactions.promise.graceDays);
    if (today < checkOn) {
      const waiting = promise.schedule ? { ...promise, keptDates: kept } : promise;
      return { progress: { ...progress, promise: waiting }, waitUntil: checkOn, forceIndex: null };
    }
    expected += date.amountMinor;
    if (paid < expected) return failed(date.dueOn);
    kept += 1;
    if (kept < dates.length)
      notes.push(note('promise_date_kept', { date: kept, dueOn: date.dueOn, paidMinor: paid }));
  }
  notes.push(note('promise_kept', { dueOn: promise.dueOn, paidMinor: paid }));
  return { progress: { ...progress, promise: null }, waitUntil: null, forceIndex: null };
}

function checkPlan(
  strategy: StrategyDefinition,
  progress: CaseProgress,
  outstandingMinor: number,
  today: IsoDate,
  notes: Reason[],
): Checked {
  const plan = progress.plan;
  if (!plan) return { progress, waitUntil: null, forceIndex: null };
  let kept = plan.kept;
  let expected = 0;
  for (let i = 0; i < kept; i++) expected += plan.instalments[i]?.amountMinor ?? 0;
  while (kept < plan.instalments.length) {
    const instalment = plan.instalments[kept];
    if (!instalment) break;
    const checkOn = addDays(instalment.dueOn, strategy.reactions.plan.graceDays);
    if (today < checkOn)
      return { progress: { ...progress, plan: { ...plan, kept } }, waitUntil: checkOn, forceIndex: null };
    expected += instalment.amountMinor;
    if (plan.baselineMinor - outstandingMinor < expected) {
      notes.push(note('plan_broken', { instalment: kept + 1, dueOn: instalment.dueOn }));
      return broken(
        strategy,
        { ...progress, plan: null },
        `plan-broken-${instalment.dueOn}`,
        'plan_broken',
        instalment.dueOn,
      );
    }
    kept += 1;
    notes.push(note('plan_instalment_kept', { instalment: kept, dueOn: instalment.dueOn }));
  }
  notes.push(note('plan_completed', {}));
  return { progress: { ...progress, plan: null }, waitUntil: null, forceIndex: null };
}

/**
 * A broken promise or plan counts against the debtor, then resumes the ladder or jumps to a step; when the
 * strategy calls debtors at all, an agent calls at once (the case is back in the call queue).
 */
function broken(
  strategy: StrategyDefinition,
  progress: CaseProgress,
  id: string,
  code: 'promise_broken' | 'plan_broken',
  dueOn: IsoDate,
): Checked {
  const counted = { ...progress, brokenPromises: progress.brokenPromises + 1 };
  const reaction = strategy.reactions.brokenPromise;
  const index =
    reaction.mode === 'jump' ? strategy.steps.findIndex((step) => step.key === reaction.toStep) : -1;
  // A jump starts a new cycle: the step may have run before, and its actions need fresh idempotency keys.
  const next = index < 0 ? counted : { ...counted, stepIndex: index - 1, cycle: counted.cycle + 1 };
  return {
    progress: next,
    waitUntil: null,
    forceIndex: index < 0 ? null : index,
    followUp: callAfterBreak(strategy, next, id, code, dueOn),
  };
}

function callAfterBreak(
  strategy: StrategyDefinition,
  progress: CaseProgress,
  id: string,
  code: 'promise_broken' | 'plan_broken',
  dueOn: IsoDate,
): PlannedAction | null {
  const call = strategy.steps.flatMap((step) => step.actions).find((a) => a.channel === 'call_task');
  if (!call) return null;
  // Calls replaced after unanswered ones stay replaced.
  const action = progress.switches.call ?? call;
  return eventAction(strategy.key, progress.cycle, id, action.channel, action.template, 'reminder', code, {
    dueOn,
  });
}
