import { mod97 } from './rf-reference.ts';

/** IBAN lengths of the SEPA countries we meet most; other countries are checked by the mod-97 rule only. */
const LENGTHS: Readonly<Record<string, number>> = {
  FR: 27,
  MC: 27,
  BE: 16,
  DE: 22,
  ES: 24,
  IT: 27,
  LU: 20,
  NL: 18,
  PT: 25,
  CH: 21,
  GB: 22,
  IE: 22,
  AT: 20,
};

/** The electronic form of an IBAN a person typed (spaces removed, upper case). */
export function compactIban(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** True for an IBAN with the right shape, country length and ISO 7064 mod 97-10 check digits. */
export function isValidIban(text: string): boolean {
  const iban = compactIban(text);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const length = LENGTHS[iban.slice(0, 2)];
  if (length !== undefined && iban.length !== length) return false;
  return mod97(`${iban.slice(4)}${iban.slice(0, 4)}`) === 1;
}

/** Grouped by four for reading ("FR76 3000 6000 0112 3456 7890 189"). */
export function formatIban(text: string): string {
  return (
    compactIban(text)
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}

/** A BIC: 8 or 11 characters, bank (4 letters), country (2 letters), location, optional branch. */
export function isValidBic(text: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(text.replace(/\s+/g, '').toUpperCase());
}

/** An IBAN from a country and a BBAN, with its mod 97-10 check digits (for demo and test data). */
export function makeIban(country: string, bban: string): string {
  const body = compactIban(bban);
  const check = 98 - mod97(`${body}${country.toUpperCase()}00`);
  return `${country.toUpperCase()}${String(check).padStart(2, '0')}${body}`;
}
