import { isCurrencyText, parseDirection, signedMinor } from '../statements/statement-amounts.ts';
import { signEntries, type UnsignedEntry } from '../statements/statement-fingerprint.ts';
import type {
  DeclaredSummary,
  Statement,
  StatementAccount,
  StatementBalance,
  StatementFormat,
} from '../statements/statement-model.ts';
import { statementTotals } from '../statements/statement-totals.ts';
import type { StatementWarnings } from '../statements/statement-warnings.ts';
import { readCamtEntry } from './camt-entry.ts';
import { type At, readAmount, readDate } from './camt-values.ts';
import { attribute, child, children, text, type XmlNode } from './xml-tree.ts';

export type StatementReading = {
  readonly format: StatementFormat;
  /** 'Stmt' (camt.053) or 'Ntfctn' (camt.054): the element name, for paths. */
  readonly element: string;
  readonly warnings: StatementWarnings;
  /** Shared by the file's statements: see `signEntries`. */
  readonly seen: Map<string, number>;
};

/** One Stmt (camt.053) or Ntfctn (camt.054): header, account, balances, entries, totals. */
export function readCamtStatement(node: XmlNode, index: number, reading: StatementReading): Statement {
  const { warnings } = reading;
  const path = `${reading.element}[${index + 1}]`;
  const at: At = { statementIndex: index, path };
  const account = readAccount(child(node, 'Acct'));
  const balanceNodes = children(node, 'Bal');
  const entryNodes = children(node, 'Ntry');
  // The account's currency, else the balances', else the first entry's: the fallback for an amount without Ccy.
  const currency =
    account.currency ??
    [...balanceNodes.map((b) => child(b, 'Amt')), ...entryNodes.slice(0, 1).map((e) => child(e, 'Amt'))]
      .map((amount) => attribute(amount, 'Ccy'))
      .find(isCurrencyText) ??
    null;
  const balances = balanceNodes.flatMap((bal, b) => {
    const balance = readBalance(bal, currency, { ...at, path: `${path}/Bal[${b + 1}]` }, warnings);
    return balance ? [balance] : [];
  });
  const unsigned: UnsignedEntry[] = [];
  for (const [n, ntry] of entryNodes.entries()) {
    const entryAt = { ...at, entryIndex: unsigned.length, path: `${path}/Ntry[${n + 1}]` };
    const entry = readCamtEntry(ntry, entryAt, currency, warnings);
    if (entry) unsigned.push(entry);
  }
  const entries = signEntries(reading.format, account, unsigned, reading.seen);
  const totals = statementTotals(currency, balances, entries, index, path, warnings);
  return {
    index,
    id: text(node, 'Id'),
    sequence: text(node, 'ElctrncSeqNb'),
    legalSequence: text(node, 'LglSeqNb'),
    createdAt: text(node, 'CreDtTm'),
    account: { ...account, currency: account.currency ?? currency },
    from: text(node, 'FrToDt', 'FrDtTm') ?? text(node, 'FrToDt', 'FrDt'),
    to: text(node, 'FrToDt', 'ToDtTm') ?? text(node, 'FrToDt', 'ToDt'),
    balances,
    declared: readSummary(child(node, 'TxsSummry')),
    ...totals,
    entries,
  };
}

function readAccount(acct: XmlNode | undefined): StatementAccount {
  const servicer = child(acct, 'Svcr', 'FinInstnId');
  const bic = text(servicer, 'BICFI') ?? text(servicer, 'BIC');
  const bankName = text(servicer, 'Nm');
  const currency = text(acct, 'Ccy');
  return {
    iban: text(acct, 'Id', 'IBAN'),
    other: text(acct, 'Id', 'Othr', 'Id'),
    currency: isCurrencyText(currency) ? currency : null,
    ownerName: text(acct, 'Ownr', 'Nm') ?? text(acct, 'Ownr', 'Pty', 'Nm') ?? text(acct, 'Nm'),
    bank:
      bic === null && bankName === null ? null : { bic, name: bankName, bankCode: null, branchCode: null },
  };
}

function readBalance(
  bal: XmlNode,
  currency: string | null,
  at: At,
  warnings: StatementWarnings,
): StatementBalance | null {
  const type = text(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? text(bal, 'Tp', 'CdOrPrtry', 'Prtry');
  const amount = readAmount(child(bal, 'Amt'), currency, { ...at, path: `${at.path}/Amt` }, warnings);
  const written = parseDirection(text(bal, 'CdtDbtInd'));
  if (type === null || amount === null || written === null) {
    warnings.add(
      'balance_unreadable',
      at,
      'solde illisible (type, montant ou sens manquant) : ignoré.',
      'unreadable balance (type, amount or direction missing): ignored.',
    );
    return null;
  }
  // A negative balance written with its sign (seen in exports) is the opposite direction.
  const { negative, ...value } = amount;
  const direction = negative ? (written === 'credit' ? 'debit' : 'credit') : written;
  const date = readDate(child(bal, 'Dt'), { ...at, path: `${at.path}/Dt` }, warnings);
  return { type, amount: value, direction, signedMinor: signedMinor(value, direction), ...date };
}

function readSummary(summary: XmlNode | undefined): DeclaredSummary | null {
  if (summary === undefined) return null;
  const count = (...path: string[]) => {
    const value = text(summary, ...path);
    return value !== null && /^\d{1,15}$/.test(value) ? Number(value) : null;
  };
  return {
    entryCount: count('TtlNtries', 'NbOfNtries'),
    creditCount: count('TtlCdtNtries', 'NbOfNtries'),
    creditSum: text(summary, 'TtlCdtNtries', 'Sum'),
    debitCount: count('TtlDbtNtries', 'NbOfNtries'),
    debitSum: text(summary, 'TtlDbtNtries', 'Sum'),
  };
}
