import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@relance/core';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../test/support/shared-fixtures.ts';
import { parseCfonbAmount } from './cfonb-records.ts';
import { readCfonb } from './read-cfonb.ts';

const shared = sharedFixtures() ?? '';
const fixture = (name: string) =>
  readCfonb(readFileSync(join(shared, 'cfonb120', name)), { fileLabel: name });

const HEAD = '30003000501234EUR2 01234567890';
const balance = (code: '01' | '07', amount: string, date: string) =>
  `${code}30003    01234EUR2 01234567890  ${date}${' '.repeat(50)}${amount}${' '.repeat(16)}`;
const operation = (amount: string, label: string, opts: { ref?: string; rejection?: string } = {}) =>
  `04${HEAD}B1010324${(opts.rejection ?? '').padEnd(2)}010324${label.padEnd(31)}  000000000${amount}${(opts.ref ?? '').padEnd(16)}`;
const complement = (qualifier: string, info: string) =>
  `05${HEAD}B1010324     ${qualifier}${info.padEnd(70)}  `;

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseCfonbAmount: signed overpunch', () => {
  it.each([
    ['0000000010401G', 2, 104017, false],
    ['0000000013210{', 2, 132100, false],
    ['0000000000322J', 2, 3221, true],
    ['0000000000107}', 2, 1070, true],
    ['0000000000199R', 2, 1999, true],
    ['0000000001234I', 0, 12349, false],
    ['0000000012345A', 3, 123451, false],
    ['00000000123456', 2, 123456, false],
  ])('%s with %i decimals → %i (negative: %s)', (field, decimals, minor, negative) => {
    expect(
      parseCfonbAmount(field, decimals, decimals === 0 ? 'JPY' : decimals === 3 ? 'TND' : 'EUR'),
    ).toMatchObject({
      minor,
      negative,
    });
  });

  it('refuses what is not an amount', () => {
    expect(parseCfonbAmount('00000000ABC12{', 2, 'EUR')).toBeNull();
    expect(parseCfonbAmount('0000000000012*', 2, 'EUR')).toBeNull();
  });
});

describe.skipIf(shared === '')('CFONB 120 samples from ../shared/fixtures', () => {
  it('OCA classic: 13 operations dated 2024-01-13, 1017311.89 → 1031585.79, with their 05 details', () => {
    const file = fixture('oca_l10n-france_cfonb_classic.cfo');
    expect([file.format, file.warnings]).toEqual(['cfonb120', []]);
    expect(file.statements).toHaveLength(1);
    const s = file.statements[0]!;
    expect(s.account).toMatchObject({
      other: '01234567890',
      currency: 'EUR',
      bank: { bic: null, name: null, bankCode: '30003', branchCode: '01234' },
    });
    expect(s.balances.map((b) => [b.type, b.signedMinor, b.date])).toEqual([
      ['OPBD', 101731189, '2024-01-12'],
      ['CLBD', 103158579, '2024-01-13'],
    ]);
    expect([s.entryCount, s.balanceCheck, s.from, s.to]).toEqual([13, true, '2024-01-12', '2024-01-13']);
    expect(s.entries.every((e) => e.bookingDate === '2024-01-13' && e.valueDate === '2024-01-13')).toBe(true);
    const first = s.entries[0]!;
    expect([
      first.direction,
      first.amount.minor,
      first.additionalInfo,
      first.bankTxCode?.proprietary,
    ]).toEqual(['credit', 104017, 'VIR INST MA JOLIE BOUTIQUE', '18']);
    expect(first.details).toEqual([
      { qualifier: 'LIB', text: 'facture F230875' },
      { qualifier: 'NPY', text: 'MA JOLIE BOUTIQUE' },
      { qualifier: 'NBE', text: 'AKRETION FRANCE' },
    ]);
    expect(first.transactions[0]).toMatchObject({
      debtor: { name: 'MA JOLIE BOUTIQUE' },
      creditor: { name: 'AKRETION FRANCE' },
      remittanceUnstructured: ['facture F230875'],
      amount: { minor: 104017 },
      direction: 'credit',
    });
    expect(s.entries[5]!.transactions[0]!.remittanceUnstructured).toEqual(['F238765+F229876']);
    expect(s.entries[1]!.transactions[0]!.endToEndId).toBe('0018937');
    const directDebit = s.entries[9]!;
    expect([directDebit.direction, directDebit.amount.minor]).toEqual(['debit', 1999]);
    expect(directDebit.transactions[0]).toMatchObject({
      mandateId: 'FM-47933521-1',
      endToEndId: 'fmpmt-1168225394',
      debtor: { name: 'NIMPORTEQUOI', id: 'fmc-31375826' },
      creditor: { id: 'FR07ZZZ591778' },
    });
    // LC2 continues LCC: one remittance text.
    expect(s.entries[11]!.transactions[0]!.remittanceUnstructured).toContain(
      'FIBENT - FR - Facture: 76662391 - Compte Fact: 30008765 - Ident: 00003263',
    );
  });

  it('pennylane: two statements, negative balances, blank lines, value date ≠ booking date, odd qualifiers', () => {
    const file = fixture('pennylane_example.txt');
    expect(file.warnings).toEqual([]);
    expect(
      file.statements.map((s) => [s.account.bank?.bankCode, s.account.other, s.from, s.to, s.balanceCheck]),
    ).toEqual([
      ['15589', '98765432100', '2019-05-15', '2019-05-16', true],
      ['18706', '00123456789', '2019-05-16', '2019-05-17', true],
    ]);
    expect(file.statements.map((s) => s.balances.map((b) => [b.signedMinor, b.direction]))).toEqual([
      [
        [-19040, 'debit'],
        [-24121, 'debit'],
      ],
      [
        [-24121, 'debit'],
        [-16372, 'debit'],
      ],
    ]);
    const [one, two] = file.statements;
    expect(one!.entries.map((e) => [e.direction, e.amount.minor, e.bookingDate, e.entryRef])).toEqual([
      ['debit', 3221, '2019-05-16', null],
      ['debit', 1070, '2019-05-16', 'REFERENCE'],
      ['debit', 790, '2019-05-15', null],
    ]);
    expect(one!.entries[0]!.transactions[0]).toMatchObject({
      accountServicerRef: 'REFERENCE',
      endToEndId: 'OTHER REFERENCE',
      debtor: { name: 'INTERNET SFR' },
      remittanceUnstructured: ['MENSUEAUHTR13133', 'MENSUEAUHTR13DUP'],
    });
    expect(one!.entries[0]!.details.map((d) => d.qualifier)).toEqual([
      'LIB',
      'LIB',
      'REF',
      'RCN',
      'NPY',
      'AAA',
      'AAA',
      'BBB',
      'CCC',
      'N Y',
      "2'C",
    ]);
    expect(one!.entries[2]!.details).toEqual([]);
    expect(two!.entries[0]).toMatchObject({
      direction: 'credit',
      amount: { minor: 9749 },
      bookingDate: '2019-05-17',
      valueDate: '2019-05-15',
      additionalInfo: 'PRLV SEPA GROUPAMA CEN',
    });
  });
});

describe('readCfonb: hand-written files', () => {
  const statement = [
    balance('01', '0000000010000{', '290224'),
    operation('0000000002500{', 'VIR ACME', { ref: 'OPREF1' }),
    complement('LIB', 'F2024-017'),
    complement('LCS', 'RF18539007547034'),
    complement('RUM', 'MANDATE-9'),
    complement('MMO', 'USD200000000002700'),
    operation('0000000000100J', 'IMPAYE', { rejection: '09' }),
    balance('07', '0000000012399I', '010324'),
  ];

  it('reads the references of the 05 records into the transaction', () => {
    const file = readCfonb(statement.join('\r\n'));
    const [credit, rejected] = file.statements[0]!.entries;
    expect(credit!.entryRef).toBe('OPREF1');
    expect(credit!.transactions[0]).toMatchObject({
      mandateId: 'MANDATE-9',
      remittanceUnstructured: ['F2024-017'],
      remittanceStructured: [expect.objectContaining({ type: 'SCOR', ref: 'RF18539007547034' })],
      instructedAmount: { minor: 2700, currency: 'USD', decimal: '27.00', exact: true },
    });
    expect([rejected!.direction, rejected!.amount.minor, rejected!.transactions[0]!.returnReason]).toEqual([
      'debit',
      1001,
      '09',
    ]);
    expect(file.statements[0]!.balanceCheck).toBe(true);
    expect(file.warnings).toEqual([]);
  });

  it('lines whose trailing spaces were removed, and a file sent without line breaks, read the same', () => {
    const reference = readCfonb(statement.join('\n'));
    const trimmed = readCfonb(statement.map((l) => l.trimEnd()).join('\n'));
    const oneLine = readCfonb(statement.join(''));
    expect(trimmed.statements).toEqual(reference.statements);
    expect(oneLine.statements).toEqual(reference.statements);
  });

  it('a line longer than 120 columns, or cut inside its amount: refused with its number', () => {
    const long = [statement[0], `${statement[1]}X`, ...statement.slice(2)].join('\n');
    const error = refusal(() => readCfonb(long, { fileLabel: 'releve.cfo' }));
    expect(error.code).toBe('import_unreadable');
    expect(error.message).toBe(
      'releve.cfo: line 2 is 121 characters long: a CFONB 120 record has exactly 120.',
    );
    expect(error.details).toMatchObject({ reason: 'cfonb_line_length', line: 2 });
    const cut = [statement[0], statement[1]!.slice(0, 95), ...statement.slice(2)].join('\n');
    expect(refusal(() => readCfonb(cut)).details).toMatchObject({ line: 2 });
  });

  it('records out of place and a missing closing balance are warnings with their line', () => {
    const text = [
      operation('0000000000500{', 'AVANT TOUT'),
      statement[0],
      complement('LIB', 'ORPHELIN'),
      '99 unknown record'.padEnd(120),
      statement[1],
      operation('00000000005X0{', 'ILLISIBLE'),
    ].join('\n');
    const file = readCfonb(text);
    expect(file.warnings.map((w) => [w.code, w.line])).toEqual([
      ['record_outside_statement', 1],
      ['record_outside_statement', 3],
      ['unknown_record', 4],
      ['statement_not_closed', 2],
      ['entry_unreadable', 6],
    ]);
    const s = file.statements[0]!;
    expect(s.entries.map((e) => e.amount.minor)).toEqual([25000]);
    expect([s.balanceCheck, s.to]).toEqual([null, null]);
  });

  it('a statement without a currency code is refused', () => {
    const noCurrency = statement
      .map((l, i) => (i === 0 ? `${l.slice(0, 16)}   ${l.slice(19)}` : l))
      .join('\n');
    expect(refusal(() => readCfonb(noCurrency)).details).toMatchObject({ reason: 'cfonb_currency', line: 1 });
  });
});
