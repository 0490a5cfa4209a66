import type { Locale } from '../../db/schema.ts';

/** The words of the evidence file (PDF summary, README, verification), French and English. */
export const exportWords = {
  fr: {
    title: 'Dossier de preuve',
    sep: ' : ',
    subtitle: (caseId: string) => `Dossier ${caseId}`,
    exportedAt: (at: string) => `Établi le ${at}`,
    parties: 'Les parties',
    creditor: 'Créancier',
    mandatary: 'Mandataire (agence de recouvrement)',
    collector: 'Service de recouvrement',
    debtor: 'Débiteur',
    business: 'professionnel',
    consumer: 'particulier',
    siren: 'SIREN',
    paymentReference: 'Référence de paiement',
    claims: 'Les créances',
    claimHeaders: ['Facture', 'Émise le', 'Échéance', 'Montant', 'Reste dû', 'Statut'],
    total: 'Total',
    status: { open: 'ouverte', disputed: 'contestée', paid: 'payée', cancelled: 'annulée' } as Record<
      string,
      string
    >,
    contacts: 'Les contacts et leurs résultats, dans l’ordre chronologique',
    noContact: 'Aucun contact enregistré pour ce dossier.',
    file: 'fichier',
    entry: (seq: number) => `entrée n° ${seq}`,
    by: 'par',
    verification: 'Vérification de la chaîne de preuve',
    chainOk:
      'La chaîne de preuve de l’espace est intègre : aucune entrée n’a été modifiée, supprimée ni déplacée, et chaque document correspond à son empreinte.',
    chainBroken: 'ATTENTION : la chaîne de preuve de l’espace est rompue.',
    caseEntries: (n: number, ok: number) =>
      `${n} entrée(s) de ce dossier, ${ok} dont l’empreinte a été recalculée et correspond.`,
    head: 'Tête de la chaîne à la date de l’export',
    headAnchor:
      'Publier ou faire horodater cette empreinte ailleurs (huissier, horodatage qualifié) prouve que le journal n’a pas été réécrit depuis.',
    page: (n: number, of: number) => `Page ${n} / ${of}`,
    csvHeaders: [
      'type',
      'facture',
      'emise_le',
      'echeance',
      'montant',
      'reste_du',
      'devise',
      'statut',
      'document',
      'sha256',
    ],
  },
  en: {
    title: 'Evidence file',
    sep: ': ',
    subtitle: (caseId: string) => `Case ${caseId}`,
    exportedAt: (at: string) => `Prepared on ${at}`,
    parties: 'The parties',
    creditor: 'Creditor',
    mandatary: 'Acting for the creditor (collection agency)',
    collector: 'Collection department',
    debtor: 'Debtor',
    business: 'business',
    consumer: 'consumer',
    siren: 'SIREN',
    paymentReference: 'Payment reference',
    claims: 'The claims',
    claimHeaders: ['Invoice', 'Issued', 'Due', 'Amount', 'Outstanding', 'Status'],
    total: 'Total',
    status: { open: 'open', disputed: 'disputed', paid: 'paid', cancelled: 'cancelled' } as Record<
      string,
      string
    >,
    contacts: 'Contacts and their results, in chronological order',
    noContact: 'No contact recorded for this case.',
    file: 'file',
    entry: (seq: number) => `entry #${seq}`,
    by: 'by',
    verification: 'Verification of the evidence chain',
    chainOk:
      'The tenant’s evidence chain is intact: no entry was altered, deleted or moved, and every document matches its hash.',
    chainBroken: 'WARNING: the tenant’s evidence chain is broken.',
    caseEntries: (n: number, ok: number) =>
      `${n} entries of this case, ${ok} whose hash was recomputed and matches.`,
    head: 'Head of the chain at the time of the export',
    headAnchor:
      'Publishing or timestamping this hash elsewhere (a bailiff, a qualified timestamp) proves that the journal was not rewritten since.',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    csvHeaders: [
      'type',
      'invoice',
      'issued',
      'due',
      'amount',
      'outstanding',
      'currency',
      'status',
      'document',
      'sha256',
    ],
  },
} as const satisfies Record<Locale, unknown>;

/** How a third party recomputes the hashes, in both languages whatever the export's language. */
export const readmeText = `RELANCE — DOSSIER DE PREUVE / EVIDENCE FILE

FRANÇAIS

Contenu
  00-summary.pdf     synthèse chronologique : parties, créances, chaque contact et son résultat,
                     avec le numéro et l'empreinte de son entrée au journal, puis la vérification.
  NN-<date>-<type>-<réf>.<ext>
                     chaque document tel que conservé (courriers PDF, e-mails .eml, SMS .txt,
                     preuves), dans l'ordre chronologique.
  claims.csv         les créances et les pièces de créance conservées.
  journal.json       les entrées du journal de preuve de ce dossier, avec leurs empreintes.
  verification.txt   le résultat de la vérification de la chaîne et le SHA-256 de chaque fichier.

Recalculer l'empreinte d'une entrée
  hash = SHA-256 (hexadécimal, minuscules) de la chaîne UTF-8 JSON.stringify([
    prevHash, tenantId, seq, entryId, caseId, actionId, at, kind, actor, payload, documentSha256
  ])
  c'est-à-dire un tableau JSON compact (sans espaces), dans cet ordre, où :
  - seq est un nombre ; caseId, actionId et documentSha256 valent null s'ils sont absents ;
  - payload est le texte JSON exact tel que stocké (champ "payload" de journal.json, une chaîne) ;
  - prevHash est l'empreinte de l'entrée précédente de l'espace (64 zéros pour la première).
  documentSha256 est le SHA-256 du fichier joint : recalculez-le sur le fichier du zip.
  Les entrées d'un dossier ne se suivent pas forcément dans la chaîne : les entrées intermédiaires
  concernent d'autres dossiers et ne sont pas jointes ; la vérification complète de la chaîne figure
  dans verification.txt. La tête de chaîne (dernier numéro et empreinte) y est aussi indiquée : publiée
  ou horodatée ailleurs, elle fige tout le journal écrit jusque-là.

ENGLISH

Contents
  00-summary.pdf     chronological summary: parties, claims, every contact and its result, with its
                     journal entry's number and hash, then the verification.
  NN-<date>-<kind>-<ref>.<ext>
                     every document as kept (letters as PDF, e-mails as .eml, SMS as .txt, proofs),
                     in chronological order.
  claims.csv         the claims and the claim documents kept.
  journal.json       this case's entries of the evidence journal, with their hashes.
  verification.txt   the result of the chain verification and the SHA-256 of every file.

Recomputing an entry's hash
  hash = SHA-256 (lowercase hex) of the UTF-8 string JSON.stringify([
    prevHash, tenantId, seq, entryId, caseId, actionId, at, kind, actor, payload, documentSha256
  ])
  i.e. a compact JSON array (no spaces), in that order, where:
  - seq is a number; caseId, actionId and documentSha256 are null when absent;
  - payload is the exact JSON text as stored (the "payload" field of journal.json, a string);
  - prevHash is the hash of the tenant's previous entry (64 zeros for the first).
  documentSha256 is the SHA-256 of the attached file: recompute it on the file in the zip.
  A case's entries are not necessarily adjacent in the chain: the entries in between concern other
  cases and are not included; the full chain check is in verification.txt, with the chain's head
  (last number and hash): published or timestamped elsewhere, it pins the whole journal written so far.
`;
