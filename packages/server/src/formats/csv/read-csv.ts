import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DomainError } from '@relance/core';
import { detectEncoding, StreamDecoder, type TextEncoding } from './decode.ts';
import { CsvParser, type CsvRecord, type Delimiter } from './parse.ts';
import { sniffDelimiter } from './sniff.ts';

/** A row of a tabular file: its cells as text, where it is, and its text as read (for error reports). */
export type TableRow = {
  readonly fields: readonly string[];
  /** 1-based physical line where the row starts. */
  readonly line: number;
  /** 1-based row number as a spreadsheet shows it: the header is row 1. */
  readonly row: number;
  readonly raw: string;
};

export type CsvReadOptions = {
  /** Overrides detection (a mapping file may say so). */
  readonly encoding?: TextEncoding | undefined;
  readonly delimiter?: Delimiter | undefined;
  /** How the file is named in error messages. */
  readonly fileLabel?: string | undefined;
  readonly chunkSize?: number | undefined;
};

export type CsvReader = {
  readonly format: 'csv';
  /** The encoding in use (it may switch from UTF-8 to Windows-1252 when the first accent is met). */
  readonly encoding: TextEncoding;
  readonly delimiter: Delimiter;
  readonly totalBytes: number | null;
  readonly bytesRead: number;
  /** The rows, in batches as they are decoded. Can be iterated once; pulling is what reads the file. */
  batches(): AsyncGenerator<readonly TableRow[]>;
  close(): void;
};

const HEAD_BYTES = 64 * 1024;
const DECODE_PIECE = 32 * 1024;

/**
 * Opens a CSV file for streaming: detects the encoding from the first bytes and the delimiter from the
 * first lines, then reads the file chunk by chunk as the rows are pulled (backpressure: nothing is read
 * ahead of the consumer, and the file is never held in memory).
 */
export async function openCsv(input: Readable | string, options: CsvReadOptions = {}): Promise<CsvReader> {
  const fileLabel = options.fileLabel ?? (typeof input === 'string' ? input : 'The file');
  const stream =
    typeof input === 'string'
      ? createReadStream(input, { highWaterMark: options.chunkSize ?? 256 * 1024 })
      : input;
  const totalBytes =
    typeof input === 'string'
      ? await stat(input).then(
          (s) => (s.isFile() ? s.size : null),
          () => null,
        )
      : null;
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let bytesRead = 0;
  const next = async (): Promise<Buffer | null> => {
    const r = await chunks.next();
    if (r.done) return null;
    const chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    bytesRead += chunk.length;
    return chunk;
  };

  const headParts: Buffer[] = [];
  let headLength = 0;
  let ended = false;
  try {
    while (headLength < HEAD_BYTES) {
      const chunk = await next();
      if (chunk === null) {
        ended = true;
        break;
      }
      headParts.push(chunk);
      headLength += chunk.length;
    }
  } catch (error) {
    stream.destroy();
    throw unreadableStream(fileLabel, error);
  }
  const head = Buffer.concat(headParts);
  const detected = detectEncoding(head, fileLabel);
  const encoding = options.encoding ?? detected.encoding;
  const bom =
    options.encoding === undefined || options.encoding === detected.encoding ? detected.bomLength : 0;
  const decoder = new StreamDecoder(encoding, fileLabel);
  const headText = decoder.decode(head.subarray(bom)) + (ended ? decoder.end() : '');
  if (headText.trim() === '') {
    stream.destroy();
    throw new DomainError('import_unreadable', `${fileLabel} is empty.`, { reason: 'empty' });
  }
  const delimiter = options.delimiter ?? sniffDelimiter(headText);
  const parser = new CsvParser(delimiter, fileLabel);
  let rowNumber = 0;
  const toRows = (records: CsvRecord[]): TableRow[] => {
    for (const r of records) r.row = ++rowNumber;
    return records;
  };

  async function* batches(): AsyncGenerator<readonly TableRow[]> {
    const records: CsvRecord[] = [];
    parser.push(headText, records);
    if (ended) parser.end(records);
    if (records.length > 0) yield toRows(records);
    while (!ended) {
      let chunk: Buffer | null;
      try {
        chunk = await next();
      } catch (error) {
        throw unreadableStream(fileLabel, error);
      }
      const out: CsvRecord[] = [];
      if (chunk === null) {
        ended = true;
        const rest = decoder.end();
        if (rest !== '') parser.push(rest, out);
        parser.end(out);
      } else {
        // Decoded in small pieces: a string over ~128 KB goes to V8's large-object space, which only a full
        // garbage collection frees — a million-row file would pile up there between collections.
        for (let at = 0; at < chunk.length; at += DECODE_PIECE) {
          parser.push(decoder.decode(chunk.subarray(at, at + DECODE_PIECE)), out);
        }
      }
      if (out.length > 0) yield toRows(out);
    }
  }

  return {
    format: 'csv',
    get encoding() {
      return decoder.encoding;
    },
    delimiter,
    totalBytes,
    get bytesRead() {
      return bytesRead;
    },
    batches,
    close: () => stream.destroy(),
  };
}

function unreadableStream(fileLabel: string, error: unknown): DomainError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const why =
    code === 'ENOENT'
      ? 'does not exist'
      : code === 'EISDIR'
        ? 'is a folder, not a file'
        : code === 'EACCES'
          ? 'cannot be read (permission denied)'
          : `cannot be read (${(error as Error).message})`;
  return new DomainError('import_unreadable', `${fileLabel} ${why}.`, { reason: code ?? 'read_error' });
}
