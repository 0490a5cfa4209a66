import type { ColumnType, Kysely } from 'kysely';
import type { AgencyTables } from './schema-agency.ts';
import type { CreditorPortalTables } from './schema-creditor-portal.ts';
import type { FiguresTables } from './schema-figures.ts';
import type { LimitsTables } from './schema-limits.ts';
import type { LiveTables } from './schema-live.ts';
import type { PaymentsTables } from './schema-payments.ts';
import type { RatesTables } from './schema-rates.ts';

/**
 * The database as Kysely sees it. One schema for SQLite and PostgreSQL:
 * - ids are text (UUIDv7 made by the app), every key leads with tenant_id;
 * - money is an integer of minor units (bigint on PostgreSQL, parsed back to number);
 * - dates are 'YYYY-MM-DD' text, instants ISO-8601 UTC text made by the app;
 * - JSON is stored as text; no booleans (SQLite has none): statuses are text.
 */
export type Database = PaymentsTables &
  CreditorPortalTables &
  FiguresTables &
  LiveTables &
  RatesTables &
  LimitsTables &
  AgencyTables & {
    tenants: TenantsTable;
    users: UsersTable;
    sessions: SessionsTable;
    api_keys: ApiKeysTable;
    creditors: CreditorsTable;
    debtors: DebtorsTable;
    contacts: ContactsTable;
    cases: CasesTable;
    case_texts: CaseTextsTable;
    claims: ClaimsTable;
    imports: ImportsTable;
    import_rejections: ImportRejectionsTable;
    audit_log: AuditLogTable;
    strategies: StrategiesTable;
    tenant_settings: TenantSettingsTable;
    case_events: CaseEventsTable;
    actions: ActionsTable;
    compliance_log: ComplianceLogTable;
    runs: RunsTable;
    run_batches: RunBatchesTable;
    templates: TemplatesTable;
    message_events: MessageEventsTable;
    documents: DocumentsTable;
    evidence: EvidenceTable;
    evidence_heads: EvidenceHeadsTable;
    evidence_pending: EvidencePendingTable;
    print_batches: PrintBatchesTable;
    postal_items: PostalItemsTable;
    call_tasks: CallTasksTable;
    builtin_sms: BuiltinSmsTable;
    case_locks: CaseLocksTable;
    call_outcomes: CallOutcomesTable;
    promises: PromisesTable;
    payment_plans: PaymentPlansTable;
    plan_instalments: PlanInstalmentsTable;
    disputes: DisputesTable;
    dispute_claims: DisputeClaimsTable;
    dispute_documents: DisputeDocumentsTable;
    call_scripts: CallScriptsTable;
  };

export type Db = Kysely<Database>;

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type TenantKind = 'creditor' | 'agency';
export type Role = 'admin' | 'supervisor' | 'agent' | 'client';
export type Locale = 'fr' | 'en';
export type DebtorKind = 'business' | 'consumer';
export type ContactKind = 'email' | 'phone' | 'postal';
export type ContactValidity = 'valid' | 'invalid' | 'unverified';
export type ContactConsent = 'granted' | 'withdrawn' | 'unknown';
export type ClaimStatus = 'open' | 'disputed' | 'paid' | 'cancelled';
export type CaseStatus = 'open' | 'closed';
export type ImportStatus = 'running' | 'completed' | 'failed';

export type TenantsTable = {
  tenant_id: string;
  name: string;
  kind: TenantKind;
  locale: Locale;
  created_at: string;
};

export type UsersTable = {
  tenant_id: string;
  user_id: string;
  /** Lower-cased; unique across tenants so that sign-in needs only the e-mail. */
  email: string;
  display_name: string;
  role: Role;
  /** Set for role 'client': the creditor whose portfolio this user may read. */
  creditor_id: Nullable<string>;
  password_hash: string;
  locale: Locale;
  created_at: string;
  disabled_at: Nullable<string>;
  /** The team whose queue the agent works; null: no team (every task not kept for a team). */
  team: Nullable<string>;
  /** JSON array of skills: segments ('b2b', 'b2c') and languages ('fr', 'en'); '[]' = any. */
  skills: ColumnType<string, string | undefined, string>;
};

export type SessionsTable = {
  tenant_id: string;
  /** sha256 of the cookie token; the token itself is never stored. */
  session_id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
};

export type ApiKeysTable = {
  tenant_id: string;
  api_key_id: string;
  name: string;
  /** First characters of the token, shown in lists so a person can tell keys apart. */
  token_prefix: string;
  /** sha256 of the whole token. */
  token_hash: string;
  role: Role;
  creditor_id: Nullable<string>;
  created_by: Nullable<string>;
  created_at: string;
  last_used_at: Nullable<string>;
  revoked_at: Nullable<string>;
};

export type CreditorsTable = {
  tenant_id: string;
  creditor_id: string;
  /** The creditor's reference as people type it (`--creditor ACME`); unique per tenant. */
  ref: string;
  name: string;
  siren: Nullable<string>;
  /** A professional creditor: decides the limitation period against consumers (2 years). */
  is_professional: number;
  country: string;
  currency: string;
  created_at: string;
  updated_at: string;
  interest_policy: ColumnType<ChargePolicy, ChargePolicy | undefined, ChargePolicy>;
  fixed_fee_policy: ColumnType<ChargePolicy, ChargePolicy | undefined, ChargePolicy>;
  /** A contractual late-payment rate, percent as a decimal string ("12.00"); null: the statutory rate. */
  contract_rate: Nullable<string>;
  /** JSON CreditorDetails: address, e-mail, phone, registration, bank details (IBAN/BIC) printed on letters. */
  details: Nullable<string>;
  /** JSON PlanPolicy: instalment limits (count, duration, minimum, down payment); null: the defaults. */
  plan_policy: Nullable<string>;
  /** 'legal' | 'oldest_due_first' | 'proportional': how a payment goes between claims (migration 0010). */
  allocation_order: ColumnType<string, string | undefined, string>;
};

/** Charge late interest / the fixed compensation, waive it, or keep it as a negotiation lever (computed, not claimed). */
export type ChargePolicy = 'charge' | 'waive' | 'lever';

/** A text cases cite by id (their next action, their last notes), kept once per tenant (`db/case-texts.ts`). */
export type CaseTextsTable = {
  tenant_id: string;
  /** Made from the body: SHA-256, 22 base64url characters. */
  text_id: string;
  body: string;
};

export type DebtorsTable = {
  tenant_id: string;
  debtor_id: string;
  creditor_id: string;
  /** The creditor's customer id, or one derived from the legal id or the name. */
  ref: string;
  kind: DebtorKind;
  name: string;
  siren: Nullable<string>;
  siret: Nullable<string>;
  vat_number: Nullable<string>;
  language: Locale;
  time_zone: string;
  /** JSON array of strings. */
  tags: string;
  created_at: string;
  updated_at: string;
  /** The debtor asked not to be contacted any more (every engine-started contact is blocked). */
  cease_contact_at: Nullable<string>;
  /** What the gate needs of the debtor's contacts, kept by triggers on `contacts` (`db/contact-summary.ts`). */
  contact_summary: Nullable<string>;
};

export type ContactsTable = {
  tenant_id: string;
  contact_id: string;
  debtor_id: string;
  kind: ContactKind;
  /** E-mail address, E.164 phone number, or the postal address on one line: the identity of the contact. */
  value: string;
  label: Nullable<string>;
  address_line1: Nullable<string>;
  address_line2: Nullable<string>;
  postal_code: Nullable<string>;
  city: Nullable<string>;
  country: Nullable<string>;
  validity: ContactValidity;
  consent: ContactConsent;
  /** What the person typed, when it could not be normalised (kept as evidence). */
  raw: Nullable<string>;
  source: string;
  created_at: string;
  updated_at: string;
  /** Opt-out of this channel (e.g. STOP to an SMS). */
  opted_out_at: Nullable<string>;
};

export type CasesTable = {
  tenant_id: string;
  case_id: string;
  creditor_id: string;
  debtor_id: string;
  currency: string;
  status: CaseStatus;
  /** Kept in step with the claims by the use cases that change them. */
  outstanding_minor: number;
  disputed_minor: number;
  claim_count: number;
  open_claim_count: number;
  /** Earliest due date among open claims (null when none is open). */
  oldest_due_date: Nullable<string>;
  /** Earliest end of limitation among open, undisputed claims. */
  earliest_prescription_end: Nullable<string>;
  opened_at: string;
  updated_at: string;
  /** The strategy the case follows (sticky once assigned). */
  strategy_key: Nullable<string>;
  /** The strategy `strategy_figures` counts its claims under (decision 0011); set by `foldStrategyFigures`. */
  figures_strategy_key: Nullable<string>;
  /** 'new' until the first run, then the engine's CaseStage. */
  stage: ColumnType<string, string | undefined, string>;
  /** JSON CaseProgress: where the case stands on its ladder. */
  progress: Nullable<string>;
  /** When the run must look at the case again; null when only an event or a person can move it. */
  next_run_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** The `case_texts` id of its JSON NextAction, shown on the case (migration 0030). */
  next_action_text: Nullable<string>;
  last_run_on: Nullable<string>;
  /** The `case_texts` id of the JSON Reason[] of its last evaluation. */
  notes_text: Nullable<string>;
  interest_minor: ColumnType<number, number | undefined, number>;
  fees_minor: ColumnType<number, number | undefined, number>;
  accrued_on: Nullable<string>;
  /** ISO 11649 structured creditor reference (RF…), given at first use; unique per tenant. */
  payment_reference: Nullable<string>;
  /** Collected through Relance (migration 0010), and an overpayment kept as the debtor's credit. */
  paid_minor: ColumnType<number, number | undefined, number>;
  credit_minor: ColumnType<number, number | undefined, number>;
  /** The creditor portal (0016): on hold since, by whom; withdrawn when, by whom, why. */
  held_at: Nullable<string>;
  held_by: Nullable<string>;
  withdrawn_at: Nullable<string>;
  withdrawn_by: Nullable<string>;
  withdrawal_reason: Nullable<string>;
};

export type ClaimsTable = {
  tenant_id: string;
  claim_id: string;
  creditor_id: string;
  debtor_id: string;
  case_id: string;
  invoice_number: string;
  issue_date: Nullable<string>;
  due_date: string;
  amount_minor: number;
  outstanding_minor: number;
  currency: string;
  status: ClaimStatus;
  dispute_reason: Nullable<string>;
  /** 'consumer_2y' | 'commercial_5y' | 'civil_5y' */
  prescription_basis: string;
  /** Last day the claim can be acted on; recomputed when an interruption is recorded. */
  prescription_end: string;
  external_ref: Nullable<string>;
  description: Nullable<string>;
  import_id: Nullable<string>;
  /** Hash of the imported content: a re-import of the same row is recognised as unchanged. */
  content_hash: string;
  /**
   * The part under an open dispute while the claim stays `open` (migration 0011); a `disputed` claim is
   * disputed whole, whatever this says. Never written by an import.
   */
  disputed_minor: ColumnType<number, number | undefined, number>;
  /** What Relance collected on the claim, by part (migration 0010). */
  paid_principal_minor: ColumnType<number, number | undefined, number>;
  paid_interest_minor: ColumnType<number, number | undefined, number>;
  paid_fees_minor: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
  /** The agency's batch that brought the claim (migration 0014); null for a creditor's own claims. */
  placement_id: Nullable<string>;
};

export type ImportsTable = {
  tenant_id: string;
  import_id: string;
  creditor_id: string;
  file_name: string;
  format: string;
  status: ImportStatus;
  /** JSON: the column mapping used. */
  mapping: string;
  total_rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error_file: Nullable<string>;
  error: Nullable<string>;
  created_by: Nullable<string>;
  started_at: string;
  finished_at: Nullable<string>;
  /** The placement its new claims went into (migration 0014); null outside agency mode. */
  placement_id: Nullable<string>;
};

export type ImportRejectionsTable = {
  tenant_id: string;
  import_id: string;
  row_number: number;
  column_name: string;
  reason: string;
  message: string;
  /** The rejected line as read, so nothing the creditor sent is lost. */
  raw: string;
};

export type AuditLogTable = {
  tenant_id: string;
  audit_id: string;
  at: string;
  actor_kind: 'user' | 'api_key' | 'system' | 'cli';
  actor_id: Nullable<string>;
  action: string;
  entity_kind: string;
  entity_id: string;
  /** JSON. */
  data: string;
};

export type StrategiesTable = {
  tenant_id: string;
  strategy_id: string;
  key: string;
  version: number;
  /** JSON StrategyDefinition. */
  definition: string;
  created_by: Nullable<string>;
  created_at: string;
};

export type TenantSettingsTable = {
  tenant_id: string;
  /** 'assignment' | 'run_schedule' */
  key: string;
  value: string;
  version: number;
  updated_by: Nullable<string>;
  updated_at: string;
};

export type CaseEventsTable = {
  tenant_id: string;
  event_id: string;
  case_id: string;
  kind: string;
  occurred_on: string;
  /** JSON: the event's fields beyond kind and date. */
  data: string;
  recorded_by: Nullable<string>;
  created_at: string;
  /** The run that applied it; null while pending. */
  applied_run_id: Nullable<string>;
};

/**
 * planned (waiting for its instant, or for a retry) → sending (claimed by a dispatcher) → sent → delivered;
 * failed: the dead letter (retries exhausted or a permanent refusal, reason in last_error); unconfirmed: a
 * dispatcher died between handing the message to a provider without idempotency and recording it, so whether
 * it left is unknown: a person confirms (never re-sent automatically).
 */
export type ActionStatus =
  | 'planned'
  | 'review'
  | 'blocked'
  | 'cancelled'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'failed'
  | 'unconfirmed';

export type ActionsTable = {
  tenant_id: string;
  action_id: string;
  case_id: string;
  /** `<strategy>:<cycle>:<step>:<n>`, unique per case: the idempotency key. */
  action_key: string;
  run_id: Nullable<string>;
  planned_on: string;
  /** When it may go, inside the allowed window in the debtor's time zone; null when blocked. */
  scheduled_at: Nullable<string>;
  channel: string;
  template: string;
  language: Locale;
  purpose: string;
  status: ActionStatus;
  strategy_key: Nullable<string>;
  strategy_version: Nullable<number>;
  step_key: Nullable<string>;
  /** JSON { reason, notes }. */
  reason: string;
  /** JSON: the compliance gate's decision. */
  gate: string;
  /** JSON: balance split into principal / interest / fees at planning time. */
  amounts: Nullable<string>;
  created_at: string;
  attempts: ColumnType<number, number | undefined, number>;
  /** Why the last attempt failed (the provider's or server's words), or why it was held. */
  last_error: Nullable<string>;
  /** The dispatcher holding it while `sending`, and until when (a lease: past it, another may recover it). */
  claimed_by: Nullable<string>;
  claimed_until: Nullable<string>;
  sent_at: Nullable<string>;
  delivered_at: Nullable<string>;
  /** e.g. 'smtp', 'twilio', 'builtin-sms', 'print', 'call-queue'. */
  provider: Nullable<string>;
  provider_message_id: Nullable<string>;
  /** Our own id of the message, fixed before the first attempt (e-mail Message-ID, SMS idempotency key). */
  message_id: Nullable<string>;
  /** The content as sent (rendered e-mail, letter PDF, SMS text) in `documents`. */
  document_id: Nullable<string>;
};

export type ComplianceLogTable = {
  tenant_id: string;
  decision_id: string;
  case_id: string;
  action_key: Nullable<string>;
  at: string;
  channel: string;
  purpose: string;
  started_by: string;
  allowed: number;
  policy: string;
  code: string;
  /** JSON { fr, en }. */
  explanation: string;
};

export type RunsTable = {
  tenant_id: string;
  run_id: string;
  run_on: string;
  trigger: 'schedule' | 'manual';
  status: 'running' | 'completed' | 'failed';
  workers: number;
  started_at: string;
  finished_at: Nullable<string>;
  error: Nullable<string>;
  /** The cases due when the run started (the queue's length then); null before migration 0027. */
  cases_due: Nullable<number>;
};

export type RunBatchesTable = {
  tenant_id: string;
  run_id: string;
  batch_id: string;
  worker: string;
  cases: number;
  actions: number;
  blocked: number;
  /** JSON { channel: count }: the actions the batch inserted (null for batches run before migration 0021). */
  by_channel: Nullable<string>;
  finished_at: string;
};

export type TemplateChannel = 'email' | 'sms' | 'letter' | 'call';

/** A tenant's own version of a template; the shipped French and English texts apply where none is saved. */
export type TemplatesTable = {
  tenant_id: string;
  template_id: string;
  key: string;
  channel: TemplateChannel;
  language: Locale;
  version: number;
  subject: Nullable<string>;
  body: string;
  created_by: Nullable<string>;
  created_at: string;
};

/** What providers tell us about a message: delivered, bounced, failed, read, replied, STOP… */
export type MessageEventsTable = {
  tenant_id: string;
  event_id: string;
  action_id: Nullable<string>;
  case_id: Nullable<string>;
  at: string;
  kind: string;
  provider: string;
  /** The provider's own id of the event (or a hash of it): a duplicate webhook is recorded once. */
  provider_event_id: string;
  /** JSON: the normalised event and the provider's words. */
  detail: string;
};

/** Files kept as evidence: letters and e-mails as sent, proofs of receipt, print batches, claim documents. */
export type DocumentsTable = {
  tenant_id: string;
  document_id: string;
  case_id: Nullable<string>;
  kind: string;
  media_type: string;
  file_name: string;
  sha256: string;
  size: number;
  content: Uint8Array;
  created_at: string;
};

/** The append-only evidence journal; `hash` = sha256 over the previous hash and this entry. */
export type EvidenceTable = {
  tenant_id: string;
  seq: number;
  entry_id: string;
  case_id: Nullable<string>;
  action_id: Nullable<string>;
  at: string;
  kind: string;
  actor: string;
  /** JSON: what happened (recipients, provider ids, texts, outcomes). */
  payload: string;
  document_id: Nullable<string>;
  document_sha256: Nullable<string>;
  prev_hash: string;
  hash: string;
  /** JSON: a short digest of each field, to say which one was altered (0006); null on older entries. */
  field_digests: Nullable<string>;
};

/** An entry queued in its transaction and not yet chained (0025): the sealer moves it into `evidence`. */
export type EvidencePendingTable = {
  tenant_id: string;
  entry_id: string;
  queued_at: string;
  case_id: Nullable<string>;
  action_id: Nullable<string>;
  at: string;
  kind: string;
  actor: string;
  payload: string;
  document_id: Nullable<string>;
  document_sha256: Nullable<string>;
};

/** The last entry of each tenant's chain, locked by the writer that appends. */
export type EvidenceHeadsTable = {
  tenant_id: string;
  seq: number;
  hash: string;
};

export type PrintBatchesTable = {
  tenant_id: string;
  batch_id: string;
  batch_on: string;
  letters: number;
  pdf_document_id: string;
  manifest_document_id: string;
  created_at: string;
};

export type PostalKind = 'letter' | 'registered_letter' | 'formal_notice';
/** to_print → printed (in a batch) → posted → delivered | returned | unclaimed. */
export type PostalStatus = 'to_print' | 'printed' | 'posted' | 'delivered' | 'returned' | 'unclaimed';

/** A letter on paper: its reference (recalled in later contacts), batch, tracking number and proof of receipt. */
export type PostalItemsTable = {
  tenant_id: string;
  item_id: string;
  action_id: string;
  case_id: string;
  kind: PostalKind;
  /** The letter's own reference, e.g. "L-2026-000123". */
  reference: string;
  document_id: string;
  batch_id: Nullable<string>;
  tracking_number: Nullable<string>;
  status: PostalStatus;
  status_on: Nullable<string>;
  proof_document_id: Nullable<string>;
  created_at: string;
  updated_at: string;
};

export type CallTaskKind = 'agent_call' | 'ivr_call';
export type CallTaskStatus = 'open' | 'done' | 'cancelled' | 'expired';

/** An entry of the agents' call queue or of the IVR campaign, to be worked inside its window. */
export type CallTasksTable = {
  tenant_id: string;
  task_id: string;
  action_id: string;
  case_id: string;
  kind: CallTaskKind;
  phone: Nullable<string>;
  /** Instants (UTC) between which the call is allowed, from the compliance gate and the debtor's profile. */
  window_start: string;
  window_end: string;
  priority: number;
  status: CallTaskStatus;
  /** The call script, rendered from the template. */
  script: Nullable<string>;
  /** Who worked the task (set with its outcome). */
  assigned_to: Nullable<string>;
  outcome: Nullable<string>;
  created_at: string;
  updated_at: string;
  /** Routing: 'b2b' | 'b2c', the debtor's language, the team (null: any team). */
  segment: Nullable<string>;
  language: Nullable<string>;
  team: Nullable<string>;
  /** The agent a supervisor gave the task to: only they get it from "next case". */
  pinned_to: Nullable<string>;
  /** The agent holding it now (from "next case") and until when. */
  locked_by: Nullable<string>;
  locked_until: Nullable<string>;
  /** JSON: the parts of the priority, shown to supervisors. */
  score_parts: Nullable<string>;
};

/** One agent works a case at a time: the lock is taken by "next case" or on opening the case, and expires. */
export type CaseLocksTable = {
  tenant_id: string;
  case_id: string;
  locked_by: string;
  locked_at: string;
  locked_until: string;
  task_id: Nullable<string>;
};

/** What came of a call (or of a conversation an agent records): for the case, the strategy and statistics. */
export type CallOutcomesTable = {
  tenant_id: string;
  outcome_id: string;
  case_id: string;
  task_id: Nullable<string>;
  agent_id: string;
  phone: Nullable<string>;
  disposition: string;
  /** The qualified reason for non-payment, when the debtor gave one. */
  reason: Nullable<string>;
  note: Nullable<string>;
  callback_at: Nullable<string>;
  /** JSON: the script's questions and the answers given. */
  script_answers: Nullable<string>;
  at: string;
  /** What the call produced (0008): the promise, plan or dispute recorded, the callback scheduled. */
  promise_id: Nullable<string>;
  plan_id: Nullable<string>;
  dispute_id: Nullable<string>;
  callback_action_id: Nullable<string>;
};

export type PromiseStatus = 'open' | 'kept' | 'partly_kept' | 'broken' | 'cancelled';

export type PromisesTable = {
  tenant_id: string;
  promise_id: string;
  case_id: string;
  made_on: string;
  /** 'user:<id>', 'debtor' (portal) or 'system'. */
  made_by: string;
  channel: string;
  /** JSON [{ dueOn, amountMinor }]. */
  schedule: string;
  amount_minor: number;
  currency: string;
  /** Outstanding when the promise was made: what is paid since is measured against it. */
  baseline_minor: number;
  status: PromiseStatus;
  paid_minor: ColumnType<number, number | undefined, number>;
  checked_on: Nullable<string>;
  outcome_id: Nullable<string>;
  note: Nullable<string>;
  /** Why it ended other than by the run's check: 'superseded', 'cancelled' (migration 0009). */
  end_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
};

export type PaymentPlanKind = 'full_now' | 'scheduled' | 'instalments';
export type PaymentPlanStatus = 'active' | 'completed' | 'broken' | 'cancelled';

export type PaymentPlansTable = {
  tenant_id: string;
  plan_id: string;
  case_id: string;
  kind: PaymentPlanKind;
  status: PaymentPlanStatus;
  currency: string;
  principal_minor: number;
  interest_minor: number;
  fees_minor: number;
  total_minor: number;
  down_payment_minor: ColumnType<number, number | undefined, number>;
  instalment_count: number;
  /** JSON array of the claim ids the plan covers. */
  claim_ids: string;
  agreed_on: string;
  agreed_by: string;
  /** The agreement as a PDF (documents). */
  document_id: Nullable<string>;
  ended_on: Nullable<string>;
  end_reason: Nullable<string>;
  created_at: string;
  updated_at: string;
};

export type InstalmentStatus = 'pending' | 'paid' | 'partly_paid' | 'missed';

export type PlanInstalmentsTable = {
  tenant_id: string;
  plan_id: string;
  /** 0 is the down payment when there is one; then 1, 2, … */
  seq: number;
  due_on: string;
  amount_minor: number;
  status: InstalmentStatus;
  paid_minor: ColumnType<number, number | undefined, number>;
  reminder_action_id: Nullable<string>;
};

export type DisputeStatus = 'open' | 'resolved' | 'rejected' | 'withdrawn';
/** 'cleared': a later import no longer marked the claim disputed (only for disputes an import opened). */
export type DisputeResolution = 'credit_note' | 'write_off' | 'rejected' | 'withdrawn' | 'cleared';

export type DisputesTable = {
  tenant_id: string;
  dispute_id: string;
  case_id: string;
  status: DisputeStatus;
  reason: string;
  description: Nullable<string>;
  amount_minor: number;
  currency: string;
  opened_via: 'agent' | 'debtor' | 'import';
  opened_by: string;
  owner_id: Nullable<string>;
  deadline_on: Nullable<string>;
  resolution: Nullable<DisputeResolution>;
  resolution_minor: Nullable<number>;
  resolution_note: Nullable<string>;
  resolved_by: Nullable<string>;
  resolved_at: Nullable<string>;
  created_at: string;
  updated_at: string;
};

export type DisputeClaimsTable = {
  tenant_id: string;
  dispute_id: string;
  claim_id: string;
  amount_minor: number;
};

export type DisputeDocumentsTable = {
  tenant_id: string;
  dispute_id: string;
  document_id: string;
  added_by: string;
  added_at: string;
};

export type CallScriptsTable = {
  tenant_id: string;
  script_id: string;
  key: string;
  language: string;
  version: number;
  strategy_key: Nullable<string>;
  step_key: Nullable<string>;
  title: string;
  /** JSON ScriptDefinition. */
  definition: string;
  created_by: Nullable<string>;
  created_at: string;
};

/** The built-in SMS provider's store (offline demo); `idempotency_key` makes a re-sent request a no-op. */
export type BuiltinSmsTable = {
  tenant_id: string;
  message_id: string;
  idempotency_key: string;
  to_number: string;
  from_number: Nullable<string>;
  body: string;
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  status: string;
  created_at: string;
};
