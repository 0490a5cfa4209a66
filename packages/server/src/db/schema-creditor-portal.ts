import type { ColumnType } from 'kysely';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** The creditor portal's tables (migration 0016): see the migration for what each one keeps and why. */
export type CreditorPortalTables = {
  report_subscriptions: ReportSubscriptionsTable;
  creditor_reports: CreditorReportsTable;
};

export type ReportFrequency = 'weekly' | 'monthly';
export type ReportEmailStatus = 'planned' | 'sending' | 'sent' | 'failed' | 'unconfirmed';

export type ReportSubscriptionsTable = {
  tenant_id: string;
  creditor_id: string;
  frequency: ReportFrequency;
  /** JSON string[]. */
  recipients: string;
  language: 'fr' | 'en';
  /** 1 or 0. */
  active: number;
  created_at: string;
  updated_at: string;
  updated_by: Nullable<string>;
};

export type CreditorReportsTable = {
  tenant_id: string;
  report_id: string;
  creditor_id: string;
  period: string;
  period_start: string;
  period_end: string;
  language: 'fr' | 'en';
  email_to: string;
  document_id: string;
  email_status: ReportEmailStatus;
  email_attempts: ColumnType<number, number | undefined, number>;
  email_claimed_until: Nullable<string>;
  email_error: Nullable<string>;
  emailed_at: Nullable<string>;
  email_document_id: Nullable<string>;
  created_at: string;
  created_by: Nullable<string>;
};
