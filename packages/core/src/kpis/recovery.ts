import { checkAmount, checkCount, checkCurrency, fail } from './common.ts';
import { type Ratio, ratio } from './ratio.ts';

/**
 * The recovery rate (taux de recouvrement) of a portfolio, campaign, creditor or agent, from its totals:
 * by amount, what was recovered on the claims placed over what was placed; by count, the claims fully
 * paid over the claims placed. What "recovered" holds is the caller's to say and to keep the same from
 * one period to the next: principal only keeps the rate at or under 100 %; with interest and fees
 * collected on top it may pass 100 % — it is not capped here.
 */
export type RecoveryTotals = {
  readonly currency: string;
  readonly placedMinor: number;
  readonly recoveredMinor: number;
  readonly placedCount: number;
  readonly fullyPaidCount: number;
};

export type RecoveryRate = {
  readonly currency: string;
  readonly byAmount: Ratio;
  readonly byCount: Ratio;
};

export function recoveryRate(totals: RecoveryTotals): RecoveryRate {
  checkCurrency(totals.currency);
  checkAmount(totals.placedMinor, 'placedMinor');
  checkAmount(totals.recoveredMinor, 'recoveredMinor');
  checkCount(totals.placedCount, 'placedCount');
  checkCount(totals.fullyPaidCount, 'fullyPaidCount');
  if (totals.fullyPaidCount > totals.placedCount) {
    fail(`More claims fully paid (${totals.fullyPaidCount}) than placed (${totals.placedCount})`, {
      field: 'fullyPaidCount',
    });
  }
  return {
    currency: totals.currency,
    byAmount: ratio(totals.recoveredMinor, totals.placedMinor),
    byCount: ratio(totals.fullyPaidCount, totals.placedCount),
  };
}
