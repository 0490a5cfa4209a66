import { assertNever } from '../shared/errors.ts';
import type { Result } from '../shared/result.ts';
import { err, ok } from '../shared/result.ts';
import type { DebtorKind, FixedCompensation, InterestError, InterestRegime } from './types.ts';

/** The currency each regime's rates and fixed sums are stated in. */
export function regimeCurrency(regime: InterestRegime): 'EUR' | 'GBP' {
  return regime === 'uk' ? 'GBP' : 'EUR';
}

/** UK s5A(2) bands, in pence: below £1,000 → £40, below £10,000 → £70, else £100. */
function ukFixedSum(principalMinor: number): FixedCompensation {
  const [amountMinor, basis] =
    principalMinor < 100_000
      ? ([4000, 'uk-fixed-sum-40'] as const)
      : principalMinor < 1_000_000
        ? ([7000, 'uk-fixed-sum-70'] as const)
        : ([10_000, 'uk-fixed-sum-100'] as const);
  const reference = 'Late Payment of Commercial Debts (Interest) Act 1998 s5A(2)';
  return { amountMinor, currency: 'GBP', basis, reference };
}

/**
 * The fixed compensation for recovery costs owed, as of right, for one late invoice (one qualifying debt):
 * 40 € in France (C. com. D441-5) and under the EU directive (art. 6), £40 / £70 / £100 in the UK.
 * A consumer is never charged collection fees (CPCE L111-8 al. 2; the fixed sums are for professional
 * debtors only), and the French legal rate carries none.
 */
export function fixedCompensation(
  regime: InterestRegime,
  principalMinor: number,
  currency: string,
  debtor: DebtorKind = 'business',
): Result<FixedCompensation, InterestError> {
  const expected = regimeCurrency(regime);
  if (currency !== expected) {
    return err({
      kind: 'invalid_input',
      field: 'currency',
      reason: 'currency_not_supported',
      message: `Regime ${regime} is computed in ${expected}, not ${currency}`,
    });
  }
  if (debtor === 'consumer') {
    const reference = 'CPCE L111-8 al. 2';
    return ok({ amountMinor: 0, currency, basis: 'none-consumer', reference });
  }
  switch (regime) {
    case 'fr-b2b':
      return ok({
        amountMinor: 4000,
        currency,
        basis: 'fr-indemnity-40',
        reference: 'C. com. L441-10 II, D441-5',
      });
    case 'eu':
      return ok({
        amountMinor: 4000,
        currency,
        basis: 'eu-compensation-40',
        reference: 'Directive 2011/7/EU art. 6',
      });
    case 'uk':
      return ok(ukFixedSum(principalMinor));
    case 'fr-legal':
      return ok({ amountMinor: 0, currency, basis: 'none-legal-interest', reference: 'C. civ. 1231-6' });
    default:
      return assertNever(regime);
  }
}
