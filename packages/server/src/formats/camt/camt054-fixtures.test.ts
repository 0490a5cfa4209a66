import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../test/support/shared-fixtures.ts';
import type { Statement, StatementFile } from '../statements/statement-model.ts';
import { readCamt } from './read-camt.ts';

const shared = sharedFixtures() ?? '';
const read = (folder: string, name: string): StatementFile =>
  readCamt(readFileSync(join(shared, folder, name)), { fileLabel: name });
const notification = (name: string): Statement => {
  const file = read('camt054', name);
  expect(file.format).toBe('camt.054');
  expect(file.statements).toHaveLength(1);
  return file.statements[0]!;
};
const refs = (s: Statement) =>
  s.entries.flatMap((e) =>
    e.transactions.map(
      (t) => t.remittanceStructured.find((r) => r.kind === 'creditor_reference')?.ref ?? null,
    ),
  );

const esrOriginal =
  'moov_postfinance_200519_camt054-ESR-ASR_P_CH2909000000250094239_1110092704_0_2019042500372179.xml';
const esrTrimmed =
  'dvbern_200519_camt054-ESR-ASR_P_CH2909000000250094239_1110092704_0_2019042500372179_v2009.xml';
const qrNotification =
  'dvbern_200519_camt.054_P_CH2909000000250094239_1111091335_0_2020061900081727_v2019.xml';
const statement2020 = 'moov_postfinance_camt.053_P_CH2909000000250094239_1110092698_0_2020112503071366.xml';

// What the shared fixtures' README says each real public camt.054 file holds.
describe.skipIf(shared === '')('camt.054 samples from ../shared/fixtures', () => {
  it('PostFinance v08 (SPS 2019): one credit split into two QR-bill payments', () => {
    const file = read('camt054', qrNotification);
    expect(file.version).toBe('camt.054.001.08');
    const s = file.statements[0]!;
    const entry = s.entries[0]!;
    expect([entry.direction, entry.amount.minor, entry.entryRef, entry.batches[0]?.count]).toEqual([
      'credit',
      169222,
      'CH7730000001250094239',
      2,
    ]);
    expect(entry.transactions.map((t) => [t.amount?.minor, t.endToEndId])).toEqual([
      [77829, '1006265-aic5dL-75dzf3jk9-cf2d5e9'],
      [91393, null],
    ]);
    expect(refs(s)).toEqual(['539115429773825311971477453', '662437765447746478179744715']);
    expect(
      entry.transactions[0]!.remittanceStructured.filter((r) => r.kind === 'additional').map((r) => r.ref),
    ).toEqual(['?REJECT?0', '?ERROR?000']);
    expect(s.balances).toEqual([]);
    expect(s.balanceCheck).toBeNull();
  });

  it('ESR/ASR original: 1537.00 collective credit in five ISR payments, one reference paying three times, a 147.00 debit', () => {
    const s = notification(esrOriginal);
    const [credit, debit] = s.entries;
    expect([credit!.entryRef, credit!.amount.minor, credit!.transactions.length]).toEqual([
      '014295803',
      153700,
      5,
    ]);
    expect(credit!.transactions.map((t) => t.amount?.minor)).toEqual([25000, 20000, 30000, 32400, 46300]);
    expect(refs(s).filter((r) => r === '120000000000234478943216899')).toHaveLength(3);
    expect(credit!.transactions[0]!.remittanceStructured[0]!.type).toBe('ISR Reference');
    expect(credit!.transactions[0]!.endToEndId).toBe('EndToEndId-001-02-02');
    expect([debit!.direction, debit!.amount.minor]).toEqual(['debit', 14700]);
  });

  it('the statement entry NtryRef 014295803 is the notification entry: same account, amount and reference', () => {
    const statementEntry = read('camt053', statement2020).statements[0]!.entries.find(
      (e) => e.entryRef === '014295803',
    )!;
    const detailed = notification(esrOriginal).entries[0]!;
    expect([detailed.amount.minor, detailed.direction]).toEqual([
      statementEntry.amount.minor,
      statementEntry.direction,
    ]);
    // Two records of one booking, with different detail: linking them is the importer's, not the fingerprint's.
    expect(detailed.fingerprint).not.toBe(statementEntry.fingerprint);
  });

  it('the trimmed copy of the ESR/ASR file: a structured reference without a type, the same 147.00 booking', () => {
    const trimmed = notification(esrTrimmed);
    const debit = trimmed.entries[0]!;
    expect(debit.transactions[0]!.remittanceStructured[0]).toMatchObject({
      type: null,
      ref: '100041698214115449371805278',
    });
    // The bank's references are the same in both files: one booking, one fingerprint.
    expect(debit.fingerprint).toBe(notification(esrOriginal).entries[1]!.fingerprint);
  });

  it('red payment slips: a collective credit of eight payments with their Ustrd', () => {
    const s = notification('dvbern_camt.054-ES_P_CH0309000000250090342_38000000_0_2016052723011813.xml');
    const entry = s.entries[0]!;
    expect(entry.transactions).toHaveLength(8);
    expect(entry.transactions.reduce((sum, t) => sum + (t.amount?.minor ?? 0), 0)).toBe(entry.amount.minor);
    expect(entry.transactions[2]!.remittanceUnstructured).toEqual([
      'MUSTER MITTEILUNG 1',
      'MUSTER MITTEILUNG 2',
      'MUSTER MITTEILUNG 3',
      'MUSTER MITTEILUNG 4',
    ]);
  });

  it('a single credit whose EndToEndId is NOTPROVIDED', () => {
    const s = notification('dvbern_camt.054_P_CH2909000000250094239_1111111112_0_2022031011011199_v2019.xml');
    expect(s.entries[0]!.amount.minor).toBe(52210);
    expect(s.entries[0]!.transactions[0]!.endToEndId).toBeNull();
  });

  it('a booked reversal, a pending credit and a booked debit: only booked entries count', () => {
    const s = notification('dvbern_camt_054_Beispiel_NoCrdtBookedNotReversed.xml');
    expect(s.entries.map((e) => [e.direction, e.amount.minor, e.status, e.reversal, e.bookingDate])).toEqual([
      ['credit', 11100, 'booked', true, '2017-07-26'],
      ['credit', 200, 'pending', false, null],
      ['debit', 300, 'booked', false, '2017-07-26'],
    ]);
    expect([s.sumCreditsMinor, s.sumDebitsMinor]).toEqual([11100, 300]);
  });

  it('a collective booking of two payments', () => {
    const s = notification('dvbern_camt_054_Beispiel_SammelbuchungEs.xml');
    expect(s.entries[0]!.transactions.map((t) => [t.amount?.minor, t.debtor?.name])).toEqual([
      [11100, 'Ada Lovelace'],
      [200, 'Lord Bayron'],
    ]);
  });

  it('Finnish federation sample: RF references, credit notes, FX in USD and JPY, an INFO reversal with return reasons', () => {
    const file = read('camt054', 'moov_FI_camt_054_sample.xml');
    expect(file.version).toBe('camt.054.001.02');
    const s = file.statements[0]!;
    expect(s.entryCount).toBe(6);
    expect(s.entries[0]!.transactions[0]!.remittanceStructured).toEqual([
      expect.objectContaining({ ref: '3900', amount: expect.objectContaining({ minor: 250000 }) }),
      expect.objectContaining({ ref: '12344', creditNoteAmount: expect.objectContaining({ minor: 60000 }) }),
    ]);
    expect(s.entries[2]!.transactions[0]!.remittanceStructured[0]).toMatchObject({
      type: 'SCOR',
      issuer: 'ISO',
      ref: 'RF7812345',
    });
    const fx = s.entries[4]!.transactions.map((t) => t.instructedAmount);
    expect(fx).toEqual([
      { minor: 75000, decimal: '750.00', currency: 'USD', exact: true },
      { minor: 79255, decimal: '79255', currency: 'JPY', exact: true },
    ]);
    const info = s.entries[5]!;
    expect([info.status, info.statusCode, info.reversal]).toEqual(['info', 'INFO', true]);
    expect(info.transactions.map((t) => t.returnReason)).toEqual(['AC01', 'CUST']);
    expect(info.transactions[0]!.returnInfo).toBe('1+TILIÄ EI LÖYDY');
  });

  it('outgoing payments advice: ISR and QRR references, instructed amounts', () => {
    const s = notification(
      'moov_postfinance_200519_camt054-epo_p_ch5109000000250092291_1110097605_0_2019052103322231.xml',
    );
    const entry = s.entries[0]!;
    expect([entry.direction, entry.amount.minor]).toEqual(['debit', 75000]);
    expect(entry.transactions.map((t) => t.remittanceStructured[0]?.type)).toEqual([
      'ISR Reference',
      'ISR Reference',
      'QRR',
    ]);
    expect(entry.transactions.map((t) => t.instructedAmount?.minor)).toEqual([20000, 25000, 30000]);
  });

  it('returns of outgoing payments: AC01, booked as credits, the second one flagged as a reversal', () => {
    const first = notification(
      'moov_postfinance_200519_camt054-returns_p_ch2909000000250094239_1109800798_0_2019052023472022.xml',
    ).entries[0]!;
    expect([first.direction, first.reversal, first.amount.minor]).toEqual(['credit', false, 40000]);
    expect(first.transactions[0]).toMatchObject({ returnReason: 'AC01', endToEndId: 'EndToEndId-004-01-01' });
    const second = notification(
      'moov_postfinance_camt054-returns_p_ch5109000000250092291_1110097606_0_2020112500512470.xml',
    ).entries[0]!;
    expect([second.direction, second.reversal]).toEqual(['credit', true]);
    expect(second.transactions[0]).toMatchObject({
      returnReason: 'AC01',
      endToEndId: 'EndToEndId-001-03-04',
    });
  });

  it('OCA: a single credit with a QRR reference and an EndToEndId', () => {
    const s = notification('oca_test-camt054.xml');
    expect(s.entries[0]!.amount).toMatchObject({ minor: 500, currency: 'EUR' });
    expect(s.entries[0]!.transactions[0]).toMatchObject({ endToEndId: 'ENDTOENDID-01' });
    expect(refs(s)).toEqual(['000000000000000000000000003']);
  });

  it('PostFinance-style: four entries, a batch of two, reversals with MD06', () => {
    const s = notification('viafintech_valid_example.xml');
    expect(s.entries.map((e) => [e.direction, e.amount.minor, e.reversal])).toEqual([
      ['credit', 2400, false],
      ['credit', 5656, false],
      ['debit', 600, true],
      ['debit', 1553, true],
    ]);
    expect(s.entries[0]!.batches[0]?.count).toBe(2);
    expect(s.entries[2]!.transactions[0]).toMatchObject({
      returnReason: 'MD06',
      endToEndId: 'EndToEnd-2B6C-CHDDBB5',
    });
  });
});
