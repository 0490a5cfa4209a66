import { DomainError, isIsoDate } from '@relance/core';
import { type ParsedAmount, parseStatementAmount } from '../statements/statement-amounts.ts';

/** One 120-column line of a CFONB file, and where it is (1-based). */
export type CfonbLine = { readonly text: string; readonly line: number };

/** Fields shared by every record: columns 1–34 (positions are 0-based slices below). */
export type CfonbHead = {
  readonly code: string;
  readonly bankCode: string;
  readonly branchCode: string;
  readonly currency: string;
  /** Column 20: the number of decimals of the amounts of this record. */
  readonly decimals: string;
  readonly account: string;
};

/** 01 (previous balance) and 07 (new balance). */
export type CfonbBalance = CfonbHead & { readonly date: string; readonly amount: string };

/** 04: one operation. */
export type CfonbOperation = CfonbHead & {
  readonly internalCode: string;
  readonly interbankCode: string;
  readonly bookingDate: string;
  readonly rejectionCode: string;
  readonly valueDate: string;
  readonly label: string;
  readonly entryNumber: string;
  readonly amount: string;
  readonly reference: string;
};

/** 05: a complement of the operation before it. `info` is kept untrimmed (70 columns). */
export type CfonbComplement = CfonbHead & { readonly qualifier: string; readonly info: string };

const at = (text: string, from: number, to: number) => text.slice(from, to);

export function readHead(text: string): CfonbHead {
  return {
    code: at(text, 0, 2),
    bankCode: at(text, 2, 7).trim(),
    branchCode: at(text, 11, 16).trim(),
    currency: at(text, 16, 19).trim(),
    decimals: at(text, 19, 20),
    account: at(text, 21, 32).trim(),
  };
}

export function readBalanceRecord(text: string): CfonbBalance {
  return { ...readHead(text), date: at(text, 34, 40), amount: at(text, 90, 104) };
}

export function readOperationRecord(text: string): CfonbOperation {
  return {
    ...readHead(text),
    internalCode: at(text, 7, 11).trim(),
    interbankCode: at(text, 32, 34).trim(),
    bookingDate: at(text, 34, 40),
    rejectionCode: at(text, 40, 42).trim(),
    valueDate: at(text, 42, 48),
    label: at(text, 48, 79).trim(),
    entryNumber: at(text, 81, 88).trim(),
    amount: at(text, 90, 104),
    reference: at(text, 104, 120).trim(),
  };
}

export function readComplementRecord(text: string): CfonbComplement {
  return { ...readHead(text), qualifier: at(text, 45, 48).trim(), info: at(text, 48, 118) };
}

/** The last column a record type needs: a shorter line lost data, not only trailing spaces. */
const MINIMUM_LENGTH: Readonly<Record<string, number>> = { '01': 104, '04': 104, '05': 40, '07': 104 };

/**
 * The file's text → its records, blank lines skipped. A file sent as one long line (no line breaks,
 * as some banks do) is cut every 120 columns. A line longer than 120, or too short to hold its
 * record's fields, is refused with its number; a shorter line that only lost trailing spaces is padded.
 */
export function splitRecords(text: string, fileLabel: string): CfonbLine[] {
  const physical = text.split(/\r\n|\n|\r/);
  const lines: CfonbLine[] = [];
  for (const [index, raw] of physical.entries()) {
    const line = index + 1;
    const content = raw.replace(/\s+$/, '');
    if (content === '') continue;
    if (raw.length > 120 && raw.length % 120 === 0 && physical.filter((l) => l.trim() !== '').length === 1) {
      for (let start = 0; start < raw.length; start += 120)
        lines.push({ text: raw.slice(start, start + 120), line });
      continue;
    }
    if (raw.length > 120) throw wrongLength(line, raw.length, 'long', fileLabel);
    const needed = MINIMUM_LENGTH[raw.slice(0, 2)] ?? 0;
    if (raw.length < 120 && content.length < needed) throw wrongLength(line, raw.length, 'short', fileLabel);
    lines.push({ text: raw.padEnd(120, ' '), line });
  }
  return lines;
}

function wrongLength(line: number, length: number, kind: 'long' | 'short', fileLabel: string): DomainError {
  const en =
    kind === 'long'
      ? `line ${line} is ${length} characters long: a CFONB 120 record has exactly 120.`
      : `line ${line} is cut (${length} characters): a CFONB 120 record has 120, and this one stops before its last field.`;
  const fr =
    kind === 'long'
      ? `ligne ${line} de ${length} caractères : un enregistrement CFONB 120 en a exactement 120.`
      : `ligne ${line} tronquée (${length} caractères) : un enregistrement CFONB 120 en a 120.`;
  return new DomainError('import_unreadable', `${fileLabel}: ${en}`, {
    reason: 'cfonb_line_length',
    line,
    fr,
  });
}

const OVERPUNCH = '{ABCDEFGHI}JKLMNOPQR';

/**
 * A CFONB amount: 14 columns, the last holding both the last digit and the sign ('{' and A–I for
 * +0…+9, '}' and J–R for −0…−9; a plain digit is positive), with `decimals` from column 20.
 * Null when it is not such a number.
 */
export function parseCfonbAmount(field: string, decimals: number, currency: string): ParsedAmount | null {
  const digits = field.slice(0, -1).replace(/^ +/, (spaces) => '0'.repeat(spaces.length));
  const last = field.slice(-1);
  if (!/^\d{13}$/.test(digits)) return null;
  let lastDigit: string;
  let negative = false;
  if (/^\d$/.test(last)) lastDigit = last;
  else {
    const position = OVERPUNCH.indexOf(last);
    if (position === -1) return null;
    negative = position >= 10;
    lastDigit = String(position % 10);
  }
  const all = `${digits}${lastDigit}`;
  const cut = all.length - decimals;
  const amount = parseStatementAmount(`${all.slice(0, cut)}.${all.slice(cut)}`, currency);
  return amount === null ? null : { ...amount, negative: negative && amount.minor !== 0 };
}

/** DDMMYY → YYYY-MM-DD (years 00–69 are 2000s); null when blank or not a date. */
export function parseCfonbDate(field: string): string | null {
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(field);
  if (!match) return null;
  const [, dd = '', mm = '', yy = ''] = match;
  const year = Number(yy) < 70 ? 2000 + Number(yy) : 1900 + Number(yy);
  const date = `${year}-${mm}-${dd}`;
  return isIsoDate(date) ? date : null;
}
