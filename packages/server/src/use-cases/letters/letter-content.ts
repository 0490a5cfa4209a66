import { addDays, type TemplateVariables } from '@relance/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

export type LetterContent = {
  readonly variables: TemplateVariables;
  readonly body: readonly string[];
  readonly templateVersion: string;
};

type Language = 'fr' | 'en';

/**
 * TEMPORARY: the case's variables and a plain body until the templates' `renderContent`
 * (use-cases/templates/render-content.ts) lands; every letter goes through this one function, so the swap is
 * one place. It loads what the letter needs from the tables and says nothing a template would not.
 */
export async function letterContent(
  db: Kysely<Database> | Transaction<Database>,
  tenantId: string,
  input: {
    readonly caseId: string;
    readonly template: string;
    readonly language: Language;
    readonly today: string;
    readonly letter: { readonly reference: string; readonly date: string } | null;
  },
): Promise<LetterContent> {
  const fr = input.language === 'fr';
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('tenants as t', 't.tenant_id', 'c.tenant_id')
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select([
      't.name as tenantName',
      't.kind as tenantKind',
      'cr.name as creditorName',
      'cr.ref as creditorRef',
      'cr.siren as creditorSiren',
      'd.debtor_id as debtorId',
      'd.name as debtorName',
      'd.ref as debtorRef',
      'd.kind as debtorKind',
      'c.case_id as caseId',
      'c.currency',
      'c.outstanding_minor as outstanding',
      'c.disputed_minor as disputed',
      'c.interest_minor as interest',
      'c.fees_minor as fees',
      'c.payment_reference as paymentReference',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', input.caseId)
    .executeTakeFirstOrThrow();
  const postal = await db
    .selectFrom('contacts')
    .select(['address_line1', 'address_line2', 'postal_code', 'city', 'country', 'value'])
    .where('tenant_id', '=', tenantId)
    .where('debtor_id', '=', row.debtorId)
    .where('kind', '=', 'postal')
    .where('validity', '!=', 'invalid')
    .orderBy('created_at')
    .executeTakeFirst();
  const claims = await db
    .selectFrom('claims')
    .select(['invoice_number', 'issue_date', 'due_date', 'amount_minor', 'outstanding_minor'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', input.caseId)
    .where('status', '=', 'open')
    .orderBy('due_date')
    .execute();

  const money = (minor: number) => ({
    minor,
    currency: row.currency,
    text: formatMoney(minor, row.currency, fr),
  });
  const date = (iso: string) => ({ iso, text: formatDate(iso, fr) });
  const principal = Number(row.outstanding) - Number(row.disputed);
  const total = principal + Number(row.interest) + Number(row.fees);
  const addressLines = postal
    ? [
        postal.address_line1,
        postal.address_line2,
        [postal.postal_code, postal.city].filter(Boolean).join(' '),
      ]
        .concat(postal.country && postal.country !== 'FR' ? [postal.country] : [])
        .filter((l): l is string => typeof l === 'string' && l.trim() !== '')
    : [];
  const debtorAddress = addressLines.length > 0 ? addressLines : postal ? [postal.value] : [];
  const creditorParty = {
    name: row.creditorName,
    address: null,
    email: null,
    phone: null,
    registration: row.creditorSiren ? `SIREN ${row.creditorSiren}` : null,
  };
  const reference = row.paymentReference ?? 'RF00';
  const variables: TemplateVariables = {
    language: input.language,
    today: date(input.today),
    debtor: {
      name: row.debtorName,
      address: debtorAddress.length > 0 ? { lines: debtorAddress } : null,
      email: null,
      phone: null,
      registration: null,
      kind: row.debtorKind,
      ref: row.debtorRef,
      salutation: fr ? 'Madame, Monsieur,' : 'Dear Sir or Madam,',
    },
    creditor: { ...creditorParty, ref: row.creditorRef },
    collector:
      row.tenantKind === 'agency'
        ? {
            ...creditorParty,
            name: row.tenantName,
            registration: null,
            isAgency: true,
            signatory: signatory(fr),
          }
        : { ...creditorParty, isAgency: false, signatory: signatory(fr) },
    case: { id: row.caseId, ref: row.caseId.slice(-8).toUpperCase() },
    claims: claims.map((c) => ({
      number: c.invoice_number,
      issueDate: c.issue_date ? date(c.issue_date) : null,
      dueDate: date(c.due_date),
      amount: money(Number(c.amount_minor)),
      outstanding: money(Number(c.outstanding_minor)),
      daysLate: 0,
      label: c.invoice_number,
    })),
    claimCount: claims.length,
    oldestDueDate: claims[0] ? date(claims[0].due_date) : null,
    balance: {
      principal: money(principal),
      interest: money(Number(row.interest)),
      fees: money(Number(row.fees)),
      compensation: money(0),
      disputed: money(Number(row.disputed)),
      total: money(total),
      interestRate: null,
      asOf: date(input.today),
    },
    payment: {
      link: '',
      beneficiary: row.tenantKind === 'agency' ? row.tenantName : row.creditorName,
      iban: null,
      ibanText: null,
      bic: null,
      reference,
      referenceText: reference.replace(/(.{4})/g, '$1 ').trim(),
    },
    agent: null,
    previousLetter: null,
    firstLetter: null,
    letter: input.letter ? { reference: input.letter.reference, date: date(input.letter.date) } : null,
    deadline: { date: date(addDays(input.today, 8)), days: 8 },
  };
  const body = fr
    ? ['Sauf erreur de notre part, les sommes détaillées ci-dessous restent dues à ce jour.']
    : ['According to our records, the sums detailed below remain due to date.'];
  return { variables, body, templateVersion: `builtin:${input.template}` };
}

function signatory(fr: boolean): string {
  return fr ? 'Service recouvrement' : 'Collections department';
}

function formatMoney(minor: number, currency: string, fr: boolean): string {
  return new Intl.NumberFormat(fr ? 'fr-FR' : 'en-GB', { style: 'currency', currency })
    .format(minor / 100)
    .replaceAll('\u202f', '\u00a0');
}

function formatDate(iso: string, fr: boolean): string {
  return new Intl.DateTimeFormat(fr ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}
