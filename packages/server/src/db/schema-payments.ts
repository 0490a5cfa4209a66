import type { ColumnType } from 'kysely';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Counter = ColumnType<number, number | undefined, number>;

/** The tables of payments (migration 0010): see the migration for what each one keeps and why. */
export type PaymentsTables = {
  payments: PaymentsTable;
  payment_allocations: PaymentAllocationsTable;
  payment_attempts: PaymentAttemptsTable;
  payment_links: PaymentLinksTable;
  webhook_events: WebhookEventsTable;
  statement_imports: StatementImportsTable;
  statement_lines: StatementLinesTable;
};

export type PaymentMethod = 'card' | 'transfer' | 'direct_debit' | 'cheque' | 'cash' | 'other';
export type PaymentChannel = 'portal' | 'ivr' | 'agent' | 'statement' | 'api' | 'manual' | 'agency';
export type PaymentStatus = 'booked' | 'reversed';
export type AllocationPart = 'interest' | 'fees' | 'principal' | 'credit';
export type AttemptChannel = 'portal' | 'ivr' | 'agent';
export type AttemptStatus = 'started' | 'succeeded' | 'failed' | 'abandoned';
export type StatementMatchStatus = 'matched' | 'review' | 'ambiguous' | 'unmatched' | 'ignored' | 'reversal';

export type PaymentsTable = {
  tenant_id: string;
  payment_id: string;
  case_id: string;
  creditor_id: string;
  amount_minor: number;
  currency: string;
  method: PaymentMethod;
  channel: PaymentChannel;
  provider: Nullable<string>;
  /** The payment's identity at its source (`stripe:pi_…`, `statement:<fingerprint>`…), unique per tenant. */
  source_key: string;
  received_on: string;
  value_on: Nullable<string>;
  status: PaymentStatus;
  credit_minor: Counter;
  /** What the case still owed once it was booked. */
  balance_after_minor: Counter;
  /** JSON string[]: the claims the debtor designated. */
  designation: Nullable<string>;
  /** JSON AllocationStep[]: the allocation's explanation. */
  explanation: Nullable<string>;
  payer_name: Nullable<string>;
  reference: Nullable<string>;
  attempt_id: Nullable<string>;
  statement_line_id: Nullable<string>;
  receipt_document_id: Nullable<string>;
  recorded_by: string;
  recorded_at: string;
  reversed_at: Nullable<string>;
  reversal_reason: Nullable<string>;
  /** The case's strategy and the debtor's kind when it was booked (migration 0015): the dashboards' keys. */
  strategy_key: Nullable<string>;
  segment: Nullable<string>;
};

export type PaymentAllocationsTable = {
  tenant_id: string;
  payment_id: string;
  seq: number;
  case_id: string;
  claim_id: Nullable<string>;
  part: AllocationPart;
  amount_minor: number;
  rule: string;
};

export type PaymentAttemptsTable = {
  tenant_id: string;
  attempt_id: string;
  /** Null while an IVR caller has not been identified (migration 0023). */
  case_id: Nullable<string>;
  channel: AttemptChannel;
  provider: string;
  provider_ref: Nullable<string>;
  amount_minor: number;
  currency: string;
  status: AttemptStatus;
  failure_reason: Nullable<string>;
  input_errors: Counter;
  link_id: Nullable<string>;
  payment_id: Nullable<string>;
  /** JSON: what the debtor chose around the payment. */
  details: Nullable<string>;
  started_at: string;
  updated_at: string;
  ended_at: Nullable<string>;
};

export type PaymentLinksTable = {
  tenant_id: string;
  link_id: string;
  case_id: string;
  purpose: string;
  created_at: string;
  expires_at: string;
  created_by: string;
  action_id: Nullable<string>;
  revoked_at: Nullable<string>;
  opened_count: Counter;
  last_opened_at: Nullable<string>;
  failed_checks: Counter;
  verified_at: Nullable<string>;
};

export type WebhookEventsTable = {
  tenant_id: string;
  provider: string;
  event_id: string;
  kind: string;
  received_at: string;
  /** `pending` until the queue has handled it; `failed` after repeated errors (`last_error`). */
  result: WebhookEventResult;
  detail: Nullable<string>;
  /** The verified event, as the queue needs it (JSON); null for events handled before the queue. */
  payload: Nullable<string>;
  attempts: Counter;
  last_error: Nullable<string>;
  processed_at: Nullable<string>;
};

export type WebhookEventResult = 'pending' | 'processed' | 'ignored' | 'failed';

export type StatementImportsTable = {
  tenant_id: string;
  statement_import_id: string;
  file_name: string;
  file_sha256: string;
  format: string;
  version: Nullable<string>;
  message_id: Nullable<string>;
  line_count: number;
  new_count: number;
  matched_count: number;
  review_count: number;
  warnings: Nullable<string>;
  imported_by: string;
  imported_at: string;
};

export type StatementLinesTable = {
  tenant_id: string;
  line_id: string;
  statement_import_id: string;
  fingerprint: string;
  account: Nullable<string>;
  direction: 'credit' | 'debit';
  reversal: Counter;
  bank_status: string;
  amount_minor: number;
  currency: string;
  booking_date: Nullable<string>;
  value_date: Nullable<string>;
  end_to_end_id: Nullable<string>;
  creditor_reference: Nullable<string>;
  remittance: Nullable<string>;
  payer_name: Nullable<string>;
  payer_account: Nullable<string>;
  return_reason: Nullable<string>;
  /** JSON: every reference the reader found. */
  refs: Nullable<string>;
  match_status: StatementMatchStatus;
  case_id: Nullable<string>;
  confidence: Nullable<number>;
  match_reason: Nullable<string>;
  candidates: Nullable<string>;
  payment_id: Nullable<string>;
  resolved_by: Nullable<string>;
  resolved_at: Nullable<string>;
  created_at: string;
  /** The bank's identity of the booking (migration 0013): links a CAMT.054 detail to its CAMT.053 entry. */
  booking_ref: Nullable<string>;
};
