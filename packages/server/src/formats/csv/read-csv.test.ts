import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvRecord } from './parse.ts';
import { openCsv, type TableRow } from './read-csv.ts';
import { sniffDelimiter } from './sniff.ts';

/** Feeds the bytes in pieces of `size` bytes, so that every boundary case is met. */
function chunked(bytes: Buffer, size: number): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

async function readAll(
  input: Buffer,
  size = 1 << 16,
): Promise<{ rows: TableRow[]; encoding: string; delimiter: string }> {
  const reader = await openCsv(chunked(input, size));
  const rows: TableRow[] = [];
  for await (const batch of reader.batches()) rows.push(...batch);
  return { rows, encoding: reader.encoding, delimiter: reader.delimiter };
}

function parseText(text: string, delimiter: ';' | ',' = ','): CsvRecord[] {
  const out: CsvRecord[] = [];
  const parser = new CsvParser(delimiter, 'test');
  parser.push(text, out);
  parser.end(out);
  return out;
}

describe('CsvParser', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const records = parseText('a,b,c\n"x, y","say ""hi""","two\nlines"\nlast,,\n');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['last', '', ''],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records[1]?.raw).toBe('"x, y","say ""hi""","two\nlines"');
  });

  it('accepts CRLF, LF and CR line ends, and a last line without one', () => {
    expect(parseText('a,b\r\n1,2\r\n"3","4"\r\n').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseText('a,b\r1,2\r"3","4"').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseText('a,b\n1,2').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('skips blank lines but counts them in line numbers', () => {
    const records = parseText('a;b\n\n1;2\r\n\r\n3;4\n', ';');
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [3, ['1', '2']],
      [5, ['3', '4']],
    ]);
  });

  it('is lenient with stray quotes inside unquoted fields', () => {
    expect(parseText('a,b\n5" disk,"x"y\n').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['5" disk', 'xy'],
    ]);
  });

  it('refuses a quote that is never closed', () => {
    expect(() => parseText('a,b\n"open,2\n3,4\n')).toThrow(/never closed/);
  });
});

describe('openCsv', () => {
  const french =
    '\uFEFFN° facture;Raison sociale;Montant TTC\r\nF-1;"Dupont; Fils";1 234,56\r\nF-2;Société Générale;"12,00"\r\n';

  it('detects UTF-8 with BOM and the semicolon, whatever the chunk size', async () => {
    for (const size of [1, 2, 3, 7, 64, 1 << 16]) {
      const { rows, encoding, delimiter } = await readAll(Buffer.from(french, 'utf8'), size);
      expect(encoding).toBe('utf-8');
      expect(delimiter).toBe(';');
      expect(rows.map((r) => r.fields)).toEqual([
        ['N° facture', 'Raison sociale', 'Montant TTC'],
        ['F-1', 'Dupont; Fils', '1 234,56'],
        ['F-2', 'Société Générale', '12,00'],
      ]);
      expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    }
  });

  it('reads Windows-1252 (what French Excel saves) with its accents', async () => {
    const bytes = Buffer.from(
      [...'Raison sociale;Échéance\nSociété Générale;15/03/2024\n'].map((c) =>
        c === 'é' ? 0xe9 : c === 'É' ? 0xc9 : c.charCodeAt(0),
      ),
    );
    const { rows, encoding } = await readAll(bytes, 5);
    expect(encoding).toBe('windows-1252');
    expect(rows[0]?.fields).toEqual(['Raison sociale', 'Échéance']);
    expect(rows[1]?.fields).toEqual(['Société Générale', '15/03/2024']);
  });

  it('switches to Windows-1252 when the first accent comes after a long ASCII beginning', async () => {
    const ascii = `a;b\n${'x;y\n'.repeat(40_000)}`;
    const bytes = Buffer.concat([
      Buffer.from(ascii),
      Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x3b, 0x31, 0x0a]),
    ]);
    const { rows, encoding } = await readAll(bytes, 4096);
    expect(encoding).toBe('windows-1252');
    expect(rows.at(-1)?.fields).toEqual(['Café', '1']);
    expect(rows).toHaveLength(40_002);
  });

  it('reads UTF-16 with a BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\nÉté,2\n', 'utf16le')]);
    const { rows, encoding } = await readAll(bytes, 3);
    expect(encoding).toBe('utf-16le');
    expect(rows[1]?.fields).toEqual(['Été', '2']);
  });

  it('refuses binary files, PDFs and empty files with a clear reason', async () => {
    await expect(openCsv(Readable.from([Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])]))).rejects.toThrow(
      /PDF/,
    );
    await expect(openCsv(Readable.from([Buffer.from([1, 2, 3, 0, 5, 6, 200, 0, 7])]))).rejects.toMatchObject({
      code: 'import_unreadable',
    });
    const noise = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256));
    await expect(openCsv(Readable.from([noise]))).rejects.toThrow(/binary/);
    await expect(openCsv(Readable.from([Buffer.from('\uFEFF \r\n')]))).rejects.toThrow(/empty/);
  });

  it('refuses a file that mixes UTF-8 and Windows-1252', async () => {
    const bytes = Buffer.concat([
      Buffer.from('a;b\nÉté;1\n', 'utf8'),
      Buffer.from('x'.repeat(70_000)),
      Buffer.from([0xe9, 0x0a]),
    ]);
    await expect(readAll(bytes, 1024)).rejects.toMatchObject({
      code: 'import_unreadable',
      details: { reason: 'mixed_encoding' },
    });
  });
});

describe('sniffDelimiter', () => {
  it('prefers the delimiter that splits every line like the header', () => {
    expect(sniffDelimiter('a;b;c\n1,5;2,5;3\n4,0;5;6\n')).toBe(';');
    expect(sniffDelimiter('a,b,c\n1.5,2,3\n')).toBe(',');
    expect(sniffDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
    expect(sniffDelimiter('"x;y",b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('only\n1\n')).toBe(',');
  });
});
