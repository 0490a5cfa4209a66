import type { Selectable } from 'kysely';
import type { RemittanceEmailStatus, RemittanceStatus, RemittancesTable } from '../../db/schema-agency.ts';
import type { RemittanceLine } from './statement-lines.ts';

/** A statement as the API, the CLI and the tests see it. */
export type RemittanceView = {
  /** Empty for a draft (computed, not stored). */
  readonly remittanceId: string;
  readonly creditor: { readonly id: string; readonly ref: string; readonly name: string };
  readonly period: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly currency: string;
  readonly feeSettlement: 'deduct' | 'invoice';
  readonly paymentCount: number;
  readonly collectedMinor: number;
  readonly commissionMinor: number;
  readonly vatMinor: number;
  readonly netMinor: number;
  readonly invoicedMinor: number;
  readonly dueOn: string;
  readonly status: RemittanceStatus;
  readonly documentId: string | null;
  readonly issuedAt: string | null;
  readonly paidAt: string | null;
  readonly email: {
    readonly status: RemittanceEmailStatus;
    readonly to: string | null;
    readonly sentAt: string | null;
    readonly error: string | null;
  };
};

export type RemittanceWithLines = RemittanceView & { readonly lines: readonly RemittanceLine[] };

export function remittanceView(
  row: Selectable<RemittancesTable>,
  creditor: RemittanceView['creditor'],
): RemittanceView {
  return {
    remittanceId: row.remittance_id,
    creditor,
    period: row.period,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    currency: row.currency,
    feeSettlement: row.fee_settlement,
    paymentCount: Number(row.payment_count),
    collectedMinor: Number(row.collected_minor),
    commissionMinor: Number(row.commission_minor),
    vatMinor: Number(row.vat_minor),
    netMinor: Number(row.net_minor),
    invoicedMinor: Number(row.invoiced_minor),
    dueOn: row.due_on,
    status: row.status,
    documentId: row.document_id,
    issuedAt: row.issued_at,
    paidAt: row.paid_at,
    email: { status: row.email_status, to: row.email_to, sentAt: row.emailed_at, error: row.email_error },
  };
}
