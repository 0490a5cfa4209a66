import { minorUnitDigits } from '@relance/core';
import type { Locale } from '../../../db/schema.ts';

/**
 * Amounts, numbers and dates as a voice reads them: "mille deux cent trente-quatre euros et cinquante centimes",
 * "one thousand two hundred thirty-four euros and fifty cents". Text-to-speech reads "1 234,50 €" badly (or as
 * "un deux trois quatre"), so the IVR says the words. Written for integers below a thousand billions.
 */

const FR_UNITS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
  'dix-sept',
  'dix-huit',
  'dix-neuf',
] as const;
const FR_TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'] as const;

/** 0–99 in French: "vingt et un", "soixante et onze", "quatre-vingts", "quatre-vingt-dix-neuf". */
function frBelowHundred(n: number, final: boolean): string {
  if (n < 20) return FR_UNITS[n] ?? '';
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (tens === 7 || tens === 9) {
    const base = tens === 7 ? 'soixante' : 'quatre-vingt';
    const rest = 10 + unit;
    return tens === 7 && unit === 1 ? 'soixante et onze' : `${base}-${FR_UNITS[rest]}`;
  }
  if (tens === 8)
    return unit === 0 ? (final ? 'quatre-vingts' : 'quatre-vingt') : `quatre-vingt-${FR_UNITS[unit]}`;
  const word = FR_TENS[tens] ?? '';
  if (unit === 0) return word;
  if (unit === 1) return `${word} et un`;
  return `${word}-${FR_UNITS[unit]}`;
}

/** 0–999; `final`: nothing follows that stops the plural of "cents" / "quatre-vingts" (mille does). */
function frBelowThousand(n: number, final: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (hundreds === 1) words.push('cent');
  else if (hundreds > 1) words.push(`${FR_UNITS[hundreds]} ${rest === 0 && final ? 'cents' : 'cent'}`);
  if (rest > 0 || hundreds === 0) words.push(frBelowHundred(rest, final));
  return words.join(' ');
}

/** A whole number in French words (traditional spelling: hyphens below a hundred). */
export function frenchNumber(n: number): string {
  assertSpeakable(n);
  if (n === 0) return 'zéro';
  const billions = Math.floor(n / 1_000_000_000);
  const millions = Math.floor(n / 1_000_000) % 1000;
  const thousands = Math.floor(n / 1000) % 1000;
  const rest = n % 1000;
  const words: string[] = [];
  // "Million" and "milliard" are nouns: "deux millions", "quatre-vingts millions".
  if (billions > 0) words.push(`${frBelowThousand(billions, true)} milliard${billions > 1 ? 's' : ''}`);
  if (millions > 0) words.push(`${frBelowThousand(millions, true)} million${millions > 1 ? 's' : ''}`);
  // "Mille" is invariable and takes no "un": "mille", "deux mille", "quatre-vingt mille".
  if (thousands === 1) words.push('mille');
  else if (thousands > 1) words.push(`${frBelowThousand(thousands, false)} mille`);
  if (rest > 0) words.push(frBelowThousand(rest, true));
  return words.join(' ');
}

const EN_UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;
const EN_TENS = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
] as const;

function enBelowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (hundreds > 0) words.push(`${EN_UNITS[hundreds]} hundred`);
  if (rest > 0 || hundreds === 0) {
    if (rest < 20) words.push(EN_UNITS[rest] ?? '');
    else {
      const unit = rest % 10;
      const tens = EN_TENS[Math.floor(rest / 10)] ?? '';
      words.push(unit === 0 ? tens : `${tens}-${EN_UNITS[unit]}`);
    }
  }
  return words.join(' ');
}

/** A whole number in English words ("one thousand two hundred thirty-four"). */
export function englishNumber(n: number): string {
  assertSpeakable(n);
  if (n === 0) return 'zero';
  const groups: [number, string][] = [
    [Math.floor(n / 1_000_000_000), 'billion'],
    [Math.floor(n / 1_000_000) % 1000, 'million'],
    [Math.floor(n / 1000) % 1000, 'thousand'],
    [n % 1000, ''],
  ];
  return groups
    .filter(([value]) => value > 0)
    .map(([value, name]) => (name ? `${enBelowThousand(value)} ${name}` : enBelowThousand(value)))
    .join(' ');
}

function assertSpeakable(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1_000_000_000_000) {
    throw new RangeError(`Cannot say ${n} in words`);
  }
}

export function spokenNumber(n: number, locale: Locale): string {
  return locale === 'fr' ? frenchNumber(n) : englishNumber(n);
}

type UnitNames = {
  readonly one: string;
  readonly many: string;
  readonly minorOne: string;
  readonly minorMany: string;
};

const UNITS: Readonly<Record<string, Readonly<Record<Locale, UnitNames>>>> = {
  EUR: {
    fr: { one: 'euro', many: 'euros', minorOne: 'centime', minorMany: 'centimes' },
    en: { one: 'euro', many: 'euros', minorOne: 'cent', minorMany: 'cents' },
  },
  USD: {
    fr: { one: 'dollar', many: 'dollars', minorOne: 'cent', minorMany: 'cents' },
    en: { one: 'dollar', many: 'dollars', minorOne: 'cent', minorMany: 'cents' },
  },
  GBP: {
    fr: { one: 'livre sterling', many: 'livres sterling', minorOne: 'penny', minorMany: 'pence' },
    en: { one: 'pound', many: 'pounds', minorOne: 'penny', minorMany: 'pence' },
  },
  CHF: {
    fr: { one: 'franc suisse', many: 'francs suisses', minorOne: 'centime', minorMany: 'centimes' },
    en: { one: 'Swiss franc', many: 'Swiss francs', minorOne: 'centime', minorMany: 'centimes' },
  },
};

/**
 * An amount of minor units said in words: 123450 EUR → "mille deux cent trente-quatre euros et cinquante
 * centimes" / "one thousand two hundred thirty-four euros and fifty cents"; 2000000 EUR → "deux millions
 * d'euros"; 50 EUR → "cinquante centimes". A currency without names here is said as a number and its code.
 */
export function spokenAmount(amountMinor: number, currency: string, locale: Locale): string {
  const digits = minorUnitDigits(currency);
  const scale = 10 ** digits;
  const major = Math.floor(amountMinor / scale);
  const minor = amountMinor % scale;
  const names = UNITS[currency]?.[locale];
  const and = locale === 'fr' ? 'et' : 'and';
  if (!names) {
    const whole = spokenNumber(major, locale);
    return minor === 0
      ? `${whole} ${currency}`
      : `${whole} ${currency} ${and} ${spokenNumber(minor, locale)}`;
  }
  const majorWords =
    major === 1
      ? `${spokenNumber(1, locale)} ${names.one}`
      : locale === 'fr' && major >= 1_000_000 && major % 1_000_000 === 0
        ? `${frenchNumber(major)} d’${names.many}`
        : `${spokenNumber(major, locale)} ${names.many}`;
  const minorWords = `${spokenNumber(minor, locale)} ${minor === 1 ? names.minorOne : names.minorMany}`;
  if (minor === 0) return majorWords;
  if (major === 0) return minorWords;
  return `${majorWords} ${and} ${minorWords}`;
}

const FR_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** 2026-04-16 → "16 avril 2026" / "16 April 2026" ("1er" for the first of the month in French). */
export function spokenDate(isoDate: string, locale: Locale): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  if (locale === 'fr') return `${day === 1 ? '1er' : day} ${FR_MONTHS[month - 1]} ${year}`;
  return `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** Keys said one by one, for a code the caller must note: "4 8 3 9 2 0". */
export function spokenDigits(digits: string): string {
  return digits.split('').join(' ');
}
