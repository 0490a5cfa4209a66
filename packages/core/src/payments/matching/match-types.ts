/**
 * Matching a credit seen on a bank statement to the case it pays (issue #6). The rules are pure: the server
 * reads what a statement line says (`LineFacts`), derives the keys to look up (`lineKeys`), fetches what the
 * database holds for every line of a batch at once (`MatchLookup`), and `matchLine` decides.
 */

export type MatchLocale = 'fr' | 'en';

/** What a statement line says that can name a case. */
export type LineFacts = {
  readonly amountMinor: number;
  readonly currency: string;
  readonly endToEndId: string | null;
  /** Structured creditor references (CAMT Strd/CdtrRefInf), as written. */
  readonly creditorReferences: readonly string[];
  /** Invoices the payer named in structured form (CAMT RfrdDocInf), as written. */
  readonly referredDocuments: readonly string[];
  /** Remittance text, additional remittance, the bank's own text about the booking. */
  readonly texts: readonly string[];
  readonly payerName: string | null;
};

/** Where a reference was read. */
export type ReferencePlace = 'structured' | 'text' | 'end_to_end';

export type FoundReference = {
  /** The electronic form: 'RF18539007547034'. */
  readonly reference: string;
  readonly place: ReferencePlace;
};

/** A piece of text that may be an invoice number, and where it stands (to drop one read inside another). */
export type InvoiceToken = {
  readonly token: string;
  /** Which text it was read in (the referred documents come first, then the end-to-end id, then the texts). */
  readonly source: number;
  readonly start: number;
  readonly end: number;
};

/** What to look up for one line. */
export type LineKeys = {
  readonly rfReferences: readonly FoundReference[];
  readonly invoiceTokens: readonly InvoiceToken[];
  /** Ids Relance issued (a payment attempt, a plan) read in the end-to-end id, as stored (lower-case UUID). */
  readonly issuedIds: readonly string[];
  /** The payer's name reduced for comparison (see `nameTokens`); empty without a name. */
  readonly payerTokens: readonly string[];
};

/** An open case as the matcher sees it. */
export type CaseCandidate = {
  readonly caseId: string;
  readonly currency: string;
  /** Principal still owed on the case's open claims. */
  readonly outstandingMinor: number;
  readonly debtorName: string;
  readonly status: 'open' | 'closed';
};

/** An open (or disputed) claim found by its invoice number. */
export type InvoiceHit = {
  readonly claimId: string;
  readonly caseId: string;
  readonly invoiceNumber: string;
};

export type IssuedKind = 'attempt' | 'plan';

export type IssuedHit = {
  readonly id: string;
  readonly kind: IssuedKind;
  readonly caseId: string;
};

/** Open cases by exact outstanding, with their debtors' names indexed (see `amount-index.ts`). */
export type AmountIndex = {
  /** Cases of that currency and outstanding whose debtor's name shares a word with the payer's. */
  readonly byNameToken: (currency: string, amountMinor: number, token: string) => readonly CaseCandidate[];
  /** How many open cases of that currency owe exactly that amount, and the first few of them. */
  readonly byAmount: (
    currency: string,
    amountMinor: number,
  ) => { readonly count: number; readonly first: readonly CaseCandidate[] };
};

/** What the database holds for the keys of a batch of lines. Maps are keyed as `lineKeys` gives the keys; invoices upper-cased. */
export type MatchLookup = {
  readonly casesByReference: ReadonlyMap<string, CaseCandidate>;
  readonly claimsByInvoice: ReadonlyMap<string, readonly InvoiceHit[]>;
  readonly issued: ReadonlyMap<string, IssuedHit>;
  /** Every case a hit above points to. */
  readonly cases: ReadonlyMap<string, CaseCandidate>;
  readonly amounts: AmountIndex;
};

export type MatchRule =
  | 'rf_reference'
  | 'invoice_number'
  | 'issued_reference'
  | 'amount_name'
  | 'amount_only';

/** Why a case is a candidate, with what was read: told in French and English by `describeMatchReason`. */
export type MatchReason =
  | { readonly code: 'rf_reference'; readonly reference: string; readonly place: ReferencePlace }
  | { readonly code: 'invoice_number'; readonly invoices: readonly string[] }
  | { readonly code: 'issued_reference'; readonly kind: IssuedKind; readonly id: string }
  | {
      readonly code: 'amount_name';
      readonly amountMinor: number;
      readonly currency: string;
      readonly payerName: string;
      readonly debtorName: string;
      /** 0–100: how alike the two names are once reduced. */
      readonly similarity: number;
    }
  | {
      readonly code: 'amount_only';
      readonly amountMinor: number;
      readonly currency: string;
      readonly sharedBy: number;
    };

export type MatchCandidate = {
  readonly caseId: string;
  readonly confidence: number;
  readonly rule: MatchRule;
  readonly reason: MatchReason;
  /** The case's open claims the payer named (designated), when any. */
  readonly claimIds: readonly string[];
};

export type MatchStatus = 'matched' | 'review' | 'ambiguous' | 'unmatched';

/** Why the line ends where it ends (beside the candidates' own reasons). */
export type MatchVerdict =
  | { readonly code: 'matched' }
  | { readonly code: 'below_threshold' }
  | { readonly code: 'several_cases'; readonly count: number }
  | { readonly code: 'currency_differs'; readonly lineCurrency: string; readonly caseCurrency: string }
  | { readonly code: 'nothing_outstanding' }
  | { readonly code: 'no_match'; readonly unknownReferences: readonly string[] };

export type MatchDecision = {
  readonly status: MatchStatus;
  /** The case the line pays ('matched'), or the best candidate to confirm ('review'). */
  readonly caseId: string | null;
  readonly confidence: number | null;
  readonly verdict: MatchVerdict;
  /** Best first; what a person chooses from. */
  readonly candidates: readonly MatchCandidate[];
  /** The matched case's claims named by the payer: designated when the payment is booked. */
  readonly designatedClaimIds: readonly string[];
};

/** Confidence at or above which a single candidate is booked without a person. */
export const AUTO_MATCH_CONFIDENCE = 90;

/** Why a statement line was not matched by the rules, or how it was settled after (kept with the line). */
export type LineNote =
  | { readonly code: 'debit' }
  | { readonly code: 'not_booked'; readonly bankStatus: string }
  | { readonly code: 'zero_amount' }
  | { readonly code: 'amount_unknown' }
  | { readonly code: 'reversal_booked'; readonly paymentId: string; readonly returnReason: string | null }
  | { readonly code: 'reversal_unmatched'; readonly returnReason: string | null }
  | { readonly code: 'same_booking'; readonly lineId: string }
  | { readonly code: 'detailed_elsewhere'; readonly importId: string }
  /** recordPayment said no (its reason code and its words); the line waits for a person. */
  | { readonly code: 'booking_refused'; readonly reason: string; readonly message: string }
  | { readonly code: 'matched_by_person' }
  | { readonly code: 'ignored_by_person'; readonly reason: string };

/** What a statement line keeps as its reason: the matcher's verdict or a note. */
export type LineReason = MatchVerdict | LineNote;
