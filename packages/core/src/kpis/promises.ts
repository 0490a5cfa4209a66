import { addMinor, checkAmount, checkCurrency, checkSameCurrency, fail } from './common.ts';
import { type Ratio, ratio } from './ratio.ts';

/**
 * Promises to pay, from the rows of the `promises` table (statuses as the daily run writes them back):
 * 'open' — pending, its dates not all checked yet; 'kept'; 'partly_kept' — some money came, not all;
 * 'broken' — nothing came; 'cancelled' — by a person, or superseded by a newer promise.
 *
 * Made = every promise given (cancelled ones included: they were made). The kept rate counts the promises
 * the run has judged: kept / (kept + partly kept + broken) — a promise partly kept was not kept; the rate
 * by amount (paid / promised over the same judged promises) gives partial payments their credit.
 */
export const PROMISE_STATUSES = ['open', 'kept', 'partly_kept', 'broken', 'cancelled'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

export type PromiseRow = {
  readonly status: PromiseStatus;
  /** The amount promised. */
  readonly amountMinor: number;
  /** What was paid against it so far. */
  readonly paidMinor: number;
  readonly currency: string;
};

export type PromiseFigures = {
  readonly count: number;
  readonly promisedMinor: number;
  readonly paidMinor: number;
};

export type PromiseSummary = {
  readonly currency: string;
  readonly made: PromiseFigures;
  /** One entry per status, in PROMISE_STATUSES order; 'open' is the pending ones. */
  readonly byStatus: Readonly<Record<PromiseStatus, PromiseFigures>>;
  /** kept / (kept + partly_kept + broken). */
  readonly keptRate: Ratio;
  /** paid / promised, over the kept, partly kept and broken promises. */
  readonly keptAmountRate: Ratio;
};

const JUDGED: readonly PromiseStatus[] = ['kept', 'partly_kept', 'broken'];

type Mutable = { count: number; promisedMinor: number; paidMinor: number };

function add(figures: Mutable, row: PromiseRow): void {
  figures.count += 1;
  figures.promisedMinor = addMinor(figures.promisedMinor, row.amountMinor);
  figures.paidMinor = addMinor(figures.paidMinor, row.paidMinor);
}

export function promiseSummary(input: {
  readonly currency: string;
  readonly promises: readonly PromiseRow[];
}): PromiseSummary {
  checkCurrency(input.currency);
  const made: Mutable = { count: 0, promisedMinor: 0, paidMinor: 0 };
  const byStatus = Object.fromEntries(
    PROMISE_STATUSES.map((s) => [s, { count: 0, promisedMinor: 0, paidMinor: 0 }]),
  ) as Record<PromiseStatus, Mutable>;
  for (const row of input.promises) {
    checkSameCurrency(input.currency, row.currency);
    checkAmount(row.amountMinor, 'amountMinor');
    checkAmount(row.paidMinor, 'paidMinor');
    const figures = byStatus[row.status];
    if (!figures) fail(`Unknown promise status: ${row.status}`, { status: row.status });
    add(figures, row);
    add(made, row);
  }
  const judged = JUDGED.map((s) => byStatus[s]);
  const sum = (pick: (f: Mutable) => number) => judged.reduce((s, f) => addMinor(s, pick(f)), 0);
  return {
    currency: input.currency,
    made,
    byStatus,
    keptRate: ratio(
      byStatus.kept.count,
      sum((f) => f.count),
    ),
    keptAmountRate: ratio(
      sum((f) => f.paidMinor),
      sum((f) => f.promisedMinor),
    ),
  };
}
