/** Why the debtor has not paid (the same codes as the call outcome's qualified reason, workspace/reasons.ts). */
export type ScriptReason =
  | 'oversight'
  | 'cash_difficulty'
  | 'contract_misunderstanding'
  | 'dissatisfaction'
  | 'invoice_not_received'
  | 'wrong_contact'
  | 'other';

export const SCRIPT_REASONS: readonly ScriptReason[] = [
  'oversight',
  'cash_difficulty',
  'contract_misunderstanding',
  'dissatisfaction',
  'invoice_not_received',
  'wrong_contact',
  'other',
];

/** The disposition an answer suggests for the call's outcome (the agent confirms it). */
export type SuggestedDisposition =
  | 'right_party_contact'
  | 'promise'
  | 'payment_taken'
  | 'dispute'
  | 'hardship'
  | 'callback_requested'
  | 'refusal'
  | 'wrong_number'
  | 'third_party';

export const SUGGESTED_DISPOSITIONS: readonly SuggestedDisposition[] = [
  'right_party_contact',
  'promise',
  'payment_taken',
  'dispute',
  'hardship',
  'callback_requested',
  'refusal',
  'wrong_number',
  'third_party',
];

/** What the case screen offers to do next from an answer. */
export type ScriptAction = 'promise' | 'plan' | 'dispute' | 'payment_link' | 'callback';
export const SCRIPT_ACTIONS: readonly ScriptAction[] = [
  'promise',
  'plan',
  'dispute',
  'payment_link',
  'callback',
];

export type ScriptAnswer = {
  readonly label: string;
  /** The node that follows; none: the call's script ends here. */
  readonly next?: string | undefined;
  readonly reason?: ScriptReason | undefined;
  readonly suggest?: SuggestedDisposition | undefined;
  readonly action?: ScriptAction | undefined;
};

export type ScriptNode = {
  /** What the agent says; may use the template catalog's {{variables}}, rendered for the case. */
  readonly say: string;
  /** Objection handling: what to answer when the debtor pushes back. */
  readonly arguments?: readonly string[] | undefined;
  /** No answers: a terminal node (the close). */
  readonly answers?: readonly ScriptAnswer[] | undefined;
};

/** A branching call script, edited by supervisors, shown beside the case. */
export type ScriptDefinition = {
  readonly start: string;
  readonly nodes: Readonly<Record<string, ScriptNode>>;
};
