import { addDays, compareDates, type IsoDate } from '../shared/dates.ts';
import { checkAmount, checkCount, checkCurrency, checkDate, checkMinor, fail } from './common.ts';
import { daysInMonth, type MonthKey, monthOf, shiftMonth } from './periods.ts';
import { decimalQuotient } from './ratio.ts';

/**
 * DSO (days sales outstanding) by the countback method (also called "exhaustion").
 *
 * The receivables balance at the end of the period is matched against credit sales going back in time,
 * newest month first: a month whose sales are entirely still owed counts all its days; the month whose
 * sales exhaust the rest of the balance counts the share of its days equal to the share of its sales
 * still owed; older months count nothing. Example: balance 150 000, November sales 100 000 (30 days),
 * October 80 000 (31 days) → 30 + 50 000 / 80 000 × 31 = 49.375 → 49.4 days.
 *
 * Unlike the average method (balance / sales of the period × days), a big month long ago does not hide
 * a slowdown of the last weeks, and a seasonal peak does not make the debtors look slower than they are.
 * The newest month may be partial: it counts the days up to the period end (`countbackMonths`).
 *
 * Exact: the days are a fraction of integers, rounded half up to 1 decimal once (BigInt).
 */
export type SalesMonth = {
  readonly month: MonthKey;
  /** Credit sales invoiced in that month (or its part inside the period), minor units. */
  readonly salesMinor: number;
  /** The days of that month the sales cover: all of them, or up to the period end for the newest. */
  readonly days: number;
};

export type DsoInput = {
  readonly currency: string;
  /** Total receivables outstanding at the period end (not due and overdue), minor units. */
  readonly receivablesMinor: number;
  /** Consecutive months, newest first; a month without sales is given with 0, not left out. */
  readonly months: readonly SalesMonth[];
};

export type DsoMonthUse = SalesMonth & {
  /** The part of the balance matched to this month's sales. */
  readonly coveredMinor: number;
  /** The days this month adds to the DSO, 1 decimal. */
  readonly daysCounted: string;
};

export type Dso = {
  readonly currency: string;
  /** Days, 1 decimal ('49.4'). A balance of 0 or less is '0.0'. */
  readonly days: string;
  /** The months the balance reached, newest first. */
  readonly monthsUsed: readonly DsoMonthUse[];
  /**
   * False when the balance is larger than all the sales given: `days` is then a floor (every month given
   * counted in full) — give more months.
   */
  readonly complete: boolean;
};

/** The months to give to `dso` for a period ending on `periodEnd`, newest first, with their date ranges. */
export function countbackMonths(
  periodEnd: IsoDate,
  count: number,
): readonly {
  readonly month: MonthKey;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
}[] {
  checkDate(periodEnd, 'periodEnd');
  checkCount(count, 'count');
  const newest = monthOf(periodEnd);
  return Array.from({ length: count }, (_, i) => {
    const month = shiftMonth(newest, -i);
    const from = `${month}-01`;
    const to = i === 0 ? periodEnd : addDays(`${shiftMonth(month, 1)}-01`, -1);
    return { month, from, to, days: Number(to.slice(8, 10)) };
  });
}

function checkMonths(months: readonly SalesMonth[]): void {
  months.forEach((m, i) => {
    checkAmount(m.salesMinor, 'salesMinor');
    const max = daysInMonth(m.month);
    if (!Number.isInteger(m.days) || m.days < 1 || m.days > max) {
      fail(`${m.month} has 1 to ${max} days, not ${m.days}`, { month: m.month });
    }
    const previous = months[i - 1];
    if (previous && shiftMonth(previous.month, -1) !== m.month) {
      fail(`Months must be consecutive, newest first: ${m.month} after ${previous.month} (give 0 sales)`, {
        month: m.month,
      });
    }
  });
}

export function daysSalesOutstanding(input: DsoInput): Dso {
  checkCurrency(input.currency);
  checkMinor(input.receivablesMinor, 'receivablesMinor');
  checkMonths(input.months);
  const used: DsoMonthUse[] = [];
  let remaining = Math.max(input.receivablesMinor, 0);
  let fullDays = 0n;
  let partial = { numerator: 0n, denominator: 1n };
  for (const m of input.months) {
    if (remaining === 0) break;
    if (remaining >= m.salesMinor) {
      // Every sale of the month is still owed: the whole month counts (a month without sales too).
      remaining -= m.salesMinor;
      fullDays += BigInt(m.days);
      used.push({ ...m, coveredMinor: m.salesMinor, daysCounted: `${m.days}.0` });
      continue;
    }
    partial = { numerator: BigInt(remaining) * BigInt(m.days), denominator: BigInt(m.salesMinor) };
    used.push({
      ...m,
      coveredMinor: remaining,
      daysCounted: decimalQuotient(partial.numerator, partial.denominator, 1),
    });
    remaining = 0;
  }
  const days = decimalQuotient(fullDays * partial.denominator + partial.numerator, partial.denominator, 1);
  return { currency: input.currency, days, monthsUsed: used, complete: remaining === 0 };
}

export type DsoPoint = DsoInput & { readonly periodEnd: IsoDate };

export type DsoTrendPoint = {
  readonly periodEnd: IsoDate;
  readonly days: string;
  readonly complete: boolean;
  /**
   * The change from the previous period end, in days with a sign ('+3.1', '-0.4', '0.0'); null for the
   * first. It is the difference of the two rounded figures shown, so a reader's subtraction agrees.
   */
  readonly change: string | null;
};

/** '49.4' → 494n: the figures are strings with exactly 1 decimal. */
function tenths(days: string): bigint {
  return BigInt(days.replace('.', ''));
}

/** DSO at several period ends (each with its own balance and months), oldest first, with the change. */
export function dsoTrend(points: readonly DsoPoint[]): readonly DsoTrendPoint[] {
  const sorted = [...points].sort((a, b) => compareDates(a.periodEnd, b.periodEnd));
  let previous: string | null = null;
  return sorted.map((point) => {
    checkDate(point.periodEnd, 'periodEnd');
    const result = daysSalesOutstanding(point);
    let change: string | null = null;
    if (previous !== null) {
      const delta = tenths(result.days) - tenths(previous);
      const text = decimalQuotient(delta, 10n, 1);
      change = delta > 0n ? `+${text}` : text;
    }
    previous = result.days;
    return { periodEnd: point.periodEnd, days: result.days, complete: result.complete, change };
  });
}
