/**
 * What a bank statement file says, whatever its format (ISO 20022 CAMT.053 / CAMT.054, French CFONB 120):
 * the readers in `formats/camt` and `formats/cfonb` produce it, `read-statement.ts` picks the reader.
 *
 * Conventions:
 * - Money is an `StatementAmount`: integer minor units of its currency, never negative — the `direction`
 *   beside it says which way the money went. `decimal` is the exact value the file wrote.
 * - Dates are `YYYY-MM-DD` as written by the bank (a date-time keeps its own date, no zone conversion);
 *   when the bank sent a date-time, it is kept as written in the `…DateTime` field beside the date.
 * - Indexes are 0-based positions in the file (a warning's `path` shows 1-based positions, as a person
 *   counts). Text is trimmed; absent or empty values are `null`, absent lists are `[]`.
 */

export type StatementFormat = 'camt.053' | 'camt.054' | 'cfonb120';

export type StatementReadOptions = {
  /** How the file is named in error messages ('The file releve.xml'). */
  readonly fileLabel?: string | undefined;
};

export type Direction = 'credit' | 'debit';

export type StatementAmount = {
  /** Integer minor units (cents), ≥ 0. Rounded half-up when the file wrote more decimals than the currency has. */
  readonly minor: number;
  /** The exact value written: '8.85' for '8.850' EUR, '1.005' when it could not be kept in minor units. */
  readonly decimal: string;
  readonly currency: string;
  /** False when `minor` was rounded from `decimal` (a warning says so). */
  readonly exact: boolean;
};

/**
 * BOOK → booked, PDNG → pending, INFO → info (told for information, not on the account), FUTR → future;
 * anything else → other (the code is in `statusCode`). Only booked entries move the balance.
 */
export type EntryStatus = 'booked' | 'pending' | 'info' | 'future' | 'other';

export type StatementFile = {
  readonly format: StatementFormat;
  /** The XML namespace's message version, e.g. 'camt.053.001.04'; null for CFONB. */
  readonly version: string | null;
  readonly messageId: string | null;
  readonly createdAt: string | null;
  readonly statements: readonly Statement[];
  /** Everything read with doubt, each with where it is: nothing here stops an import. */
  readonly warnings: readonly StatementWarning[];
};

export type StatementAccount = {
  readonly iban: string | null;
  /** An account number that is not an IBAN: CAMT Othr/Id, the CFONB account number. */
  readonly other: string | null;
  readonly currency: string | null;
  readonly ownerName: string | null;
  readonly bank: {
    readonly bic: string | null;
    readonly name: string | null;
    /** CFONB: 'code banque' (5 digits) and 'code guichet' (5 digits). */
    readonly bankCode: string | null;
    readonly branchCode: string | null;
  } | null;
};

export type StatementBalance = {
  /** OPBD, CLBD, PRCD, CLAV, FWAV, ITBD… (a proprietary code as written). */
  readonly type: string;
  readonly amount: StatementAmount;
  readonly direction: Direction;
  /** Minor units with the sign of the balance: negative when the account is overdrawn (DBIT). */
  readonly signedMinor: number;
  readonly date: string | null;
  readonly dateTime: string | null;
};

/** What the bank says the statement holds (CAMT TxsSummry), to compare with what was read. */
export type DeclaredSummary = {
  readonly entryCount: number | null;
  readonly creditCount: number | null;
  readonly creditSum: string | null;
  readonly debitCount: number | null;
  readonly debitSum: string | null;
};

export type Statement = {
  readonly index: number;
  /** CAMT Stmt/Id or Ntfctn/Id; null for CFONB. */
  readonly id: string | null;
  /** CAMT electronic (else legal) sequence number. */
  readonly sequence: string | null;
  readonly legalSequence: string | null;
  readonly createdAt: string | null;
  readonly account: StatementAccount;
  /** The period covered, as written (a date or a date-time). */
  readonly from: string | null;
  readonly to: string | null;
  readonly balances: readonly StatementBalance[];
  readonly declared: DeclaredSummary | null;
  /** Entries read (any status). */
  readonly entryCount: number;
  /** Sums of the booked entries in the statement's currency: what moved the booked balance. */
  readonly sumCreditsMinor: number;
  readonly sumDebitsMinor: number;
  /**
   * Opening (OPBD, else PRCD) + booked credits − booked debits = closing (CLBD). Null when either
   * balance is missing or an amount is in another currency. False is a warning, never a refusal.
   */
  readonly balanceCheck: boolean | null;
  readonly entries: readonly StatementEntry[];
};

export type BankTransactionCode = {
  /** ISO 20022 domain / family / sub-family, e.g. PMNT / RCDT / ESCT. */
  readonly domain: string | null;
  readonly family: string | null;
  readonly subFamily: string | null;
  /** A bank's own code (CAMT Prtry/Cd; the CFONB interbank operation code). */
  readonly proprietary: string | null;
  readonly proprietaryIssuer: string | null;
};

/** A group of payments booked as one entry (CAMT NtryDtls/Btch). */
export type EntryBatch = {
  readonly messageId: string | null;
  readonly paymentInfoId: string | null;
  readonly count: number | null;
  readonly total: StatementAmount | null;
  readonly direction: Direction | null;
};

/** A CFONB 05 complement record: its qualifier (LIB, NPY, NBE, RCN, REF, LCC, IBE, RUM…) and its text. */
export type EntryDetail = {
  readonly qualifier: string;
  readonly text: string;
};

export type StatementEntry = {
  readonly index: number;
  readonly amount: StatementAmount;
  /**
   * Only when the entry is in another currency than the account's: its value in the account's currency,
   * when the bank gives it (CAMT Ntry/AmtDtls: InstdAmt, TxAmt or CntrValAmt in that currency).
   */
  readonly counterValue: StatementAmount | null;
  /** The direction of this booking; with `reversal` it undoes a booking of the opposite direction. */
  readonly direction: Direction;
  readonly reversal: boolean;
  readonly status: EntryStatus;
  readonly statusCode: string | null;
  readonly bookingDate: string | null;
  readonly bookingDateTime: string | null;
  readonly valueDate: string | null;
  readonly valueDateTime: string | null;
  /** The bank's reference of the booking (CAMT Ntry/AcctSvcrRef; CFONB 'numéro d'écriture'). */
  readonly accountServicerRef: string | null;
  /** CAMT Ntry/NtryRef (links a statement entry to its detailed notification); CFONB operation reference. */
  readonly entryRef: string | null;
  readonly bankTxCode: BankTransactionCode | null;
  /** CAMT AddtlNtryInf; the CFONB operation label (trimmed). */
  readonly additionalInfo: string | null;
  readonly batches: readonly EntryBatch[];
  /** CAMT TxDtls, in order; CFONB: one transaction per operation, built from its 05 records. */
  readonly transactions: readonly StatementTransaction[];
  /** CFONB 05 records as written; [] for CAMT. */
  readonly details: readonly EntryDetail[];
  /** See `statement-fingerprint.ts`: the same booking imported again has the same fingerprint. */
  readonly fingerprint: string;
};

export type StatementParty = {
  readonly name: string | null;
  readonly iban: string | null;
  /** An account number that is not an IBAN. */
  readonly account: string | null;
  /** An organisation's or person's identifier (CAMT Id/…/Othr/Id, SEPA creditor id from CFONB IBE). */
  readonly id: string | null;
};

export type StructuredRemittanceKind = 'creditor_reference' | 'referred_document' | 'additional';

export type StructuredRemittance = {
  readonly kind: StructuredRemittanceKind;
  /** SCOR, QRR, 'ISR Reference', CINV … as written (Cd or Prtry); null when the bank gave no type. */
  readonly type: string | null;
  readonly issuer: string | null;
  readonly ref: string;
  /** The amount remitted for this reference (RfrdDocAmt RmtdAmt, else DuePyblAmt), when given. */
  readonly amount: StatementAmount | null;
  readonly creditNoteAmount: StatementAmount | null;
};

export type StatementTransaction = {
  readonly index: number;
  /** Null when absent or the literal 'NOTPROVIDED'. */
  readonly endToEndId: string | null;
  readonly instructionId: string | null;
  readonly mandateId: string | null;
  readonly accountServicerRef: string | null;
  readonly messageId: string | null;
  readonly paymentInfoId: string | null;
  /**
   * The transaction's own amount (TxDtls/Amt from v04, else AmtDtls/TxAmt); null when absent. The entry's
   * amount is what was booked: a transaction amount that disagrees with it is a warning.
   */
  readonly amount: StatementAmount | null;
  readonly direction: Direction | null;
  readonly instructedAmount: StatementAmount | null;
  readonly debtor: StatementParty | null;
  readonly creditor: StatementParty | null;
  readonly ultimateDebtorName: string | null;
  readonly ultimateCreditorName: string | null;
  readonly remittanceUnstructured: readonly string[];
  readonly remittanceStructured: readonly StructuredRemittance[];
  /** RtrInf/Rsn code (AC01, MD06, NARR…); the CFONB rejection code. */
  readonly returnReason: string | null;
  readonly returnInfo: string | null;
  readonly bankTxCode: BankTransactionCode | null;
  readonly additionalInfo: string | null;
  readonly fingerprint: string;
};

export type StatementWarningCode =
  | 'unknown_version'
  | 'no_namespace'
  | 'entry_unreadable'
  | 'amount_rounded'
  | 'amount_negative'
  | 'amount_unreadable'
  | 'currency_missing'
  | 'transaction_amount_differs'
  | 'balance_unreadable'
  | 'balance_mismatch'
  | 'date_unreadable'
  | 'record_outside_statement'
  | 'statement_not_closed'
  | 'unknown_record'
  | 'encoding_fallback';

/** Where a warning is: indexes are 0-based (null when not inside one); `path` is for a person to read. */
export type StatementLocation = {
  readonly statementIndex: number | null;
  readonly entryIndex: number | null;
  readonly transactionIndex: number | null;
  /** CAMT: element path with 1-based positions ('Stmt[1]/Ntry[3]/Amt'); CFONB: 'line 12'. */
  readonly path: string | null;
  /** CFONB: the 1-based line of the record. */
  readonly line: number | null;
};

export type StatementWarning = StatementLocation & {
  readonly code: StatementWarningCode;
  readonly message: { readonly fr: string; readonly en: string };
};
