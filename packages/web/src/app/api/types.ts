/** Shapes shared by several features, as the HTTP API returns them. */

export const COLLECTABILITIES = ['collectable', 'pre_due', 'blocked', 'settled'] as const;
export type Collectability = (typeof COLLECTABILITIES)[number];

export const AGE_BUCKETS = ['not_due', '0-30', '31-60', '61-90', '91-180', '181-365', '365+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export const DEBTOR_KINDS = ['business', 'consumer'] as const;
export type DebtorKind = (typeof DEBTOR_KINDS)[number];

export type Page<T> = {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
};

export type Creditor = { readonly id: string; readonly ref: string; readonly name: string };

export type Reason = { readonly code: string; readonly message: string };

export type Contact = {
  readonly id: string;
  readonly kind: 'email' | 'phone' | 'postal';
  readonly value: string | null;
  readonly validity: string | null;
  readonly consent: string | boolean | null;
  readonly label: string | null;
  readonly addressLine1?: string | null;
  readonly postalCode?: string | null;
  readonly city?: string | null;
  readonly country?: string | null;
};

export function includes<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** The ageing bucket of a debt from its days past due (on the due date itself a debtor is not late yet). */
export function ageBucketOf(daysPastDue: number | null): AgeBucket {
  if (daysPastDue === null || daysPastDue <= 0) return 'not_due';
  if (daysPastDue <= 30) return '0-30';
  if (daysPastDue <= 60) return '31-60';
  if (daysPastDue <= 90) return '61-90';
  if (daysPastDue <= 180) return '91-180';
  if (daysPastDue <= 365) return '181-365';
  return '365+';
}

/** A text the API gives in both languages. */
export type Localized = { readonly fr: string; readonly en: string };

export const ACTION_CHANNELS = [
  'email',
  'sms',
  'letter',
  'registered_letter',
  'formal_notice',
  'call_task',
  'ivr_call',
  'agency_handover',
  'legal_handover',
] as const;
export type ActionChannel = (typeof ACTION_CHANNELS)[number];

/** Where a case stands in its strategy ('new' before its first run). */
export const CASE_STAGES = [
  'new',
  'pre_due',
  'active',
  'paused',
  'promise',
  'plan',
  'held',
  'completed',
  'exhausted',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** What the strategy engine does next on a case, and when. */
export type NextAction = {
  readonly on: string;
  readonly kind: 'step' | 'promise_check' | 'plan_check' | 'pause_end';
  readonly stepKey: string | null;
  readonly stepName: Localized | null;
  readonly channels: readonly string[];
};

/** The text of a bilingual value in the UI language. */
export function inLanguage(text: Localized, language: 'fr' | 'en'): string {
  return text[language] || text.fr;
}
