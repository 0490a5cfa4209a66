/**
 * How an SMS text travels and what it costs: GSM 03.38 7-bit when every character is in the GSM basic set or
 * its extension table, UCS-2 otherwise; and how many concatenated parts (segments) the network bills.
 * A concatenated part loses room to its user-data header (160 → 153 septets, 70 → 67 UTF-16 units), and a
 * part never ends in the middle of an extension escape (2 septets) or of a surrogate pair (2 units).
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export type SmsLength = {
  readonly encoding: SmsEncoding;
  /** Septets for GSM-7 (an extension character counts 2), UTF-16 code units for UCS-2. */
  readonly units: number;
  readonly segments: number;
  /** Room of one segment: 160 or 153 (GSM-7), 70 or 67 (UCS-2), depending on whether the text is split. */
  readonly perSegment: number;
  /** Units still free in the last segment before another one is needed. */
  readonly remainingInSegment: number;
};

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters reached through the escape (0x1B): each costs two septets. */
const GSM_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

const LIMITS = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} as const;

/** The cost of each character of the text in the encoding it needs (code points, so emoji stay whole). */
function costs(text: string): { readonly encoding: SmsEncoding; readonly units: readonly number[] } {
  const chars = Array.from(text);
  const gsm = chars.every((c) => basic.has(c) || extension.has(c));
  if (gsm) return { encoding: 'GSM-7', units: chars.map((c) => (extension.has(c) ? 2 : 1)) };
  return { encoding: 'UCS-2', units: chars.map((c) => c.length) };
}

/** Encoding, length and number of segments of an SMS text. An empty text is still one (empty) message. */
export function smsLength(text: string): SmsLength {
  const { encoding, units } = costs(text);
  const limits = LIMITS[encoding];
  const total = units.reduce((a, b) => a + b, 0);
  if (total <= limits.single) {
    return {
      encoding,
      units: total,
      segments: 1,
      perSegment: limits.single,
      remainingInSegment: limits.single - total,
    };
  }
  let segments = 1;
  let used = 0;
  for (const cost of units) {
    if (used + cost > limits.multi) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return {
    encoding,
    units: total,
    segments,
    perSegment: limits.multi,
    remainingInSegment: limits.multi - used,
  };
}

/** Whether every character of the text can be sent in GSM-7. */
export function isGsm7(text: string): boolean {
  return costs(text).encoding === 'GSM-7';
}

const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2039': "'",
  '\u203A': "'",
  '\u00A0': ' ',
  '\u202F': ' ',
  '\u2009': ' ',
  '\u2007': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u2022': '-',
  '\u00B7': '.',
  œ: 'oe',
  Œ: 'OE',
  â: 'a',
  á: 'a',
  ã: 'a',
  ê: 'e',
  ë: 'e',
  î: 'i',
  ï: 'i',
  í: 'i',
  ô: 'o',
  ó: 'o',
  õ: 'o',
  û: 'u',
  ú: 'u',
  ç: 'c',
  ÿ: 'y',
  À: 'A',
  Â: 'A',
  Á: 'A',
  È: 'E',
  Ê: 'E',
  Ë: 'E',
  Î: 'I',
  Ï: 'I',
  Ì: 'I',
  Ô: 'O',
  Ò: 'O',
  Û: 'U',
  Ù: 'U',
  Ÿ: 'Y',
};

/**
 * Replaces the characters a French text often carries but GSM-7 lacks (typographic quotes and apostrophes,
 * guillemets, no-break spaces, dashes, ellipsis, ê, â, î, ô, û, ç, œ…) by their nearest GSM-7 spelling, so
 * that the message costs 160 characters a segment instead of 70. Characters with no stand-in stay as they are
 * (the message then goes in UCS-2). Accents GSM-7 has (é, è, à, ù, É) are kept.
 */
export function toGsm7(text: string): string {
  let out = '';
  for (const c of text) out += REPLACEMENTS[c] ?? c;
  return out;
}
