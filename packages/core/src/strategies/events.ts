import { addDays } from '../shared/dates.ts';
import { assertNever } from '../shared/errors.ts';
import type { ActionChannel, Reactions, StrategyDefinition } from './definition.ts';
import type { CasePlan, PlannedAction, Reason } from './plan-types.ts';
import type { CaseEvent, CaseProgress } from './progress.ts';

/** What the debtor is told about their dispute: shipped in French and English, editable per tenant. */
export const DISPUTE_ACKNOWLEDGED = 'dispute-acknowledged';
export const DISPUTE_RESOLVED = 'dispute-resolved';

type Applied = {
  progress: CaseProgress;
  readonly actions: PlannedAction[];
  readonly notes: Reason[];
};

/** Applies the strategy's reactions to the events since the last run, oldest first. */
export function applyEvents(
  strategy: StrategyDefinition,
  progress: CaseProgress,
  events: readonly CaseEvent[],
): Pick<CasePlan, 'progress' | 'actions' | 'notes'> {
  const applied: Applied = { progress, actions: [], notes: [] };
  for (const event of events) applyEvent(strategy.reactions, strategy.key, applied, event);
  return applied;
}

function applyEvent(reactions: Reactions, strategyKey: string, state: Applied, event: CaseEvent): void {
  const p = state.progress;
  switch (event.kind) {
    case 'payment':
      state.notes.push(note('payment_partial', { on: event.on, amountMinor: event.amountMinor }));
      if (reactions.paymentPartial.pauseDays > 0) {
        state.progress = {
          ...p,
          pausedUntil: addDays(event.on, reactions.paymentPartial.pauseDays),
          pauseReason: 'partial_payment',
        };
      }
      return;
    case 'promise': {
      state.progress = {
        ...p,
        promise: {
          madeOn: event.on,
          dueOn: event.dueOn,
          amountMinor: event.amountMinor,
          baselineMinor: event.baselineMinor,
          ...(event.schedule && event.schedule.length > 1 ? { schedule: event.schedule, keptDates: 0 } : {}),
        },
      };
      state.notes.push(note('promise_made', { dueOn: event.dueOn, amountMinor: event.amountMinor }));
      const template = reactions.promise.confirmTemplate;
      if (template) {
        const channel = reactions.promise.channel ?? 'email';
        state.actions.push(
          eventAction(
            strategyKey,
            p.cycle,
            event.promiseId ? `promise-${event.promiseId}` : `promise-${event.on}-${event.dueOn}`,
            channel,
            template,
            'confirmation',
            'promise_made',
            { dueOn: event.dueOn, amountMinor: event.amountMinor, dates: event.schedule?.length ?? 1 },
          ),
        );
      }
      return;
    }
    case 'promise_broken':
      // Recorded by a person: the next evaluation treats the promise as broken without waiting for its date.
      if (p.promise) state.progress = { ...p, promise: { ...p.promise, declaredBroken: true } };
      return;
    case 'promise_cancelled':
      if (p.promise) {
        state.progress = { ...p, promise: null };
        state.notes.push(note('promise_cancelled', {}));
      }
      return;
    case 'plan':
      state.progress = {
        ...p,
        plan: {
          agreedOn: event.on,
          instalments: event.instalments,
          baselineMinor: event.baselineMinor,
          kept: 0,
        },
        promise: null,
      };
      state.notes.push(note('plan_agreed', { instalments: event.instalments.length }));
      return;
    case 'plan_cancelled':
      state.progress = { ...p, plan: null };
      state.notes.push(note('plan_cancelled', {}));
      return;
    case 'dispute':
      state.notes.push(note('dispute_recorded', {}));
      if (event.disputeId) {
        state.actions.push(
          eventAction(
            strategyKey,
            p.cycle,
            `dispute-${event.disputeId}`,
            'email',
            DISPUTE_ACKNOWLEDGED,
            'confirmation',
            'dispute_recorded',
            {},
          ),
        );
      }
      return;
    case 'dispute_resolved':
      state.notes.push(note('dispute_resolved', { resolution: event.resolution }));
      state.actions.push(
        eventAction(
          strategyKey,
          p.cycle,
          `dispute-${event.disputeId}-resolved`,
          'email',
          DISPUTE_RESOLVED,
          'confirmation',
          'dispute_resolved',
          { resolution: event.resolution },
        ),
      );
      return;
    case 'debtor_replied':
      state.progress = {
        ...p,
        pausedUntil: addDays(event.on, reactions.debtorReplied.pauseDays),
        pauseReason: 'debtor_replied',
      };
      state.notes.push(note('debtor_replied', { pauseDays: reactions.debtorReplied.pauseDays }));
      return;
    case 'call_unanswered': {
      const unanswered = p.unansweredCalls + 1;
      const limit = reactions.unansweredCalls.count;
      const switched = unanswered >= limit && !p.switches.call;
      state.progress = {
        ...p,
        unansweredCalls: unanswered,
        switches: switched ? { ...p.switches, call: reactions.unansweredCalls.switchTo } : p.switches,
      };
      state.notes.push(note('call_unanswered', { count: unanswered }));
      if (switched)
        state.notes.push(
          switchNote('call_task', reactions.unansweredCalls.switchTo.channel, 'call_unanswered'),
        );
      return;
    }
    case 'conversation':
      state.progress = { ...p, unansweredCalls: 0 };
      state.notes.push(note('conversation', {}));
      return;
    case 'email_bounce':
      state.progress = { ...p, switches: { ...p.switches, email: reactions.emailBounce.switchTo } };
      state.notes.push(
        note('email_bounce', {}),
        switchNote('email', reactions.emailBounce.switchTo.channel, 'email_bounce'),
      );
      return;
    case 'wrong_number':
      state.progress = { ...p, switches: { ...p.switches, phone: reactions.wrongNumber.switchTo } };
      state.notes.push(
        note('wrong_number', {}),
        switchNote('call_task', reactions.wrongNumber.switchTo.channel, 'wrong_number'),
      );
      return;
    case 'pause':
      if (event.until !== undefined) {
        state.progress = { ...p, pausedManually: true, pausedUntil: event.until, pauseReason: 'manual' };
        state.notes.push(note('paused_until', { until: event.until }));
        return;
      }
      // An open-ended pause replaces a dated one; an automatic pause's end is kept for after a resume.
      state.progress =
        p.pauseReason === 'manual'
          ? { ...p, pausedManually: true, pausedUntil: null, pauseReason: null }
          : { ...p, pausedManually: true };
      state.notes.push(note('paused', {}));
      return;
    case 'resume':
      state.progress = { ...p, pausedManually: false, pausedUntil: null, pauseReason: null };
      state.notes.push(note('resumed', {}));
      return;
    default:
      assertNever(event);
  }
}

export function note(code: Reason['code'], params: Reason['params']): Reason {
  return { code, params };
}

function switchNote(from: ActionChannel, to: ActionChannel, because: string): Reason {
  return note('channel_switched', { from, to, because });
}

export function eventAction(
  strategyKey: string,
  cycle: number,
  id: string,
  channel: ActionChannel,
  template: string,
  purpose: PlannedAction['purpose'],
  code: Reason['code'],
  params: Reason['params'],
): PlannedAction {
  return {
    key: `${strategyKey}:${cycle}:${id}`,
    stepKey: null,
    channel,
    template,
    purpose,
    review: false,
    reason: note(code, params),
  };
}
