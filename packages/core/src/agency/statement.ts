import type { FeeSettlement } from './mandate.ts';

/** One commission row of a statement: a charge (positive) or the reversal of one (negative). */
export type StatementEntry = {
  readonly baseMinor: number;
  readonly commissionMinor: number;
  readonly vatMinor: number;
};

export type StatementTotals = {
  /** What was collected for the client in the period (reversals taken off). */
  readonly collectedMinor: number;
  readonly commissionMinor: number;
  readonly vatMinor: number;
  /** What the agency owes the client for the period (R124-6). */
  readonly netMinor: number;
  /** The fee billed to the client apart from the remittance ('invoice' settlement), VAT included; else 0. */
  readonly invoicedMinor: number;
};

/**
 * A statement's totals from its rounded rows: collected, commission and VAT are sums (no rounding here). When
 * the mandate lets the agency deduct its fee, the net to remit is collected − commission − VAT; otherwise the
 * whole collected amount is remitted and the commission with its VAT is invoiced.
 */
export function statementTotals(
  entries: readonly StatementEntry[],
  settlement: FeeSettlement,
): StatementTotals {
  let collectedMinor = 0;
  let commissionMinor = 0;
  let vatMinor = 0;
  for (const e of entries) {
    collectedMinor += e.baseMinor;
    commissionMinor += e.commissionMinor;
    vatMinor += e.vatMinor;
  }
  const fee = commissionMinor + vatMinor;
  return settlement === 'deduct'
    ? { collectedMinor, commissionMinor, vatMinor, netMinor: collectedMinor - fee, invoicedMinor: 0 }
    : { collectedMinor, commissionMinor, vatMinor, netMinor: collectedMinor, invoicedMinor: fee };
}
