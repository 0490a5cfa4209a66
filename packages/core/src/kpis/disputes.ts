import { compareDates, daysBetween, type IsoDate } from '../shared/dates.ts';
import { addMinor, checkAmount, checkCurrency, checkDate, checkSameCurrency, fail } from './common.ts';
import { decimalQuotient } from './ratio.ts';

/**
 * Disputes (litiges), from the rows of `disputes`: 'open', then 'resolved' (a credit note or a write-off),
 * 'rejected' or 'withdrawn'. The age of an open dispute is daysBetween(openedOn, asOf), bucketed 0–7,
 * 8–30, 31–90 and over 90 days.
 *
 * "Open on asOf" reads the history, so a past month end can be shown again: a dispute counts as open if it
 * was opened on or before asOf and is still open, or was closed after asOf. Disputes opened after asOf are
 * left out of everything.
 */
export const DISPUTE_STATUSES = ['open', 'resolved', 'rejected', 'withdrawn'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_AGE_BUCKETS = ['d0_7', 'd8_30', 'd31_90', 'd90_plus'] as const;
export type DisputeAgeBucket = (typeof DISPUTE_AGE_BUCKETS)[number];

export function disputeAgeBucket(ageDays: number): DisputeAgeBucket {
  if (ageDays <= 7) return 'd0_7';
  if (ageDays <= 30) return 'd8_30';
  if (ageDays <= 90) return 'd31_90';
  return 'd90_plus';
}

export type DisputeRow = {
  readonly status: DisputeStatus;
  readonly openedOn: IsoDate;
  /** The day it was resolved, rejected or withdrawn; null while open (or when unknown). */
  readonly closedOn: IsoDate | null;
  /** The day the owner should have answered by, if one was set. */
  readonly deadlineOn: IsoDate | null;
  readonly amountMinor: number;
  readonly currency: string;
};

export type DisputeFigures = { readonly count: number; readonly amountMinor: number };

export type DisputeSummary = {
  readonly asOf: IsoDate;
  readonly currency: string;
  /** The current status of every dispute opened on or before asOf. */
  readonly byStatus: Readonly<Record<DisputeStatus, DisputeFigures>>;
  readonly open: DisputeFigures & {
    readonly ageing: readonly (DisputeFigures & { readonly bucket: DisputeAgeBucket })[];
    /** Mean age in days, 1 decimal; null with none open. */
    readonly meanAgeDays: string | null;
    readonly oldestAgeDays: number | null;
    /** Open with a deadline before asOf. */
    readonly pastDeadline: DisputeFigures;
  };
  /** Closed on or before asOf: mean days from opening to closing, 1 decimal; null with none. */
  readonly meanDaysToClose: string | null;
};

type Tally = { count: number; amountMinor: number };

function count(tally: Tally, amountMinor: number): void {
  tally.count += 1;
  tally.amountMinor = addMinor(tally.amountMinor, amountMinor);
}

function checkRow(currency: string, row: DisputeRow): void {
  checkSameCurrency(currency, row.currency);
  checkDate(row.openedOn, 'openedOn');
  checkAmount(row.amountMinor, 'amountMinor');
  if (!DISPUTE_STATUSES.includes(row.status))
    fail(`Unknown dispute status: ${row.status}`, { status: row.status });
  if (row.closedOn !== null) checkDate(row.closedOn, 'closedOn');
  if (row.deadlineOn !== null) checkDate(row.deadlineOn, 'deadlineOn');
  if (row.status === 'open' && row.closedOn !== null) {
    fail('An open dispute has no closing date', { status: row.status });
  }
}

const mean = (sum: number, n: number): string | null =>
  n === 0 ? null : decimalQuotient(BigInt(sum), BigInt(n), 1);

export function disputeSummary(input: {
  readonly currency: string;
  readonly asOf: IsoDate;
  readonly disputes: readonly DisputeRow[];
}): DisputeSummary {
  const { asOf, currency } = input;
  checkCurrency(currency);
  checkDate(asOf, 'asOf');
  const byStatus = Object.fromEntries(
    DISPUTE_STATUSES.map((s) => [s, { count: 0, amountMinor: 0 }]),
  ) as Record<DisputeStatus, Tally>;
  const ageing = Object.fromEntries(
    DISPUTE_AGE_BUCKETS.map((b) => [b, { count: 0, amountMinor: 0 }]),
  ) as Record<DisputeAgeBucket, Tally>;
  const open: Tally = { count: 0, amountMinor: 0 };
  const pastDeadline: Tally = { count: 0, amountMinor: 0 };
  let ageSum = 0;
  let oldest: number | null = null;
  let closeSum = 0;
  let closed = 0;
  for (const row of input.disputes) {
    checkRow(currency, row);
    if (compareDates(row.openedOn, asOf) > 0) continue;
    count(byStatus[row.status], row.amountMinor);
    if (row.closedOn === null ? row.status !== 'open' : compareDates(row.closedOn, asOf) <= 0) {
      // Closed by asOf (a closed row without its date counts as closed, out of the mean).
      if (row.closedOn !== null) {
        closeSum += daysBetween(row.openedOn, row.closedOn);
        closed += 1;
      }
      continue;
    }
    const age = daysBetween(row.openedOn, asOf);
    count(open, row.amountMinor);
    count(ageing[disputeAgeBucket(age)], row.amountMinor);
    ageSum += age;
    oldest = Math.max(oldest ?? 0, age);
    if (row.deadlineOn !== null && compareDates(row.deadlineOn, asOf) < 0)
      count(pastDeadline, row.amountMinor);
  }
  return {
    asOf,
    currency,
    byStatus,
    open: {
      ...open,
      ageing: DISPUTE_AGE_BUCKETS.map((bucket) => ({ bucket, ...ageing[bucket] })),
      meanAgeDays: mean(ageSum, open.count),
      oldestAgeDays: oldest,
      pastDeadline,
    },
    meanDaysToClose: mean(closeSum, closed),
  };
}
