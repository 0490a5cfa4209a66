import { DomainError } from '@relance/core';
import { decodeStatementBytes } from '../statements/decode-statement.ts';
import { signedMinor } from '../statements/statement-amounts.ts';
import { signEntries, type UnsignedEntry } from '../statements/statement-fingerprint.ts';
import type {
  Statement,
  StatementBalance,
  StatementFile,
  StatementReadOptions,
} from '../statements/statement-model.ts';
import { statementTotals } from '../statements/statement-totals.ts';
import { StatementWarnings } from '../statements/statement-warnings.ts';
import {
  type CfonbBalance,
  type CfonbComplement,
  type CfonbLine,
  type CfonbOperation,
  parseCfonbAmount,
  parseCfonbDate,
  readBalanceRecord,
  readComplementRecord,
  readOperationRecord,
  splitRecords,
} from './cfonb-records.ts';
import { cfonbTransaction } from './cfonb-transaction.ts';

type OpenOperation = {
  readonly record: CfonbOperation;
  readonly line: number;
  readonly details: CfonbComplement[];
};

type OpenStatement = {
  readonly index: number;
  readonly opening: CfonbBalance;
  readonly line: number;
  readonly operations: OpenOperation[];
};

type Reading = {
  readonly warnings: StatementWarnings;
  readonly seen: Map<string, number>;
  readonly statements: Statement[];
  open: OpenStatement | null;
};

/**
 * Reads a French CFONB 120 statement ('relevé de compte 120 caractères'): 01 previous balance, 04
 * operations each followed by its 05 complements, 07 new balance; several statements in a row. Throws
 * `import_unreadable` for a line of the wrong length or a statement without a currency; a record out of
 * place or unreadable is a warning with its line, and the rest is read.
 */
export function readCfonb(input: string | Uint8Array, options: StatementReadOptions = {}): StatementFile {
  const fileLabel = options.fileLabel ?? 'The file';
  const warnings = new StatementWarnings();
  const text =
    typeof input === 'string'
      ? input.replace(/^\uFEFF/, '')
      : decodeStatementBytes(input, fileLabel, warnings);
  const records = splitRecords(text, fileLabel);
  if (records.length === 0) {
    throw new DomainError('import_unreadable', `${fileLabel} is empty.`, {
      reason: 'empty',
      fr: 'Fichier vide.',
    });
  }
  const reading: Reading = { warnings, seen: new Map(), statements: [], open: null };
  for (const record of records) readRecord(reading, record, fileLabel);
  if (reading.open) {
    notClosed(reading, reading.open);
    close(reading, reading.open, null);
  }
  return {
    format: 'cfonb120',
    version: null,
    messageId: null,
    createdAt: null,
    statements: reading.statements,
    warnings: warnings.items,
  };
}

function readRecord(reading: Reading, { text, line }: CfonbLine, fileLabel: string): void {
  const code = text.slice(0, 2);
  const where = { line, path: `line ${line}`, statementIndex: reading.open?.index ?? null };
  if (code === '01') {
    if (reading.open) {
      notClosed(reading, reading.open);
      close(reading, reading.open, null);
    }
    const opening = readBalanceRecord(text);
    if (!/^[A-Z]{3}$/.test(opening.currency)) {
      throw new DomainError(
        'import_unreadable',
        `${fileLabel}: line ${line} opens a statement without a currency code in columns 17–19 ("${opening.currency}").`,
        { reason: 'cfonb_currency', line, fr: `ligne ${line} : relevé sans code devise (colonnes 17 à 19).` },
      );
    }
    reading.open = { index: reading.statements.length, opening, line, operations: [] };
  } else if (code === '04' && reading.open) {
    reading.open.operations.push({ record: readOperationRecord(text), line, details: [] });
  } else if (code === '05' && reading.open?.operations.length) {
    const complement = readComplementRecord(text);
    if (complement.qualifier !== '' || complement.info.trim() !== '') {
      reading.open.operations[reading.open.operations.length - 1]?.details.push(complement);
    }
  } else if (code === '07' && reading.open) {
    close(reading, reading.open, { record: readBalanceRecord(text), line });
  } else if (['04', '05', '07'].includes(code)) {
    const what = {
      '04': ['opération', 'operation'],
      '05': ['complément', 'complement'],
      '07': ['solde', 'balance'],
    };
    const [fr, en] = what[code as '04' | '05' | '07'];
    reading.warnings.add(
      'record_outside_statement',
      where,
      `${fr} (${code}) hors d'un relevé ${code === '05' ? 'ou sans opération avant lui' : '(pas de 01 avant)'} : ignoré.`,
      `${en} record (${code}) outside a statement ${code === '05' ? 'or with no operation before it' : '(no 01 before it)'}: ignored.`,
    );
  } else {
    reading.warnings.add(
      'unknown_record',
      where,
      `enregistrement de type « ${code} » inconnu (01, 04, 05 ou 07 attendus) : ignoré.`,
      `unknown record type "${code}" (01, 04, 05 or 07 expected): ignored.`,
    );
  }
}

function notClosed(reading: Reading, open: OpenStatement): void {
  reading.warnings.add(
    'statement_not_closed',
    { statementIndex: open.index, line: open.line, path: `line ${open.line}` },
    'le relevé ouvert ici ne se termine par aucun solde final (07) : lu sans solde final.',
    'the statement opened here has no new-balance record (07): read without a closing balance.',
  );
}

function close(
  reading: Reading,
  open: OpenStatement,
  closing: { record: CfonbBalance; line: number } | null,
): void {
  reading.open = null;
  const { index, opening } = open;
  const currency = opening.currency;
  const path = `line ${open.line}`;
  const balances: StatementBalance[] = [];
  const openingBalance = balanceOf(reading, 'OPBD', opening, open.line, index);
  if (openingBalance) balances.push(openingBalance);
  const closingBalance = closing ? balanceOf(reading, 'CLBD', closing.record, closing.line, index) : null;
  if (closingBalance) balances.push(closingBalance);
  const unsigned: UnsignedEntry[] = [];
  for (const operation of open.operations) {
    const entry = readOperation(reading, operation, currency, index, unsigned.length);
    if (entry) unsigned.push(entry);
  }
  const account = {
    iban: null,
    other: opening.account || null,
    currency,
    ownerName: null,
    bank: {
      bic: null,
      name: null,
      bankCode: opening.bankCode || null,
      branchCode: opening.branchCode || null,
    },
  };
  const entries = signEntries('cfonb120', account, unsigned, reading.seen);
  const totals = statementTotals(currency, balances, entries, index, path, reading.warnings);
  reading.statements.push({
    index,
    id: null,
    sequence: null,
    legalSequence: null,
    createdAt: null,
    account,
    from: openingBalance?.date ?? null,
    to: closingBalance?.date ?? null,
    balances,
    declared: null,
    ...totals,
    entries,
  });
}

function balanceOf(
  reading: Reading,
  type: 'OPBD' | 'CLBD',
  record: CfonbBalance,
  line: number,
  statementIndex: number,
): StatementBalance | null {
  const amount = /^\d$/.test(record.decimals)
    ? parseCfonbAmount(record.amount, Number(record.decimals), record.currency)
    : null;
  const at = { statementIndex, line, path: `line ${line}` };
  if (amount === null || !/^[A-Z]{3}$/.test(record.currency)) {
    reading.warnings.add(
      'balance_unreadable',
      at,
      `solde illisible « ${record.amount} » (${record.decimals} décimales, devise ${record.currency}) : ignoré.`,
      `unreadable balance "${record.amount}" (${record.decimals} decimals, currency ${record.currency}): ignored.`,
    );
    return null;
  }
  const { negative, ...value } = amount;
  const direction = negative ? 'debit' : 'credit';
  const date = parseCfonbDate(record.date);
  if (date === null) dateWarning(reading, record.date, at);
  return { type, amount: value, direction, signedMinor: signedMinor(value, direction), date, dateTime: null };
}

function readOperation(
  reading: Reading,
  { record, line, details }: OpenOperation,
  statementCurrency: string,
  statementIndex: number,
  entryIndex: number,
): UnsignedEntry | null {
  const at = { statementIndex, entryIndex, line, path: `line ${line}` };
  const currency = /^[A-Z]{3}$/.test(record.currency) ? record.currency : statementCurrency;
  const amount = /^\d$/.test(record.decimals)
    ? parseCfonbAmount(record.amount, Number(record.decimals), currency)
    : null;
  if (amount === null) {
    reading.warnings.add(
      'entry_unreadable',
      at,
      `montant illisible « ${record.amount} » (${record.decimals} décimales) ; opération ignorée.`,
      `unreadable amount "${record.amount}" (${record.decimals} decimals); operation skipped.`,
    );
    return null;
  }
  const { negative, ...value } = amount;
  const direction = negative ? 'debit' : 'credit';
  const bookingDate = parseCfonbDate(record.bookingDate);
  if (bookingDate === null) dateWarning(reading, record.bookingDate, at);
  const valueDate = parseCfonbDate(record.valueDate);
  if (valueDate === null && record.valueDate.trim() !== '') dateWarning(reading, record.valueDate, at);
  const bankTxCode = {
    domain: null,
    family: null,
    subFamily: null,
    proprietary: record.interbankCode || null,
    proprietaryIssuer: 'CFONB',
  };
  const operation = { amount: value, direction, rejectionCode: record.rejectionCode, bankTxCode } as const;
  return {
    index: entryIndex,
    amount: value,
    counterValue: null,
    direction,
    reversal: false,
    status: 'booked',
    statusCode: null,
    bookingDate,
    bookingDateTime: null,
    valueDate,
    valueDateTime: null,
    accountServicerRef: /^0*$/.test(record.entryNumber) ? null : record.entryNumber,
    entryRef: record.reference || null,
    bankTxCode,
    additionalInfo: record.label || null,
    batches: [],
    transactions: [cfonbTransaction(operation, details)],
    details: details.map((d) => ({ qualifier: d.qualifier, text: d.info.trim() })),
  };
}

function dateWarning(
  reading: Reading,
  written: string,
  at: { readonly line: number; readonly path: string },
): void {
  reading.warnings.add(
    'date_unreadable',
    at,
    `date illisible « ${written} » (JJMMAA attendu).`,
    `unreadable date "${written}" (DDMMYY expected).`,
  );
}
