import { assertNever } from '../../shared/errors.ts';
import { formatMoney } from '../../shared/money.ts';
import { formatRfReference } from '../rf-reference.ts';
import type { LineNote, LineReason, MatchLocale, MatchReason, ReferencePlace } from './match-types.ts';

const PLACES: Readonly<Record<ReferencePlace, { readonly fr: string; readonly en: string }>> = {
  structured: { fr: 'dans la référence structurée', en: 'in the structured reference' },
  text: { fr: 'dans le libellé', en: 'in the remittance text' },
  end_to_end: { fr: 'dans la référence de bout en bout', en: 'in the end-to-end id' },
};

/** Why a case is a candidate for a line, in the reader's language. */
export function describeMatchReason(reason: MatchReason, locale: MatchLocale): string {
  const fr = locale === 'fr';
  switch (reason.code) {
    case 'rf_reference': {
      const ref = formatRfReference(reason.reference);
      const place = PLACES[reason.place][locale];
      return fr
        ? `Référence de paiement ${ref} du dossier lue ${place}`
        : `The case's payment reference ${ref} read ${place}`;
    }
    case 'invoice_number': {
      const list = reason.invoices.join(', ');
      const several = reason.invoices.length > 1;
      return fr
        ? `${several ? 'Factures' : 'Facture'} ${list} du dossier ${several ? 'citées' : 'citée'} dans le libellé`
        : `The case's invoice${several ? 's' : ''} ${list} named in the remittance text`;
    }
    case 'issued_reference': {
      const what =
        reason.kind === 'plan'
          ? fr
            ? 'échéancier'
            : 'payment plan'
          : fr
            ? 'tentative de paiement'
            : 'payment attempt';
      return fr
        ? `La référence de bout en bout porte l’identifiant d’un ${what} du dossier (${reason.id})`
        : `The end-to-end id carries the id of a ${what} of the case (${reason.id})`;
    }
    case 'amount_name': {
      const amount = formatMoney(reason.amountMinor, reason.currency, locale);
      return fr
        ? `Montant exact du solde (${amount}) et nom du payeur « ${reason.payerName} » proche du débiteur « ${reason.debtorName} » (${reason.similarity} %)`
        : `Exact outstanding (${amount}) and payer name "${reason.payerName}" close to the debtor "${reason.debtorName}" (${reason.similarity}%)`;
    }
    case 'amount_only': {
      const amount = formatMoney(reason.amountMinor, reason.currency, locale);
      return fr
        ? `Doit exactement ${amount}, comme ${reason.sharedBy} dossier(s) ouvert(s) : rien d’autre ne le désigne`
        : `Owes exactly ${amount}, as ${reason.sharedBy} open case(s) do: nothing else points to it`;
    }
    default:
      return assertNever(reason);
  }
}

/** Why a line stands where it stands (matched, to review, ignored…), in the reader's language. */
export function describeLineReason(reason: LineReason, locale: MatchLocale): string {
  const fr = locale === 'fr';
  switch (reason.code) {
    case 'matched':
      return fr ? 'Rapproché automatiquement et enregistré' : 'Matched automatically and booked';
    case 'below_threshold':
      return fr
        ? 'Correspondance trop incertaine pour être enregistrée sans vous : à confirmer'
        : 'Too uncertain to be booked without you: to be confirmed';
    case 'several_cases':
      return fr
        ? `${reason.count} dossiers possibles : à choisir`
        : `${reason.count} possible cases: choose one`;
    case 'currency_differs':
      return fr
        ? `Virement en ${reason.lineCurrency}, dossier en ${reason.caseCurrency} : jamais enregistré sans vous`
        : `Transfer in ${reason.lineCurrency}, case in ${reason.caseCurrency}: never booked without you`;
    case 'nothing_outstanding':
      return fr
        ? 'Le dossier ne doit plus rien : à vérifier (remboursement ?)'
        : 'The case owes nothing any more: to be checked (refund?)';
    case 'no_match':
      return reason.unknownReferences.length > 0
        ? fr
          ? `Référence ${reason.unknownReferences.map(formatRfReference).join(', ')} inconnue, aucun dossier trouvé`
          : `Reference ${reason.unknownReferences.map(formatRfReference).join(', ')} unknown, no case found`
        : fr
          ? 'Aucun dossier trouvé (ni référence, ni facture, ni montant et nom)'
          : 'No case found (no reference, invoice, or amount and name)';
    default:
      return describeNote(reason, locale);
  }
}

function describeNote(reason: LineNote, locale: MatchLocale): string {
  const fr = locale === 'fr';
  const rtr = (code: string | null) => (code === null ? '' : ` (${code})`);
  switch (reason.code) {
    case 'debit':
      return fr ? 'Débit : rien à rapprocher' : 'Debit: nothing to match';
    case 'not_booked':
      return fr
        ? `Écriture non comptabilisée par la banque (${reason.bankStatus}) : rien n’est enregistré`
        : `Not booked by the bank (${reason.bankStatus}): nothing is recorded`;
    case 'zero_amount':
      return fr ? 'Montant nul' : 'Zero amount';
    case 'amount_unknown':
      return fr
        ? 'Transaction d’un lot sans montant propre : à rapprocher à la main'
        : 'A batch transaction without its own amount: to be matched by hand';
    case 'reversal_booked':
      return fr
        ? `Retour ou annulation${rtr(reason.returnReason)} : le paiement qu’il annule a été contrepassé`
        : `Return or reversal${rtr(reason.returnReason)}: the payment it undoes was reversed`;
    case 'reversal_unmatched':
      return fr
        ? `Retour ou annulation${rtr(reason.returnReason)} : aucun paiement enregistré ne correspond, à vérifier`
        : `Return or reversal${rtr(reason.returnReason)}: no booked payment matches it, to be checked`;
    case 'same_booking':
      return fr
        ? 'Même écriture qu’une ligne déjà importée (avis CAMT.054 et relevé CAMT.053) : comptée une fois'
        : 'The same booking as a line already imported (CAMT.054 notice and CAMT.053 statement): counted once';
    case 'detailed_elsewhere':
      return fr
        ? 'Écriture détaillée par un avis importé ensuite : ses lignes sont rapprochées à sa place'
        : 'Booking detailed by a notice imported later: its lines are matched instead';
    case 'booking_refused':
      return fr
        ? `Enregistrement refusé (${reason.reason}) : ${reason.message}`
        : `Booking refused (${reason.reason}): ${reason.message}`;
    case 'matched_by_person':
      return fr ? 'Rapproché à la main' : 'Matched by hand';
    case 'ignored_by_person':
      return fr ? `Écarté à la main : ${reason.reason}` : `Set aside by hand: ${reason.reason}`;
    default:
      return assertNever(reason);
  }
}
