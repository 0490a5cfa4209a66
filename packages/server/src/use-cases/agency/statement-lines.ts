import { type FeeSettlement, statementTotals } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.ts';
import type { CommissionEntry } from '../../db/schema-agency.ts';
import type { PaymentMethod } from '../../db/schema-payments.ts';
import { receiptNumber } from '../payments/receipt-variables.ts';

type Reader = Db | Transaction<Database>;

/** One payment on a statement (or the reversal of one): what it brought, the fee on it and the net. */
export type RemittanceLine = {
  readonly paymentId: string;
  readonly entry: CommissionEntry;
  /** The day it counts on: the payment's day received, or the reversal's day. */
  readonly bookedOn: string;
  readonly receivedOn: string;
  /** The receipt (quittance, R124-6) given to the debtor for the payment. */
  readonly receiptNumber: string;
  readonly method: PaymentMethod;
  readonly caseId: string;
  readonly debtorName: string;
  readonly invoices: readonly string[];
  readonly collectedMinor: number;
  readonly commissionMinor: number;
  readonly vatMinor: number;
  readonly netMinor: number;
  /** The rates that applied (several when the payment's claims fell in different bands), and their steps. */
  readonly rates: readonly string[];
  readonly steps: readonly string[];
};

/**
 * The lines of a statement, one per payment and entry, oldest first: the commission rows of a remittance, or
 * (for a draft) the rows still to be remitted up to a day. Net = collected − commission − VAT when the fee is
 * deducted, else collected.
 */
export async function loadStatementLines(
  db: Reader,
  tenantId: string,
  which:
    | { readonly remittanceId: string }
    | { readonly creditorId: string; readonly currency: string | null; readonly until: string },
  settlement: FeeSettlement,
): Promise<readonly RemittanceLine[]> {
  let query = db
    .selectFrom('payment_commissions as pc')
    .innerJoin('payments as p', (j) =>
      j.onRef('p.tenant_id', '=', 'pc.tenant_id').onRef('p.payment_id', '=', 'pc.payment_id'),
    )
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'pc.tenant_id').onRef('c.case_id', '=', 'pc.case_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .leftJoin('claims as k', (j) =>
      j.onRef('k.tenant_id', '=', 'pc.tenant_id').onRef('k.claim_id', '=', 'pc.claim_id'),
    )
    .select([
      'pc.payment_id',
      'pc.entry',
      'pc.seq',
      'pc.booked_on',
      'pc.base_minor',
      'pc.commission_minor',
      'pc.vat_minor',
      'pc.rate',
      'pc.rule_step',
      'pc.case_id',
      'p.received_on',
      'p.method',
      'd.name as debtor_name',
      'k.invoice_number',
    ])
    .where('pc.tenant_id', '=', tenantId);
  if ('remittanceId' in which) query = query.where('pc.remittance_id', '=', which.remittanceId);
  else {
    query = query
      .where('pc.creditor_id', '=', which.creditorId)
      .where('pc.remittance_id', 'is', null)
      .where('pc.booked_on', '<=', which.until);
    if (which.currency !== null) query = query.where('pc.currency', '=', which.currency);
  }
  const rows = await query
    .orderBy('pc.booked_on')
    .orderBy('p.received_on')
    .orderBy('pc.payment_id')
    .orderBy('pc.entry')
    .orderBy('pc.seq')
    .execute();
  return groupLines(rows, settlement);
}

type CommissionRow = {
  readonly payment_id: string;
  readonly entry: CommissionEntry;
  readonly booked_on: string;
  readonly base_minor: number;
  readonly commission_minor: number;
  readonly vat_minor: number;
  readonly rate: string;
  readonly rule_step: string;
  readonly case_id: string;
  readonly received_on: string;
  readonly method: PaymentMethod;
  readonly debtor_name: string;
  readonly invoice_number: string | null;
};

/** One line per payment and entry, in the rows' order, its amounts summed and its invoices and rates listed. */
function groupLines(rows: readonly CommissionRow[], settlement: FeeSettlement): readonly RemittanceLine[] {
  const lines = new Map<string, RemittanceLine & { invoices: string[]; rates: string[]; steps: string[] }>();
  for (const r of rows) {
    const key = `${r.payment_id}:${r.entry}`;
    let line = lines.get(key);
    if (!line) {
      line = {
        paymentId: r.payment_id,
        entry: r.entry,
        bookedOn: r.booked_on,
        receivedOn: r.received_on,
        receiptNumber: receiptNumber(r.payment_id, r.received_on),
        method: r.method,
        caseId: r.case_id,
        debtorName: r.debtor_name,
        invoices: [],
        collectedMinor: 0,
        commissionMinor: 0,
        vatMinor: 0,
        netMinor: 0,
        rates: [],
        steps: [],
      };
      lines.set(key, line);
    }
    const base = Number(r.base_minor);
    const fee = Number(r.commission_minor) + Number(r.vat_minor);
    line = {
      ...line,
      collectedMinor: line.collectedMinor + base,
      commissionMinor: line.commissionMinor + Number(r.commission_minor),
      vatMinor: line.vatMinor + Number(r.vat_minor),
      netMinor: line.netMinor + (settlement === 'deduct' ? base - fee : base),
    };
    if (r.invoice_number && !line.invoices.includes(r.invoice_number)) line.invoices.push(r.invoice_number);
    if (!line.rates.includes(r.rate)) line.rates.push(r.rate);
    if (!line.steps.includes(r.rule_step)) line.steps.push(r.rule_step);
    lines.set(key, line);
  }
  return [...lines.values()];
}

/** A statement's totals from its lines (the core adds the rounded rows) and how many payments it lists. */
export function totalsOfLines(lines: readonly RemittanceLine[], settlement: FeeSettlement) {
  const entries = lines.map((l) => ({
    baseMinor: l.collectedMinor,
    commissionMinor: l.commissionMinor,
    vatMinor: l.vatMinor,
  }));
  const paymentCount = new Set(lines.filter((l) => l.entry === 'charge').map((l) => l.paymentId)).size;
  return { ...statementTotals(entries, settlement), paymentCount };
}
