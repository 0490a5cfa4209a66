/**
 * What a template, a letter or an e-mail may say about a case: the variables, already formatted in the
 * message's language (dates "22 novembre 2026" / "22 November 2026", amounts "1 250,00 €" / "€1,250.00").
 * Raw values sit beside the text where code needs them (minor units, ISO dates).
 *
 * This is the contract between the loader (server: use-cases/templates/case-variables.ts), the template
 * engine (core: templates/engine.ts, which checks every `{{path}}` against VARIABLE_CATALOG at save time)
 * and the letter layouts (server: channels/letters/).
 */

export type Language = 'fr' | 'en';

export type MoneyText = {
  readonly minor: number;
  readonly currency: string;
  /** Formatted for the language, with no-break spaces (never U+202F, which letter fonts may lack). */
  readonly text: string;
};

export type DateText = {
  /** YYYY-MM-DD */
  readonly iso: string;
  /** "22 novembre 2026" / "22 November 2026" */
  readonly text: string;
};

export type PostalAddress = {
  /** The lines as printed in a window envelope, name excluded, country last when abroad. */
  readonly lines: readonly string[];
};

export type PartyVariables = {
  readonly name: string;
  readonly address: PostalAddress | null;
  readonly email: string | null;
  readonly phone: string | null;
  /** SIREN / SIRET / RCS line, as printed ("SIREN 552 100 554"); null when unknown. */
  readonly registration: string | null;
};

export type DebtorVariables = PartyVariables & {
  readonly kind: 'business' | 'consumer';
  /** The creditor's reference of the debtor (customer number). */
  readonly ref: string;
  /** "Madame, Monsieur," / "Dear Sir or Madam," — or the contact's name when known. */
  readonly salutation: string;
};

export type CreditorVariables = PartyVariables & {
  readonly ref: string;
};

/** The tenant that writes: the creditor itself, or a collection agency acting for it (CPCE R124-4). */
export type CollectorVariables = PartyVariables & {
  readonly isAgency: boolean;
  /** Who signs letters ("Service recouvrement"). */
  readonly signatory: string;
  /** An agency's professional liability insurance (CPCE R124-2 1°), as printed; null or absent otherwise. */
  readonly insurance?: string | null;
  /** An agency's declaration to the public prosecutor (R124-2 3°), as printed; null or absent otherwise. */
  readonly declaration?: string | null;
};

export type ClaimVariables = {
  readonly number: string;
  readonly issueDate: DateText | null;
  readonly dueDate: DateText;
  readonly amount: MoneyText;
  readonly outstanding: MoneyText;
  readonly daysLate: number;
  /** "Facture F-2026-0042 du 3 mars 2026, échue le 2 avril 2026" / "Invoice F-2026-0042 of 3 March 2026, due 2 April 2026". */
  readonly label: string;
};

export type BalanceVariables = {
  readonly principal: MoneyText;
  readonly interest: MoneyText;
  /** Contractual fees and penalties other than the fixed compensation. */
  readonly fees: MoneyText;
  /** The €40 fixed compensation per invoice (B2B, L441-10), zero otherwise. */
  readonly compensation: MoneyText;
  readonly disputed: MoneyText;
  /** principal + interest + fees + compensation (the disputed part excluded from principal). */
  readonly total: MoneyText;
  /** Interest keeps running: "au taux de 12,15 % l'an" / "at 12.15% a year"; null when waived. */
  readonly interestRate: string | null;
  /** Interest computed up to this date. */
  readonly asOf: DateText;
};

export type PaymentVariables = {
  /** The debtor's self-service page for this case (pay, promise, plan, dispute). */
  readonly link: string;
  readonly beneficiary: string;
  readonly iban: string | null;
  /** Grouped by four for reading ("FR76 3000 6000 …"). */
  readonly ibanText: string | null;
  readonly bic: string | null;
  /** ISO 11649 creditor reference of the case, electronic form ("RF18539007547034"). */
  readonly reference: string;
  /** Printed form, grouped by four ("RF18 5390 0754 7034"). */
  readonly referenceText: string;
};

export type LetterReference = {
  readonly reference: string;
  readonly date: DateText;
};

/** The case's latest open promise to pay: its terms, as the confirmation states them. */
export type PromiseVariables = {
  readonly total: MoneyText;
  /** One date or several, in order: "- 300,00 € le 20 mars 2026". */
  readonly dates: readonly { readonly dueDate: DateText; readonly amount: MoneyText }[];
  readonly dateCount: number;
  readonly lastDate: DateText;
};

/** The case's most recently changed dispute: what the acknowledgement and the resolution say. */
export type DisputeVariables = {
  /** The reason in the message's language ("facture non reçue" / "invoice not received"). */
  readonly reason: string;
  readonly amount: MoneyText;
  readonly claims: readonly { readonly number: string; readonly amount: MoneyText }[];
  /** When an answer is due; null when none was set. */
  readonly deadline: DateText | null;
  /** How it was resolved, in the message's language; null while open. */
  readonly outcome: string | null;
  /** The amount credited or written off; null otherwise. */
  readonly resolvedAmount: MoneyText | null;
};

/** One instalment of a payment plan (0 is the down payment when there is one). */
export type PlanInstalmentVariables = {
  readonly seq: number;
  readonly dueDate: DateText;
  readonly amount: MoneyText;
  /** In the message's language: "à venir" / "due", "payée" / "paid", "payée en partie" / "partly paid", "impayée" / "missed". */
  readonly status: string;
};

/** The case's active payment plan: what the agreement and each instalment's reminder state. */
export type PlanVariables = {
  readonly total: MoneyText;
  /** How many instalments, the down payment included. */
  readonly count: number;
  /**
   * The instalment the message is about: the one a reminder was made for, else the first not paid yet;
   * null when none is left to pay.
   */
  readonly next: {
    readonly seq: number;
    readonly dueDate: DateText;
    readonly amount: MoneyText;
  } | null;
  readonly instalments: readonly PlanInstalmentVariables[];
};

/** One line of a receipt: what part of which invoice a payment paid. */
export type ReceiptLineVariables = {
  readonly invoice: string;
  /** In the message's language: "intérêts" / "interest", "indemnité et frais" / "fees", "principal". */
  readonly part: string;
  readonly amount: MoneyText;
};

/** A payment received, for its receipt (quittance, R124-6): the amount, how it was paid and where it went. */
export type ReceiptVariables = {
  /** The receipt's number (stable per payment). */
  readonly number: string;
  readonly amount: MoneyText;
  readonly date: DateText;
  /** In the message's language: "carte bancaire" / "card", "virement" / "bank transfer"… */
  readonly method: string;
  readonly reference: string | null;
  readonly lines: readonly ReceiptLineVariables[];
  /** What is left to pay on the case after it. */
  readonly balance: MoneyText;
  /** An overpayment kept as a credit; null when none. */
  readonly credit: MoneyText | null;
  /** True when nothing is left to pay. */
  readonly settled: boolean;
};

export type TemplateVariables = {
  readonly language: Language;
  readonly today: DateText;
  readonly debtor: DebtorVariables;
  readonly creditor: CreditorVariables;
  readonly collector: CollectorVariables;
  readonly case: {
    readonly id: string;
    /** A short human reference of the case, printed on letters ("D-00042"). */
    readonly ref: string;
  };
  readonly claims: readonly ClaimVariables[];
  readonly claimCount: number;
  /** Earliest due date among the open claims. */
  readonly oldestDueDate: DateText | null;
  readonly balance: BalanceVariables;
  readonly payment: PaymentVariables;
  /** The agent handling the case, when one does ("Claire Martin"); null otherwise. */
  readonly agent: { readonly name: string } | null;
  /** The previous letter sent on this case (R124-4: its reference and date recalled in every later contact). */
  readonly previousLetter: LetterReference | null;
  /** The first letter of an agency on this case (R124-4), when there is one. */
  readonly firstLetter: LetterReference | null;
  /** The letter being written (letters only): its reference and date. */
  readonly letter: LetterReference | null;
  /** The deadline a formal notice gives (date, and days from today). */
  readonly deadline: { readonly date: DateText; readonly days: number };
  /** The open promise to pay, when there is one. */
  readonly promise?: PromiseVariables | null;
  /** The dispute last opened or resolved on the case, when there is one. */
  readonly dispute?: DisputeVariables | null;
  /** The active payment plan, when there is one. */
  readonly plan?: PlanVariables | null;
  /** The payment a receipt is for (receipts only). */
  readonly receipt?: ReceiptVariables | null;
};
