import { describe, expect, it } from 'vitest';
import {
  englishNumber,
  frenchNumber,
  spokenAmount,
  spokenDate,
} from '../../../src/channels/voice/ivr/spoken-amounts.ts';

describe('numbers said in French', () => {
  it.each([
    [0, 'zéro'],
    [1, 'un'],
    [16, 'seize'],
    [17, 'dix-sept'],
    [21, 'vingt et un'],
    [22, 'vingt-deux'],
    [61, 'soixante et un'],
    [70, 'soixante-dix'],
    [71, 'soixante et onze'],
    [77, 'soixante-dix-sept'],
    [80, 'quatre-vingts'],
    [81, 'quatre-vingt-un'],
    [91, 'quatre-vingt-onze'],
    [99, 'quatre-vingt-dix-neuf'],
    [100, 'cent'],
    [101, 'cent un'],
    [200, 'deux cents'],
    [201, 'deux cent un'],
    [280, 'deux cent quatre-vingts'],
    [1000, 'mille'],
    [1001, 'mille un'],
    [1234, 'mille deux cent trente-quatre'],
    [2000, 'deux mille'],
    [80_000, 'quatre-vingt mille'],
    [200_000, 'deux cent mille'],
    [1_000_000, 'un million'],
    [2_000_080, 'deux millions quatre-vingts'],
    [80_000_000, 'quatre-vingts millions'],
    [1_000_000_000, 'un milliard'],
  ])('%i → %s', (n, words) => {
    expect(frenchNumber(n)).toBe(words);
  });
});

describe('numbers said in English', () => {
  it.each([
    [0, 'zero'],
    [13, 'thirteen'],
    [40, 'forty'],
    [42, 'forty-two'],
    [100, 'one hundred'],
    [1234, 'one thousand two hundred thirty-four'],
    [1_000_001, 'one million one'],
  ])('%i → %s', (n, words) => {
    expect(englishNumber(n)).toBe(words);
  });
});

describe('amounts', () => {
  it.each([
    [123450, 'EUR', 'fr', 'mille deux cent trente-quatre euros et cinquante centimes'],
    [123450, 'EUR', 'en', 'one thousand two hundred thirty-four euros and fifty cents'],
    [100, 'EUR', 'fr', 'un euro'],
    [101, 'EUR', 'fr', 'un euro et un centime'],
    [50, 'EUR', 'fr', 'cinquante centimes'],
    [8000, 'EUR', 'fr', 'quatre-vingts euros'],
    [200_000_000, 'EUR', 'fr', 'deux millions d’euros'],
    [1999, 'GBP', 'en', 'nineteen pounds and ninety-nine pence'],
    [1500, 'JPY', 'fr', 'mille cinq cents JPY'],
  ] as const)('%i %s (%s) → %s', (minor, currency, locale, words) => {
    expect(spokenAmount(minor, currency, locale)).toBe(words);
  });

  it('dates are said with the month in words', () => {
    expect(spokenDate('2026-04-16', 'fr')).toBe('16 avril 2026');
    expect(spokenDate('2026-05-01', 'fr')).toBe('1er mai 2026');
    expect(spokenDate('2026-04-16', 'en')).toBe('16 April 2026');
  });

  it('refuses what it cannot say', () => {
    expect(() => frenchNumber(-1)).toThrow(RangeError);
    expect(() => englishNumber(1.5)).toThrow(RangeError);
  });
});
