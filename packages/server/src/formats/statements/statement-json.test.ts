import { describe, expect, it } from 'vitest';
import { readStatementFile } from './read-statement.ts';
import { statementFileJson } from './statement-json.ts';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
 <BkToCstmrStmt>
  <GrpHdr><MsgId>MSG-7</MsgId><CreDtTm>2024-03-02T06:00:00+01:00</CreDtTm></GrpHdr>
  <Stmt>
   <Id>STMT-7</Id>
   <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
   <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-01</Dt></Dt></Bal>
   <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1334.56</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-01</Dt></Dt></Bal>
   <Ntry>
    <NtryRef>NREF-1</NtryRef>
    <Amt Ccy="EUR">1234.56</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
    <BookgDt><DtTm>2024-03-01T10:15:00+01:00</DtTm></BookgDt><ValDt><Dt>2024-03-01</Dt></ValDt>
    <AcctSvcrRef>ASR-1</AcctSvcrRef>
    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
    <NtryDtls>
     <Btch><MsgId>B-1</MsgId><PmtInfId>PI-1</PmtInfId><NbOfTxs>1</NbOfTxs><TtlAmt Ccy="EUR">1234.56</TtlAmt></Btch>
     <TxDtls>
      <Refs><EndToEndId>E2E-42</EndToEndId></Refs>
      <Amt Ccy="EUR">1234.56</Amt><CdtDbtInd>CRDT</CdtDbtInd>
      <RltdPties><Dbtr><Pty><Nm>Dupont SARL</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>FR7612345000019876543210913</IBAN></Id></DbtrAcct></RltdPties>
      <RmtInf><Ustrd>Facture F-2024-017</Ustrd>
       <Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>RF18539007547034</Ref></CdtrRefInf></Strd>
      </RmtInf>
     </TxDtls>
    </NtryDtls>
   </Ntry>
  </Stmt>
 </BkToCstmrStmt>
</Document>`;

describe('statementFileJson', () => {
  const file = readStatementFile(xml);

  it('prints the header, the amounts as decimal strings and minor units, dates, and every reference', () => {
    const doc = JSON.parse(JSON.stringify(statementFileJson(file)));
    expect(doc).toMatchObject({
      format: 'camt.053',
      version: 'camt.053.001.08',
      messageId: 'MSG-7',
      warnings: [],
    });
    const statement = doc.statements[0];
    expect(statement).toMatchObject({
      id: 'STMT-7',
      account: { iban: 'FR7630006000011234567890189', currency: 'EUR' },
      entryCount: 1,
      sumCredits: '1234.56',
      sumCreditsMinor: 123456,
      sumDebits: '0.00',
      balanceCheck: true,
    });
    expect(statement.balances[0]).toEqual({
      type: 'OPBD',
      amount: '100.00',
      amountMinor: 10000,
      currency: 'EUR',
      direction: 'credit',
      signedMinor: 10000,
      date: '2024-03-01',
      dateTime: null,
    });
    const entry = statement.entries[0];
    expect(entry).toMatchObject({
      amount: '1234.56',
      amountMinor: 123456,
      currency: 'EUR',
      direction: 'credit',
      reversal: false,
      status: 'booked',
      bookingDate: '2024-03-01',
      bookingDateTime: '2024-03-01T10:15:00+01:00',
      valueDate: '2024-03-01',
      accountServicerRef: 'ASR-1',
      entryRef: 'NREF-1',
      bankTxCode: 'PMNT/RCDT/ESCT',
      batches: [
        {
          messageId: 'B-1',
          paymentInfoId: 'PI-1',
          count: 1,
          total: '1234.56',
          totalMinor: 123456,
          currency: 'EUR',
        },
      ],
      transactionCount: 1,
    });
    expect(entry.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(entry.transactions[0]).toMatchObject({
      amount: '1234.56',
      amountMinor: 123456,
      direction: 'credit',
      status: 'booked',
      bookingDate: '2024-03-01',
      valueDate: '2024-03-01',
      endToEndId: 'E2E-42',
      creditorReferences: [
        { type: 'SCOR', issuer: 'ISO', ref: 'RF18539007547034', amount: null, amountMinor: null },
      ],
      remittanceText: ['Facture F-2024-017'],
      debtor: { name: 'Dupont SARL', iban: 'FR7612345000019876543210913' },
    });
  });

  it("adds the caller's fields to each entry and transaction (what they matched)", () => {
    const doc = statementFileJson(file, {
      annotateEntry: (entry) => ({ matched: { caseId: 'case-1', via: entry.entryRef } }),
      annotateTransaction: (tx, entry) => ({
        confidence: 0.9,
        reason: `${tx.endToEndId} in ${entry.entryRef}`,
      }),
    });
    const entry = (doc.statements as { entries: Record<string, unknown>[] }[])[0]!.entries[0]!;
    expect(entry.matched).toEqual({ caseId: 'case-1', via: 'NREF-1' });
    expect((entry.transactions as Record<string, unknown>[])[0]).toMatchObject({
      confidence: 0.9,
      reason: 'E2E-42 in NREF-1',
    });
  });

  it('marks a rounded amount', () => {
    const rounded = readStatementFile(
      xml.replace(
        '<Amt Ccy="EUR">1234.56</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>',
        '<Amt Ccy="EUR">1234.565</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>',
      ),
    );
    const entry = (statementFileJson(rounded).statements as { entries: Record<string, unknown>[] }[])[0]!
      .entries[0]!;
    expect(entry).toMatchObject({ amount: '1234.565', amountMinor: 123457, rounded: true });
  });
});
