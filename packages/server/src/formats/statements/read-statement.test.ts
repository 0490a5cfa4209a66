import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@relance/core';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../test/support/shared-fixtures.ts';
import { detectStatementKind, readStatementFile } from './read-statement.ts';

const shared = sharedFixtures() ?? '';
const samples =
  shared === ''
    ? []
    : ['camt053', 'camt054', 'cfonb120'].flatMap((folder) =>
        readdirSync(join(shared, folder)).map((name) => ({ folder, name, path: join(shared, folder, name) })),
      );

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.skipIf(shared === '')('every statement sample in ../shared/fixtures', () => {
  it('there are 34 of them (19 camt.053, 13 camt.054, 2 CFONB)', () => {
    expect(
      samples
        .map((s) => s.folder)
        .sort()
        .join(','),
    ).toBe(
      [...Array(19).fill('camt053'), ...Array(13).fill('camt054'), ...Array(2).fill('cfonb120')].join(','),
    );
  });

  it.each(samples)(
    '$folder/$name: format detected, entries read, no fingerprint twice, the same again',
    ({ folder, path, name }) => {
      const bytes = readFileSync(path);
      const file = readStatementFile(bytes, { fileLabel: name });
      expect(file.format.replace('.', '')).toBe(folder);
      expect(file.statements.length).toBeGreaterThan(0);
      const entries = file.statements.flatMap((s) => s.entries);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        expect(Number.isSafeInteger(entry.amount.minor) && entry.amount.minor >= 0).toBe(true);
        expect(entry.bookingDate ?? entry.valueDate ?? entry.status).toBeTruthy();
      }
      const fingerprints = [
        ...entries.map((e) => e.fingerprint),
        ...entries.flatMap((e) => e.transactions.map((t) => t.fingerprint)),
      ];
      expect(new Set(fingerprints).size).toBe(fingerprints.length);
      expect(file.warnings.filter((w) => w.code === 'entry_unreadable')).toEqual([]);
      const again = readStatementFile(Buffer.from(bytes), { fileLabel: name });
      expect(again).toEqual(file);
    },
  );
});

describe('readStatementFile: format from the content', () => {
  it('tells XML from CFONB from anything else', () => {
    expect(detectStatementKind('\uFEFF  <?xml version="1.0"?><Document/>')).toBe('camt');
    expect(detectStatementKind(`0130003    01234EUR2 01234567890  120124${' '.repeat(80)}`)).toBe('cfonb120');
    expect(detectStatementKind('date;amount\n2024-01-01;12.00')).toBeNull();
    expect(detectStatementKind('01 janvier;12,00')).toBeNull();
  });

  it('a CSV, an empty file: refused saying what was expected', () => {
    const csv = refusal(() => readStatementFile(Buffer.from('Date;Libellé;Montant\n01/03/2024;VIR;12,00\n')));
    expect(csv.code).toBe('import_unreadable');
    expect(csv.message).toBe(
      'The file is not a bank statement this reader knows: neither CAMT.053/054 XML nor CFONB 120 (it starts with "Date;Libellé;Montant\\n01/").',
    );
    expect(refusal(() => readStatementFile('  \n')).details).toMatchObject({ reason: 'empty' });
  });

  it('a CFONB file in Latin-1 is read with its accents', () => {
    const line = (text: string) => text.padEnd(120);
    const cfonb = [
      line(`0130003    01234EUR2 01234567890  290224${' '.repeat(50)}0000000010000{`),
      line(
        `0430003000501234EUR2 01234567890B1010324  010324${'VIR REÇU'.padEnd(31)}  0000000000000000002500{`,
      ),
      line(`0730003    01234EUR2 01234567890  010324${' '.repeat(50)}0000000012500{`),
    ].join('\r\n');
    const file = readStatementFile(Buffer.from(cfonb, 'latin1'));
    expect(file.format).toBe('cfonb120');
    expect(file.statements[0]!.entries[0]!.additionalInfo).toBe('VIR REÇU');
    expect(file.statements[0]!.balanceCheck).toBe(true);
    expect(file.warnings).toEqual([]);
  });

  it('an XML file that is not UTF-8 and says nothing: read as Windows-1252, with a warning', () => {
    const xml = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.04"><BkToCstmrDbtCdtNtfctn>
      <Ntfctn><Acct><Id><IBAN>CH0309000000250090342</IBAN></Id><Ccy>CHF</Ccy></Acct>
      <Ntry><Amt Ccy="CHF">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><AddtlNtryInf>Rückzahlung</AddtlNtryInf></Ntry>
      </Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
    const file = readStatementFile(Buffer.from(xml, 'latin1'));
    expect(file.statements[0]!.entries[0]!.additionalInfo).toBe('Rückzahlung');
    expect(file.warnings.map((w) => w.code)).toEqual(['encoding_fallback']);
  });
});
