import { DomainError } from '../shared/errors.ts';

export type { PhoneKind, PhoneNumber } from './phones.ts';
export { normalizePhone } from './phones.ts';

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** SIREN: 9 digits with a Luhn check digit (all zeros is never assigned). */
export function isValidSiren(text: string): boolean {
  return /^\d{9}$/.test(text) && text !== '000000000' && luhnValid(text);
}

const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE = '35600000000048';

/**
 * SIRET: a valid SIREN + 5-digit NIC, Luhn over the 14 digits. La Poste's establishments (SIREN 356000000)
 * do not follow Luhn: their digit sum is a multiple of 5 instead — except the head office, which is Luhn.
 */
export function isValidSiret(text: string): boolean {
  if (!/^\d{14}$/.test(text) || !isValidSiren(text.slice(0, 9))) return false;
  if (text.startsWith(LA_POSTE_SIREN) && text !== LA_POSTE_HEAD_OFFICE) {
    return [...text].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
  }
  return luhnValid(text);
}

function compactDigits(text: string): string {
  return text.replace(/[\s.-]/gu, '');
}

/** '732 829 320' → '732829320'; null unless 9 digits remain. The format only: check with `isValidSiren`. */
export function normalizeSiren(text: string): string | null {
  const compact = compactDigits(text);
  return /^\d{9}$/.test(compact) ? compact : null;
}

/** '732 829 320 00074' → '73282932000074'; null unless 14 digits remain. Check with `isValidSiret`. */
export function normalizeSiret(text: string): string | null {
  const compact = compactDigits(text);
  return /^\d{14}$/.test(compact) ? compact : null;
}

function frenchVatKey(siren: string): string {
  return String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0');
}

/** The French intra-community VAT number of a company: 'FR' + 2-digit key + SIREN. */
export function frenchVatNumber(siren: string): string {
  if (!/^\d{9}$/.test(siren)) throw new DomainError('invalid_input', `Not a SIREN: ${siren}`, { siren });
  return `FR${frenchVatKey(siren)}${siren}`;
}

const EU_VAT_PREFIXES = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'EL',
  'ES',
  'FI',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
  'XI',
]);

/**
 * An EU VAT number, spaces and dots ignored. French numbers with a numeric key are checked against the
 * SIREN; the newer alphanumeric French keys and other member states' numbers are checked for shape only
 * (country prefix + 2–13 letters or digits), as their check algorithms vary by country.
 */
export function isValidVatNumber(text: string): boolean {
  const compact = compactDigits(text).toUpperCase();
  if (compact.startsWith('FR')) {
    const m = /^FR([0-9A-HJ-NP-Z]{2})(\d{9})$/.exec(compact);
    if (!m) return false;
    const [, key = '', siren = ''] = m;
    return /^\d{2}$/.test(key) ? key === frenchVatKey(siren) : true;
  }
  return EU_VAT_PREFIXES.has(compact.slice(0, 2)) && /^[A-Z0-9]{2,13}$/.test(compact.slice(2));
}

const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/**
 * Trims, lowercases the domain (the local part is case-sensitive in theory, so it is kept) and checks a
 * practical subset of RFC 5321: an unquoted local part of at most 64 characters, a domain of at least two
 * labels ending with a top-level domain of letters. Null when it cannot be a deliverable address.
 */
export function normalizeEmail(text: string): string | null {
  const trimmed = text.trim().replace(/^mailto:/i, '');
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return null;
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1).toLowerCase();
  if (local.length > 64 || !EMAIL_LOCAL.test(local)) return null;
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) return null;
  if (!/^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/u.test(tld)) return null;
  const email = `${local}@${domain}`;
  return email.length <= 254 ? email : null;
}

function checkDigitFor(prefix: string, isValid: (candidate: string) => boolean): string {
  for (let d = 0; d <= 9; d++) {
    if (isValid(`${prefix}${d}`)) return `${prefix}${d}`;
  }
  throw new DomainError('invalid_input', `No check digit makes ${prefix} valid`, { prefix });
}

/** Appends the Luhn check digit to an 8-digit base (0 to 99 999 999): a valid SIREN, for demo data. */
export function generateSiren(base: number): string {
  if (!Number.isInteger(base) || base < 1 || base > 99_999_999) {
    throw new DomainError('invalid_input', `SIREN base must be an integer from 1 to 99999999: ${base}`, {
      base,
    });
  }
  return checkDigitFor(String(base).padStart(8, '0'), isValidSiren);
}

/** A valid SIRET for `siren` whose NIC starts with the 4 digits of `nic` (0 to 9999) plus a check digit. */
export function generateSiret(siren: string, nic: number): string {
  if (!isValidSiren(siren) || !Number.isInteger(nic) || nic < 0 || nic > 9999) {
    throw new DomainError('invalid_input', 'Needs a valid SIREN and a NIC base from 0 to 9999', {
      siren,
      nic,
    });
  }
  return checkDigitFor(`${siren}${String(nic).padStart(4, '0')}`, isValidSiret);
}
