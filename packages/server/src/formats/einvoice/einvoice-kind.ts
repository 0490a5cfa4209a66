import type { EInvoiceKind } from './einvoice-model.ts';

/** UNTDID 1001 codes of credit notes that EN 16931 allows (381 and its kin: 261 self-billed, 396 factored…). */
const CREDIT_NOTES: ReadonlySet<string> = new Set([
  '81',
  '83',
  '261',
  '262',
  '296',
  '308',
  '381',
  '396',
  '420',
  '458',
  '532',
]);

/**
 * What a type code means for the buyer's debt. 384 (corrective) and 389 (self-billed) stay debts unless
 * their amounts are negative — that is for the caller to see; every other code is read as an invoice.
 */
export function kindOfTypeCode(typeCode: string, creditNoteRoot = false): EInvoiceKind {
  if (creditNoteRoot || CREDIT_NOTES.has(typeCode)) return 'credit_note';
  if (typeCode === '384') return 'corrective';
  if (typeCode === '389' || typeCode === '527') return 'self_billed';
  return 'invoice';
}

const PROFILES: readonly (readonly [RegExp, string])[] = [
  [/xrechnung/i, 'XRECHNUNG'],
  [/peppol\.eu:2017:poacc:billing/i, 'PEPPOL BIS 3'],
  [/:extended\b/i, 'EXTENDED'],
  [/:basicwl\b/i, 'BASIC WL'],
  [/:basic\b/i, 'BASIC'],
  [/:minimum\b/i, 'MINIMUM'],
  [/:comfort\b/i, 'COMFORT'],
  [/en16931/i, 'EN 16931'],
];

/**
 * The profile a guideline / customization id names ('urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic'
 * → 'BASIC'); the most specific part wins. Null for an id it does not know.
 */
export function profileOf(profileId: string | null): string | null {
  if (profileId === null) return null;
  for (const [pattern, name] of PROFILES) if (pattern.test(profileId)) return name;
  return null;
}
