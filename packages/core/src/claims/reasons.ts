import type { IsoDate } from '../shared/dates.ts';
import { addDays, formatDate } from '../shared/dates.ts';
import { assertNever } from '../shared/errors.ts';
import { formatMoney } from '../shared/money.ts';
import type { CollectabilityBlock, CollectabilityWarning } from './collectability.ts';
import type { PrescriptionBasis } from './prescription.ts';
import { prescriptionReference, prescriptionYears } from './prescription.ts';

export type ReasonLocale = 'fr' | 'en';

function inDays(days: number, locale: ReasonLocale): string {
  if (locale === 'fr') return days === 0 ? 'aujourd’hui' : days === 1 ? 'demain' : `dans ${days} jours`;
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
}

function timeBarred(end: IsoDate, basis: PrescriptionBasis | undefined, locale: ReasonLocale): string {
  // The end date is the last day to act: the claim is time-barred from the next day on.
  const since = formatDate(addDays(end, 1), locale);
  if (basis === undefined) {
    return locale === 'fr'
      ? `Prescrite depuis le ${since} : la créance ne peut plus être réclamée`
      : `Time-barred since ${since}: the claim can no longer be pursued`;
  }
  const years = prescriptionYears(basis);
  const reference = prescriptionReference(basis);
  return locale === 'fr'
    ? `Prescrite depuis le ${since} (délai de ${years} ans, ${reference})`
    : `Time-barred since ${since} (${years}-year limitation period, ${reference})`;
}

function nonPositive(outstandingMinor: number, currency: string, locale: ReasonLocale): string {
  if (outstandingMinor === 0) {
    return locale === 'fr'
      ? 'Solde nul : il ne reste rien à recouvrer'
      : 'Zero balance: nothing is left to collect';
  }
  const credit = formatMoney(-outstandingMinor, currency, locale);
  return locale === 'fr'
    ? `Solde créditeur de ${credit} : rien à recouvrer, un remboursement ou un avoir est peut-être dû au débiteur`
    : `Credit balance of ${credit}: nothing to collect; a refund or credit note may be owed to the debtor`;
}

/** Why a claim cannot be collected, as a sentence for the agent or the creditor. */
export function describeBlock(block: CollectabilityBlock, locale: ReasonLocale): string {
  const fr = locale === 'fr';
  switch (block.code) {
    case 'paid':
      return fr ? 'Créance soldée : plus rien n’est dû' : 'Paid in full: nothing is owed any more';
    case 'cancelled':
      return fr
        ? 'Créance annulée : elle ne doit plus être réclamée'
        : 'Cancelled: this claim must no longer be pursued';
    case 'non_positive_balance':
      return nonPositive(block.outstandingMinor, block.currency, locale);
    case 'disputed':
      return fr
        ? 'Contestée par le débiteur : le recouvrement est suspendu jusqu’à la résolution du litige'
        : 'Disputed by the debtor: collection is on hold until the dispute is resolved';
    case 'time_barred':
      return timeBarred(block.prescriptionEnd, block.basis, locale);
    case 'not_yet_due': {
      const due = formatDate(block.dueDate, locale);
      const when = inDays(block.daysToDue, locale);
      return fr
        ? `Pas encore échue : échéance le ${due} (${when}) — seules des relances de courtoisie sont possibles`
        : `Not yet due: due on ${due} (${when}) — only courtesy reminders are allowed`;
    }
    default:
      return assertNever(block);
  }
}

/** A problem worth fixing that does not stop collection. */
export function describeWarning(warning: CollectabilityWarning, locale: ReasonLocale): string {
  const fr = locale === 'fr';
  switch (warning.code) {
    case 'no_contact':
      return fr
        ? 'Aucun moyen de contact valide (e-mail, téléphone ou adresse postale) : à compléter avant toute relance'
        : 'No valid contact (e-mail, phone or postal address): add one before any reminder';
    case 'no_valid_email':
      return fr
        ? 'Aucune adresse e-mail valide : les relances par e-mail sont impossibles'
        : 'No valid e-mail address: e-mail reminders cannot be sent';
    case 'invalid_email':
      return fr
        ? 'Au moins une adresse e-mail est invalide : merci de la vérifier'
        : 'At least one e-mail address is invalid: please check it';
    case 'invalid_phone':
      return fr
        ? 'Au moins un numéro de téléphone est invalide : merci de le vérifier'
        : 'At least one phone number is invalid: please check it';
    case 'no_postal_address':
      return fr
        ? 'Aucune adresse postale : les courriers et la mise en demeure sont impossibles'
        : 'No postal address: letters and formal notices cannot be sent';
    case 'partly_disputed': {
      const disputed = formatMoney(warning.disputedMinor, warning.currency, locale);
      const rest = formatMoney(warning.undisputedMinor, warning.currency, locale);
      return fr
        ? `Contestée en partie : ${disputed} en litige ne sont pas réclamés ; le reste (${rest}) l’est toujours`
        : `Partly disputed: ${disputed} under dispute is not chased; the rest (${rest}) still is`;
    }
    case 'prescription_soon': {
      const end = formatDate(warning.prescriptionEnd, locale);
      const when = inDays(warning.daysLeft, locale);
      return fr
        ? `Prescription proche : dernier jour pour agir le ${end} (${when}). Seuls un paiement partiel, une reconnaissance de dette ou une action en justice l’interrompent, pas une mise en demeure`
        : `Limitation period ending: the last day to act is ${end} (${when}). Only a partial payment, an acknowledgement of the debt or court action interrupts it, not a formal notice`;
    }
    default:
      return assertNever(warning);
  }
}
