export type PhoneKind = 'mobile' | 'landline' | 'other';
export type PhoneNumber = { readonly e164: string; readonly kind: PhoneKind };

/** Countries that share the French 10-digit numbering plan ('0…' nationally). */
const FRENCH_PLAN = new Set(['FR', 'GP', 'GF', 'MQ', 'RE', 'YT', 'BL', 'MF']);

type Overseas = { readonly prefix: string; readonly countryCode: string; readonly kind: PhoneKind };

/** Overseas departments: national prefix → international code (ARCEP numbering plan). */
const OVERSEAS: readonly Overseas[] = [
  { prefix: '0590', countryCode: '590', kind: 'landline' }, // Guadeloupe, Saint-Martin, Saint-Barthélemy
  { prefix: '0690', countryCode: '590', kind: 'mobile' },
  { prefix: '0691', countryCode: '590', kind: 'mobile' },
  { prefix: '0594', countryCode: '594', kind: 'landline' }, // Guyane
  { prefix: '0694', countryCode: '594', kind: 'mobile' },
  { prefix: '0596', countryCode: '596', kind: 'landline' }, // Martinique
  { prefix: '0696', countryCode: '596', kind: 'mobile' },
  { prefix: '0697', countryCode: '596', kind: 'mobile' },
  { prefix: '0262', countryCode: '262', kind: 'landline' }, // La Réunion
  { prefix: '0692', countryCode: '262', kind: 'mobile' },
  { prefix: '0693', countryCode: '262', kind: 'mobile' },
  { prefix: '0269', countryCode: '262', kind: 'landline' }, // Mayotte
  { prefix: '0639', countryCode: '262', kind: 'mobile' },
];
const OVERSEAS_CODES = ['590', '594', '596', '262'];

/** Other countries a national number may be given for: calling code, and whether a leading 0 is dropped. */
const CALLING_CODES: Readonly<Record<string, { readonly code: string; readonly trunkZero: boolean }>> = {
  AT: { code: '43', trunkZero: true },
  BE: { code: '32', trunkZero: true },
  CH: { code: '41', trunkZero: true },
  DE: { code: '49', trunkZero: true },
  ES: { code: '34', trunkZero: false },
  GB: { code: '44', trunkZero: true },
  IE: { code: '353', trunkZero: true },
  IT: { code: '39', trunkZero: false },
  LU: { code: '352', trunkZero: false },
  MC: { code: '377', trunkZero: false },
  NL: { code: '31', trunkZero: true },
  PT: { code: '351', trunkZero: false },
};

/** A French national number '0XXXXXXXXX' (metropolitan or overseas) in E.164, with its kind. */
function fromFrenchNational(national: string): PhoneNumber | null {
  if (!/^0[1-9]\d{8}$/.test(national)) return null;
  const overseas = OVERSEAS.find((o) => national.startsWith(o.prefix));
  if (overseas) return { e164: `+${overseas.countryCode}${national.slice(1)}`, kind: overseas.kind };
  const kind: PhoneKind = /^0[67]/.test(national)
    ? 'mobile'
    : /^0[1-5]/.test(national)
      ? 'landline'
      : 'other';
  return { e164: `+33${national.slice(1)}`, kind };
}

function fromInternational(digits: string): PhoneNumber | null {
  if (!/^\d{8,15}$/.test(digits)) return null;
  if (digits.startsWith('33')) {
    const rest = digits.slice(2);
    return fromFrenchNational(rest.length === 10 ? rest : `0${rest}`);
  }
  const overseasCode = OVERSEAS_CODES.find((c) => digits.startsWith(c));
  if (overseasCode) {
    const rest = digits.slice(3).replace(/^0(?=\d{9}$)/, '');
    const known = OVERSEAS.find((o) => o.countryCode === overseasCode && `0${rest}`.startsWith(o.prefix));
    if (known && rest.length === 9) return { e164: `+${overseasCode}${rest}`, kind: known.kind };
    return rest.length === 9 ? { e164: `+${digits}`, kind: 'other' } : null;
  }
  return { e164: `+${digits}`, kind: 'other' };
}

/**
 * Normalizes a phone number to E.164: '06 12 34 56 78', '+33 6 12 34 56 78', '+33 (0)6 …', '0033…',
 * '612345678' (a leading zero lost by a spreadsheet) and overseas numbers ('0690…' → '+590690…').
 * Mobile = 06/07 and the overseas mobile ranges. Numbers written with '+' or '00' are kept as digits when
 * they have 8 to 15 of them. A national number of another country is converted for the few countries
 * listed here; otherwise, or for anything that is not a phone number, the answer is null.
 */
export function normalizePhone(text: string, defaultCountry: string = 'FR'): PhoneNumber | null {
  const withoutTrunk = text.trim().replace(/\(0\)/g, '');
  if (/[^\d\s.\-/()+]/u.test(withoutTrunk)) return null;
  let compact = withoutTrunk.replace(/[\s.\-/()]/gu, '');
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
  if (compact.startsWith('+')) return fromInternational(compact.slice(1));
  if (!/^\d+$/.test(compact)) return null;
  const country = defaultCountry.toUpperCase();
  if (FRENCH_PLAN.has(country)) {
    return fromFrenchNational(/^[1-9]\d{8}$/.test(compact) ? `0${compact}` : compact);
  }
  const calling = CALLING_CODES[country];
  if (!calling) return null;
  const national = calling.trunkZero ? compact.replace(/^0/, '') : compact;
  return fromInternational(`${calling.code}${national}`);
}
