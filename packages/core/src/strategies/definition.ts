/**
 * A strategy (scénario de relance) is data: an ordered ladder of steps, each a set of channel actions,
 * with conditions and reactions to events. Supervisors read and edit it as JSON; the server validates
 * its shape (zod) and `checkStrategy` its meaning.
 */

export type Localized = { readonly fr: string; readonly en: string };

export type ActionChannel =
  | 'email'
  | 'sms'
  | 'letter'
  | 'registered_letter'
  | 'formal_notice'
  | 'call_task'
  | 'ivr_call'
  | 'agency_handover'
  | 'legal_handover';

export const ACTION_CHANNELS: readonly ActionChannel[] = [
  'email',
  'sms',
  'letter',
  'registered_letter',
  'formal_notice',
  'call_task',
  'ivr_call',
  'agency_handover',
  'legal_handover',
];

export type DebtorProfile = 'standard' | 'active' | 'senior';

/** Bounds are inclusive; an amount is a decimal string in the case's currency ("1500.00"). */
export type Condition = {
  readonly debtorKind?: 'business' | 'consumer';
  readonly amount?: { readonly min?: string; readonly max?: string };
  /** Days past the oldest due date (negative before it). */
  readonly ageDays?: { readonly min?: number; readonly max?: number };
  readonly tags?: {
    readonly all?: readonly string[];
    readonly any?: readonly string[];
    readonly none?: readonly string[];
  };
  readonly profile?: readonly DebtorProfile[];
  readonly creditors?: readonly string[];
  readonly currency?: readonly string[];
  /** Past behaviour: promises this debtor broke on this case. */
  readonly brokenPromises?: { readonly min?: number; readonly max?: number };
};

/** When a step falls due: N days after the oldest due date (negative: a reminder before it) or after the previous step. */
export type StepTiming = { readonly after: 'due_date' | 'previous_step'; readonly days: number };

export type StepAction = {
  readonly channel: ActionChannel;
  /** Template key; the template store holds one text per language (French and English shipped). */
  readonly template: string;
  /**
   * An `agency_handover` only: the outside agencies (their keys) the cases go to — one, or several that share
   * them by their weights (champion/challenger); none named: every active agency, by its share.
   */
  readonly agencies?: readonly string[];
};

export type Step = {
  readonly key: string;
  readonly name: Localized;
  readonly at: StepTiming;
  readonly actions: readonly StepAction[];
  /** Actions of this step wait for a supervisor's approval before they are sent. */
  readonly review?: boolean;
  /** The step runs only for cases matching this; otherwise it is skipped (and the skip is explained). */
  readonly when?: Condition;
};

/** What the engine does with a case behind its ladder. */
export type BacklogRule = 'jump' | 'walk';

export type Reactions = {
  /** Paid in full: the ladder stops; a thank-you is sent when a template is given. */
  readonly paymentFull: { readonly thankTemplate?: string; readonly channel?: ActionChannel };
  /** A payment that leaves a balance: carry on, or pause the ladder for some days. */
  readonly paymentPartial: { readonly pauseDays: number };
  /** A promise to pay pauses the ladder until its date plus the grace days; confirmed in writing. */
  readonly promise: {
    readonly graceDays: number;
    readonly confirmTemplate?: string;
    readonly channel?: ActionChannel;
  };
  /** A broken promise (or a missed instalment): resume where the ladder stood, or jump to a step. */
  readonly brokenPromise: { readonly mode: 'resume' } | { readonly mode: 'jump'; readonly toStep: string };
  /** An agreed payment plan replaces the ladder while it is kept. */
  readonly plan: { readonly graceDays: number };
  /** The debtor wrote or called back: give them time to answer before the next step. */
  readonly debtorReplied: { readonly pauseDays: number };
  /** After N unanswered calls in a row, call tasks become another channel. */
  readonly unansweredCalls: { readonly count: number; readonly switchTo: StepAction };
  /** A bounced e-mail: e-mails become another channel (the contact is flagged by the server). */
  readonly emailBounce: { readonly switchTo: StepAction };
  /** A wrong number: calls and SMS become another channel (the contact is flagged by the server). */
  readonly wrongNumber: { readonly switchTo: StepAction };
};

export type StrategyDefinition = {
  readonly key: string;
  readonly name: Localized;
  readonly description?: Localized;
  /** The hours autonomous channels aim for (the compliance gate still has the last word). */
  readonly profile: DebtorProfile;
  readonly backlog: BacklogRule;
  readonly steps: readonly Step[];
  readonly reactions: Reactions;
};

/** Segment → strategy; the first rule that matches wins, else the default. */
export type AssignmentRules = {
  readonly rules: readonly { readonly name?: string; readonly when: Condition; readonly strategy: string }[];
  readonly defaultStrategy: string;
};
