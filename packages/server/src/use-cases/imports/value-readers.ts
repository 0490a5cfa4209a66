import { isCurrencyCode } from '@relance/core';
import type { DebtorKind, Locale } from '../../db/schema.ts';

/** Case- and accent-insensitive key: 'Société Générale ' → 'societe generale'. */
export function looseKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const TRUE_WORDS = new Set([
  'oui',
  'o',
  'yes',
  'y',
  '1',
  'true',
  'vrai',
  'x',
  'litige',
  'conteste',
  'disputed',
]);
const FALSE_WORDS = new Set(['non', 'n', 'no', '0', 'false', 'faux', '-', 'aucun', 'none']);

/** 'oui'/'non', 'yes'/'no', '1'/'0', 'true'/'false', 'x' → boolean; anything else → null. */
export function readFlag(text: string): boolean | null {
  const key = looseKey(text);
  if (key === '' || FALSE_WORDS.has(key) || text.trim() === '-') return false;
  if (TRUE_WORDS.has(key)) return true;
  return null;
}

const BUSINESS_WORDS = new Set([
  'b2b',
  'business',
  'pro',
  'professionnel',
  'professionnelle',
  'professional',
  'entreprise',
  'societe',
  'company',
  'pm',
  'personne morale',
  'morale',
  'commercial',
  'merchant',
  'commercant',
]);
const CONSUMER_WORDS = new Set([
  'b2c',
  'consumer',
  'particulier',
  'particuliers',
  'individual',
  'private',
  'personne physique',
  'physique',
  'pp',
  'consommateur',
  'client particulier',
]);

export function readDebtorKind(text: string): DebtorKind | null {
  const key = looseKey(text);
  if (BUSINESS_WORDS.has(key)) return 'business';
  if (CONSUMER_WORDS.has(key)) return 'consumer';
  return null;
}

// Legal forms and words that only companies and public bodies carry in their names.
const COMPANY_NAME =
  /\b(sa|sas|sasu|sarl|eurl|sci|snc|scop|scm|scp|selarl|selas|gie|gaec|eirl|sca|gmbh|ltd|limited|llc|llp|inc|corp|corporation|plc|bv|nv|ag|spa|srl|sl|oy|ab|societe|ste|company|group|groupe|holding|association|mairie|commune|cabinet|etablissements|ets)\b/;

/** A name that reads like a company's: 'Dupont SAS', 'ACME Ltd', 'Société Générale', 'SCI Les Tilleuls'. */
export function looksLikeCompany(name: string): boolean {
  return COMPANY_NAME.test(looseKey(name));
}

const LANGUAGES: Readonly<Record<string, Locale>> = {
  fr: 'fr',
  fra: 'fr',
  fre: 'fr',
  francais: 'fr',
  french: 'fr',
  'fr fr': 'fr',
  'fr be': 'fr',
  'fr ch': 'fr',
  en: 'en',
  eng: 'en',
  anglais: 'en',
  english: 'en',
  'en gb': 'en',
  'en us': 'en',
};

export function readLanguage(text: string): Locale | null {
  return LANGUAGES[looseKey(text)] ?? null;
}

const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  france: 'FR',
  belgique: 'BE',
  belgium: 'BE',
  suisse: 'CH',
  switzerland: 'CH',
  luxembourg: 'LU',
  monaco: 'MC',
  allemagne: 'DE',
  germany: 'DE',
  espagne: 'ES',
  spain: 'ES',
  italie: 'IT',
  italy: 'IT',
  'royaume uni': 'GB',
  'united kingdom': 'GB',
  uk: 'GB',
  'pays bas': 'NL',
  netherlands: 'NL',
  portugal: 'PT',
  irlande: 'IE',
  ireland: 'IE',
  autriche: 'AT',
  austria: 'AT',
};

/** 'FR', 'fr', 'France', 'Belgique' → ISO 3166 alpha-2; anything else is kept as written. */
export function readCountry(text: string): string {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return trimmed.toUpperCase();
  return COUNTRY_NAMES[looseKey(trimmed)] ?? trimmed;
}

const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  '€': 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  $: 'USD',
  us$: 'USD',
  dollar: 'USD',
  '£': 'GBP',
  chf: 'CHF',
  'fr.': 'CHF',
  fcfa: 'XOF',
  'f cfa': 'XOF',
  xpf: 'XPF',
};

/** 'EUR', 'eur', '€', 'euros' → 'EUR'; null when it is not a currency. */
export function readCurrency(text: string): string | null {
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (isCurrencyCode(upper)) return upper;
  return CURRENCY_WORDS[trimmed.toLowerCase()] ?? null;
}

const OVERSEAS_ZONES: readonly (readonly [string, string])[] = [
  ['971', 'America/Guadeloupe'],
  ['972', 'America/Martinique'],
  ['973', 'America/Cayenne'],
  ['974', 'Indian/Reunion'],
  ['975', 'America/Miquelon'],
  ['976', 'Indian/Mayotte'],
  ['977', 'America/St_Barthelemy'],
  ['978', 'America/Marigot'],
  ['987', 'Pacific/Tahiti'],
  ['988', 'Pacific/Noumea'],
];

/** The debtor's time zone, for calling hours: overseas departments by postal code, else Paris. */
export function timeZoneFor(postalCode: string | null, country: string | null): string {
  if (postalCode && (country === null || country === 'FR')) {
    for (const [prefix, zone] of OVERSEAS_ZONES) if (postalCode.startsWith(prefix)) return zone;
  }
  return 'Europe/Paris';
}
