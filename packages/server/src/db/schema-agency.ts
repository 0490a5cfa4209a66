import type { ColumnType } from 'kysely';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Counter = ColumnType<number, number | undefined, number>;

/** The tables of agency mode (migration 0014): see the migration for what each one keeps and why. */
export type AgencyTables = {
  mandates: MandatesTable;
  placements: PlacementsTable;
  payment_commissions: PaymentCommissionsTable;
  remittances: RemittancesTable;
  outside_agencies: OutsideAgenciesTable;
  agency_handovers: AgencyHandoversTable;
  agency_collections: AgencyCollectionsTable;
};

export type CommissionEntry = 'charge' | 'reversal';
export type RemittanceStatus = 'draft' | 'issued' | 'paid';
export type RemittanceEmailStatus = 'none' | 'planned' | 'sending' | 'sent' | 'failed' | 'unconfirmed';

export type MandatesTable = {
  tenant_id: string;
  creditor_id: string;
  signed_on: string;
  /** JSON CommissionRule. */
  commission: string;
  vat_rate: string;
  fee_settlement: 'deduct' | 'invoice';
  /** JSON string[]. */
  allowed_strategies: string;
  max_instalments: number;
  min_instalment_minor: number;
  remittance_frequency: 'monthly' | 'fortnightly' | 'weekly';
  remittance_delay_days: number;
  scope: string;
  power_to_receive_funds: number;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: Nullable<string>;
};

export type PlacementsTable = {
  tenant_id: string;
  placement_id: string;
  creditor_id: string;
  label: string;
  placed_on: string;
  claim_count: Counter;
  amount_minor: Counter;
  currency: string;
  import_id: Nullable<string>;
  created_at: string;
  updated_at: string;
};

export type PaymentCommissionsTable = {
  tenant_id: string;
  payment_id: string;
  seq: number;
  entry: CommissionEntry;
  creditor_id: string;
  case_id: string;
  claim_id: string;
  currency: string;
  booked_on: string;
  base_minor: number;
  rate: string;
  commission_minor: number;
  vat_rate: string;
  vat_minor: number;
  rule_step: string;
  remittance_id: Nullable<string>;
  created_at: string;
};

export type RemittancesTable = {
  tenant_id: string;
  remittance_id: string;
  creditor_id: string;
  period: string;
  period_start: string;
  period_end: string;
  currency: string;
  fee_settlement: 'deduct' | 'invoice';
  payment_count: number;
  collected_minor: number;
  commission_minor: number;
  vat_minor: number;
  net_minor: number;
  invoiced_minor: number;
  due_on: string;
  status: RemittanceStatus;
  document_id: Nullable<string>;
  issued_at: Nullable<string>;
  paid_at: Nullable<string>;
  created_at: string;
  email_status: RemittanceEmailStatus;
  email_to: Nullable<string>;
  email_attempts: Counter;
  email_error: Nullable<string>;
  email_claimed_until: Nullable<string>;
  emailed_at: Nullable<string>;
  email_document_id: Nullable<string>;
};

/** The agencies a creditor hands cases to (migration 0018). */
export type OutsideAgenciesTable = {
  tenant_id: string;
  agency_id: string;
  key: string;
  name: string;
  legal_id: Nullable<string>;
  email: Nullable<string>;
  commission_rate: string;
  vat_rate: string;
  share: number;
  active: number;
  created_at: string;
  updated_at: string;
};

export type AgencyHandoversTable = {
  tenant_id: string;
  handover_id: string;
  case_id: string;
  agency_id: string;
  creditor_id: string;
  handed_on: string;
  amount_minor: number;
  currency: string;
  action_id: Nullable<string>;
  recalled_on: Nullable<string>;
  created_at: string;
  created_by: string;
  /** Kept by triggers from its lines whose payment is booked (migration 0021; `db/figures/agency-figures.ts`). */
  collected_minor: Counter;
  fees_minor: Counter;
  /** Days from the hand-over to its first payment, to the payment completing it (null: not yet). */
  first_days: Nullable<number>;
  full_days: Nullable<number>;
};

export type AgencyCollectionsTable = {
  tenant_id: string;
  line_id: string;
  agency_id: string;
  handover_id: string;
  case_id: string;
  line_key: string;
  reference: string;
  amount_minor: number;
  fee_minor: number;
  currency: string;
  collected_on: string;
  payment_id: string;
  created_at: string;
};
