import { Exact, type ExactDecimal } from '../interest/decimal.ts';
import { daysBetween } from '../shared/dates.ts';
import { formatMoney } from '../shared/money.ts';
import type { CommissionRule } from './mandate.ts';

/** What the rule needs to know about the money an allocation line put on a claim. */
export type CommissionBasis = {
  /** The amount the line allocated (interest, fees or principal), in minor units, above zero. */
  readonly baseMinor: number;
  /** The claim's due date: the age of the debt is counted from it. */
  readonly dueDate: string;
  /** The day the claim was handed over to the agency (its placement). */
  readonly placedOn: string;
  /** The day the payment was received. */
  readonly receivedOn: string;
  /** The claim's amount as handed over: the amount bands read it. */
  readonly claimAmountMinor: number;
};

export type Commission = {
  readonly baseMinor: number;
  /** The rate that applied, percent, as written in the mandate. */
  readonly rate: string;
  readonly commissionMinor: number;
  readonly vatRate: string;
  readonly vatMinor: number;
  /** Which step of the rule applied: `flat`, `age:91-180`, `age:366+`, `amount:0-99999`, `amount:100000+`. */
  readonly step: string;
};

/**
 * The one rounding of agency money: to the minor unit, half up, once per allocation line — the commission on
 * the line's amount, then the VAT on that rounded commission. A statement adds up the rounded lines.
 */
export function roundToMinor(value: ExactDecimal): number {
  return value.toDecimalPlaces(0, Exact.ROUND_HALF_UP).toNumber();
}

/** The success fee, and its VAT, on the money one allocation line collected. */
export function computeCommission(rule: CommissionRule, vatRate: string, basis: CommissionBasis): Commission {
  const { rate, step } = selectRate(rule, basis);
  const commissionMinor = roundToMinor(new Exact(basis.baseMinor).times(rate).dividedBy(100));
  const vatMinor = roundToMinor(new Exact(commissionMinor).times(vatRate).dividedBy(100));
  return { baseMinor: basis.baseMinor, rate, commissionMinor, vatRate, vatMinor, step };
}

/** The age of the debt the rule looks at, in days after the due date (negative: not yet due). */
export function debtAge(measuredAt: 'placement' | 'payment', basis: CommissionBasis): number {
  return daysBetween(basis.dueDate, measuredAt === 'placement' ? basis.placedOn : basis.receivedOn);
}

/** The rate of the rule for this line, and the step that gave it. */
export function selectRate(
  rule: CommissionRule,
  basis: CommissionBasis,
): { readonly rate: string; readonly step: string } {
  if (rule.kind === 'flat') return { rate: rule.rate, step: 'flat' };
  if (rule.kind === 'age') {
    const starts = rule.bands.map((b) => b.fromDays);
    const i = bandIndex(starts, debtAge(rule.measuredAt, basis));
    return { rate: rule.bands[i]?.rate ?? '0', step: `age:${stepRange(starts, i)}` };
  }
  const starts = rule.bands.map((b) => b.fromMinor);
  const i = bandIndex(starts, basis.claimAmountMinor);
  return { rate: rule.bands[i]?.rate ?? '0', step: `amount:${stepRange(starts, i)}` };
}

/** The last band starting at or below the value; the first one for a value below every start. */
export function bandIndex(starts: readonly number[], value: number): number {
  let found = 0;
  starts.forEach((start, i) => {
    if (start <= value) found = i;
  });
  return found;
}

function stepRange(starts: readonly number[], i: number): string {
  const next = starts[i + 1];
  return next === undefined ? `${starts[i]}+` : `${starts[i]}-${next - 1}`;
}

/** A step as a person reads it: "Taux fixe", "Ancienneté de 91 à 365 jours", "Créance de 1 000,00 € et plus". */
export function describeCommissionStep(step: string, currency: string, locale: 'fr' | 'en'): string {
  const fr = locale === 'fr';
  if (step === 'flat') return fr ? 'Taux fixe' : 'Flat rate';
  const match = /^(age|amount):(-?\d+)(?:-(-?\d+)|\+)$/.exec(step);
  if (!match) return step;
  const [, kind, from = '0', to] = match;
  if (kind === 'age') {
    if (to === undefined)
      return fr ? `Ancienneté de ${from} jours et plus` : `Debt age ${from} days and over`;
    return fr ? `Ancienneté de ${from} à ${to} jours` : `Debt age ${from} to ${to} days`;
  }
  const show = (n: string) => formatMoney(Number(n), currency, locale);
  if (to === undefined) return fr ? `Créance de ${show(from)} et plus` : `Claim of ${show(from)} and over`;
  return fr ? `Créance de ${show(from)} à ${show(to)}` : `Claim of ${show(from)} to ${show(to)}`;
}
