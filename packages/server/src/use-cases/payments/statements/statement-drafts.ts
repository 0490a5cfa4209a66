import type { LineFacts } from '@relance/core';
import type {
  EntryStatus,
  Statement,
  StatementAccount,
  StatementEntry,
  StatementFile,
  StatementTransaction,
} from '../../../formats/statements/statement-model.ts';

/**
 * What a line is before matching: a credit to match, a return or reversal to find the payment of, or one
 * kept aside (a debit, a booking the bank has not made, a batch transaction without its amount).
 */
export type DraftKind = 'credit' | 'reversal' | 'debit' | 'not_booked' | 'zero_amount' | 'amount_unknown';

/** One booking to match: a transaction of an entry, or the entry itself when it has no transaction details. */
export type LineDraft = {
  readonly fingerprint: string;
  readonly entryFingerprint: string;
  readonly transactionFingerprint: string | null;
  readonly kind: DraftKind;
  readonly bankStatus: EntryStatus;
  readonly account: string | null;
  readonly direction: 'credit' | 'debit';
  readonly reversal: boolean;
  /** Null for a transaction of a batch that carries no amount of its own. */
  readonly amountMinor: number | null;
  readonly currency: string;
  readonly bookingDate: string | null;
  readonly valueDate: string | null;
  readonly endToEndId: string | null;
  readonly creditorReference: string | null;
  readonly remittance: string | null;
  readonly payerName: string | null;
  readonly payerAccount: string | null;
  readonly returnReason: string | null;
  /** Every reference read, kept as JSON with the line. */
  readonly refs: Readonly<Record<string, unknown>>;
  /** The bank's identity of the booking: links a CAMT.054 detail to its CAMT.053 entry (null without a bank reference). */
  readonly bookingRef: string | null;
  readonly facts: LineFacts;
};

/** Every booking of a statement file, in file order. */
export function statementDrafts(file: StatementFile): readonly LineDraft[] {
  const out: LineDraft[] = [];
  for (const statement of file.statements) {
    for (const entry of statement.entries) {
      if (entry.transactions.length === 0) out.push(draft(statement, entry, null));
      for (const tx of entry.transactions) out.push(draft(statement, entry, tx));
    }
  }
  return out;
}

function draft(statement: Statement, entry: StatementEntry, tx: StatementTransaction | null): LineDraft {
  const single = entry.transactions.length <= 1;
  // One transaction: the entry's amount is what was booked (a TxAmt can disagree); several: each its own.
  const amount = single ? entry.amount : (tx?.amount ?? null);
  const returnReason = tx?.returnReason ?? null;
  const structured = tx?.remittanceStructured ?? [];
  const creditorReferences = structured.filter((r) => r.kind === 'creditor_reference').map((r) => r.ref);
  const referredDocuments = structured.filter((r) => r.kind === 'referred_document').map((r) => r.ref);
  const remittanceTexts = [
    ...(tx?.remittanceUnstructured ?? []),
    ...structured.filter((r) => r.kind === 'additional').map((r) => r.ref),
  ];
  // The entry's own words describe the whole batch: only a line that is the whole entry reads them.
  const bankTexts = [
    tx?.additionalInfo ?? null,
    single ? entry.additionalInfo : null,
    ...(single ? entry.details.map((d) => d.text) : []),
  ].filter((t): t is string => t !== null && t !== '');
  const payerName = tx?.debtor?.name ?? tx?.ultimateDebtorName ?? null;
  const account = accountKey(statement.account);
  const currency = amount?.currency ?? entry.amount.currency;
  return {
    fingerprint: tx?.fingerprint ?? entry.fingerprint,
    entryFingerprint: entry.fingerprint,
    transactionFingerprint: tx?.fingerprint ?? null,
    kind: kindOf(entry, returnReason, amount?.minor ?? null),
    bankStatus: entry.status,
    account,
    direction: entry.direction,
    reversal: entry.reversal,
    amountMinor: amount?.minor ?? null,
    currency,
    bookingDate: entry.bookingDate,
    valueDate: entry.valueDate,
    endToEndId: tx?.endToEndId ?? null,
    creditorReference: creditorReferences[0] ?? null,
    remittance: remittanceTexts.length > 0 ? remittanceTexts.join(' / ') : null,
    payerName,
    payerAccount: tx?.debtor?.iban ?? tx?.debtor?.account ?? null,
    returnReason,
    refs: {
      statementId: statement.id,
      statementIndex: statement.index,
      entryIndex: entry.index,
      transactionIndex: tx?.index ?? null,
      entryFingerprint: entry.fingerprint,
      accountServicerRef: entry.accountServicerRef,
      entryRef: entry.entryRef,
      transactionRef: tx?.accountServicerRef ?? null,
      instructionId: tx?.instructionId ?? null,
      mandateId: tx?.mandateId ?? null,
      batch: entry.batches[0] ?? null,
      structured: structured.map((r) => ({ kind: r.kind, type: r.type, ref: r.ref })),
      additionalInfo: entry.additionalInfo,
    },
    bookingRef: bookingRef(account, entry),
    facts: {
      amountMinor: amount?.minor ?? 0,
      currency,
      endToEndId: tx?.endToEndId ?? null,
      creditorReferences,
      referredDocuments,
      texts: [...remittanceTexts, ...bankTexts],
      payerName,
    },
  };
}

function kindOf(entry: StatementEntry, returnReason: string | null, amountMinor: number | null): DraftKind {
  if (entry.status !== 'booked') return 'not_booked';
  if (entry.reversal || returnReason !== null) return 'reversal';
  if (entry.direction === 'debit') return 'debit';
  if (amountMinor === null) return 'amount_unknown';
  if (amountMinor === 0) return 'zero_amount';
  return 'credit';
}

function accountKey(account: StatementAccount): string | null {
  if (account.iban !== null) return account.iban.replace(/\s/g, '').toUpperCase();
  if (account.other === null) return null;
  const bank = account.bank;
  return bank?.bankCode ? `${bank.bankCode}/${bank.branchCode ?? ''}/${account.other}` : account.other;
}

/**
 * The booking as the bank knows it — account, day, direction, reversal, amount and NtryRef (else
 * AcctSvcrRef) — the same in a CAMT.054 notification and in the CAMT.053 statement that books it.
 */
function bookingRef(account: string | null, entry: StatementEntry): string | null {
  const ref = entry.entryRef ?? entry.accountServicerRef;
  if (ref === null || account === null) return null;
  const day = entry.bookingDate ?? entry.valueDate ?? '';
  const way = `${entry.direction}${entry.reversal ? '-reversal' : ''}`;
  return `${account}|${day}|${way}|${entry.amount.minor}${entry.amount.currency}|${ref}`;
}
