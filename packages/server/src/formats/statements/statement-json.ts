import { minorToDecimalString } from '@relance/core';
import type {
  BankTransactionCode,
  Statement,
  StatementAmount,
  StatementEntry,
  StatementFile,
  StatementParty,
  StatementTransaction,
  StatementWarning,
  StructuredRemittance,
} from './statement-model.ts';

/** Extra fields the caller adds to an entry or a transaction (what it matched, and why). */
export type JsonAnnotation = Readonly<Record<string, unknown>>;

export type StatementJsonOptions = {
  readonly annotateEntry?: (entry: StatementEntry, statement: Statement) => JsonAnnotation | undefined;
  readonly annotateTransaction?: (
    transaction: StatementTransaction,
    entry: StatementEntry,
    statement: Statement,
  ) => JsonAnnotation | undefined;
};

type Json = Readonly<Record<string, unknown>>;

/**
 * A statement file as the JSON `relance statements import --json` prints: the header, and for every
 * entry and transaction its amount as a decimal string and in minor units, currency, direction, status,
 * booking and value dates, and the references found (end-to-end id, structured creditor references,
 * remittance text, batches). Plain objects: the annotation callbacks' fields are added to each entry and
 * transaction (the importer's `matched`, `confidence`, `reason`).
 */
export function statementFileJson(file: StatementFile, options: StatementJsonOptions = {}): Json {
  return {
    format: file.format,
    version: file.version,
    messageId: file.messageId,
    createdAt: file.createdAt,
    statements: file.statements.map((statement) => statementJson(statement, options)),
    warnings: file.warnings.map(warningJson),
  };
}

function statementJson(statement: Statement, options: StatementJsonOptions): Json {
  const currency = statement.account.currency;
  const sum = (minor: number) => (currency === null ? null : minorToDecimalString(minor, currency));
  return {
    index: statement.index,
    id: statement.id,
    sequence: statement.sequence,
    legalSequence: statement.legalSequence,
    createdAt: statement.createdAt,
    account: statement.account,
    from: statement.from,
    to: statement.to,
    balances: statement.balances.map((b) => ({
      type: b.type,
      ...money(b.amount),
      direction: b.direction,
      signedMinor: b.signedMinor,
      date: b.date,
      dateTime: b.dateTime,
    })),
    declared: statement.declared,
    entryCount: statement.entryCount,
    sumCredits: sum(statement.sumCreditsMinor),
    sumCreditsMinor: statement.sumCreditsMinor,
    sumDebits: sum(statement.sumDebitsMinor),
    sumDebitsMinor: statement.sumDebitsMinor,
    balanceCheck: statement.balanceCheck,
    entries: statement.entries.map((entry) => entryJson(entry, statement, options)),
  };
}

function entryJson(entry: StatementEntry, statement: Statement, options: StatementJsonOptions): Json {
  return {
    index: entry.index,
    fingerprint: entry.fingerprint,
    ...money(entry.amount),
    counterValue: entry.counterValue === null ? null : money(entry.counterValue),
    direction: entry.direction,
    reversal: entry.reversal,
    status: entry.status,
    statusCode: entry.statusCode,
    bookingDate: entry.bookingDate,
    bookingDateTime: entry.bookingDateTime,
    valueDate: entry.valueDate,
    valueDateTime: entry.valueDateTime,
    accountServicerRef: entry.accountServicerRef,
    entryRef: entry.entryRef,
    ...bankTxCode(entry.bankTxCode),
    additionalInfo: entry.additionalInfo,
    batches: entry.batches.map((b) => ({
      messageId: b.messageId,
      paymentInfoId: b.paymentInfoId,
      count: b.count,
      total: b.total?.decimal ?? null,
      totalMinor: b.total?.minor ?? null,
      currency: b.total?.currency ?? null,
    })),
    details: entry.details,
    transactionCount: entry.transactions.length,
    transactions: entry.transactions.map((tx) => transactionJson(tx, entry, statement, options)),
    ...options.annotateEntry?.(entry, statement),
  };
}

function transactionJson(
  tx: StatementTransaction,
  entry: StatementEntry,
  statement: Statement,
  options: StatementJsonOptions,
): Json {
  return {
    index: tx.index,
    fingerprint: tx.fingerprint,
    amount: tx.amount?.decimal ?? null,
    amountMinor: tx.amount?.minor ?? null,
    currency: tx.amount?.currency ?? null,
    // A transaction carries its entry's direction, status and dates unless it says otherwise.
    direction: tx.direction ?? entry.direction,
    status: entry.status,
    bookingDate: entry.bookingDate,
    valueDate: entry.valueDate,
    instructedAmount: tx.instructedAmount === null ? null : money(tx.instructedAmount),
    endToEndId: tx.endToEndId,
    instructionId: tx.instructionId,
    mandateId: tx.mandateId,
    accountServicerRef: tx.accountServicerRef,
    messageId: tx.messageId,
    paymentInfoId: tx.paymentInfoId,
    creditorReferences: tx.remittanceStructured.filter((r) => r.kind === 'creditor_reference').map(reference),
    referredDocuments: tx.remittanceStructured.filter((r) => r.kind === 'referred_document').map(reference),
    remittanceAdditional: tx.remittanceStructured.filter((r) => r.kind === 'additional').map((r) => r.ref),
    remittanceText: tx.remittanceUnstructured,
    debtor: party(tx.debtor),
    creditor: party(tx.creditor),
    ultimateDebtorName: tx.ultimateDebtorName,
    ultimateCreditorName: tx.ultimateCreditorName,
    returnReason: tx.returnReason,
    returnInfo: tx.returnInfo,
    ...bankTxCode(tx.bankTxCode),
    additionalInfo: tx.additionalInfo,
    ...options.annotateTransaction?.(tx, entry, statement),
  };
}

function money(amount: StatementAmount): Json {
  return {
    amount: amount.decimal,
    amountMinor: amount.minor,
    currency: amount.currency,
    ...(amount.exact ? {} : { rounded: true }),
  };
}

/** 'PMNT/RCDT/ESCT' and the bank's own code beside it. */
function bankTxCode(code: BankTransactionCode | null): Json {
  const iso = [code?.domain, code?.family, code?.subFamily].filter((c) => c != null).join('/');
  return { bankTxCode: iso === '' ? null : iso, bankTxCodeProprietary: code?.proprietary ?? null };
}

function reference(r: StructuredRemittance): Json {
  return {
    type: r.type,
    issuer: r.issuer,
    ref: r.ref,
    amount: r.amount?.decimal ?? null,
    amountMinor: r.amount?.minor ?? null,
    ...(r.creditNoteAmount ? { creditNoteAmount: r.creditNoteAmount.decimal } : {}),
  };
}

function party(p: StatementParty | null): Json | null {
  return p === null ? null : { name: p.name, iban: p.iban, account: p.account, id: p.id };
}

function warningJson(w: StatementWarning): Json {
  return {
    code: w.code,
    message: w.message,
    statementIndex: w.statementIndex,
    entryIndex: w.entryIndex,
    transactionIndex: w.transactionIndex,
    path: w.path,
    line: w.line,
  };
}
