import { describe, expect, it } from 'vitest';
import { testTranslators } from '../../app/i18n/test-instance.ts';
import type { CaseInterest } from './engine-api.ts';
import {
  claimStatus,
  feesLabel,
  interestSituation,
  missingRateText,
  reasonNote,
  regimeText,
  semesterText,
} from './interest-view.ts';

const t = await testTranslators();

const invoice = (invoiceNumber: string, interestMinor: number, feesMinor: number) => ({
  invoiceNumber,
  regime: 'fr-b2b',
  from: '2026-03-31',
  days: 60,
  interestMinor,
  feesMinor,
});

const b2b: CaseInterest = {
  regime: 'fr-b2b',
  reason: 'b2b_late_payment',
  interestMinor: 2350,
  feesMinor: 8000,
  claimedInterestMinor: 2350,
  claimedFeesMinor: 8000,
  claims: [invoice('F-1', 1500, 4000), invoice('F-2', 850, 4000)],
  missing: null,
};

const missingRate = {
  kind: 'missing_rate',
  regime: 'fr-b2b',
  period: '2026-S2',
  table: 'ecb-mro',
  message:
    'No ecb-mro rate for 2026-S2 (regime fr-b2b): add it to packages/core/src/interest/rates/ecb-mro.json',
} as const;

describe('regimeText', () => {
  it.each([
    [
      'fr-b2b',
      'Retard de paiement entre professionnels (BCE + 10 points, C. com. L441-10)',
      'Late payment between businesses (ECB + 10 points, French Commercial Code L441-10)',
    ],
    [
      'fr-legal',
      'Taux de l’intérêt légal depuis la mise en demeure (C. mon. fin. L313-2)',
      'French legal interest rate since the formal notice',
    ],
    [
      'eu',
      'Directive européenne sur les retards de paiement (2011/7/UE, BCE + 8 points)',
      'EU directive on late payment (2011/7/EU, ECB + 8 points)',
    ],
    [
      'uk',
      'Loi britannique sur les retards de paiement (Late Payment Act 1998, Banque d’Angleterre + 8 points)',
      'UK Late Payment Act (Late Payment of Commercial Debts Act 1998, Bank of England + 8 points)',
    ],
  ] as const)('%s', (regime, french, english) => {
    expect(regimeText(regime, t.fr)).toBe(french);
    expect(regimeText(regime, t.en)).toBe(english);
  });

  it('names the fixed compensation of 40 € per late invoice', () => {
    expect(feesLabel('fr-b2b', t.fr)).toBe(
      'Indemnité forfaitaire pour frais de recouvrement (40\u00a0€ par facture en retard)',
    );
    expect(feesLabel('eu', t.en)).toBe('Fixed compensation for recovery costs (€40 per late invoice)');
  });
});

describe('claimStatus', () => {
  it.each([
    [2350, 2350, 'in_full'],
    [0, 0, 'in_full'],
    [2350, 0, 'not_claimed'],
    [8000, 4000, 'in_part'],
  ] as const)('law %d, claimed %d: %s', (law, claimed, status) => {
    expect(claimStatus(law, claimed)).toBe(status);
  });
});

describe('interestSituation', () => {
  it('gives one row for the interest and one for the fixed compensation, claimed in full', () => {
    expect(interestSituation(b2b)).toEqual({
      kind: 'amounts',
      regime: 'fr-b2b',
      lines: [
        { kind: 'interest', lawMinor: 2350, claimedMinor: 2350, claim: 'in_full' },
        { kind: 'fees', lawMinor: 8000, claimedMinor: 8000, claim: 'in_full' },
      ],
    });
  });

  it('tells what the creditor waives or keeps as a lever', () => {
    const situation = interestSituation({ ...b2b, claimedInterestMinor: 0, claimedFeesMinor: 0 });
    expect(situation.kind === 'amounts' && situation.lines.map((line) => line.claim)).toEqual([
      'not_claimed',
      'not_claimed',
    ]);
  });

  it('has no fixed compensation row for a consumer under the legal rate', () => {
    const consumer: CaseInterest = {
      ...b2b,
      regime: 'fr-legal',
      reason: 'legal_rate_since_formal_notice',
      feesMinor: 0,
      claimedFeesMinor: 0,
      claims: [{ ...invoice('F-1', 310, 0), regime: 'fr-legal' }],
      interestMinor: 310,
      claimedInterestMinor: 310,
    };
    expect(interestSituation(consumer)).toEqual({
      kind: 'amounts',
      regime: 'fr-legal',
      lines: [{ kind: 'interest', lawMinor: 310, claimedMinor: 310, claim: 'in_full' }],
    });
  });

  it('never turns a missing rate into amounts of zero', () => {
    const missing: CaseInterest = {
      ...b2b,
      interestMinor: 0,
      feesMinor: 0,
      claimedInterestMinor: 0,
      claimedFeesMinor: 0,
      claims: [],
      missing: missingRate,
    };
    expect(interestSituation(missing)).toEqual({
      kind: 'missing_rate',
      regime: 'fr-b2b',
      missing: missingRate,
    });
  });

  it('says why nothing is computed, and when nothing is late yet', () => {
    const none: CaseInterest = {
      ...b2b,
      regime: null,
      reason: 'no_formal_notice_yet',
      interestMinor: 0,
      feesMinor: 0,
      claimedInterestMinor: 0,
      claimedFeesMinor: 0,
      claims: [],
    };
    expect(interestSituation(none)).toEqual({ kind: 'no_regime', reason: 'no_formal_notice_yet' });
    expect(interestSituation({ ...b2b, claims: [] })).toEqual({ kind: 'nothing_late', regime: 'fr-b2b' });
  });
});

describe('the sentences', () => {
  it('explains a missing rate with the table and the semester in words', () => {
    expect(missingRateText(missingRate, t.fr)).toBe(
      'Le taux directeur de la BCE (opérations principales de refinancement) du second semestre 2026 manque dans les tables de taux\u00a0: les intérêts et indemnités de ce dossier ne peuvent pas encore être calculés. Ils seront affichés dès que le taux aura été ajouté.',
    );
    expect(missingRateText({ ...missingRate, table: 'fr-legal-rate', period: '2027-S1' }, t.en)).toBe(
      'The French legal interest rate for the first half of 2027 is missing from the rate tables: the interest and fees of this case cannot be computed yet. They will show as soon as the rate is added.',
    );
    expect(semesterText('2026-Q3', t.en)).toBe('2026-Q3');
  });

  it('tells that a consumer owes legal interest only from the formal notice, and never collection fees', () => {
    expect(reasonNote('no_formal_notice_yet', t.fr)).toBe(
      'Débiteur particulier\u00a0: l’intérêt au taux légal ne court qu’à partir de la mise en demeure, qui n’a pas encore été envoyée. Un particulier ne supporte jamais de frais de recouvrement.',
    );
    expect(reasonNote('no_formal_notice_yet', t.en)).toBe(
      'Consumer debtor: legal interest runs only from the formal notice, which has not been sent yet. Consumers are never charged collection fees.',
    );
    expect(reasonNote('b2b_late_payment', t.en)).toBeNull();
  });
});
