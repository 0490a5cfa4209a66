import type { IsoDate } from '../shared/dates.ts';
import type { SegmentFacts } from './conditions.ts';
import type { ActionChannel, Localized, StrategyDefinition } from './definition.ts';
import type { CaseEvent, CaseProgress } from './progress.ts';

/** Why a contact is made, as the compliance gate understands it. */
export type ActionPurpose =
  | 'reminder'
  | 'formal_notice'
  | 'legal_threat'
  | 'handover_notice'
  | 'confirmation'
  | 'thanks';

export type ReasonCode =
  | 'assigned'
  | 'step_due'
  | 'backlog_jump'
  | 'backlog_walk'
  | 'step_skipped_condition'
  | 'pre_due_expired'
  | 'channel_switched'
  | 'payment_full'
  | 'payment_partial'
  | 'promise_made'
  | 'promise_kept'
  | 'promise_date_kept'
  | 'promise_partly_kept'
  | 'promise_broken'
  | 'promise_cancelled'
  | 'plan_agreed'
  | 'plan_instalment_kept'
  | 'plan_completed'
  | 'plan_broken'
  | 'plan_cancelled'
  | 'dispute_recorded'
  | 'dispute_resolved'
  | 'held_dispute'
  | 'debtor_replied'
  | 'call_unanswered'
  | 'conversation'
  | 'callback_requested'
  | 'payment_link_requested'
  | 'payment_receipt'
  | 'email_bounce'
  | 'wrong_number'
  | 'paused'
  | 'paused_until'
  | 'pause_ended'
  | 'resumed'
  | 'ladder_finished'
  | 'time_barred_no_threat'
  | 'held_mandate';

export type Reason = {
  readonly code: ReasonCode;
  readonly params: Readonly<Record<string, string | number>>;
};

export type PlannedAction = {
  /** Unique for the case: `<strategy>:<cycle>:<step>:<n>`; the outbox refuses a second row with it. */
  readonly key: string;
  readonly stepKey: string | null;
  readonly channel: ActionChannel;
  readonly template: string;
  readonly purpose: ActionPurpose;
  readonly review: boolean;
  readonly reason: Reason;
};

export type CaseStage =
  | 'pre_due'
  | 'active'
  | 'paused'
  | 'promise'
  | 'plan'
  | 'held'
  | 'completed'
  | 'exhausted';

export type NextAction = {
  readonly on: IsoDate;
  readonly kind: 'step' | 'promise_check' | 'plan_check' | 'pause_end';
  readonly stepKey: string | null;
  readonly stepName: Localized | null;
  readonly channels: readonly ActionChannel[];
};

export type CaseFacts = SegmentFacts & {
  readonly outstandingMinor: number;
  /** Every claim closed (paid, cancelled): nothing is owed. */
  readonly settled: boolean;
  /** At least one open claim is past its limitation period: no threat of legal action. */
  readonly timeBarred: boolean;
};

export type PlanInput = {
  readonly strategy: StrategyDefinition;
  readonly strategyVersion: number;
  readonly facts: CaseFacts;
  readonly progress: CaseProgress;
  /** Events since the last run, oldest first. */
  readonly events: readonly CaseEvent[];
  readonly today: IsoDate;
};

export type CasePlan = {
  readonly progress: CaseProgress;
  readonly stage: CaseStage;
  readonly actions: readonly PlannedAction[];
  /** What happened to the case in this evaluation, for its timeline. */
  readonly notes: readonly Reason[];
  /** The next thing the engine will do, and when; null when only an event or a person can move the case. */
  readonly next: NextAction | null;
};
