import { describe, expect, it } from 'vitest';
import type { CollectabilityBlock, CollectabilityWarning } from './collectability.ts';
import { describeBlock, describeWarning } from './reasons.ts';

describe('describeBlock', () => {
  const cases: { block: CollectabilityBlock; fr: string; en: string }[] = [
    {
      block: { code: 'paid' },
      fr: 'Créance soldée : plus rien n’est dû',
      en: 'Paid in full: nothing is owed any more',
    },
    {
      block: { code: 'cancelled' },
      fr: 'Créance annulée : elle ne doit plus être réclamée',
      en: 'Cancelled: this claim must no longer be pursued',
    },
    {
      block: { code: 'non_positive_balance', outstandingMinor: 0, currency: 'EUR' },
      fr: 'Solde nul : il ne reste rien à recouvrer',
      en: 'Zero balance: nothing is left to collect',
    },
    {
      block: { code: 'non_positive_balance', outstandingMinor: -123456, currency: 'EUR' },
      fr: 'Solde créditeur de 1\u00a0234,56\u00a0€ : rien à recouvrer, un remboursement ou un avoir est peut-être dû au débiteur',
      en: 'Credit balance of €1,234.56: nothing to collect; a refund or credit note may be owed to the debtor',
    },
    {
      block: { code: 'disputed' },
      fr: 'Contestée par le débiteur : le recouvrement est suspendu jusqu’à la résolution du litige',
      en: 'Disputed by the debtor: collection is on hold until the dispute is resolved',
    },
    {
      block: { code: 'time_barred', prescriptionEnd: '2026-03-15', basis: 'consumer_2y' },
      fr: 'Prescrite depuis le 16/03/2026 (délai de 2 ans, C. conso. L218-2)',
      en: 'Time-barred since 16 Mar 2026 (2-year limitation period, C. conso. L218-2)',
    },
    {
      block: { code: 'time_barred', prescriptionEnd: '2029-02-28', basis: 'commercial_5y' },
      fr: 'Prescrite depuis le 01/03/2029 (délai de 5 ans, C. com. L110-4)',
      en: 'Time-barred since 1 Mar 2029 (5-year limitation period, C. com. L110-4)',
    },
    {
      block: { code: 'time_barred', prescriptionEnd: '2026-03-15' },
      fr: 'Prescrite depuis le 16/03/2026 : la créance ne peut plus être réclamée',
      en: 'Time-barred since 16 Mar 2026: the claim can no longer be pursued',
    },
    {
      block: { code: 'not_yet_due', dueDate: '2026-11-30', daysToDue: 8 },
      fr: 'Pas encore échue : échéance le 30/11/2026 (dans 8 jours) — seules des relances de courtoisie sont possibles',
      en: 'Not yet due: due on 30 Nov 2026 (in 8 days) — only courtesy reminders are allowed',
    },
    {
      block: { code: 'not_yet_due', dueDate: '2026-11-30', daysToDue: 1 },
      fr: 'Pas encore échue : échéance le 30/11/2026 (demain) — seules des relances de courtoisie sont possibles',
      en: 'Not yet due: due on 30 Nov 2026 (tomorrow) — only courtesy reminders are allowed',
    },
    {
      block: { code: 'not_yet_due', dueDate: '2026-11-30', daysToDue: 0 },
      fr: 'Pas encore échue : échéance le 30/11/2026 (aujourd’hui) — seules des relances de courtoisie sont possibles',
      en: 'Not yet due: due on 30 Nov 2026 (today) — only courtesy reminders are allowed',
    },
  ];
  it.each(cases)('$block.code: $en', ({ block, fr, en }) => {
    expect(describeBlock(block, 'fr')).toBe(fr);
    expect(describeBlock(block, 'en')).toBe(en);
  });
});

describe('describeWarning', () => {
  const cases: { warning: CollectabilityWarning; fr: RegExp; en: RegExp }[] = [
    { warning: { code: 'no_contact' }, fr: /^Aucun moyen de contact valide/, en: /^No valid contact/ },
    {
      warning: { code: 'partly_disputed', disputedMinor: 40_000, undisputedMinor: 60_000, currency: 'EUR' },
      fr: /^Contestée en partie : 400,00\s€ en litige ne sont pas réclamés ; le reste \(600,00\s€\) l’est toujours$/,
      en: /^Partly disputed: €400\.00 under dispute is not chased; the rest \(€600\.00\) still is$/,
    },
    {
      warning: { code: 'no_valid_email' },
      fr: /^Aucune adresse e-mail valide/,
      en: /^No valid e-mail address/,
    },
    {
      warning: { code: 'invalid_email' },
      fr: /adresse e-mail est invalide/,
      en: /e-mail address is invalid/,
    },
    {
      warning: { code: 'invalid_phone' },
      fr: /numéro de téléphone est invalide/,
      en: /phone number is invalid/,
    },
    { warning: { code: 'no_postal_address' }, fr: /^Aucune adresse postale/, en: /^No postal address/ },
    {
      warning: { code: 'prescription_soon', prescriptionEnd: '2026-03-15', daysLeft: 30 },
      fr: /^Prescription proche : dernier jour pour agir le 15\/03\/2026 \(dans 30 jours\)\. .*pas une mise en demeure$/,
      en: /^Limitation period ending: the last day to act is 15 Mar 2026 \(in 30 days\)\. .*not a formal notice$/,
    },
    {
      warning: { code: 'prescription_soon', prescriptionEnd: '2026-03-15', daysLeft: 0 },
      fr: /le 15\/03\/2026 \(aujourd’hui\)/,
      en: /15 Mar 2026 \(today\)/,
    },
  ];
  it.each(cases)('$warning.code', ({ warning, fr, en }) => {
    expect(describeWarning(warning, 'fr')).toMatch(fr);
    expect(describeWarning(warning, 'en')).toMatch(en);
  });

  it('fails loudly on an unknown code', () => {
    expect(() => describeWarning({ code: 'surprise' } as unknown as CollectabilityWarning, 'fr')).toThrow();
  });
});
