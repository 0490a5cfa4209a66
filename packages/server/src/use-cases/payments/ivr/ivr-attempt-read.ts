import type { Transaction } from 'kysely';
import type { Database, Db, Locale } from '../../../db/schema.ts';
import type { AttemptStatus } from '../../../db/schema-payments.ts';

type Reader = Db | Transaction<Database>;

/**
 * Where the caller is in the IVR, kept on the attempt (`details.ivr`) for the agent's live view: never a card
 * digit, only which field the payment page is asking for and the kind of error it reported.
 */
export type IvrStage =
  | 'waiting_for_caller'
  | 'identifying'
  | 'caller_identified'
  | 'choosing_amount'
  | 'choosing_plan'
  | 'paying'
  | 'succeeded'
  | 'failed'
  | 'abandoned'
  | 'plan_agreed'
  | 'callback_requested';

export type IvrLive = {
  readonly stage: IvrStage;
  readonly language: Locale;
  /** The field `<Pay>` is capturing: 'payment-card-number', 'expiration-date', 'security-code'… */
  readonly capture: string | null;
  /** The last error `<Pay>` reported ('invalid-card-number'…), or null. */
  readonly errorType: string | null;
  /** Errors `<Pay>` reported during the current capture (each counted as an input error). */
  readonly payErrors: number;
  readonly transferCode: string | null;
  readonly transferExpiresAt: string | null;
  readonly callSid: string | null;
  readonly planId: string | null;
  readonly callbackActionId: string | null;
};

export type IvrAttempt = {
  readonly attemptId: string;
  /** Null while the caller has not been identified (a wrong reference keyed: the attempt counts its errors). */
  readonly caseId: string | null;
  readonly provider: string;
  readonly providerRef: string | null;
  readonly status: AttemptStatus;
  readonly amountMinor: number;
  readonly currency: string;
  readonly inputErrors: number;
  readonly failureReason: string | null;
  readonly paymentId: string | null;
  readonly live: IvrLive;
  readonly startedAt: string;
  readonly updatedAt: string;
};

/** An attempt whose caller has been identified: it belongs to a case. */
export type IdentifiedAttempt = IvrAttempt & { readonly caseId: string };

export const isIdentified = (attempt: IvrAttempt | null | undefined): attempt is IdentifiedAttempt =>
  typeof attempt?.caseId === 'string';

export const EMPTY_LIVE: IvrLive = {
  stage: 'identifying',
  language: 'fr',
  capture: null,
  errorType: null,
  payErrors: 0,
  transferCode: null,
  transferExpiresAt: null,
  callSid: null,
  planId: null,
  callbackActionId: null,
};

type Row = {
  attempt_id: string;
  case_id: string | null;
  provider: string;
  provider_ref: string | null;
  status: AttemptStatus;
  amount_minor: number;
  currency: string;
  input_errors: number;
  failure_reason: string | null;
  payment_id: string | null;
  details: string | null;
  started_at: string;
  updated_at: string;
};

const COLUMNS = [
  'attempt_id',
  'case_id',
  'provider',
  'provider_ref',
  'status',
  'amount_minor',
  'currency',
  'input_errors',
  'failure_reason',
  'payment_id',
  'details',
  'started_at',
  'updated_at',
] as const;

export function parseDetails(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function toAttempt(row: Row): IvrAttempt {
  const ivr = parseDetails(row.details).ivr;
  const live = ivr !== null && typeof ivr === 'object' ? (ivr as Partial<IvrLive>) : {};
  return {
    attemptId: row.attempt_id,
    caseId: row.case_id,
    provider: row.provider,
    providerRef: row.provider_ref,
    status: row.status,
    amountMinor: Number(row.amount_minor),
    currency: row.currency,
    inputErrors: Number(row.input_errors),
    failureReason: row.failure_reason,
    paymentId: row.payment_id,
    live: { ...EMPTY_LIVE, ...live },
    startedAt: row.started_at,
    updatedAt: row.updated_at,
  };
}

/** The attempt a provider knows by this reference (the call's SID, or `transfer:<code>`). */
export async function findAttemptByRef(
  db: Reader,
  tenantId: string,
  provider: string,
  providerRef: string,
): Promise<IvrAttempt | null> {
  const row = await db
    .selectFrom('payment_attempts')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('provider', '=', provider)
    .where('provider_ref', '=', providerRef)
    .executeTakeFirst();
  return row ? toAttempt(row) : null;
}

export async function findAttempt(
  db: Reader,
  tenantId: string,
  attemptId: string,
): Promise<IvrAttempt | null> {
  const row = await db
    .selectFrom('payment_attempts')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('attempt_id', '=', attemptId)
    .where('channel', '=', 'ivr')
    .executeTakeFirst();
  return row ? toAttempt(row) : null;
}
