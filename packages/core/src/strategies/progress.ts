import type { IsoDate } from '../shared/dates.ts';
import type { StepAction } from './definition.ts';

/** Where a case stands on its ladder: stored with the case, changed only by `planCase`. */
export type CaseProgress = {
  readonly strategyKey: string | null;
  readonly strategyVersion: number | null;
  /** Index of the last step done; -1 before the first. */
  readonly stepIndex: number;
  readonly stepKey: string | null;
  readonly stepOn: IsoDate | null;
  /** Bumped when the ladder starts again (new strategy); part of every action's idempotency key. */
  readonly cycle: number;
  readonly pausedManually: boolean;
  readonly pausedUntil: IsoDate | null;
  /** Why `pausedUntil` is set; `manual`: a person paused the case until that day (with `pausedManually`). */
  readonly pauseReason: 'partial_payment' | 'debtor_replied' | 'manual' | null;
  readonly promise: PromiseState | null;
  readonly plan: PlanState | null;
  /** Channels replaced after bounces, wrong numbers or unanswered calls. */
  readonly switches: { readonly email?: StepAction; readonly phone?: StepAction; readonly call?: StepAction };
  readonly unansweredCalls: number;
  readonly brokenPromises: number;
  readonly completedOn: IsoDate | null;
};

/** One date of a promise and what is due by it. */
export type PromiseDate = { readonly dueOn: IsoDate; readonly amountMinor: number };

export type PromiseState = {
  readonly madeOn: IsoDate;
  /** The last date of the schedule. */
  readonly dueOn: IsoDate;
  /** The whole promised amount (the schedule's total). */
  readonly amountMinor: number;
  /**
   * One date or several, increasing; each is checked at its date plus grace against what was due by then.
   * Absent on promises recorded before schedules existed: one date, `dueOn` and `amountMinor`.
   */
  readonly schedule?: readonly PromiseDate[];
  /** Dates already checked and kept. */
  readonly keptDates?: number;
  /** Outstanding when the promise was made: what has been paid since is measured against it. */
  readonly baselineMinor: number;
  /** An agent recorded it broken before its date. */
  readonly declaredBroken?: boolean;
};

export type PlanState = {
  readonly agreedOn: IsoDate;
  readonly instalments: readonly { readonly dueOn: IsoDate; readonly amountMinor: number }[];
  readonly baselineMinor: number;
  /** Instalments already checked and kept. */
  readonly kept: number;
};

export const NEW_PROGRESS: CaseProgress = {
  strategyKey: null,
  strategyVersion: null,
  stepIndex: -1,
  stepKey: null,
  stepOn: null,
  cycle: 0,
  pausedManually: false,
  pausedUntil: null,
  pauseReason: null,
  promise: null,
  plan: null,
  switches: {},
  unansweredCalls: 0,
  brokenPromises: 0,
  completedOn: null,
};

/** Something that happened to a case since the last run; the strategy's reactions decide what follows. */
export type CaseEvent =
  | { readonly kind: 'payment'; readonly on: IsoDate; readonly amountMinor: number }
  | {
      readonly kind: 'promise';
      readonly on: IsoDate;
      /** The last date of the schedule. */
      readonly dueOn: IsoDate;
      /** The schedule's total. */
      readonly amountMinor: number;
      readonly baselineMinor: number;
      /** Several dates (or one); absent: one date, `dueOn` for `amountMinor`. */
      readonly schedule?: readonly PromiseDate[];
      /** The promise's row (server), carried into the confirmation's key so that each promise is confirmed once. */
      readonly promiseId?: string;
    }
  | { readonly kind: 'promise_broken'; readonly on: IsoDate }
  /** Withdrawn by a person (not broken): the promise stops holding the ladder, nothing counts against the debtor. */
  | { readonly kind: 'promise_cancelled'; readonly on: IsoDate }
  | {
      readonly kind: 'plan';
      readonly on: IsoDate;
      readonly instalments: readonly { readonly dueOn: IsoDate; readonly amountMinor: number }[];
      readonly baselineMinor: number;
    }
  | { readonly kind: 'plan_cancelled'; readonly on: IsoDate }
  /** A dispute opened; with its id, the debtor gets a written acknowledgement. */
  | { readonly kind: 'dispute'; readonly on: IsoDate; readonly disputeId?: string }
  /** A dispute resolved (credit note, write-off, rejected, withdrawn): the debtor is told the outcome. */
  | {
      readonly kind: 'dispute_resolved';
      readonly on: IsoDate;
      readonly disputeId: string;
      readonly resolution: string;
    }
  | { readonly kind: 'debtor_replied'; readonly on: IsoDate }
  | { readonly kind: 'call_unanswered'; readonly on: IsoDate }
  | { readonly kind: 'conversation'; readonly on: IsoDate }
  | { readonly kind: 'email_bounce'; readonly on: IsoDate }
  | { readonly kind: 'wrong_number'; readonly on: IsoDate }
  /** Paused by hand: until a person resumes, or with `until`, up to that day (the ladder resumes on it). */
  | { readonly kind: 'pause'; readonly on: IsoDate; readonly until?: IsoDate }
  | { readonly kind: 'resume'; readonly on: IsoDate };

export type CaseEventKind = CaseEvent['kind'];

export const CASE_EVENT_KINDS: readonly CaseEventKind[] = [
  'payment',
  'promise',
  'promise_broken',
  'promise_cancelled',
  'plan',
  'plan_cancelled',
  'dispute',
  'dispute_resolved',
  'debtor_replied',
  'call_unanswered',
  'conversation',
  'email_bounce',
  'wrong_number',
  'pause',
  'resume',
];
