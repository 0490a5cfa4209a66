import { parseDirection } from '../statements/statement-amounts.ts';
import type { UnsignedEntry, UnsignedTransaction } from '../statements/statement-fingerprint.ts';
import type { Direction, EntryBatch, EntryStatus, StatementAmount } from '../statements/statement-model.ts';
import type { StatementWarnings } from '../statements/statement-warnings.ts';
import { readCamtTransaction } from './camt-transaction.ts';
import { type At, plain, readAmount, readBankTxCode, readDate } from './camt-values.ts';
import { attribute, child, children, text, texts, type XmlNode } from './xml-tree.ts';

const STATUSES: Readonly<Record<string, EntryStatus>> = {
  BOOK: 'booked',
  PDNG: 'pending',
  INFO: 'info',
  FUTR: 'future',
};

/**
 * One Ntry. Null (with a warning saying where and why) when it has no readable amount or direction:
 * such an entry cannot be booked, and the rest of the file is still read.
 */
export function readCamtEntry(
  ntry: XmlNode,
  at: At & { readonly entryIndex: number },
  currency: string | null,
  warnings: StatementWarnings,
): UnsignedEntry | null {
  const booked = readBooking(ntry, at, currency, warnings);
  if (booked === null) return null;
  const { amount, direction } = booked;
  const statusCode = text(ntry, 'Sts') ?? text(ntry, 'Sts', 'Cd') ?? text(ntry, 'Sts', 'Prtry');
  const booking = readDate(child(ntry, 'BookgDt'), { ...at, path: `${at.path}/BookgDt` }, warnings);
  const value = readDate(child(ntry, 'ValDt'), { ...at, path: `${at.path}/ValDt` }, warnings);
  const entry: UnsignedEntry = {
    index: at.entryIndex,
    amount,
    counterValue:
      amount.currency === currency ? null : counterValue(child(ntry, 'AmtDtls'), currency, at, warnings),
    direction,
    reversal: /^(true|1)$/i.test(text(ntry, 'RvslInd') ?? ''),
    status: (statusCode !== null ? STATUSES[statusCode] : undefined) ?? 'other',
    statusCode,
    bookingDate: booking.date,
    bookingDateTime: booking.dateTime,
    valueDate: value.date,
    valueDateTime: value.dateTime,
    accountServicerRef: text(ntry, 'AcctSvcrRef'),
    entryRef: text(ntry, 'NtryRef'),
    bankTxCode: readBankTxCode(child(ntry, 'BkTxCd')),
    additionalInfo: texts(ntry, 'AddtlNtryInf').join(' ') || null,
    ...readDetails(ntry, at, currency, warnings),
    details: [],
  };
  checkSingleTransaction(entry, at, warnings);
  return entry;
}

/** The entry's amount and direction; null, with a warning, when either cannot be read. */
function readBooking(
  ntry: XmlNode,
  at: At,
  currency: string | null,
  warnings: StatementWarnings,
): { readonly amount: StatementAmount; readonly direction: Direction } | null {
  const skip = (fr: string, en: string, path: string) => {
    warnings.add('entry_unreadable', { ...at, path }, `${fr} ; écriture ignorée.`, `${en}; entry skipped.`);
    return null;
  };
  const amountNode = child(ntry, 'Amt');
  if (text(amountNode) === null) return skip('montant absent', 'no amount', `${at.path}/Amt`);
  const parsed = readAmount(amountNode, currency, { ...at, path: `${at.path}/Amt` }, warnings);
  if (parsed === null) return skip('montant illisible', 'unreadable amount', `${at.path}/Amt`);
  const written = text(ntry, 'CdtDbtInd');
  const direction = parseDirection(written);
  if (direction === null) {
    return skip(
      `sens « ${written ?? ''} » inconnu (CRDT ou DBIT attendu)`,
      `unknown direction "${written ?? ''}" (CRDT or DBIT expected)`,
      `${at.path}/CdtDbtInd`,
    );
  }
  const { negative, ...amount } = parsed;
  if (!negative) return { amount, direction };
  const flipped = direction === 'credit' ? 'debit' : 'credit';
  warnings.add(
    'amount_negative',
    { ...at, path: `${at.path}/Amt` },
    `montant négatif ${amount.decimal} : lu comme un ${flipped === 'credit' ? 'crédit' : 'débit'} de ${amount.decimal}.`,
    `negative amount ${amount.decimal}: read as a ${flipped} of ${amount.decimal}.`,
  );
  return { amount, direction: flipped };
}

/** Every NtryDtls: its batch (Btch) and its TxDtls, numbered across them. */
function readDetails(
  ntry: XmlNode,
  at: At,
  currency: string | null,
  warnings: StatementWarnings,
): { readonly batches: EntryBatch[]; readonly transactions: UnsignedTransaction[] } {
  const details = children(ntry, 'NtryDtls');
  const transactions: UnsignedTransaction[] = [];
  const batches: EntryBatch[] = [];
  for (const [d, detail] of details.entries()) {
    const detailPath = details.length > 1 ? `${at.path}/NtryDtls[${d + 1}]` : `${at.path}/NtryDtls`;
    const batch = child(detail, 'Btch');
    if (batch) batches.push(readBatch(batch, currency, { ...at, path: `${detailPath}/Btch` }, warnings));
    for (const tx of children(detail, 'TxDtls')) {
      const index = transactions.length;
      const txAt = { ...at, transactionIndex: index, path: `${detailPath}/TxDtls[${index + 1}]` };
      transactions.push(readCamtTransaction(tx, index, currency, txAt, warnings));
    }
  }
  return { batches, transactions };
}

/** The entry's amount in the account's currency, from Ntry/AmtDtls, when booked in another currency. */
function counterValue(
  details: XmlNode | undefined,
  currency: string | null,
  at: At,
  warnings: StatementWarnings,
): StatementAmount | null {
  if (details === undefined || currency === null) return null;
  for (const name of ['InstdAmt', 'TxAmt', 'CntrValAmt']) {
    const node = child(details, name, 'Amt');
    if (attribute(node, 'Ccy') !== currency) continue;
    return plain(readAmount(node, currency, { ...at, path: `${at.path}/AmtDtls/${name}/Amt` }, warnings));
  }
  return null;
}

function readBatch(batch: XmlNode, currency: string | null, at: At, warnings: StatementWarnings): EntryBatch {
  const count = text(batch, 'NbOfTxs');
  return {
    messageId: text(batch, 'MsgId'),
    paymentInfoId: text(batch, 'PmtInfId'),
    count: count !== null && /^\d{1,15}$/.test(count) ? Number(count) : null,
    total: plain(
      readAmount(child(batch, 'TtlAmt'), currency, { ...at, path: `${at.path}/TtlAmt` }, warnings),
    ),
    direction: parseDirection(text(batch, 'CdtDbtInd')),
  };
}

/**
 * An entry with one transaction whose amount, in the same currency, is not the entry's: the entry's
 * amount is what was booked (a bank may put charges or a proprietary figure in TxAmt), say so.
 */
function checkSingleTransaction(entry: UnsignedEntry, at: At, warnings: StatementWarnings): void {
  const [only, ...others] = entry.transactions;
  if (!only?.amount || others.length > 0) return;
  if (only.amount.currency !== entry.amount.currency || only.amount.minor === entry.amount.minor) return;
  warnings.add(
    'transaction_amount_differs',
    { ...at, transactionIndex: 0, path: `${at.path}/NtryDtls/TxDtls[1]` },
    `le montant de la transaction (${only.amount.decimal}) n'est pas celui de l'écriture (${entry.amount.decimal} ${entry.amount.currency}) : c'est le montant de l'écriture qui est comptabilisé.`,
    `the transaction's amount (${only.amount.decimal}) is not the entry's (${entry.amount.decimal} ${entry.amount.currency}): the entry's amount is what was booked.`,
  );
}
