import type { ColumnType, Kysely } from 'kysely';

/**
 * The database as Kysely sees it. One schema for SQLite and PostgreSQL:
 * - ids are text (UUIDv7 made by the app), every key leads with tenant_id;
 * - money is an integer of minor units (bigint on PostgreSQL, parsed back to number);
 * - dates are 'YYYY-MM-DD' text, instants ISO-8601 UTC text made by the app;
 * - JSON is stored as text; no booleans (SQLite has none): statuses are text.
 */
export type Database = {
  tenants: TenantsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  creditors: CreditorsTable;
  debtors: DebtorsTable;
  contacts: ContactsTable;
  cases: CasesTable;
  claims: ClaimsTable;
  imports: ImportsTable;
  import_rejections: ImportRejectionsTable;
  audit_log: AuditLogTable;
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
  created_at: string;
  updated_at: string;
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
