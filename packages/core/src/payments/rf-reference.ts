/**
 * ISO 11649 structured creditor reference ("RF" + two check digits + up to 21 letters or digits): the
 * reference a debtor copies into a transfer so that the payment finds its case. Check digits are ISO 7064
 * mod 97-10, letters counting A=10 … Z=35, computed over body + "RF00" as for an IBAN.
 */

const BODY = /^[A-Z0-9]{1,21}$/;

/** The electronic form ("RF18539007547034") of a body of 1 to 21 letters or digits, spaces and case ignored. */
export function makeRfReference(body: string): string {
  const clean = compact(body);
  if (!BODY.test(clean)) {
    throw new RangeError(`An RF reference body is 1 to 21 letters or digits, not "${body}"`);
  }
  const check = 98 - mod97(`${clean}RF00`);
  return `RF${String(check).padStart(2, '0')}${clean}`;
}

/** True for a well-formed reference with right check digits; accepts spaces and any case. */
export function isValidRfReference(text: string): boolean {
  const clean = compact(text);
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(clean)) return false;
  return mod97(`${clean.slice(4)}${clean.slice(0, 4)}`) === 1;
}

/** The printed form, grouped by four ("RF18 5390 0754 7034"). */
export function formatRfReference(text: string): string {
  return (
    compact(text)
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}

/** Removes spaces and upper-cases: the electronic form of what a person typed. */
export function compactRfReference(text: string): string {
  return compact(text);
}

function compact(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** ISO 7064 mod 97 of an alphanumeric string, letters expanded to two digits, computed piecewise. */
export function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const char of alphanumeric) {
    const code = char.charCodeAt(0);
    const digits = code >= 65 && code <= 90 ? String(code - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}
