import { DomainError } from '@relance/core';
import { describe, expect, it } from 'vitest';
import { readCamt } from './read-camt.ts';

const ENTRY = `<Ntry><Amt Ccy="EUR">12.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
  <BookgDt><Dt>2024-03-01</Dt></BookgDt><ValDt><Dt>2024-03-01</Dt></ValDt></Ntry>`;

function camt(entries: string, version = 'camt.053.001.02', extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:${version}">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>M1</MsgId><CreDtTm>2024-03-02T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>S1</Id>
      <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
      ${extra}
      ${entries}
    </Stmt>
  </BkToCstmrStmt>
</Document>`;
}

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('readCamt: files that are not statements', () => {
  it('text that is not XML: refused, saying where', () => {
    const error = refusal(() => readCamt('Date;Montant\n2024-01-01;12,00', { fileLabel: 'The file a.xml' }));
    expect(error.code).toBe('import_unreadable');
    expect(error.message).toMatch(/^The file a\.xml is not well-formed XML \(line 1, column 1\)/);
    expect(error.details).toMatchObject({ reason: 'malformed_xml', line: 1 });
  });

  it('truncated XML: refused with the line where it breaks', () => {
    const cut = camt(ENTRY).slice(0, camt(ENTRY).indexOf('</Stmt>'));
    const error = refusal(() => readCamt(cut));
    expect(error.details).toMatchObject({ reason: 'malformed_xml' });
    expect(error.message).toMatch(/line \d+/);
  });

  it('a camt.052 account report, or other XML: refused by name', () => {
    const report = camt(ENTRY).replaceAll('BkToCstmrStmt', 'BkToCstmrAcctRpt').replaceAll('Stmt>', 'Rpt>');
    expect(refusal(() => readCamt(report)).details).toMatchObject({ reason: 'camt052' });
    const invoice = '<?xml version="1.0"?><Invoice xmlns="urn:oasis:names"><ID>F1</ID></Invoice>';
    const error = refusal(() => readCamt(invoice));
    expect(error.details).toMatchObject({ reason: 'not_camt', element: 'Invoice' });
  });

  it('a PDF or an empty file given as bytes: refused', () => {
    expect(refusal(() => readCamt(Buffer.from('%PDF-1.7 …'))).details).toMatchObject({
      reason: 'not_a_statement',
    });
    expect(refusal(() => readCamt(new Uint8Array())).details).toMatchObject({ reason: 'empty' });
  });
});

describe('readCamt: entries read with doubt are warnings, the rest is kept', () => {
  it('an entry without amount is skipped with its location; the next one is read', () => {
    const noAmount = ENTRY.replace('<Amt Ccy="EUR">12.00</Amt>', '');
    const file = readCamt(camt(noAmount + ENTRY.replace('12.00', '30.00')));
    expect(file.statements[0]!.entries.map((e) => [e.index, e.amount.minor])).toEqual([[0, 3000]]);
    expect(file.warnings).toEqual([
      expect.objectContaining({
        code: 'entry_unreadable',
        statementIndex: 0,
        entryIndex: 0,
        path: 'Stmt[1]/Ntry[1]/Amt',
        message: {
          fr: 'Stmt[1]/Ntry[1]/Amt : montant absent ; écriture ignorée.',
          en: 'Stmt[1]/Ntry[1]/Amt: no amount; entry skipped.',
        },
      }),
    ]);
  });

  it('an unknown direction skips the entry; a negative amount is the opposite direction', () => {
    const file = readCamt(
      camt(ENTRY.replace('CRDT', 'XXXX') + ENTRY.replace('12.00', '-4.50').replace('CRDT', 'DBIT')),
    );
    expect(file.statements[0]!.entries.map((e) => [e.direction, e.amount.minor])).toEqual([['credit', 450]]);
    expect(file.warnings.map((w) => [w.code, w.path])).toEqual([
      ['entry_unreadable', 'Stmt[1]/Ntry[1]/CdtDbtInd'],
      ['amount_negative', 'Stmt[1]/Ntry[2]/Amt'],
    ]);
  });

  it("'1.005' EUR: 101 cents rounded half-up, the exact value kept, and a warning that says so", () => {
    const file = readCamt(camt(ENTRY.replace('12.00', '1.005')));
    expect(file.statements[0]!.entries[0]!.amount).toEqual({
      minor: 101,
      decimal: '1.005',
      currency: 'EUR',
      exact: false,
    });
    expect(file.warnings[0]).toMatchObject({ code: 'amount_rounded', entryIndex: 0 });
    expect(file.warnings[0]!.message.en).toMatch(/rounded half-up to minor units \(101\)/);
  });

  it('an amount without Ccy takes the account currency, with a warning', () => {
    const file = readCamt(camt(ENTRY.replace(' Ccy="EUR"', '')));
    expect(file.statements[0]!.entries[0]!.amount).toMatchObject({ minor: 1200, currency: 'EUR' });
    expect(file.warnings.map((w) => w.code)).toEqual(['currency_missing']);
  });

  it('an unknown later version (.11) is read the same way, with a warning', () => {
    const v11 = ENTRY.replace('<Sts>BOOK</Sts>', '<Sts><Cd>BOOK</Cd></Sts>');
    const file = readCamt(camt(v11, 'camt.053.001.11'));
    expect(file.version).toBe('camt.053.001.11');
    expect(file.statements[0]!.entries[0]).toMatchObject({ status: 'booked', amount: { minor: 1200 } });
    expect(file.warnings.map((w) => w.code)).toEqual(['unknown_version']);
  });

  it('no namespace: the message element says camt.054, the version is unknown', () => {
    const xml = camt(ENTRY)
      .replace(/ xmlns="[^"]*"/, '')
      .replaceAll('BkToCstmrStmt', 'BkToCstmrDbtCdtNtfctn')
      .replaceAll('Stmt>', 'Ntfctn>');
    const file = readCamt(xml);
    expect([file.format, file.version, file.statements.length]).toEqual(['camt.054', null, 1]);
    expect(file.warnings.map((w) => w.code)).toEqual(['no_namespace']);
  });
});

describe('readCamt: text', () => {
  it('entities and character references are decoded; a DOCTYPE entity is never expanded', () => {
    const tx = `<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Dupont &amp; Fils</Nm></Dbtr></RltdPties>
      <RmtInf><Ustrd>Facture F-12 &#233;ch&#xE9;ance &lt;mars&gt;</Ustrd><Ustrd>&bomb;</Ustrd></RmtInf></TxDtls></NtryDtls>`;
    const xml = camt(ENTRY.replace('</Ntry>', `${tx}</Ntry>`)).replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE Document [<!ENTITY bomb "boom">]>',
    );
    const t = readCamt(xml).statements[0]!.entries[0]!.transactions[0]!;
    expect(t.debtor?.name).toBe('Dupont & Fils');
    expect(t.remittanceUnstructured).toEqual(['Facture F-12 échéance <mars>', '&bomb;']);
  });

  it('bytes in ISO-8859-1, as the declaration says', () => {
    const xml = camt(ENTRY.replace('</Ntry>', '<AddtlNtryInf>Virement reçu</AddtlNtryInf></Ntry>')).replace(
      'encoding="UTF-8"',
      'encoding="ISO-8859-1"',
    );
    const file = readCamt(Buffer.from(xml, 'latin1'));
    expect(file.statements[0]!.entries[0]!.additionalInfo).toBe('Virement reçu');
  });
});

describe('readCamt: fingerprints', () => {
  it('the same file twice gives the same fingerprints; two identical bookings in one file stay two', () => {
    const xml = camt(ENTRY + ENTRY);
    const first = readCamt(xml).statements[0]!.entries.map((e) => e.fingerprint);
    const again = readCamt(xml).statements[0]!.entries.map((e) => e.fingerprint);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(2);
    expect(first[0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it("the bank's reference identifies a booking: richer text in a re-export does not make it new", () => {
    const withRef = ENTRY.replace('</Ntry>', '<AcctSvcrRef>BANK-1</AcctSvcrRef></Ntry>');
    const richer = withRef.replace('</Ntry>', '<AddtlNtryInf>Virement SEPA</AddtlNtryInf></Ntry>');
    const a = readCamt(camt(withRef)).statements[0]!.entries[0]!;
    const b = readCamt(camt(richer)).statements[0]!.entries[0]!;
    expect(a.fingerprint).toBe(b.fingerprint);
    const other = readCamt(camt(withRef.replace('BANK-1', 'BANK-2'))).statements[0]!.entries[0]!;
    expect(other.fingerprint).not.toBe(a.fingerprint);
  });
});
