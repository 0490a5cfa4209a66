import { isIsoDate } from '../shared/dates.ts';

/**
 * An agency's mandate from one client (CPCE R124-3): the written agreement that gives the agency the power to
 * receive payments, says what it collects, how its fee is determined (payable by the creditor) and how the
 * money collected is remitted. Stored per client creditor; the commission of each payment is computed with
 * the mandate in force when the payment is booked, and kept with it.
 */
export type MandateTerms = {
  readonly signedOn: string;
  readonly commission: CommissionRule;
  /** VAT on the commission, percent as an exact decimal string ("20"); "0" when none applies. */
  readonly vatRate: string;
  /** 'deduct': the agency keeps its fee from what it remits; 'invoice': it remits everything and bills its fee. */
  readonly feeSettlement: FeeSettlement;
  /** Keys of the strategies the agency may run for this client. */
  readonly allowedStrategies: readonly string[];
  readonly planLimits: { readonly maxInstalments: number; readonly minInstalmentMinor: number };
  readonly remittance: { readonly frequency: RemittanceFrequency; readonly delayDays: number };
  /** R124-3 1°: what the client hands over (the basis of the sums), as the agreement words it. */
  readonly scope: string;
  /** R124-3: the agreement gives the agency the power to receive payments; without it nothing is collected. */
  readonly powerToReceiveFunds: boolean;
};

export type FeeSettlement = 'deduct' | 'invoice';
export const FEE_SETTLEMENTS: readonly FeeSettlement[] = ['deduct', 'invoice'];

export type RemittanceFrequency = 'monthly' | 'fortnightly' | 'weekly';
export const REMITTANCE_FREQUENCIES: readonly RemittanceFrequency[] = ['monthly', 'fortnightly', 'weekly'];

/** R124-6: the money collected is remitted within one month; the delay after a period's end is at most 30 days. */
export const MAX_REMITTANCE_DELAY_DAYS = 30;

/** Rates are percentages as exact decimal strings: "15", "12.5", "7.25". */
export type AgeBand = { readonly fromDays: number; readonly rate: string };
export type AmountBand = { readonly fromMinor: number; readonly rate: string };

/**
 * How the success fee of an allocated amount is found:
 * - `flat`: one rate;
 * - `age`: by the age of the debt in days (from the claim's due date) at its placement or at the payment, the
 *   band whose `fromDays` is the highest one not above the age (an age below the first band takes the first);
 * - `amount`: by the claim's amount (the invoice as handed over), the band whose `fromMinor` is the highest
 *   one not above it.
 */
export type CommissionRule =
  | { readonly kind: 'flat'; readonly rate: string }
  | { readonly kind: 'age'; readonly measuredAt: AgeMeasure; readonly bands: readonly AgeBand[] }
  | { readonly kind: 'amount'; readonly bands: readonly AmountBand[] };

export type AgeMeasure = 'placement' | 'payment';

export type MandateIssueCode =
  | 'signed_on_invalid'
  | 'rate_invalid'
  | 'bands_empty'
  | 'bands_must_start_at_zero'
  | 'bands_not_increasing'
  | 'vat_rate_invalid'
  | 'strategies_empty'
  | 'max_instalments_invalid'
  | 'min_instalment_invalid'
  | 'frequency_invalid'
  | 'delay_invalid'
  | 'scope_missing'
  | 'power_to_receive_funds_missing';

export type MandateIssue = { readonly field: string; readonly code: MandateIssueCode };

const RATE = /^\d{1,3}(\.\d{1,4})?$/;

/** A percentage from 0 to 100 with at most four decimals, written with a dot. */
export function isRate(text: string): boolean {
  return RATE.test(text) && Number(text) <= 100;
}

/** Everything wrong with a mandate's terms, each with the field it concerns; empty when they can be saved. */
export function checkMandate(terms: MandateTerms): readonly MandateIssue[] {
  const issues: MandateIssue[] = [];
  const add = (field: string, code: MandateIssueCode) => issues.push({ field, code });
  if (!isIsoDate(terms.signedOn)) add('signedOn', 'signed_on_invalid');
  issues.push(...checkRule(terms.commission));
  if (!isRate(terms.vatRate)) add('vatRate', 'vat_rate_invalid');
  if (terms.allowedStrategies.length === 0 || terms.allowedStrategies.some((s) => s.trim() === '')) {
    add('allowedStrategies', 'strategies_empty');
  }
  const { maxInstalments, minInstalmentMinor } = terms.planLimits;
  if (!Number.isInteger(maxInstalments) || maxInstalments < 1 || maxInstalments > 120) {
    add('planLimits.maxInstalments', 'max_instalments_invalid');
  }
  if (!Number.isSafeInteger(minInstalmentMinor) || minInstalmentMinor < 0) {
    add('planLimits.minInstalmentMinor', 'min_instalment_invalid');
  }
  if (!REMITTANCE_FREQUENCIES.includes(terms.remittance.frequency)) {
    add('remittance.frequency', 'frequency_invalid');
  }
  const delay = terms.remittance.delayDays;
  if (!Number.isInteger(delay) || delay < 0 || delay > MAX_REMITTANCE_DELAY_DAYS) {
    add('remittance.delayDays', 'delay_invalid');
  }
  if (terms.scope.trim() === '') add('scope', 'scope_missing');
  if (!terms.powerToReceiveFunds) add('powerToReceiveFunds', 'power_to_receive_funds_missing');
  return issues;
}

function checkRule(rule: CommissionRule): readonly MandateIssue[] {
  if (rule.kind === 'flat') {
    return isRate(rule.rate) ? [] : [{ field: 'commission.rate', code: 'rate_invalid' }];
  }
  const starts = rule.kind === 'age' ? rule.bands.map((b) => b.fromDays) : rule.bands.map((b) => b.fromMinor);
  const issues: MandateIssue[] = [];
  if (rule.bands.length === 0) return [{ field: 'commission.bands', code: 'bands_empty' }];
  if (starts[0] !== 0) issues.push({ field: 'commission.bands.0', code: 'bands_must_start_at_zero' });
  starts.forEach((start, i) => {
    const previous = starts[i - 1];
    if (!Number.isSafeInteger(start) || (previous !== undefined && start <= previous)) {
      issues.push({ field: `commission.bands.${i}`, code: 'bands_not_increasing' });
    }
  });
  rule.bands.forEach((band, i) => {
    if (!isRate(band.rate)) issues.push({ field: `commission.bands.${i}.rate`, code: 'rate_invalid' });
  });
  return issues;
}

const ISSUE_TEXTS: Readonly<Record<MandateIssueCode, { readonly fr: string; readonly en: string }>> = {
  signed_on_invalid: {
    fr: 'La date de signature doit être une date AAAA-MM-JJ.',
    en: 'The signing date must be a YYYY-MM-DD date.',
  },
  rate_invalid: {
    fr: 'Un taux est un pourcentage de 0 à 100, quatre décimales au plus (« 15 », « 12.5 »).',
    en: 'A rate is a percentage from 0 to 100 with at most four decimals ("15", "12.5").',
  },
  bands_empty: { fr: 'Le barème doit avoir au moins une tranche.', en: 'The scale needs at least one band.' },
  bands_must_start_at_zero: {
    fr: 'La première tranche du barème commence à 0.',
    en: 'The first band of the scale starts at 0.',
  },
  bands_not_increasing: {
    fr: 'Les tranches du barème commencent chacune plus haut que la précédente (nombres entiers).',
    en: 'Each band of the scale starts above the previous one (whole numbers).',
  },
  vat_rate_invalid: {
    fr: 'Le taux de TVA sur la commission est un pourcentage de 0 à 100.',
    en: 'The VAT rate on the commission is a percentage from 0 to 100.',
  },
  strategies_empty: {
    fr: 'Le mandat autorise au moins un scénario de relance.',
    en: 'The mandate allows at least one strategy.',
  },
  max_instalments_invalid: {
    fr: 'Le nombre maximal d’échéances est un entier de 1 à 120.',
    en: 'The largest number of instalments is a whole number from 1 to 120.',
  },
  min_instalment_invalid: {
    fr: 'L’échéance minimale est un montant positif ou nul, en centimes.',
    en: 'The smallest instalment is an amount of zero or more, in cents.',
  },
  frequency_invalid: {
    fr: 'Le reversement est mensuel, bimensuel ou hebdomadaire.',
    en: 'Remittance is monthly, fortnightly or weekly.',
  },
  delay_invalid: {
    fr: `Le délai de reversement après la fin de la période est de 0 à ${MAX_REMITTANCE_DELAY_DAYS} jours (CPCE R124-6 : un mois).`,
    en: `The remittance delay after the period's end is 0 to ${MAX_REMITTANCE_DELAY_DAYS} days (CPCE R124-6: one month).`,
  },
  scope_missing: {
    fr: 'Le mandat dit ce qui est confié à l’agence (CPCE R124-3 1°).',
    en: 'The mandate says what is entrusted to the agency (CPCE R124-3 1°).',
  },
  power_to_receive_funds_missing: {
    fr: 'Le mandat doit donner à l’agence le pouvoir de recevoir les fonds (CPCE R124-3).',
    en: 'The mandate must give the agency the power to receive funds (CPCE R124-3).',
  },
};

/** An issue in French or English, for the person who typed the mandate. */
export function describeMandateIssue(issue: MandateIssue, locale: 'fr' | 'en'): string {
  return ISSUE_TEXTS[issue.code][locale];
}
