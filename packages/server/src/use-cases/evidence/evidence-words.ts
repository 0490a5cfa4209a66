import { assertNever } from '@relance/core';
import type { Locale } from '../../db/schema.ts';
import type { ChainProblem, EvidenceReport, TenantChainReport } from './verify-evidence.ts';

/** A chain problem in a sentence a lawyer can read, French or English. */
export function describeProblem(p: ChainProblem, locale: Locale): string {
  const fr = locale === 'fr';
  const n = p.seq;
  const d = p.detail;
  switch (p.kind) {
    case 'payload_altered':
      return fr
        ? `Entrée n° ${n} : le contenu (destinataires, texte, identifiants) a été modifié après l’écriture.`
        : `Entry #${n}: its content (recipients, text, ids) was changed after it was written.`;
    case 'date_altered':
      return fr
        ? `Entrée n° ${n} : la date a été modifiée après l’écriture.`
        : `Entry #${n}: its date was changed after it was written.`;
    case 'entry_altered':
      return fr
        ? `Entrée n° ${n} : l’entrée ne correspond plus à son empreinte${d.field ? ` (champ ${d.field})` : ''}.`
        : `Entry #${n}: the entry no longer matches its hash${d.field ? ` (field ${d.field})` : ''}.`;
    case 'entry_deleted':
      return d.missingTo !== undefined && d.missingTo !== n
        ? fr
          ? `Entrées n° ${n} à ${d.missingTo} : supprimées.`
          : `Entries #${n} to #${d.missingTo}: deleted.`
        : fr
          ? `Entrée n° ${n} : supprimée.`
          : `Entry #${n}: deleted.`;
    case 'entries_reordered':
      return fr
        ? `Entrée n° ${n} : déplacée (elle avait été écrite en position ${d.writtenAt}) ; l’ordre des entrées a été modifié.`
        : `Entry #${n}: moved (it was written as #${d.writtenAt}); the entries were reordered.`;
    case 'link_broken':
      return fr
        ? `Entrée n° ${n} : elle ne suit plus l’entrée précédente (chaînage rompu).`
        : `Entry #${n}: it no longer follows the entry before it (the chain is broken).`;
    case 'document_altered':
      return fr
        ? `Entrée n° ${n} : le document ${d.documentId} a été modifié (son empreinte SHA-256 ne correspond plus).`
        : `Entry #${n}: document ${d.documentId} was altered (its SHA-256 no longer matches).`;
    case 'document_missing':
      return fr
        ? `Entrée n° ${n} : le document ${d.documentId} a disparu.`
        : `Entry #${n}: document ${d.documentId} is missing.`;
    case 'head_mismatch':
      return fr
        ? `La tête de chaîne (n° ${d.headSeq}) ne correspond pas à la dernière entrée (n° ${n}).`
        : `The chain head (#${d.headSeq}) does not match the last entry (#${n}).`;
    default:
      return assertNever(p.kind);
  }
}

/** The verdict for one tenant, in a few lines. */
export function describeTenantReport(t: TenantChainReport, locale: Locale): string[] {
  const fr = locale === 'fr';
  const head = t.head ? `${t.head.seq} / ${t.head.hash}` : fr ? 'aucune' : 'none';
  const lines = [
    t.ok
      ? fr
        ? `Chaîne intègre : ${t.entriesChecked} entrée(s) et ${t.documentsChecked} document(s) vérifiés.`
        : `Chain intact: ${t.entriesChecked} entries and ${t.documentsChecked} documents checked.`
      : fr
        ? `Chaîne ROMPUE : ${t.entriesChecked} entrée(s) et ${t.documentsChecked} document(s) vérifiés, ${t.problems.length} anomalie(s).`
        : `Chain BROKEN: ${t.entriesChecked} entries and ${t.documentsChecked} documents checked, ${t.problems.length} problem(s).`,
    fr ? `Tête de chaîne (n° / empreinte) : ${head}` : `Chain head (seq / hash): ${head}`,
  ];
  const first = t.problems[0];
  if (first) {
    lines.push(
      fr
        ? `Première rupture : ${describeProblem(first, locale)}`
        : `First break: ${describeProblem(first, locale)}`,
    );
    for (const p of t.problems.slice(1)) lines.push(`  ${describeProblem(p, locale)}`);
  }
  return lines;
}

export function describeReport(r: EvidenceReport, locale: Locale): string[] {
  const fr = locale === 'fr';
  const lines: string[] = [];
  for (const t of r.tenants) {
    lines.push(fr ? `Espace ${t.tenantId}` : `Tenant ${t.tenantId}`);
    for (const line of describeTenantReport(t, locale)) lines.push(`  ${line}`);
  }
  lines.push(
    r.ok
      ? fr
        ? `Résultat : intègre (${r.entriesChecked} entrées, ${r.documentsChecked} documents).`
        : `Result: intact (${r.entriesChecked} entries, ${r.documentsChecked} documents).`
      : fr
        ? `Résultat : ROMPU — le journal de preuve a été modifié.`
        : `Result: BROKEN — the evidence journal was altered.`,
  );
  return lines;
}

const kindNames: Readonly<Record<string, { readonly fr: string; readonly en: string }>> = {
  email_sent: { fr: 'E-mail envoyé', en: 'E-mail sent' },
  sms_sent: { fr: 'SMS envoyé', en: 'SMS sent' },
  letter_produced: { fr: 'Courrier produit', en: 'Letter produced' },
  letter_printed: { fr: 'Courrier imprimé', en: 'Letter printed' },
  letter_posted: { fr: 'Courrier posté', en: 'Letter posted' },
  proof_of_receipt: { fr: 'Preuve de réception', en: 'Proof of receipt' },
  call_task_created: { fr: 'Appel planifié', en: 'Call scheduled' },
  call_outcome: { fr: 'Résultat d’appel', en: 'Call outcome' },
  delivery_event: { fr: 'Événement de remise', en: 'Delivery event' },
  dispatch_failed: { fr: 'Échec d’envoi', en: 'Sending failed' },
  handover: { fr: 'Dossier transmis', en: 'Case handed over' },
  inbound_message: { fr: 'Message reçu', en: 'Message received' },
  opt_out: { fr: 'Opposition (STOP)', en: 'Opt-out (STOP)' },
  agent_note: { fr: 'Note d’agent', en: 'Agent note' },
  document_added: { fr: 'Document ajouté', en: 'Document added' },
  promise_recorded: { fr: 'Promesse de paiement', en: 'Promise to pay' },
  promise_cancelled: { fr: 'Promesse annulée', en: 'Promise cancelled' },
  plan_agreed: { fr: 'Échéancier accepté', en: 'Payment plan agreed' },
  plan_cancelled: { fr: 'Échéancier annulé', en: 'Payment plan cancelled' },
  dispute_opened: { fr: 'Contestation ouverte', en: 'Dispute opened' },
  dispute_resolved: { fr: 'Contestation close', en: 'Dispute resolved' },
  ivr_call: { fr: 'Serveur vocal de paiement', en: 'Payment IVR' },
  payment_link_requested: { fr: 'Lien de paiement demandé', en: 'Payment link requested' },
  payment_received: { fr: 'Paiement reçu', en: 'Payment received' },
  payment_reversed: { fr: 'Paiement annulé', en: 'Payment reversed' },
  portal_identity_check: { fr: 'Vérification d’identité (portail)', en: 'Identity check (portal)' },
  contact_preference: { fr: 'Préférence de contact', en: 'Contact preference' },
  callback_requested: { fr: 'Rappel demandé', en: 'Callback requested' },
  case_held: { fr: 'Dossier suspendu par le créancier', en: 'Case held by the creditor' },
  case_released: { fr: 'Dossier repris par le créancier', en: 'Case released by the creditor' },
  case_withdrawn: { fr: 'Dossier retiré par le créancier', en: 'Case withdrawn by the creditor' },
};

/** The kind of an entry, named for a person; an unknown kind keeps its code. */
export function kindName(kind: string, locale: Locale): string {
  return kindNames[kind]?.[locale] ?? kind;
}
