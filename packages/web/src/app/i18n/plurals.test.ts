import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import { addFormatters } from './formatters.ts';
import fr from './fr.json' with { type: 'json' };

const i18n = i18next.createInstance();
await i18n.init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: 'fr',
  interpolation: { escapeValue: false },
});
addFormatters(i18n);

describe('plurals', () => {
  it('uses the singular for 0 and 1 in French', () => {
    const fixedT = i18n.getFixedT('fr');
    expect(fixedT('portfolio.totals.cases', { count: 0 })).toBe('0 dossier');
    expect(fixedT('portfolio.totals.cases', { count: 1 })).toBe('1 dossier');
    expect(fixedT('portfolio.totals.cases', { count: 2 })).toBe('2 dossiers');
    expect(fixedT('portfolio.totals.cases', { count: 1_000_000 })).toBe('1\u00a0000\u00a0000 dossiers');
  });

  it('uses the plural for 0 in English', () => {
    const fixedT = i18n.getFixedT('en');
    expect(fixedT('portfolio.totals.cases', { count: 0 })).toBe('0 cases');
    expect(fixedT('portfolio.totals.cases', { count: 1 })).toBe('1 case');
    expect(fixedT('portfolio.totals.cases', { count: 12_345 })).toBe('12,345 cases');
  });
});
