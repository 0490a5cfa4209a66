import type { ActionChannel, DebtorKind, Localized } from '../../app/api/types.ts';

/**
 * A strategy as `GET /strategies` returns it and `POST /strategies` takes it. The server checks the
 * shape and the meaning; the web app only edits the value.
 */

export const PROFILES = ['standard', 'active', 'senior'] as const;
export type DebtorProfile = (typeof PROFILES)[number];

export const BACKLOG_RULES = ['jump', 'walk'] as const;
export type BacklogRule = (typeof BACKLOG_RULES)[number];

export const TIMING_ANCHORS = ['due_date', 'previous_step'] as const;
export type TimingAnchor = (typeof TIMING_ANCHORS)[number];

type Bounds = { readonly min?: number; readonly max?: number };

/** Bounds are inclusive; amounts are decimal strings in the case's currency ("1500.00"). */
export type Condition = {
  readonly debtorKind?: DebtorKind;
  readonly amount?: { readonly min?: string; readonly max?: string };
  readonly ageDays?: Bounds;
  readonly tags?: {
    readonly all?: readonly string[];
    readonly any?: readonly string[];
    readonly none?: readonly string[];
  };
  readonly profile?: readonly DebtorProfile[];
  readonly creditors?: readonly string[];
  readonly currency?: readonly string[];
  readonly brokenPromises?: Bounds;
};

export type StepAction = {
  readonly channel: ActionChannel;
  readonly template: string;
  /** An agency hand-over only: the outside agencies (keys) the cases go to, split by their shares when several. */
  readonly agencies?: readonly string[] | undefined;
};

export type Step = {
  readonly key: string;
  readonly name: Localized;
  readonly at: { readonly after: TimingAnchor; readonly days: number };
  readonly actions: readonly StepAction[];
  readonly review?: boolean;
  readonly when?: Condition;
};

export type BrokenPromiseReaction =
  | { readonly mode: 'resume' }
  | { readonly mode: 'jump'; readonly toStep: string };

export type Reactions = {
  readonly paymentFull: { readonly thankTemplate?: string; readonly channel?: ActionChannel };
  readonly paymentPartial: { readonly pauseDays: number };
  readonly promise: {
    readonly graceDays: number;
    readonly confirmTemplate?: string;
    readonly channel?: ActionChannel;
  };
  readonly brokenPromise: BrokenPromiseReaction;
  readonly plan: { readonly graceDays: number };
  readonly debtorReplied: { readonly pauseDays: number };
  readonly unansweredCalls: { readonly count: number; readonly switchTo: StepAction };
  readonly emailBounce: { readonly switchTo: StepAction };
  readonly wrongNumber: { readonly switchTo: StepAction };
};

export type StrategyDefinition = {
  readonly key: string;
  readonly name: Localized;
  readonly description?: Localized;
  readonly profile: DebtorProfile;
  readonly backlog: BacklogRule;
  readonly steps: readonly Step[];
  readonly reactions: Reactions;
};

export type AssignmentRule = { readonly name?: string; readonly when: Condition; readonly strategy: string };

/** Segment → strategy; the first rule that matches wins, else the default. */
export type AssignmentRules = { readonly rules: readonly AssignmentRule[]; readonly defaultStrategy: string };
