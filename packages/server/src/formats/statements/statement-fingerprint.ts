import { createHash } from 'node:crypto';
import type {
  StatementAccount,
  StatementEntry,
  StatementFormat,
  StatementTransaction,
} from './statement-model.ts';

/** A transaction before its fingerprint. */
export type UnsignedTransaction = Omit<StatementTransaction, 'fingerprint'>;

/** An entry before its fingerprint, and its transactions before theirs. */
export type UnsignedEntry = Omit<StatementEntry, 'fingerprint' | 'transactions'> & {
  readonly transactions: readonly UnsignedTransaction[];
};

/**
 * Fingerprints say "this is the same booking" when the same file, or another statement of the same
 * account that overlaps it, is imported again. They are sha256 hex (first 32 digits, 128 bits) over a
 * JSON array, versioned so that a change of recipe shows.
 *
 * An entry's fingerprint is made of:
 * - the kind of message (a CAMT.054 notification and the CAMT.053 statement entry it details are two
 *   records with different detail: linking them is the importer's job, by NtryRef/AcctSvcrRef);
 * - the account (IBAN, else other id, else CFONB bank/branch/account) and the entry's currency;
 * - booking date (else value date) as a date — a date-time's clock part varies between exports;
 * - direction, reversal, status code, amount in minor units;
 * - the bank's references (AcctSvcrRef, NtryRef; the CFONB reference and entry number). They identify
 *   a booking at the bank, so when there is one the free text is left out: a bank that re-exports the
 *   same statement with richer details must not make it a new booking. Without any reference, the
 *   content stands in for it: the additional info, and each transaction's end-to-end id, references
 *   and remittance text;
 * - an ordinal: the how-many-th entry with all of the above identical in this file. Two truly identical
 *   bookings on one day (two 2.00 fees) stay two, and the same file read again gives the same numbers.
 *
 * The statement's own id, sequence numbers, the entry's position and the file's version are left out:
 * they differ between a daily and a monthly statement of the same bookings.
 *
 * A transaction's fingerprint is its entry's, its index in the entry, its end-to-end id, its bank
 * reference, its amount, and its remittance (structured references and text): unique within the entry
 * by the index, and stable for the same entry.
 */
export function signEntries(
  format: StatementFormat,
  account: StatementAccount,
  entries: readonly UnsignedEntry[],
  seen: Map<string, number>,
): StatementEntry[] {
  const kind = format === 'cfonb120' ? 'cfonb' : format;
  const accountKey = accountKeyOf(account);
  return entries.map((entry) => {
    const base = JSON.stringify(['relance-statement-entry/1', kind, accountKey, ...entryKey(entry)]);
    const ordinal = seen.get(base) ?? 0;
    seen.set(base, ordinal + 1);
    const fingerprint = digest(`${base}#${ordinal}`);
    const transactions = entry.transactions.map(
      (tx): StatementTransaction => ({ ...tx, fingerprint: transactionFingerprint(fingerprint, tx) }),
    );
    return { ...entry, transactions, fingerprint };
  });
}

function accountKeyOf(account: StatementAccount): string {
  if (account.iban !== null) return `iban:${account.iban.replace(/\s/g, '').toUpperCase()}`;
  const bank = account.bank;
  const prefix = bank?.bankCode ? `${bank.bankCode}/${bank.branchCode ?? ''}/` : '';
  return `other:${prefix}${account.other ?? ''}`;
}

function entryKey(entry: UnsignedEntry): readonly unknown[] {
  const refs = [entry.accountServicerRef, entry.entryRef];
  const hasRef = refs.some((r) => r !== null);
  const content = hasRef
    ? null
    : [
        entry.additionalInfo,
        entry.details.map((d) => `${d.qualifier}:${d.text}`),
        entry.transactions.map(txContent),
      ];
  return [
    entry.amount.currency,
    entry.bookingDate ?? entry.valueDate,
    entry.direction,
    entry.reversal,
    entry.statusCode,
    entry.amount.minor,
    ...refs,
    content,
  ];
}

function txContent(tx: UnsignedTransaction): readonly unknown[] {
  return [
    tx.endToEndId,
    tx.accountServicerRef,
    tx.instructionId,
    tx.amount?.minor ?? null,
    tx.remittanceStructured.map((r) => `${r.type ?? ''}:${r.ref}`),
    tx.remittanceUnstructured,
  ];
}

function transactionFingerprint(entryFingerprint: string, tx: UnsignedTransaction): string {
  return digest(
    JSON.stringify(['relance-statement-transaction/1', entryFingerprint, tx.index, ...txContent(tx)]),
  );
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
