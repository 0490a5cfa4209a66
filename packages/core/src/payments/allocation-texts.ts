import { formatDate } from '../shared/dates.ts';
import { assertNever } from '../shared/errors.ts';
import { formatMoney } from '../shared/money.ts';
import type {
  Allocation,
  AllocationOrder,
  AllocationPart,
  AllocationStep,
  RankedClaim,
} from './allocation-types.ts';

export type AllocationLocale = 'fr' | 'en';

type Step<K extends AllocationStep['kind']> = Extract<AllocationStep, { readonly kind: K }>;

const PART_TEXTS: Readonly<Record<AllocationPart, { readonly fr: string; readonly en: string }>> = {
  interest: {
    fr: 'sur les intérêts de la facture {n} (art. 1343-1 du Code civil : les intérêts d’abord)',
    en: 'to the interest on invoice {n} (Civil Code art. 1343-1: interest first)',
  },
  fees: {
    fr: 'sur les frais et indemnités de la facture {n} (accessoires imputés avant le capital, Cass. civ. 1re, 7 février 1995)',
    en: 'to the fees on invoice {n} (accessories before principal, Cass. civ. 1, 7 Feb 1995)',
  },
  principal: {
    fr: 'sur le principal de la facture {n} (art. 1343-1 du Code civil : le capital après les intérêts et frais)',
    en: 'to the principal of invoice {n} (Civil Code art. 1343-1: principal after interest and fees)',
  },
};

function allocated(step: Step<'allocated'>, currency: string, locale: AllocationLocale): string {
  const amount = formatMoney(step.amountMinor, currency, locale);
  return `${amount} ${PART_TEXTS[step.part][locale].replace('{n}', step.invoiceNumber)}`;
}

function designationIgnored(step: Step<'designation_ignored'>, locale: AllocationLocale): string {
  const fr = locale === 'fr';
  const invoice = step.invoiceNumber ?? step.claimId;
  switch (step.reason) {
    case 'unknown':
      return fr
        ? `Désignation « ${step.claimId} » ignorée : aucune facture ouverte du dossier ne correspond`
        : `Designation "${step.claimId}" ignored: no open invoice of the case matches it`;
    case 'settled':
      return fr
        ? `Facture ${invoice} désignée par le débiteur mais déjà soldée : désignation ignorée`
        : `Invoice ${invoice} designated by the debtor but already paid: designation ignored`;
    case 'repeated':
      return fr
        ? `Facture ${invoice} désignée plusieurs fois : prise en compte une seule fois`
        : `Invoice ${invoice} designated more than once: counted once`;
    default:
      return assertNever(step.reason);
  }
}

function rankedClaim(claim: RankedClaim, locale: AllocationLocale): string {
  const date = formatDate(claim.dueDate, locale);
  const fr = locale === 'fr';
  const due = claim.due
    ? fr
      ? `échue le ${date}`
      : `due on ${date}`
    : fr
      ? `non échue, échéance le ${date}`
      : `not yet due, due on ${date}`;
  const accessories = claim.bearsAccessories
    ? fr
      ? ', avec intérêts ou frais'
      : ', with interest or fees'
    : '';
  return `${claim.rank}. ${claim.invoiceNumber} (${due}${accessories})`;
}

const ORDER_TEXTS: Readonly<Record<AllocationOrder, { readonly fr: string; readonly en: string }>> = {
  legal: {
    fr: 'Ordre légal entre les autres factures (art. 1342-10 du Code civil : les dettes échues d’abord, puis celles que le débiteur a le plus intérêt à acquitter — qui produisent intérêts ou frais —, puis les plus anciennes, enfin au prorata) ; intérêts et frais de toutes d’abord, puis le principal',
    en: 'Legal order between the other invoices (Civil Code art. 1342-10: debts already due first, then those the debtor has most interest in paying — bearing interest or fees —, then the oldest, and at full equality pro rata); interest and fees of all first, then principal',
  },
  oldest_due_first: {
    fr: 'Ordre choisi par le créancier entre les autres factures : la plus ancienne échéance d’abord ; intérêts et frais de toutes d’abord, puis le principal',
    en: 'Order chosen by the creditor between the other invoices: oldest due date first; interest and fees of all first, then principal',
  },
  proportional: {
    fr: 'Répartition choisie par le créancier entre les autres factures : au prorata de ce qui reste dû ; intérêts et frais de toutes d’abord, puis le principal',
    en: 'Split chosen by the creditor between the other invoices: pro rata to what is owed; interest and fees of all first, then principal',
  },
};

function claimOrder(step: Step<'claim_order'>, locale: AllocationLocale): string {
  const claims = step.claims.map((claim) => rankedClaim(claim, locale)).join(locale === 'fr' ? ' ; ' : '; ');
  return `${ORDER_TEXTS[step.order][locale]}${locale === 'fr' ? ' : ' : ': '}${claims}`;
}

function proRata(step: Step<'pro_rata'>, currency: string, locale: AllocationLocale): string {
  const amount = formatMoney(step.amountMinor, currency, locale);
  const invoices = step.invoiceNumbers.join(', ');
  const legal = step.rule === 'legal_pro_rata';
  if (locale === 'fr') {
    const phase = step.phase === 'accessories' ? 'des intérêts et frais' : 'du principal';
    const basis = legal
      ? 'art. 1342-10 du Code civil : toutes choses égales, proportionnellement'
      : 'répartition choisie par le créancier';
    return `${amount} ${phase} répartis au prorata entre les factures ${invoices} (${basis})`;
  }
  const phase = step.phase === 'accessories' ? 'to interest and fees' : 'to principal';
  const basis = legal
    ? 'Civil Code art. 1342-10: all things equal, pro rata'
    : 'split chosen by the creditor';
  return `${amount} ${phase} split pro rata between invoices ${invoices} (${basis})`;
}

function instalment(step: Step<'instalment'>, currency: string, locale: AllocationLocale): string {
  const amount = formatMoney(step.amountMinor, currency, locale);
  const date = formatDate(step.dueOn, locale);
  const left = formatMoney(step.leftMinor, currency, locale);
  if (locale === 'fr') {
    const rest = step.settles ? 'échéance réglée' : `il reste ${left} à payer`;
    return `${amount} sur l’échéance n° ${step.seq} du ${date} de l’échéancier : ${rest}`;
  }
  const rest = step.settles ? 'paid in full' : `${left} still to pay`;
  return `${amount} to instalment ${step.seq} of the plan, due on ${date}: ${rest}`;
}

/** One step of an allocation as a sentence for the agent, the creditor or the debtor's receipt. */
export function describeAllocationStep(
  step: AllocationStep,
  currency: string,
  locale: AllocationLocale,
): string {
  const fr = locale === 'fr';
  switch (step.kind) {
    case 'designated':
      return fr
        ? `Facture ${step.invoiceNumber} désignée par le débiteur (art. 1342-10 du Code civil : le débiteur choisit la dette qu’il acquitte)`
        : `Invoice ${step.invoiceNumber} designated by the debtor (Civil Code art. 1342-10: the debtor chooses the debt paid)`;
    case 'designation_ignored':
      return designationIgnored(step, locale);
    case 'disputed_skipped':
      return fr
        ? `Facture ${step.invoiceNumber} contestée : rien n’y est imputé sans désignation du débiteur`
        : `Invoice ${step.invoiceNumber} disputed: nothing goes to it unless the debtor designates it`;
    case 'claim_order':
      return claimOrder(step, locale);
    case 'pro_rata':
      return proRata(step, currency, locale);
    case 'allocated':
      return allocated(step, currency, locale);
    case 'settled':
      return fr ? `Facture ${step.invoiceNumber} soldée` : `Invoice ${step.invoiceNumber} paid in full`;
    case 'credit': {
      const amount = formatMoney(step.amountMinor, currency, locale);
      return fr ? `Trop-perçu de ${amount} conservé en avoir` : `Overpayment of ${amount} kept as a credit`;
    }
    case 'instalment':
      return instalment(step, currency, locale);
    default:
      return assertNever(step);
  }
}

/** The whole explanation of an allocation, one sentence per step, in the order the rule took them. */
export function describeAllocation(allocation: Allocation, locale: AllocationLocale): readonly string[] {
  return allocation.explanation.map((step) => describeAllocationStep(step, allocation.currency, locale));
}
