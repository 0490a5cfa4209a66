import { checkAmount, checkCurrency, fail } from './common.ts';
import { type Ratio, ratio } from './ratio.ts';

/**
 * The collection effectiveness index (CEI) of a period:
 *
 *   (opening receivables + credit sales − closing total receivables)
 *   ───────────────────────────────────────────────────────────────── × 100
 *   (opening receivables + credit sales − closing current receivables)
 *
 * The numerator is what was collected; the denominator what could have been (everything that was owed
 * or became owed, except what is still not due at the close). 100 % means every amount that fell due was
 * collected. The ratio is returned as is; `percent` gives the index.
 *
 * Edge cases: a period with nothing collectible (the denominator is 0: no opening balance, no sales, or
 * all of it still not due) has no index (`percent` → null), not 0 nor 100. The figures must be consistent
 * — closing current ≤ closing total ≤ opening + sales — else the totals come from different scopes and
 * the call throws `invalid_input` instead of showing an index below 0 or above 100.
 */
export type CeiInput = {
  readonly currency: string;
  readonly openingReceivablesMinor: number;
  readonly creditSalesMinor: number;
  /** Everything owed at the close, due or not. */
  readonly closingTotalMinor: number;
  /** The part of the closing total not yet due. */
  readonly closingCurrentMinor: number;
};

export type Cei = {
  readonly currency: string;
  /** Collected over collectible, in minor units. */
  readonly index: Ratio;
  readonly collectedMinor: number;
  readonly collectibleMinor: number;
};

export function collectionEffectivenessIndex(input: CeiInput): Cei {
  checkCurrency(input.currency);
  checkAmount(input.openingReceivablesMinor, 'openingReceivablesMinor');
  checkAmount(input.creditSalesMinor, 'creditSalesMinor');
  checkAmount(input.closingTotalMinor, 'closingTotalMinor');
  checkAmount(input.closingCurrentMinor, 'closingCurrentMinor');
  const available = input.openingReceivablesMinor + input.creditSalesMinor;
  if (input.closingCurrentMinor > input.closingTotalMinor) {
    fail('The closing current receivables exceed the closing total', { field: 'closingCurrentMinor' });
  }
  if (input.closingTotalMinor > available) {
    fail('The closing receivables exceed the opening receivables plus the credit sales', {
      field: 'closingTotalMinor',
    });
  }
  const collectedMinor = available - input.closingTotalMinor;
  const collectibleMinor = available - input.closingCurrentMinor;
  return {
    currency: input.currency,
    index: ratio(collectedMinor, collectibleMinor),
    collectedMinor,
    collectibleMinor,
  };
}
