import type { TFunction } from 'i18next';
import type { CaseInterest, InterestReason, InterestRegime, MissingRate } from './engine-api.ts';

/** How much of what the law gives is claimed from the debtor. */
export type ClaimStatus = 'in_full' | 'in_part' | 'not_claimed';

/** One row of the amounts: late interest, or the fixed compensation for recovery costs. */
export type InterestLine = {
  readonly kind: 'interest' | 'fees';
  readonly lawMinor: number;
  readonly claimedMinor: number;
  readonly claim: ClaimStatus;
};

/** What the block shows: the amounts, a rate the tables lack, or why nothing is computed. */
export type InterestSituation =
  | { readonly kind: 'amounts'; readonly regime: InterestRegime; readonly lines: readonly InterestLine[] }
  | { readonly kind: 'nothing_late'; readonly regime: InterestRegime }
  | { readonly kind: 'missing_rate'; readonly regime: InterestRegime | null; readonly missing: MissingRate }
  | { readonly kind: 'no_regime'; readonly reason: InterestReason };

export function claimStatus(lawMinor: number, claimedMinor: number): ClaimStatus {
  if (claimedMinor >= lawMinor) return 'in_full';
  return claimedMinor <= 0 ? 'not_claimed' : 'in_part';
}

/** A consumer (French legal rate) is never charged a fixed compensation: no row for it. */
export function hasFees(regime: InterestRegime): boolean {
  return regime !== 'fr-legal';
}

/**
 * The situation of a case's interest. A missing rate wins over everything: the amounts are unknown then,
 * and a zero must never be shown as if it were the answer.
 */
export function interestSituation(interest: CaseInterest): InterestSituation {
  if (interest.missing) return { kind: 'missing_rate', regime: interest.regime, missing: interest.missing };
  const { regime } = interest;
  if (!regime) return { kind: 'no_regime', reason: interest.reason };
  if (interest.claims.length === 0) return { kind: 'nothing_late', regime };
  const lines: InterestLine[] = [
    {
      kind: 'interest',
      lawMinor: interest.interestMinor,
      claimedMinor: interest.claimedInterestMinor,
      claim: claimStatus(interest.interestMinor, interest.claimedInterestMinor),
    },
  ];
  if (hasFees(regime))
    lines.push({
      kind: 'fees',
      lawMinor: interest.feesMinor,
      claimedMinor: interest.claimedFeesMinor,
      claim: claimStatus(interest.feesMinor, interest.claimedFeesMinor),
    });
  return { kind: 'amounts', regime, lines };
}

/** The regime in words: "Retard de paiement entre professionnels (BCE + 10 points, C. com. L441-10)". */
export function regimeText(regime: InterestRegime, t: TFunction): string {
  return t(`engine.interest.regime.${regime}`);
}

/** What a regime's fixed compensation is: "Indemnité forfaitaire de recouvrement (40 € par facture en retard)". */
export function feesLabel(regime: InterestRegime, t: TFunction): string {
  return t(`engine.interest.fees.${regime}`);
}

/** Why no regime applies, or what is special about the one that does; null when the regime says it all. */
export function reasonNote(reason: InterestReason, t: TFunction): string | null {
  switch (reason) {
    case 'no_formal_notice_yet':
    case 'no_regime_for_country':
    case 'consumer_outside_b2b_law':
    case 'legal_rate_since_formal_notice':
      return t(`engine.interest.reason.${reason}`);
    default:
      return null;
  }
}

const SEMESTER = /^(\d{4})-S([12])$/;

/** '2026-S2' → "second semestre 2026" / "second half of 2026"; anything else as it is. */
export function semesterText(period: string, t: TFunction): string {
  const match = SEMESTER.exec(period);
  if (!match) return period;
  const [, year = '', half] = match;
  return half === '1'
    ? t('engine.interest.semester.first', { year })
    : t('engine.interest.semester.second', { year });
}

/** 'ecb-mro' → "taux directeur de la BCE"; an unknown table by its name. */
export function rateTableText(table: string, t: TFunction): string {
  switch (table) {
    case 'ecb-mro':
    case 'fr-legal-rate':
    case 'uk-boe-reference':
      return t(`engine.interest.table.${table}`);
    default:
      return table;
  }
}

/** "Le taux directeur de la BCE du second semestre 2026 manque dans les tables de taux…". */
export function missingRateText(missing: MissingRate, t: TFunction): string {
  return t('engine.interest.missing.text', {
    table: rateTableText(missing.table, t),
    period: semesterText(missing.period, t),
  });
}
