import {
  addDays,
  type CaseInterest,
  type DateText,
  DomainError,
  daysBetween,
  formatIban,
  formatMoney,
  formatRfReference,
  type InterestRegime,
  type IsoDate,
  type Language,
  type LetterReference,
  type MoneyText,
  type TemplateVariables,
} from '@relance/core';
import { sql, type Transaction } from 'kysely';
import { paymentLinkUrl } from '../../channels/payments/payment-links.ts';
import { publicUrl } from '../../channels/sms/sms-environment.ts';
import type { Database, Db } from '../../db/schema.ts';
import { agencyParticulars } from '../agency/particulars.ts';
import { interestOfCases } from '../dunning/interest-of-cases.ts';
import { loadReceiptVariables } from '../payments/receipt-variables.ts';
import { loadDisputeVariables } from '../workspace/disputes/dispute-variables.ts';
import { loadPlanVariables } from '../workspace/plans/plan-variables.ts';
import { loadPromiseVariables } from '../workspace/promises/promise-variables.ts';
import { addressLines, creditorDetailsSchema, tenantIdentitySchema } from './identity-schemas.ts';
import { ensurePaymentReference } from './payment-reference.ts';

type Reader = Db | Transaction<Database>;

export type VariablesOptions = {
  readonly language: Language;
  readonly today: IsoDate;
  /** The letter being written (letters only). */
  readonly letter?: { readonly reference: string; readonly date: IsoDate } | null | undefined;
  readonly agentName?: string | null | undefined;
  /** Where the debtor's page lives; RELANCE_PUBLIC_URL through the config, else the local server. */
  readonly publicUrl?: string | undefined;
  /**
   * The key of the action being rendered, when there is one: a plan's reminder (`plan:<id>:reminder:<seq>`)
   * speaks of its own instalment, not of whichever is next.
   */
  readonly actionKey?: string | null | undefined;
};

export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:3000';

/** Where debtors reach this server: RELANCE_PUBLIC_URL (the operator's setting), else the local default. */
function defaultPublicUrl(): string {
  return publicUrl() ?? DEFAULT_PUBLIC_URL;
}
export const DEFAULT_FORMAL_NOTICE_DAYS = 8;

/**
 * Everything a template may say about a case, formatted in the message's language. Gives the case its
 * RF payment reference at first use (hence a writer, not a reader).
 */
export async function loadTemplateVariables(
  db: Reader,
  tenantId: string,
  caseId: string,
  options: VariablesOptions,
): Promise<TemplateVariables> {
  const { language, today } = options;
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .innerJoin('tenants as t', 't.tenant_id', 'c.tenant_id')
    .select([
      'c.debtor_id',
      'c.currency',
      'c.outstanding_minor',
      'c.disputed_minor',
      'c.oldest_due_date',
      'd.name as debtor_name',
      'd.kind as debtor_kind',
      'd.ref as debtor_ref',
      'd.siren as debtor_siren',
      'cr.name as creditor_name',
      'cr.ref as creditor_ref',
      'cr.siren as creditor_siren',
      'cr.details as creditor_details',
      'cr.interest_policy',
      'cr.contract_rate',
      't.name as tenant_name',
      't.kind as tenant_kind',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });

  const [contacts, claims, settings, letters, interests, reference] = await Promise.all([
    db
      .selectFrom('contacts')
      .select(['kind', 'value', 'address_line1', 'address_line2', 'postal_code', 'city', 'country'])
      .where('tenant_id', '=', tenantId)
      .where('debtor_id', '=', row.debtor_id)
      // Imported postal addresses are 'unverified' (nothing can check them): they are where letters go.
      // Only addresses known to be wrong are left out; a verified one comes first.
      .where('validity', '!=', 'invalid')
      .where('opted_out_at', 'is', null)
      .orderBy(sql`case when validity = 'valid' then 0 else 1 end`)
      .orderBy('created_at')
      .orderBy('contact_id')
      .execute(),
    db
      .selectFrom('claims')
      .select([
        'invoice_number',
        'issue_date',
        'due_date',
        'amount_minor',
        'outstanding_minor',
        'disputed_minor',
      ])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      // A claim disputed in part is listed for what is still asked of it; one whose disputes cover it, not at all.
      .whereRef('outstanding_minor', '>', 'disputed_minor')
      .orderBy('due_date')
      .orderBy('invoice_number')
      .execute(),
    db
      .selectFrom('tenant_settings')
      .select(['key', 'value'])
      .where('tenant_id', '=', tenantId)
      .where('key', 'in', ['identity', 'formal_notice'])
      .execute(),
    db
      .selectFrom('postal_items')
      .select(['reference', 'created_at'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('reference')
      .execute(),
    interestOfCases(db, tenantId, [caseId], today),
    ensurePaymentReference(db, tenantId, caseId),
  ]);

  const setting = (key: string): unknown => {
    const value = settings.find((s) => s.key === key)?.value;
    return value ? JSON.parse(value) : null;
  };
  const identity = tenantIdentitySchema.safeParse(setting('identity') ?? {});
  const tenant = identity.success ? identity.data : null;
  const details = creditorDetailsSchema.safeParse(
    row.creditor_details ? JSON.parse(row.creditor_details) : {},
  );
  const creditor = details.success ? details.data : null;
  const isAgency = row.tenant_kind === 'agency';
  const fr = language === 'fr';

  const money = (minor: number): MoneyText => ({
    minor,
    currency: row.currency,
    text: formatMoney(minor, row.currency, language),
  });
  const date = (iso: string): DateText => ({ iso, text: longDate(iso, language) });
  const letterRef = (l: { reference: string; created_at: string }): LetterReference => ({
    reference: l.reference,
    date: date(l.created_at.slice(0, 10)),
  });

  const email = contacts.find((c) => c.kind === 'email')?.value ?? null;
  const phone = contacts.find((c) => c.kind === 'phone')?.value ?? null;
  const postal = contacts.find((c) => c.kind === 'postal');

  const interest = interests.get(caseId) ?? null;
  const interestMinor = interest?.claimedInterestMinor ?? 0;
  const compensationMinor = interest?.claimedFeesMinor ?? 0;
  const disputedMinor = Number(row.disputed_minor);
  const principalMinor = Number(row.outstanding_minor) - disputedMinor;
  const feesMinor = 0;

  const paymentReference = reference;
  const iban = isAgency ? (tenant?.iban ?? null) : (creditor?.iban ?? tenant?.iban ?? null);
  const bic = isAgency ? (tenant?.bic ?? null) : creditor?.iban ? creditor.bic : (tenant?.bic ?? null);
  const collectorName = tenant?.legalName ?? row.tenant_name;
  const beneficiary = isAgency || !creditor?.iban ? collectorName : row.creditor_name;

  const formalNotice = setting('formal_notice') as { deadlineDays?: unknown } | null;
  const deadlineDays =
    typeof formalNotice?.deadlineDays === 'number' && formalNotice.deadlineDays > 0
      ? formalNotice.deadlineDays
      : DEFAULT_FORMAL_NOTICE_DAYS;
  const deadline = addDays(today, deadlineDays);

  const current = options.letter ?? null;
  const earlier = letters.filter((l) => l.reference !== current?.reference);
  const previous = earlier.at(-1);
  const first = isAgency ? earlier[0] : undefined;
  const [promise, dispute, plan, receipt] = await Promise.all([
    loadPromiseVariables(db, tenantId, caseId, money, date),
    loadDisputeVariables(db, tenantId, caseId, language, money, date),
    loadPlanVariables(db, tenantId, caseId, language, money, date, options.actionKey ?? null),
    loadReceiptVariables(db, tenantId, caseId, language, money, date, options.actionKey ?? null),
  ]);

  return {
    language,
    today: date(today),
    debtor: {
      name: row.debtor_name,
      address: postal ? { lines: postalLines(postal) } : null,
      email,
      phone,
      registration: row.debtor_siren ? `SIREN ${groupSiren(row.debtor_siren)}` : null,
      kind: row.debtor_kind,
      ref: row.debtor_ref,
      salutation: fr ? 'Madame, Monsieur,' : 'Dear Sir or Madam,',
    },
    creditor: {
      name: row.creditor_name,
      address: creditor?.address ? { lines: addressLines(creditor.address) ?? [] } : null,
      email: creditor?.email ?? null,
      phone: creditor?.phone ?? null,
      registration:
        creditor?.registration ?? (row.creditor_siren ? `SIREN ${groupSiren(row.creditor_siren)}` : null),
      ref: row.creditor_ref,
    },
    collector: {
      name: collectorName,
      address: tenant?.address ? { lines: addressLines(tenant.address) ?? [] } : null,
      email: tenant?.email ?? null,
      phone: tenant?.phone ?? null,
      registration: tenant?.registration ?? null,
      isAgency,
      signatory: tenant?.signatory ?? (fr ? 'Service recouvrement' : 'Collections department'),
      ...agencyParticulars(tenant, isAgency, language, (iso) => longDate(iso, language)),
    },
    case: { id: caseId, ref: `${row.creditor_ref}-${row.debtor_ref}` },
    claims: claims.map((c) => {
      const due = date(c.due_date);
      const issued = c.issue_date ? date(c.issue_date) : null;
      return {
        number: c.invoice_number,
        issueDate: issued,
        dueDate: due,
        amount: money(Number(c.amount_minor)),
        outstanding: money(Number(c.outstanding_minor) - Number(c.disputed_minor)),
        daysLate: Math.max(0, daysBetween(c.due_date, today)),
        label: claimLabel(c.invoice_number, issued, due, language),
      };
    }),
    claimCount: claims.length,
    oldestDueDate: row.oldest_due_date ? date(row.oldest_due_date) : null,
    balance: {
      principal: money(principalMinor),
      interest: money(interestMinor),
      fees: money(feesMinor),
      compensation: money(compensationMinor),
      disputed: money(disputedMinor),
      total: money(principalMinor + interestMinor + feesMinor + compensationMinor),
      interestRate: interestRateText(interest, row.interest_policy, row.contract_rate, language),
      asOf: date(today),
    },
    payment: {
      link: await paymentLinkOf(db, tenantId, caseId, paymentReference, options),
      beneficiary,
      iban,
      ibanText: iban ? formatIban(iban) : null,
      bic,
      reference: paymentReference,
      referenceText: formatRfReference(paymentReference),
    },
    agent: options.agentName ? { name: options.agentName } : null,
    previousLetter: previous ? letterRef(previous) : null,
    firstLetter: first ? letterRef(first) : null,
    letter: current ? { reference: current.reference, date: date(current.date) } : null,
    deadline: { date: date(deadline), days: deadlineDays },
    promise,
    dispute,
    plan,
    receipt,
  };
}

/**
 * `payment.link`: a message leaving the outbox (its action key is known) carries a signed, expiring link of its
 * own (`/pay/<token>`, channels/payments/payment-links.ts); a letter, an agreement PDF or a preview carries the
 * case's short `/pay/<RF reference>`, which a person can type and which asks the same identity check.
 */
async function paymentLinkOf(
  db: Reader,
  tenantId: string,
  caseId: string,
  reference: string,
  options: VariablesOptions,
): Promise<string> {
  const base = (options.publicUrl ?? defaultPublicUrl()).replace(/\/+$/, '');
  if (!options.actionKey) return `${base}/pay/${reference}`;
  return paymentLinkUrl(db, {
    tenantId,
    caseId,
    today: options.today,
    now: `${options.today}T00:00:00.000Z`,
    actionKey: options.actionKey,
    publicUrl: base,
  });
}

/** One formatter per language, made once: each `Intl.DateTimeFormat` holds native memory until a collection. */
const LONG_DATES: Readonly<Record<Language, Intl.DateTimeFormat>> = {
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** "22 novembre 2026" / "22 November 2026", with no-break spaces where Intl puts narrow ones. */
export function longDate(iso: string, language: Language): string {
  const [y, m, d] = iso.split('-').map(Number);
  const formatted = LONG_DATES[language].format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
  return formatted.replaceAll('\u202f', '\u00a0');
}

function claimLabel(number: string, issued: DateText | null, due: DateText, language: Language): string {
  if (language === 'fr') {
    return `Facture ${number}${issued ? ` du ${issued.text}` : ''}, échue le ${due.text}`;
  }
  return `Invoice ${number}${issued ? ` of ${issued.text}` : ''}, due ${due.text}`;
}

function postalLines(c: {
  value: string;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
}): string[] {
  if (c.address_line1 && c.city) {
    return addressLines({
      lines: [c.address_line1, ...(c.address_line2 ? [c.address_line2] : [])],
      postalCode: c.postal_code ?? '',
      city: c.city,
      country: (c.country ?? 'FR').toUpperCase(),
    }) as string[];
  }
  return c.value
    .split(/\s*[,\n]\s*/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function groupSiren(siren: string): string {
  return siren.replace(/\D/g, '').replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
}

const REGIME_RATE: Readonly<Record<InterestRegime, { fr: string; en: string }>> = {
  'fr-b2b': {
    fr: 'au taux de la BCE majoré de 10 points (art. L441-10 du Code de commerce)',
    en: 'at the ECB rate plus 10 points (French Commercial Code, art. L441-10)',
  },
  'fr-legal': { fr: 'au taux de l’intérêt légal', en: 'at the French statutory rate' },
  eu: { fr: 'au taux de référence majoré de 8 points', en: 'at the reference rate plus 8 points' },
  uk: { fr: 'au taux de référence majoré de 8 points', en: 'at the reference rate plus 8 points' },
};

function interestRateText(
  interest: CaseInterest | null,
  policy: string,
  contractRate: string | null,
  language: Language,
): string | null {
  if (!interest?.regime || policy !== 'charge') return null;
  if (contractRate) {
    const rate = language === 'fr' ? contractRate.replace('.', ',') : contractRate;
    return language === 'fr' ? `au taux de ${rate}\u00a0% l’an` : `at ${rate}% a year`;
  }
  return REGIME_RATE[interest.regime][language];
}
