import { DomainError } from '@relance/core';

export type Delimiter = ';' | ',' | '\t' | '|';

/**
 * One record of the file: its fields, the physical line it starts on, its text as read, and its record
 * number (set by the reader). A class, not an object literal: V8 pretenures literal allocation sites whose
 * objects all survive a scavenge — as a batch of rows does — and would then allocate every row of a
 * million-row file straight into the old generation.
 */
export class CsvRecord {
  readonly fields: string[];
  /** 1-based physical line where the record starts (a quoted field may span lines). */
  readonly line: number;
  /** The record as it was in the file, without its line terminator. */
  readonly raw: string;
  /** 1-based record number, header included; 0 until the reader numbers it. */
  row = 0;

  constructor(fields: string[], line: number, raw: string) {
    this.fields = fields;
    this.line = line;
    this.raw = raw;
  }
}

/** A record longer than this is almost surely an unclosed quote swallowing the rest of the file. */
const MAX_RECORD_LENGTH = 1 << 20;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * An RFC 4180 parser fed with text chunks: quoted fields with embedded delimiters, line breaks and doubled
 * quotes; LF, CRLF or (old Mac) CR line ends. Lenient where exports are sloppy: a quote inside an unquoted
 * field is a literal, text after a closing quote is kept. Blank lines are skipped.
 *
 * Speed matters (a million rows must parse in well under a second): a line without any quote is split with
 * the native `String.prototype.split`; only lines with quotes go through the character state machine.
 */
export class CsvParser {
  readonly #delimiter: string;
  readonly #delimiterCode: number;
  readonly #fileLabel: string;
  #newline: '\n' | '\r' | null = null;
  #carry = '';
  #line = 1;

  constructor(delimiter: Delimiter, fileLabel: string) {
    this.#delimiter = delimiter;
    this.#delimiterCode = delimiter.charCodeAt(0);
    this.#fileLabel = fileLabel;
  }

  /** Parses what can be parsed; an incomplete last record waits for the next chunk. */
  push(chunk: string, out: CsvRecord[]): void {
    const text = this.#carry === '' ? chunk : this.#carry + chunk;
    this.#newline ??= detectNewline(text);
    const consumed = this.#parse(text, false, out);
    this.#carry = consumed === text.length ? '' : text.slice(consumed);
    if (this.#carry.length > MAX_RECORD_LENGTH) {
      throw new DomainError(
        'import_unreadable',
        `${this.#fileLabel}, line ${this.#line}: a quoted field is never closed (more than 1 MB without its closing quote).`,
        { reason: 'unclosed_quote', line: this.#line },
      );
    }
  }

  /** Parses the rest at the end of the file. */
  end(out: CsvRecord[]): void {
    const text = this.#carry;
    this.#carry = '';
    this.#newline ??= detectNewline(text) ?? (text.includes('\r') ? '\r' : '\n');
    this.#parse(text, true, out);
  }

  /** Returns how many characters were consumed. */
  #parse(text: string, last: boolean, out: CsvRecord[]): number {
    const newline = this.#newline ?? '\n';
    const length = text.length;
    let pos = 0;
    while (pos < length) {
      let end = text.indexOf(newline, pos);
      if (end === -1) {
        if (!last) break;
        end = length;
      }
      let lineEnd = end;
      if (newline === '\n' && lineEnd > pos && text.charCodeAt(lineEnd - 1) === CR) lineEnd--;
      let start = pos;
      if (newline === '\r' && text.charCodeAt(start) === LF) start++;
      const line = text.slice(start, lineEnd);
      if (line.indexOf('"') === -1) {
        if (line !== '') out.push(new CsvRecord(line.split(this.#delimiter), this.#line, line));
        this.#line++;
        pos = end + 1;
        continue;
      }
      const quoted = this.#parseQuoted(text, start, last);
      if (quoted === null) break;
      out.push(quoted.record);
      this.#line += quoted.lines;
      pos = quoted.next;
    }
    return Math.min(pos, length);
  }

  /** The character state machine, for a record that contains quotes. Null when the chunk ends inside it. */
  #parseQuoted(
    text: string,
    start: number,
    last: boolean,
  ): { readonly record: CsvRecord; readonly lines: number; readonly next: number } | null {
    const delimiter = this.#delimiterCode;
    const crOnly = this.#newline === '\r';
    const fields: string[] = [];
    let lines = 1;
    let i = start;
    let field = '';
    for (;;) {
      if (i < text.length && text.charCodeAt(i) === QUOTE) {
        // Quoted field: runs to the next lone quote.
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            if (!last) return null;
            throw new DomainError(
              'import_unreadable',
              `${this.#fileLabel}, line ${this.#line}: a quoted field is never closed.`,
              { reason: 'unclosed_quote', line: this.#line },
            );
          }
          const part = text.slice(i, q);
          lines += countNewlines(part, crOnly);
          field += part;
          if (q + 1 >= text.length && !last) return null;
          if (text.charCodeAt(q + 1) === QUOTE) {
            field += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
      }
      // Unquoted field, or what follows a closing quote: up to the delimiter or the end of the line.
      let j = i;
      for (; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (c === delimiter || c === (crOnly ? CR : LF)) break;
      }
      if (j >= text.length && !last) return null;
      const c = j < text.length ? text.charCodeAt(j) : -1;
      let fieldEnd = j;
      if (c !== delimiter && !crOnly && fieldEnd > i && text.charCodeAt(fieldEnd - 1) === CR) fieldEnd--;
      field += text.slice(i, fieldEnd);
      fields.push(field);
      field = '';
      if (c === delimiter) {
        i = j + 1;
        continue;
      }
      const record = new CsvRecord(fields, this.#line, text.slice(start, fieldEnd));
      const next = j + 1;
      return { record, lines, next };
    }
  }
}

function countNewlines(text: string, crOnly: boolean): number {
  const mark = crOnly ? '\r' : '\n';
  let n = 0;
  for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1)) n++;
  return n;
}

/** LF (with or without CR before it), or CR alone for files from old Mac tools. Null until a line ends. */
function detectNewline(text: string): '\n' | '\r' | null {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr === -1 || (lf !== -1 && lf < cr)) return lf === -1 ? null : '\n';
  if (cr + 1 >= text.length) return null;
  return text.charCodeAt(cr + 1) === LF ? '\n' : '\r';
}
