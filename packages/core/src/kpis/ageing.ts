import { addDays, daysBetween, type IsoDate } from '../shared/dates.ts';
import { addMinor, checkCurrency, checkDate, checkMinor, checkSameCurrency } from './common.ts';
import { type Ratio, ratio } from './ratio.ts';

/**
 * The ageing balance (balance âgée): what is outstanding, by how late it is on `asOf`. Days past due =
 * daysBetween(dueDate, asOf): a claim due today is 0 days late, so not yet overdue ('not_due'); 1 to 30
 * → 'd1_30', 31–60, 61–90, and 91 or more → 'd90_plus' ("over 90 days").
 */
export const AGEING_BUCKETS = ['not_due', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

/** The days past due each bucket holds, both ends included; null: unbounded. */
const DAYS: Readonly<Record<AgeingBucket, { readonly min: number | null; readonly max: number | null }>> = {
  not_due: { min: null, max: 0 },
  d1_30: { min: 1, max: 30 },
  d31_60: { min: 31, max: 60 },
  d61_90: { min: 61, max: 90 },
  d90_plus: { min: 91, max: null },
};

export function ageingBucketOfDays(daysPastDue: number): AgeingBucket {
  if (daysPastDue <= 0) return 'not_due';
  if (daysPastDue <= 30) return 'd1_30';
  if (daysPastDue <= 60) return 'd31_60';
  if (daysPastDue <= 90) return 'd61_90';
  return 'd90_plus';
}

export function ageingBucket(dueDate: IsoDate, asOf: IsoDate): AgeingBucket {
  return ageingBucketOfDays(daysBetween(dueDate, asOf));
}

/** A range of due dates, both ends included; null: open-ended. */
export type DueDateRange = { readonly from: IsoDate | null; readonly to: IsoDate | null };

/**
 * The due dates a bucket holds on `asOf`, so that a database sums its outstanding per due date
 * (`due_date between from and to`) instead of reading every claim: on 2026-03-31, 'd1_30' is
 * 2026-03-01 … 2026-03-30 and 'not_due' is 2026-03-31 onwards.
 */
export function bucketBounds(bucket: AgeingBucket, asOf: IsoDate): DueDateRange {
  checkDate(asOf, 'asOf');
  const { min, max } = DAYS[bucket];
  // More days past due is an earlier due date: the bucket's max days give its first due date.
  return {
    from: max === null ? null : addDays(asOf, -max),
    to: min === null ? null : addDays(asOf, -min),
  };
}

export type AgeingItem = {
  readonly dueDate: IsoDate;
  readonly outstandingMinor: number;
  readonly currency: string;
};

export type AgeingLine = {
  readonly bucket: AgeingBucket;
  readonly count: number;
  readonly outstandingMinor: number;
  /** The bucket's outstanding over the total outstanding. */
  readonly share: Ratio;
};

export type AgeingBalance = {
  readonly asOf: IsoDate;
  readonly currency: string;
  /** One line per bucket, in AGEING_BUCKETS order, empty ones included. */
  readonly lines: readonly AgeingLine[];
  readonly total: { readonly count: number; readonly outstandingMinor: number };
  /** Every bucket but 'not_due'. */
  readonly overdue: { readonly count: number; readonly outstandingMinor: number };
};

export type AgeingInput = {
  readonly asOf: IsoDate;
  readonly currency: string;
  readonly items: readonly AgeingItem[];
};

/**
 * The ageing balance of the items given (claims, or due dates with their summed outstanding): each item
 * counts once, in the bucket of its due date. Items are taken as given — a paid claim the caller passes
 * counts with 0; a credit note may be negative.
 */
export function ageingBalance(input: AgeingInput): AgeingBalance {
  const { asOf, currency } = input;
  checkDate(asOf, 'asOf');
  checkCurrency(currency);
  const counts = new Map<AgeingBucket, { count: number; outstandingMinor: number }>(
    AGEING_BUCKETS.map((b) => [b, { count: 0, outstandingMinor: 0 }]),
  );
  for (const item of input.items) {
    checkSameCurrency(currency, item.currency);
    checkMinor(item.outstandingMinor, 'outstandingMinor');
    const line = counts.get(ageingBucket(item.dueDate, asOf));
    if (!line) continue;
    line.count += 1;
    line.outstandingMinor = addMinor(line.outstandingMinor, item.outstandingMinor);
  }
  const all = [...counts.values()];
  const total = {
    count: all.reduce((s, l) => s + l.count, 0),
    outstandingMinor: all.reduce((s, l) => addMinor(s, l.outstandingMinor), 0),
  };
  const notDue = counts.get('not_due') ?? { count: 0, outstandingMinor: 0 };
  return {
    asOf,
    currency,
    lines: AGEING_BUCKETS.map((bucket) => {
      const line = counts.get(bucket) ?? { count: 0, outstandingMinor: 0 };
      return { bucket, ...line, share: ratio(line.outstandingMinor, total.outstandingMinor) };
    }),
    total,
    overdue: {
      count: total.count - notDue.count,
      outstandingMinor: total.outstandingMinor - notDue.outstandingMinor,
    },
  };
}
