import { compareDates, type IsoDate, maxDate } from '../shared/dates.ts';
import { addMinor, checkAmount, checkCurrency, checkDate, checkSameCurrency, fail } from './common.ts';
import { type CalendarPeriod, calendarPeriod, calendarPeriods } from './periods.ts';
import { type Ratio, roundedScaled } from './ratio.ts';

/**
 * Cash-in forecast: what pending promises and plan instalments should bring, per week (ISO, Monday to
 * Sunday) or per month, from `asOf` (included) to `until` (default: the last date expected). The caller
 * gives what is still expected — the unpaid part of each promise date and of each pending or partly paid
 * instalment; dates before `asOf` are left out (they are late, the run will judge them).
 *
 * Optionally weighted by kept rates (e.g. the promises' kept rate and the instalments' paid rate): a
 * bucket's weighted amount is promises × rate + instalments × rate. Rounding rule, written once here: the
 * exact weighted total is rounded half up to the minor unit, and the buckets share it by largest
 * remainder — each bucket is its exact amount rounded down, and the units left go one each to the
 * buckets with the largest fractional parts (ties: the earlier bucket). So every bucket is its exact
 * amount rounded down or up, and the buckets add up to the rounded total.
 */
export type ForecastGranularity = 'week' | 'month';

export type ExpectedAmount = {
  readonly dueOn: IsoDate;
  readonly amountMinor: number;
  readonly currency: string;
};

export type ForecastInput = {
  readonly currency: string;
  readonly asOf: IsoDate;
  readonly granularity: ForecastGranularity;
  readonly promises: readonly ExpectedAmount[];
  readonly instalments: readonly ExpectedAmount[];
  readonly until?: IsoDate | undefined;
  /** The share expected to come; without it, everything expected is counted (1/1). */
  readonly weights?: { readonly promises: Ratio; readonly instalments: Ratio } | undefined;
};

export type ForecastFigures = {
  readonly promisesMinor: number;
  readonly instalmentsMinor: number;
  /** promises + instalments. */
  readonly expectedMinor: number;
  /** Weighted and rounded as said above; equal to expectedMinor without weights. */
  readonly weightedMinor: number;
};

export type ForecastBucket = CalendarPeriod & ForecastFigures;

export type Forecast = {
  readonly currency: string;
  readonly asOf: IsoDate;
  readonly granularity: ForecastGranularity;
  /** Contiguous, empty ones included; the first starts on asOf. */
  readonly buckets: readonly ForecastBucket[];
  readonly total: ForecastFigures;
};

const ONE: Ratio = { numerator: 1, denominator: 1 };

function checkWeight(weight: Ratio, field: string): void {
  const { numerator: n, denominator: d } = weight;
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d <= 0 || n < 0 || n > d) {
    fail(`${field} must be a rate from 0/d to d/d with d above 0: ${n}/${d}`, { field });
  }
}

/**
 * Shares round(Σ numerators / denominator) among the parts by largest remainder: each part gets its
 * quotient rounded down, the units left go to the largest remainders (ties: the earlier part).
 */
export function largestRemainder(numerators: readonly bigint[], denominator: bigint): readonly number[] {
  const total = roundedScaled(
    numerators.reduce((s, n) => s + n, 0n),
    denominator,
    0,
  );
  const floors = numerators.map((n) => n / denominator);
  let left = total - floors.reduce((s, f) => s + f, 0n);
  const order = numerators
    .map((n, i) => ({ i, remainder: n % denominator }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  const shares = [...floors];
  for (const { i } of order) {
    if (left === 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map((s) => Number(s));
}

type Sums = { promises: number; instalments: number };

function lastDate(input: ForecastInput): IsoDate {
  let last = input.asOf;
  for (const e of [...input.promises, ...input.instalments]) last = maxDate(last, e.dueOn);
  return last;
}

function checkInput(input: ForecastInput): { readonly promises: Ratio; readonly instalments: Ratio } {
  checkCurrency(input.currency);
  checkDate(input.asOf, 'asOf');
  if (input.until !== undefined) checkDate(input.until, 'until');
  const weights = input.weights ?? { promises: ONE, instalments: ONE };
  checkWeight(weights.promises, 'weights.promises');
  checkWeight(weights.instalments, 'weights.instalments');
  for (const e of [...input.promises, ...input.instalments]) {
    checkSameCurrency(input.currency, e.currency);
    checkDate(e.dueOn, 'dueOn');
    checkAmount(e.amountMinor, 'amountMinor');
  }
  return weights;
}

/** What is expected in each period, from asOf to until (both included). */
function sumByPeriod(
  input: ForecastInput,
  periods: readonly CalendarPeriod[],
  until: IsoDate,
): readonly Sums[] {
  const sums: Sums[] = periods.map(() => ({ promises: 0, instalments: 0 }));
  const indexOf = new Map(periods.map((p, i) => [p.key, i]));
  const place = (entries: readonly ExpectedAmount[], field: keyof Sums) => {
    for (const e of entries) {
      if (compareDates(e.dueOn, input.asOf) < 0 || compareDates(e.dueOn, until) > 0) continue;
      const sum = sums[indexOf.get(calendarPeriod(e.dueOn, input.granularity).key) ?? -1];
      if (sum) sum[field] = addMinor(sum[field], e.amountMinor);
    }
  };
  place(input.promises, 'promises');
  place(input.instalments, 'instalments');
  return sums;
}

/** Exact weighted amounts over one common denominator: P × pn/pd + I × in/id = (P·pn·id + I·in·pd) / (pd·id). */
function weigh(sums: readonly Sums[], weights: { readonly promises: Ratio; readonly instalments: Ratio }) {
  const pn = BigInt(weights.promises.numerator);
  const pd = BigInt(weights.promises.denominator);
  const inn = BigInt(weights.instalments.numerator);
  const id = BigInt(weights.instalments.denominator);
  return largestRemainder(
    sums.map((s) => BigInt(s.promises) * pn * id + BigInt(s.instalments) * inn * pd),
    pd * id,
  );
}

export function cashForecast(input: ForecastInput): Forecast {
  const weights = checkInput(input);
  const { currency, asOf } = input;
  const until = input.until ?? lastDate(input);
  const periods = calendarPeriods(asOf, until, input.granularity);
  const sums = sumByPeriod(input, periods, until);
  const weighted = weigh(sums, weights);
  const buckets = periods.map((p, i) => {
    const s = sums[i] ?? { promises: 0, instalments: 0 };
    return {
      key: p.key,
      from: maxDate(p.from, asOf),
      to: p.to,
      promisesMinor: s.promises,
      instalmentsMinor: s.instalments,
      expectedMinor: addMinor(s.promises, s.instalments),
      weightedMinor: weighted[i] ?? 0,
    };
  });
  const total = (pick: (b: ForecastFigures) => number) => buckets.reduce((t, b) => addMinor(t, pick(b)), 0);
  return {
    currency,
    asOf,
    granularity: input.granularity,
    buckets,
    total: {
      promisesMinor: total((b) => b.promisesMinor),
      instalmentsMinor: total((b) => b.instalmentsMinor),
      expectedMinor: total((b) => b.expectedMinor),
      weightedMinor: total((b) => b.weightedMinor),
    },
  };
}
