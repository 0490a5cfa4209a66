import { compareDates, type IsoDate } from '../shared/dates.ts';
import {
  addMinor,
  checkAmount,
  checkCount,
  checkCurrency,
  checkDate,
  checkMinor,
  checkSameCurrency,
  compareText,
  fail,
} from './common.ts';
import { lastDayOfMonth, type MonthKey, monthOf, monthsBetween, shiftMonth } from './periods.ts';
import { type Ratio, ratio } from './ratio.ts';

/**
 * Liquidation curves: for the claims placed in one month (a cohort), the cumulative share of the placed
 * amount collected by the end of each following month — month 0 is the placement month itself. Cohorts
 * are compared at the same age, whatever their calendar months: the way agencies and creditors judge a
 * strategy or a client's portfolio. A `cohort` key (a creditor, a strategy, a segment…) splits the curves
 * further; without it there is one curve per placement month.
 *
 * Nothing is said about the future: a curve stops at `asOf`'s month, whose point is marked partial
 * unless `asOf` is its last day; placements and collections dated after `asOf` are left out. A payment
 * dated before its placement (a bank's value date) counts in month 0.
 */
export type LiquidationPlacement = {
  readonly placedOn: IsoDate;
  readonly placedMinor: number;
  readonly currency: string;
  readonly cohort?: string | undefined;
};

export type LiquidationCollection = {
  /** The placement date of the claims paid (only its month matters). */
  readonly placedOn: IsoDate;
  readonly collectedOn: IsoDate;
  /** May be negative: a reversed payment. */
  readonly amountMinor: number;
  readonly currency: string;
  readonly cohort?: string | undefined;
};

export type LiquidationInput = {
  readonly currency: string;
  readonly asOf: IsoDate;
  readonly placements: readonly LiquidationPlacement[];
  readonly collections: readonly LiquidationCollection[];
  /** The last month offset shown (e.g. 24); default: up to `asOf`. */
  readonly maxOffset?: number | undefined;
};

export type LiquidationPoint = {
  readonly offset: number;
  readonly month: MonthKey;
  /** Collected from the placement month to the end of this month (or to `asOf`). */
  readonly collectedMinor: number;
  /** collectedMinor / placedMinor. */
  readonly share: Ratio;
  /** The month is not over on `asOf`. */
  readonly partial: boolean;
};

export type LiquidationCurve = {
  readonly cohort: string | null;
  readonly placementMonth: MonthKey;
  readonly placedMinor: number;
  readonly placedCount: number;
  readonly points: readonly LiquidationPoint[];
};

type Building = { placedMinor: number; placedCount: number; byOffset: Map<number, number> };

function keyOf(cohort: string | undefined, month: MonthKey): string {
  return JSON.stringify([cohort ?? null, month]);
}

function gather(input: LiquidationInput): Map<string, Building> {
  const curves = new Map<string, Building>();
  for (const p of input.placements) {
    checkSameCurrency(input.currency, p.currency);
    checkDate(p.placedOn, 'placedOn');
    checkAmount(p.placedMinor, 'placedMinor');
    if (compareDates(p.placedOn, input.asOf) > 0) continue;
    const key = keyOf(p.cohort, monthOf(p.placedOn));
    const curve = curves.get(key) ?? { placedMinor: 0, placedCount: 0, byOffset: new Map() };
    curve.placedMinor = addMinor(curve.placedMinor, p.placedMinor);
    curve.placedCount += 1;
    curves.set(key, curve);
  }
  for (const c of input.collections) {
    checkSameCurrency(input.currency, c.currency);
    checkDate(c.collectedOn, 'collectedOn');
    checkMinor(c.amountMinor, 'amountMinor');
    if (compareDates(c.collectedOn, input.asOf) > 0) continue;
    const month = monthOf(c.placedOn);
    const curve = curves.get(keyOf(c.cohort, month));
    if (!curve) {
      fail(`A collection for the placements of ${month} (${c.cohort ?? 'no cohort'}) without any placement`, {
        month,
        cohort: c.cohort ?? null,
      });
    }
    const offset = Math.max(0, monthsBetween(month, monthOf(c.collectedOn)));
    curve.byOffset.set(offset, addMinor(curve.byOffset.get(offset) ?? 0, c.amountMinor));
  }
  return curves;
}

export function liquidationCurves(input: LiquidationInput): readonly LiquidationCurve[] {
  checkCurrency(input.currency);
  checkDate(input.asOf, 'asOf');
  if (input.maxOffset !== undefined) checkCount(input.maxOffset, 'maxOffset');
  const asOfMonth = monthOf(input.asOf);
  const monthOver = lastDayOfMonth(asOfMonth) === input.asOf;
  const curves: LiquidationCurve[] = [];
  for (const [key, building] of gather(input)) {
    const [cohort, placementMonth] = JSON.parse(key) as [string | null, MonthKey];
    const last = monthsBetween(placementMonth, asOfMonth);
    const shown = Math.min(last, input.maxOffset ?? last);
    const points: LiquidationPoint[] = [];
    let cumulative = 0;
    for (let offset = 0; offset <= shown; offset++) {
      cumulative = addMinor(cumulative, building.byOffset.get(offset) ?? 0);
      points.push({
        offset,
        month: shiftMonth(placementMonth, offset),
        collectedMinor: cumulative,
        share: ratio(cumulative, building.placedMinor),
        partial: offset === last && !monthOver,
      });
    }
    curves.push({
      cohort,
      placementMonth,
      placedMinor: building.placedMinor,
      placedCount: building.placedCount,
      points,
    });
  }
  // Curves without a cohort first, then by cohort, then by placement month.
  return curves.sort(
    (a, b) =>
      Number(a.cohort !== null) - Number(b.cohort !== null) ||
      compareText(a.cohort ?? '', b.cohort ?? '') ||
      compareText(a.placementMonth, b.placementMonth),
  );
}
