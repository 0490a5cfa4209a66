import { describe, expect, it } from 'vitest';
import { testTranslators } from '../../app/i18n/test-instance.ts';
import type { StrategySummary } from './api.ts';
import { ruleSentence, ruleText } from './assignment-text.ts';
import { conditionParts, conditionSentence, formatAmount } from './condition-text.ts';
import type { StrategyDefinition } from './definition.ts';
import { timingText } from './step-text.ts';

const t = await testTranslators();

const strategy = (key: string, fr: string, en: string) =>
  ({
    key,
    version: 1,
    caseCount: 0,
    createdAt: '',
    createdBy: null,
    definition: { key, name: { fr, en } },
  }) as unknown as StrategySummary;
const book = [
  strategy('b2b-standard', 'Relance B2B', 'B2B ladder'),
  strategy('b2c-senior', 'Particuliers seniors', 'Consumers — senior'),
];

describe('conditionSentence', () => {
  it.each([
    [undefined, 'Tous les dossiers', 'All cases'],
    [{}, 'Tous les dossiers', 'All cases'],
    [{ debtorKind: 'business' }, 'Entreprises', 'Businesses'],
    [
      { debtorKind: 'consumer', profile: ['senior'] },
      'Particuliers, profil senior',
      'Consumers, senior profile',
    ],
    [{ profile: ['active', 'senior'] }, 'Profils actif et senior', 'Active and senior profiles'],
    [
      { amount: { min: '1500.00', max: '10000' } },
      'Montant de 1\u00a0500 à 10\u00a0000',
      'Amount from 1,500 to 10,000',
    ],
    [{ amount: { min: '80.5' } }, 'Montant d’au moins 80,5', 'Amount of at least 80.5'],
    [{ ageDays: { min: 30, max: 90 } }, 'Retard de 30 à 90 jours', '30 to 90 days overdue'],
    [{ ageDays: { max: 1 } }, 'Retard d’au plus 1 jour', 'At most 1 day overdue'],
    [
      { tags: { any: ['vip', 'export'] } },
      'Une des étiquettes vip et export',
      'Tagged with any of vip and export',
    ],
    [{ brokenPromises: { min: 2 } }, 'Au moins 2 promesses non tenues', 'At least 2 broken promises'],
    [{ currency: ['EUR'], creditors: ['ACME'] }, 'Créanciers ACME, en EUR', 'Creditors ACME, in EUR'],
  ] as const)('%j', (condition, fr, en) => {
    expect(conditionSentence(condition, t.fr, 'fr')).toBe(fr);
    expect(conditionSentence(condition, t.en, 'en')).toBe(en);
  });

  it('gives the pieces in order', () => {
    expect(conditionParts({ amount: { max: '500' }, debtorKind: 'business' }, t.fr, 'fr')).toEqual([
      'entreprises',
      'montant d’au plus 500',
    ]);
  });

  it('shows a threshold that is not a plain amount as it is', () => {
    expect(formatAmount('12,5x', 'fr')).toBe('12,5x');
  });
});

describe('ruleText', () => {
  it('reads a rule as "segment → strategy" in the UI language', () => {
    const rule = {
      name: 'Entreprises / Businesses',
      when: { debtorKind: 'business' as const },
      strategy: 'b2b-standard',
    };
    expect(ruleSentence(ruleText(rule, book, t.fr, 'fr'))).toBe('Entreprises → Relance B2B');
    expect(ruleSentence(ruleText(rule, book, t.en, 'en'))).toBe('Businesses → B2B ladder');
  });

  it('marks a strategy that does not exist', () => {
    const text = ruleText({ when: {}, strategy: 'gone' }, book, t.fr, 'fr');
    expect(text).toEqual({ who: 'Tous les dossiers', strategy: 'gone (stratégie inconnue)', known: false });
  });
});

describe('timingText', () => {
  it.each([
    [{ after: 'due_date', days: -5 }, '5 jours avant l’échéance', '5 days before the due date'],
    [{ after: 'due_date', days: 0 }, 'le jour de l’échéance', 'on the due date'],
    [{ after: 'due_date', days: 1 }, '1 jour après l’échéance', '1 day after the due date'],
    [
      { after: 'previous_step', days: 7 },
      '7 jours après l’étape précédente',
      '7 days after the previous step',
    ],
    [
      { after: 'previous_step', days: 0 },
      'le même jour que l’étape précédente',
      'the same day as the previous step',
    ],
  ] as const)('%j', (at, fr, en) => {
    expect(timingText(at as StrategyDefinition['steps'][number]['at'], t.fr)).toBe(fr);
    expect(timingText(at as StrategyDefinition['steps'][number]['at'], t.en)).toBe(en);
  });
});
