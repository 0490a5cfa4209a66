import type { DateText, MoneyText, TemplateVariables } from './variables.ts';

/**
 * Every path a template may name, derived from `TemplateVariables` at the type level: a path added to the
 * contract without an entry here, or an entry naming no path, fails the typecheck. Money and dates are
 * leaves (they print their `text`; `.minor`, `.currency`, `.iso`, `.text` stay reachable). List items are
 * named `list[].field`; inside `{{#each list}}` a template writes `{{field}}`.
 */
type Join<P extends string, K extends string> = P extends '' ? K : `${P}.${K}`;
type Below<V, P extends string> = V extends MoneyText | DateText
  ? never
  : V extends readonly (infer I)[]
    ? I extends object
      ? PathsOf<I, `${P}[]`>
      : never
    : V extends object
      ? PathsOf<V, P>
      : never;
type PathsOf<T, P extends string> = {
  [K in keyof T & string]: Join<P, K> | Below<NonNullable<T[K]>, Join<P, K>>;
}[keyof T & string];

export type VariablePath = PathsOf<TemplateVariables, ''>;

export type VariableType = 'text' | 'number' | 'boolean' | 'money' | 'date' | 'object' | 'list';

export type VariableEntry = {
  readonly path: VariablePath;
  readonly type: VariableType;
  /** Null on some cases: guard it with `{{#if …}}`. */
  readonly optional: boolean;
  /** For lists: what each item is ('object' for claims, 'text' for address lines). */
  readonly items?: 'object' | 'text';
  readonly description: { readonly fr: string; readonly en: string };
};

type Spec = readonly [
  type: VariableType,
  optional: boolean,
  fr: string,
  en: string,
  items?: 'object' | 'text',
];

const money = (fr: string, en: string): Spec => ['money', false, fr, en];
const date = (fr: string, en: string): Spec => ['date', false, fr, en];
const text = (fr: string, en: string, optional = false): Spec => ['text', optional, fr, en];

function party<P extends 'debtor' | 'creditor' | 'collector'>(p: P, fr: string, en: string) {
  return {
    [p]: ['object', false, fr, en],
    [`${p}.name`]: text(`Nom ou raison sociale (${fr.toLowerCase()})`, `Name (${en.toLowerCase()})`),
    [`${p}.address`]: [
      'object',
      true,
      `Adresse postale (${fr.toLowerCase()})`,
      `Postal address (${en.toLowerCase()})`,
    ],
    [`${p}.address.lines`]: ['list', true, 'Lignes de l’adresse', 'Address lines', 'text'],
    [`${p}.email`]: text('Adresse e-mail', 'E-mail address', true),
    [`${p}.phone`]: text('Téléphone', 'Phone', true),
    [`${p}.registration`]: text('Immatriculation (SIREN, RCS…)', 'Registration (SIREN, RCS…)', true),
  } as Record<
    `${P}` | `${P}.${'name' | 'address' | 'address.lines' | 'email' | 'phone' | 'registration'}`,
    Spec
  >;
}

function letter<P extends 'previousLetter' | 'firstLetter' | 'letter'>(p: P, fr: string, en: string) {
  return {
    [p]: ['object', true, fr, en],
    [`${p}.reference`]: text('Référence du courrier', 'Letter reference', true),
    [`${p}.date`]: ['date', true, 'Date d’envoi', 'Date sent'],
  } as Record<`${P}` | `${P}.${'reference' | 'date'}`, Spec>;
}

const SPECS: { readonly [P in VariablePath]: Spec } = {
  language: text('Langue du message (fr, en)', 'Message language (fr, en)'),
  today: date('Date du jour', 'Today’s date'),
  ...party('debtor', 'Débiteur', 'Debtor'),
  'debtor.kind': text('« business » ou « consumer »', '"business" or "consumer"'),
  'debtor.ref': text('Numéro client chez le créancier', 'Customer number at the creditor'),
  'debtor.salutation': text('Formule d’appel (« Madame, Monsieur, »)', 'Salutation ("Dear Sir or Madam,")'),
  ...party('creditor', 'Créancier', 'Creditor'),
  'creditor.ref': text('Référence du créancier', 'Creditor reference'),
  ...party('collector', 'Expéditeur (le créancier ou l’agence)', 'Sender (the creditor or the agency)'),
  'collector.isAgency': [
    'boolean',
    false,
    'Vrai si une agence recouvre pour le créancier',
    'True when an agency collects for the creditor',
  ],
  'collector.signatory': text(
    'Signataire (« Service recouvrement »)',
    'Signatory ("Collections department")',
  ),
  'collector.insurance': text(
    'Assurance de responsabilité civile professionnelle de l’agence (R124-2)',
    'The agency’s professional liability insurance (R124-2)',
    true,
  ),
  'collector.declaration': text(
    'Déclaration de l’agence au procureur de la République (R124-2)',
    'The agency’s declaration to the public prosecutor (R124-2)',
    true,
  ),
  case: ['object', false, 'Dossier', 'Case'],
  'case.id': text('Identifiant technique du dossier', 'Technical case id'),
  'case.ref': text('Référence courte du dossier (« D-00042 »)', 'Short case reference ("D-00042")'),
  claims: ['list', false, 'Factures ouvertes du dossier', 'Open invoices of the case', 'object'],
  'claims[].number': text('Numéro de facture', 'Invoice number'),
  'claims[].issueDate': ['date', true, 'Date de facture', 'Invoice date'],
  'claims[].dueDate': date('Date d’échéance', 'Due date'),
  'claims[].amount': money('Montant de la facture', 'Invoice amount'),
  'claims[].outstanding': money('Reste dû sur la facture', 'Outstanding on the invoice'),
  'claims[].daysLate': ['number', false, 'Jours de retard', 'Days late'],
  'claims[].label': text(
    '« Facture F-42 du 3 mars 2026, échue le 2 avril 2026 »',
    '"Invoice F-42 of 3 March 2026, due 2 April 2026"',
  ),
  claimCount: ['number', false, 'Nombre de factures ouvertes', 'Number of open invoices'],
  oldestDueDate: ['date', true, 'Échéance la plus ancienne', 'Oldest due date'],
  balance: ['object', false, 'Décompte', 'Balance'],
  'balance.principal': money('Principal (hors montant contesté)', 'Principal (disputed part excluded)'),
  'balance.interest': money('Intérêts de retard', 'Late-payment interest'),
  'balance.fees': money('Frais et pénalités contractuels', 'Contractual fees and penalties'),
  'balance.compensation': money('Indemnité forfaitaire de 40 € (B2B)', 'Fixed €40 compensation (B2B)'),
  'balance.disputed': money('Montant contesté', 'Disputed amount'),
  'balance.total': money('Total réclamé', 'Total claimed'),
  'balance.interestRate': text('Taux des intérêts qui courent', 'Rate of the running interest', true),
  'balance.asOf': date('Date d’arrêté des intérêts', 'Interest computed up to'),
  payment: ['object', false, 'Paiement', 'Payment'],
  'payment.link': text('Lien de paiement du dossier', 'Payment link of the case'),
  'payment.beneficiary': text('Bénéficiaire du virement', 'Transfer beneficiary'),
  'payment.iban': text('IBAN (forme électronique)', 'IBAN (electronic form)', true),
  'payment.ibanText': text('IBAN groupé par quatre', 'IBAN grouped by four', true),
  'payment.bic': text('BIC', 'BIC', true),
  'payment.reference': text('Référence de paiement RF (ISO 11649)', 'RF payment reference (ISO 11649)'),
  'payment.referenceText': text('Référence RF groupée par quatre', 'RF reference grouped by four'),
  agent: ['object', true, 'Conseiller du dossier', 'Agent handling the case'],
  'agent.name': text('Nom du conseiller', 'Agent’s name'),
  ...letter('previousLetter', 'Courrier précédent', 'Previous letter'),
  ...letter('firstLetter', 'Premier courrier de l’agence (R124-4)', 'Agency’s first letter (R124-4)'),
  ...letter('letter', 'Ce courrier (lettres seulement)', 'This letter (letters only)'),
  deadline: ['object', false, 'Délai de la mise en demeure', 'Formal-notice deadline'],
  'deadline.date': date('Date limite de paiement', 'Payment deadline'),
  'deadline.days': ['number', false, 'Nombre de jours du délai', 'Days until the deadline'],
  promise: ['object', true, 'Promesse de paiement en cours', 'Open promise to pay'],
  'promise.total': money('Montant total promis', 'Total promised'),
  'promise.dates': ['list', false, 'Échéances promises', 'Promised dates', 'object'],
  'promise.dates[].dueDate': date('Date promise', 'Promised date'),
  'promise.dates[].amount': money('Montant à cette date', 'Amount on that date'),
  'promise.dateCount': ['number', false, 'Nombre de dates promises', 'Number of promised dates'],
  'promise.lastDate': date('Dernière date promise', 'Last promised date'),
  dispute: ['object', true, 'Contestation du dossier', 'Dispute on the case'],
  'dispute.reason': text('Motif de la contestation', 'Reason of the dispute'),
  'dispute.amount': money('Montant contesté', 'Disputed amount'),
  'dispute.claims': ['list', false, 'Factures contestées', 'Disputed invoices', 'object'],
  'dispute.claims[].number': text('Numéro de facture', 'Invoice number'),
  'dispute.claims[].amount': money('Montant contesté sur la facture', 'Disputed amount on the invoice'),
  'dispute.deadline': ['date', true, 'Date de réponse prévue', 'Answer expected by'],
  'dispute.outcome': text('Issue de la contestation', 'Outcome of the dispute', true),
  'dispute.resolvedAmount': ['money', true, 'Montant avoir ou abandonné', 'Amount credited or written off'],
  plan: ['object', true, 'Plan de paiement en cours', 'Active payment plan'],
  'plan.total': money('Montant total du plan', 'Total of the plan'),
  'plan.count': [
    'number',
    false,
    'Nombre d’échéances (acompte compris)',
    'Number of instalments (down payment included)',
  ],
  'plan.next': [
    'object',
    true,
    'Échéance visée (celle du rappel, sinon la prochaine à payer)',
    'Instalment in question (the reminder’s, else the next to pay)',
  ],
  'plan.next.seq': [
    'number',
    false,
    'Numéro de l’échéance (0 : acompte)',
    'Instalment number (0: down payment)',
  ],
  'plan.next.dueDate': date('Date de l’échéance', 'Instalment due date'),
  'plan.next.amount': money('Montant de l’échéance', 'Instalment amount'),
  'plan.instalments': ['list', false, 'Échéances du plan', 'Instalments of the plan', 'object'],
  'plan.instalments[].seq': [
    'number',
    false,
    'Numéro de l’échéance (0 : acompte)',
    'Instalment number (0: down payment)',
  ],
  'plan.instalments[].dueDate': date('Date de l’échéance', 'Due date'),
  'plan.instalments[].amount': money('Montant de l’échéance', 'Instalment amount'),
  'plan.instalments[].status': text(
    'État (« à venir », « payée », « impayée »…)',
    'Status ("due", "paid", "missed"…)',
  ),
  receipt: ['object', true, 'Paiement reçu (quittance)', 'Payment received (receipt)'],
  'receipt.number': text('Numéro de la quittance', 'Receipt number'),
  'receipt.amount': money('Montant reçu', 'Amount received'),
  'receipt.date': date('Date de réception', 'Date received'),
  'receipt.method': text('Moyen de paiement', 'Payment method'),
  'receipt.reference': text('Référence du paiement', 'Payment reference', true),
  'receipt.lines': ['list', false, 'Imputation du paiement', 'Where the payment went', 'object'],
  'receipt.lines[].invoice': text('Numéro de facture', 'Invoice number'),
  'receipt.lines[].part': text('Intérêts, frais ou principal', 'Interest, fees or principal'),
  'receipt.lines[].amount': money('Montant imputé', 'Amount applied'),
  'receipt.balance': money('Reste à payer après ce paiement', 'Left to pay after this payment'),
  'receipt.credit': ['money', true, 'Trop-perçu conservé en avoir', 'Overpayment kept as a credit'],
  'receipt.settled': ['boolean', false, 'Dossier soldé', 'Case settled'],
};

export const VARIABLE_CATALOG: readonly VariableEntry[] = Object.entries(SPECS).map(([path, spec]) => {
  const [type, optional, fr, en, items] = spec as Spec;
  return { path: path as VariablePath, type, optional, description: { fr, en }, ...(items ? { items } : {}) };
});

const BY_PATH = new Map(VARIABLE_CATALOG.map((entry) => [entry.path as string, entry]));

/** Sub-fields every money or date value has. */
const LEAF_FIELDS: Readonly<Record<string, Readonly<Record<string, VariableType>>>> = {
  money: { minor: 'number', currency: 'text', text: 'text' },
  date: { iso: 'text', text: 'text' },
};

/** The entry for a full path (`claims[].label`, `balance.total.minor`), or undefined when unknown. */
export function lookupVariable(path: string): Pick<VariableEntry, 'type' | 'optional' | 'items'> | undefined {
  const direct = BY_PATH.get(path);
  if (direct) return direct;
  const dot = path.lastIndexOf('.');
  if (dot < 0) return undefined;
  const parent = BY_PATH.get(path.slice(0, dot));
  const field = parent ? LEAF_FIELDS[parent.type]?.[path.slice(dot + 1)] : undefined;
  return field && parent ? { type: field, optional: parent.optional } : undefined;
}
