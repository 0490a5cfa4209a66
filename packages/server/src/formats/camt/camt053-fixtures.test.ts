import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../test/support/shared-fixtures.ts';
import type { StatementFile } from '../statements/statement-model.ts';
import { readCamt } from './read-camt.ts';

const shared = sharedFixtures() ?? '';
const read = (name: string): StatementFile =>
  readCamt(readFileSync(join(shared, 'camt053', name)), { fileLabel: name });
const codes = (file: StatementFile) => file.warnings.map((w) => w.code);
const only = (file: StatementFile) => {
  expect(file.statements).toHaveLength(1);
  return file.statements[0]!;
};
const txCount = (file: StatementFile) =>
  file.statements.flatMap((s) => s.entries).reduce((n, e) => n + e.transactions.length, 0);

// What the shared fixtures' README says each real public camt.053 file holds.
describe.skipIf(shared === '')('camt.053 samples from ../shared/fixtures', () => {
  it('PostFinance 2016 (v04): 13 entries / 32 TxDtls, ISR references in a batch, two reversals, returns', () => {
    const file = read('dvbern_postfinance_camt.053.001.04_2016053100163801.xml');
    expect([file.format, file.version, file.messageId]).toEqual([
      'camt.053',
      'camt.053.001.04',
      '20160430375204000008573',
    ]);
    const s = only(file);
    expect(s.account).toMatchObject({ iban: 'CH0309000000250090342', currency: 'CHF' });
    expect([s.entryCount, txCount(file), s.balanceCheck]).toEqual([13, 32, true]);
    expect(s.balances.map((b) => [b.type, b.signedMinor, b.date])).toEqual([
      ['OPBD', 32215216, '2016-04-29'],
      ['CLBD', 32268977, '2016-04-30'],
    ]);
    const batch = s.entries[6]!;
    expect(batch).toMatchObject({
      direction: 'credit',
      entryRef: '010000004',
      bookingDate: '2016-05-27',
      valueDate: '2016-05-30',
    });
    expect(batch.amount).toEqual({ minor: 100000, decimal: '1000.00', currency: 'CHF', exact: true });
    expect(batch.batches).toEqual([
      { messageId: null, paymentInfoId: null, count: 10, total: null, direction: null },
    ]);
    expect(batch.transactions).toHaveLength(10);
    expect(batch.transactions[0]!.amount?.minor).toBe(10000);
    expect(batch.transactions[0]!.remittanceStructured).toEqual([
      expect.objectContaining({
        kind: 'creditor_reference',
        type: 'ISR Reference',
        ref: '000000000002015110002913192',
      }),
      expect.objectContaining({ kind: 'additional', type: null, ref: '?REJECT?0' }),
    ]);
    const reversals = s.entries.filter((e) => e.reversal);
    expect(reversals.map((e) => [e.direction, e.amount.minor, e.transactions[0]!.returnReason])).toEqual([
      ['debit', 600, 'MD06'],
      ['debit', 1553, 'MD06'],
    ]);
    expect(s.entries[8]!.transactions.map((t) => t.returnReason)).toEqual(['NARR', 'NARR', 'NARR']);
    expect(s.entries[11]!.transactions[0]!.endToEndId).toBe('EndToEnd-2B6C-CHDDBB5');
    expect(file.warnings).toEqual([]);
  });

  it('ISO business example (v04, SEK): account as Othr/Id, booking date sent as DtTm, a batch, EndToEndIds', () => {
    const file = read('dvbern_six_business_sample_camt.053.001.04.xml');
    const s = only(file);
    expect(s.account).toMatchObject({ iban: null, other: '50000000054910000003', currency: 'SEK' });
    expect(s.balanceCheck).toBe(true);
    expect(s.entries[0]).toMatchObject({
      bookingDate: '2010-10-18',
      bookingDateTime: '2010-10-18T13:15:00+01:00',
      valueDate: '2010-10-18',
      valueDateTime: null,
    });
    expect(s.entries[0]!.amount.minor).toBe(10567850);
    expect(s.entries[1]!.batches[0]).toMatchObject({
      messageId: 'FINP-0055',
      paymentInfoId: 'FINP-0055/001',
      count: 20,
    });
    expect(s.entries[1]!.transactions).toEqual([]);
    expect(s.entries.flatMap((e) => e.transactions.map((t) => t.endToEndId))).toEqual([
      'MUELL/FINP/RA12345',
      'AAAASS1085FINPSS',
    ]);
    // Its TxDtls says 0 where the entry booked 105678.50: the entry's amount is kept, and the gap told.
    expect(codes(file)).toEqual(['transaction_amount_differs']);
  });

  it("three decimals ('8.850') are read exactly, and the upstream balances that do not add up give false", () => {
    const file = read('genkgo_camt053.v2.five.decimals.xml');
    const s = only(file);
    expect(s.entries[0]!.amount).toEqual({ minor: 885, decimal: '8.85', currency: 'EUR', exact: true });
    expect(s.balances.map((b) => b.amount.minor)).toEqual([1815, 2705]);
    expect(s.entries[0]).toMatchObject({ bookingDate: '2014-12-31', valueDate: '2015-01-02' });
    expect(s.entries[0]!.transactions[0]).toMatchObject({
      endToEndId: '000000001',
      creditor: { name: 'Company Name', iban: 'NL56AGDH9619008421', account: null, id: null },
      remittanceUnstructured: ['Transaction Description'],
    });
    expect(s.balanceCheck).toBe(false);
    expect(codes(file)).toEqual(['balance_mismatch']);
  });

  it('two <Stmt> in one message: both read, both balanced', () => {
    const file = read('genkgo_camt053.v2.multi.statement.xml');
    expect(
      file.statements.map((s) => [s.id, s.entryCount, s.sumCreditsMinor, s.sumDebitsMinor, s.balanceCheck]),
    ).toEqual([
      ['253EURNL26VAYB8060476890', 1, 885, 0, true],
      ['254EURNL26VAYB8060476890', 1, 0, 700, true],
    ]);
  });

  it('Finnish federation sample: comments between elements, salary batch without details, RF/ISO and CINV references, FX', () => {
    const file = read('moov_FI_camt_053_sample.xml');
    const s = only(file);
    expect([s.entryCount, s.balanceCheck, s.sumCreditsMinor, s.sumDebitsMinor]).toEqual([
      10,
      true,
      2307500,
      943017,
    ]);
    expect(s.balances.map((b) => b.type)).toEqual(['OPBD', 'PRCD', 'CLBD', 'CLAV']);
    expect(s.declared).toMatchObject({
      entryCount: 10,
      creditCount: 6,
      creditSum: '23075.00',
      debitCount: 4,
    });
    expect(s.entries[0]!.batches[0]).toMatchObject({
      messageId: 'MSGSALA0001',
      paymentInfoId: 'CustRefForSalaBatch',
      count: 4,
    });
    expect(s.entries[1]!.transactions).toEqual([]);
    const tx = s.entries[2]!.transactions;
    expect(tx.map((t) => t.amount?.minor)).toEqual([200002, 100001, 123002]);
    expect(tx[0]!.remittanceStructured[0]).toMatchObject({ type: 'SCOR', issuer: null, ref: '3900' });
    expect(tx[2]!.remittanceStructured[0]).toMatchObject({
      kind: 'referred_document',
      type: 'CINV',
      ref: '217827182718',
    });
    expect(s.entries[7]!.transactions[0]!.remittanceStructured[0]).toMatchObject({
      kind: 'creditor_reference',
      type: 'SCOR',
      issuer: 'ISO',
      ref: 'RF98123456789012',
      amount: { minor: 550000, decimal: '5500.00', currency: 'EUR', exact: true },
    });
    expect(s.entries[6]!.transactions[0]!.instructedAmount).toMatchObject({ minor: 320000, currency: 'USD' });
    expect(s.entries[8]!.transactions[0]!.endToEndId).toBe('EndToEndIdSCT01');
    expect(file.warnings).toEqual([]);
  });

  it('PostFinance 2020: collective credits with bare TxDtls, NtryRefs linking to camt.054, CLBD off but FWAV right', () => {
    const s = only(
      read('moov_postfinance_camt.053_P_CH2909000000250094239_1110092698_0_2020112503071366.xml'),
    );
    expect(s.entries).toHaveLength(5);
    expect(
      s.entries.every((e) => e.transactions.length === 1 && e.transactions[0]!.accountServicerRef !== null),
    ).toBe(true);
    const byRef = (ref: string) => s.entries.find((e) => e.entryRef === ref)!;
    expect([byRef('014295803').amount.minor, byRef('014295803').direction]).toEqual([153700, 'credit']);
    expect(byRef('CH7730000001250094239').amount.minor).toBe(169222);
    // A DBIT entry whose TxDtls say CRDT: the entry is trusted.
    const debit = s.entries.find((e) => e.direction === 'debit')!;
    expect([debit.amount.minor, debit.transactions[0]!.direction]).toEqual([7770, 'credit']);
    expect(s.balanceCheck).toBe(false);
    const opening = s.balances.find((b) => b.type === 'OPBD')!.signedMinor;
    const forward = s.balances.find((b) => b.type === 'FWAV')!.signedMinor;
    expect(opening + s.sumCreditsMinor - s.sumDebitsMinor).toBe(forward);
  });

  it('Lithuanian statement: NOTPROVIDED end-to-end ids become null, non-ASCII text, no CLBD so no check', () => {
    const s = only(read('moov_statement_1_LT.xml'));
    expect(s.entries.map((e) => [e.direction, e.amount.minor])).toEqual([
      ['debit', 164],
      ['debit', 273458],
      ['debit', 3016],
      ['debit', 170],
    ]);
    expect(s.entries.map((e) => e.transactions[0]!.endToEndId)).toEqual([null, null, null, null]);
    expect(s.entries[0]!.transactions[0]!.creditor?.name).toBe('UAB "TESTAVIMAS"');
    expect(s.entries[0]!.transactions[0]!.remittanceUnstructured[0]).toMatch(/^Mokestis už/);
    expect(s.balanceCheck).toBeNull();
  });

  it('OCA Swiss batch: one entry split into two ISR-referenced payments', () => {
    const s = only(read('oca_test-camt053-txdtls.xml'));
    expect(s.balanceCheck).toBe(true);
    const tx = s.entries[0]!.transactions;
    expect(tx.map((t) => [t.amount?.minor, t.remittanceStructured[0]?.ref])).toEqual([
      [218700, '302388292000011111111111111'],
      [129600, '302388292000022222222222222'],
    ]);
  });

  it('OCA (ABN AMRO style): mandate id, a reversed batch of two direct debits (AC06), a credit transfer', () => {
    const file = read('oca_test-camt053.xml');
    const s = only(file);
    expect(s.entries[0]!.transactions[0]!.mandateId).toBe('1880000341866');
    const reversed = s.entries[1]!;
    expect([reversed.reversal, reversed.direction, reversed.batches[0]?.count]).toEqual([true, 'debit', 2]);
    expect(reversed.transactions.map((t) => [t.amount?.minor, t.returnReason])).toEqual([
      [56405, 'AC06'],
      [10000, 'AC06'],
    ]);
    expect(s.entries[2]).toMatchObject({ direction: 'credit', amount: { minor: 140531 } });
    expect(s.entries[2]!.transactions[0]!.endToEndId).toBe('115');
    expect(s.balanceCheck).toBe(false);
  });

  it('redacted v08 statement: account as Othr/Id, one credit with EndToEndId and Ustrd', () => {
    const file = read('ofxstatement_camt053.xml');
    expect(file.version).toBe('camt.053.001.08');
    const s = only(file);
    expect(s.account.other).toBe('0035-2915203-10-000');
    expect(s.entries[0]!.transactions[0]).toMatchObject({
      endToEndId: '9502830971',
      remittanceUnstructured: ['PAYMENT INFO'],
      debtor: { name: 'PAYEE' },
    });
    expect(s.balanceCheck).toBe(true);
  });

  it('Raiffeisen: 16 entries without any TxDtls, only their text', () => {
    const s = only(read('ofxstatement_davider80.xml'));
    expect(s.entryCount).toBe(16);
    expect(s.entries.every((e) => e.transactions.length === 0 && e.additionalInfo !== null)).toBe(true);
    expect(s.balanceCheck).toBe(true);
  });

  it("currency redacted to 'XXX' is read with two decimals", () => {
    const file = read('ofxstatement_gcamp6.xml');
    const s = only(file);
    expect(s.entries[0]!.amount).toEqual({
      minor: 1000000,
      decimal: '10000.00',
      currency: 'XXX',
      exact: true,
    });
    expect(s.entries[0]!.transactions[0]!.instructedAmount?.minor).toBe(1000000);
    expect(s.balanceCheck).toBe(false);
  });

  it('BookgDt as DtTm keeps the date and the date-time', () => {
    const s = only(read('ofxstatement_simple.xml'));
    expect(s.entries.map((e) => [e.bookingDate, e.bookingDateTime, e.valueDate])).toEqual([
      ['2015-12-31', '2015-12-31T00:00:00', '2016-01-01'],
      ['2015-12-31', '2015-12-31T01:12:39', '2015-12-31'],
      ['2015-12-31', '2015-12-31T02:00:31', '2015-12-31'],
      ['2015-12-31', '2015-12-31T02:00:31', '2015-12-31'],
    ]);
    expect([s.sumDebitsMinor, s.balanceCheck]).toEqual([18101, true]);
  });

  it('Volksbank: mandate and creditor id, a batch entry with two TxDtls, PRCD as opening', () => {
    const s = only(read('viafintech_valid_example.xml'));
    expect(s.entries[0]!.transactions[0]).toMatchObject({
      endToEndId: 'EndToEndReference',
      mandateId: 'MandateReference',
      creditor: { name: 'Testkonto Nummer 2', iban: 'DE09300606010012345671', id: 'CreditorIdentifier' },
    });
    expect(s.entries[3]!.batches[0]).toMatchObject({ paymentInfoId: 'STZV-PmInf27122013-11:02-2', count: 2 });
    expect(s.entries[3]!.transactions.map((t) => t.amount?.minor)).toEqual([350, 250]);
    expect(s.balanceCheck).toBe(true);
  });

  it('UBS v08: QRR and RF references, v08 parties (Pty/Nm), a EUR entry on a CHF account with its CHF value', () => {
    const s = only(read('viafintech_valid_example_v8.xml'));
    expect(s.entries[0]!.amount).toMatchObject({ minor: 47440, decimal: '474.40' });
    expect(s.entries[0]!.transactions[0]!.debtor?.name).toBe('Jon Doe');
    expect(s.entries[1]!.transactions[0]!.remittanceStructured[0]).toMatchObject({
      type: 'SCOR',
      ref: 'RF38000000000000000000552',
    });
    const fx = s.entries[2]!;
    expect([
      fx.direction,
      fx.amount.currency,
      fx.amount.minor,
      fx.counterValue?.minor,
      fx.counterValue?.currency,
    ]).toEqual(['debit', 'EUR', 2097, 1969, 'CHF']);
    expect(fx.transactions[0]!.remittanceStructured[0]).toMatchObject({
      type: 'QRR',
      ref: '000000270148751802165444888',
    });
    expect(s.balanceCheck).toBe(false);
  });

  it('ING: a PmtInfId batch of three without TxDtls, five kinds of balance, proprietary codes with issuer', () => {
    const s = only(read('viafintech_valid_example_with_batch.xml'));
    expect(s.balances.map((b) => b.type)).toEqual(['PRCD', 'OPBD', 'CLBD', 'CLAV', 'FWAV', 'FWAV']);
    expect(s.entries[0]!.batches[0]?.count).toBe(3);
    expect(s.entries[0]!.transactions).toEqual([]);
    expect(s.entries[0]!.bankTxCode).toMatchObject({
      domain: 'PMNT',
      proprietary: '00200',
      proprietaryIssuer: 'ING Group',
    });
    expect(s.balanceCheck).toBe(false);
  });

  it('Wise v10: status as <Sts><Cd>, dates as DtTm only, no TxDtls, no opening balance', () => {
    const file = read('viafintech_valid_example_with_datetime.xml');
    expect(file.version).toBe('camt.053.001.10');
    const s = only(file);
    expect(s.account).toMatchObject({ other: '11111111', currency: 'USD' });
    expect(s.entries[0]).toMatchObject({
      status: 'booked',
      statusCode: 'BOOK',
      bookingDate: '2023-06-21',
      bookingDateTime: '2023-06-21T12:35:33.115965+00:00',
      entryRef: 'Test Buchung',
      transactions: [],
    });
    expect(s.balances[0]).toMatchObject({
      type: 'CLBD',
      dateTime: '2023-07-07T00:00:00+02:00',
      date: '2023-07-07',
    });
    expect(s.balanceCheck).toBeNull();
    expect(file.warnings).toEqual([]);
  });

  it('entries flipped to debits upstream: the check says false', () => {
    const s = only(read('viafintech_valid_example_with_debit.xml'));
    expect(s.balances[0]).toMatchObject({ type: 'PRCD', direction: 'debit', signedMinor: -3306 });
    expect(s.balanceCheck).toBe(false);
  });

  it('4500.00 booked with a TxAmt of 0.04: the entry amount is what counts, the transaction keeps its own', () => {
    const file = read('viafintech_valid_example_with_instdamt.xml');
    const entry = only(file).entries[0]!;
    expect(entry.amount.minor).toBe(450000);
    expect(entry.transactions[0]!.amount?.minor).toBe(4);
    expect(entry.transactions[0]!.instructedAmount?.minor).toBe(450000);
    expect(entry.bankTxCode).toMatchObject({ domain: '*', family: '*', subFamily: 'OTHR' });
    expect(codes(file)).toEqual(['transaction_amount_differs', 'balance_mismatch']);
  });
});
