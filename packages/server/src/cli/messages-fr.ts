/** Every sentence the CLI prints, in French (the reference: `Messages` is its type). */
export const fr = {
  numberLocale: 'fr-FR',
  help: {
    program: 'Relance — recouvrement amiable de créances, en ligne de commande.',
    db: 'base de données : sqlite:<fichier> ou postgres://… (remplace RELANCE_DATABASE_URL)',
    json: 'sortie pour les machines : un seul document JSON sur la sortie standard',
    lang: 'langue des messages : fr ou en',
    version: 'affiche la version',
    help: 'affiche l’aide',
    helpCommand: 'affiche l’aide d’une commande',
    after: `
Codes de sortie :
  0   réussi
  1   échec (fichier illisible, créancier inconnu, base de données injoignable…)
  2   import terminé, mais des lignes ont été rejetées (voir le fichier des rejets)
  64  usage incorrect (option inconnue ou invalide, organisation à préciser avec --tenant)

Variables d’environnement :
  RELANCE_DATABASE_URL   base de données (défaut : sqlite:data/relance.db)
  PORT, RELANCE_PORT     port HTTP (défaut : 3000)
  RELANCE_HOST           adresse d’écoute (défaut : 127.0.0.1)
  RELANCE_DATA_DIR       dossier des fichiers : rejets d’import, documents (défaut : data)
  RELANCE_LANG, LANG     langue des messages (défaut : français ; --lang l’emporte)
  RELANCE_CLOCK          démarre l’horloge à cet instant (démo, tests), ex. 2026-11-24T10:00:00+01:00

Pour commencer : relance start (crée la démo et lance le serveur), ou relance init puis relance serve.`,
    init: 'crée la base de données, l’organisation et son administrateur (sans effet si c’est déjà fait)',
    tenantName: 'nom de l’organisation',
    tenantKind: 'type d’organisation : creditor (créancier) ou agency (cabinet de recouvrement)',
    adminEmail: 'e-mail de l’administrateur',
    adminPassword: 'mot de passe de l’administrateur (12 caractères au moins ; tiré au hasard si absent)',
    locale: 'langue de l’organisation ou de l’utilisateur : fr ou en',
    demo: 'crée l’organisation de démonstration et un portefeuille français réaliste',
    size: 'nombre de dossiers (débiteurs)',
    seed: 'graine du tirage : la même graine donne les mêmes données',
    demoCreditor: 'ne remplir que ce créancier (créé s’il n’existe pas)',
    import: 'importe un fichier de créances (CSV ou XLSX) pour un créancier',
    file: 'le fichier à importer',
    creditor: 'référence du créancier (ex. ACME)',
    mapping: 'fichier JSON de correspondance des colonnes',
    creditorName: 'nom du créancier, s’il faut le créer (sinon sa référence)',
    placement: 'lot remis à l’agence (placement) où vont les nouvelles créances ; par défaut celui du jour',
    tenant: 'organisation (identifiant ou nom) ; facultatif s’il n’y en a qu’une',
    serve: 'lance le serveur HTTP (API et application web)',
    port: 'port HTTP',
    host: 'adresse d’écoute',
    start:
      'tout-en-un (npm start) : crée la démo si la base est neuve, la remplit si elle est vide, puis sert',
    users: 'gère les utilisateurs',
    usersCreate: 'crée un utilisateur',
    email: 'adresse e-mail (sert d’identifiant)',
    name: 'nom affiché',
    role: 'rôle : admin, supervisor, agent ou client',
    password: 'mot de passe (12 caractères au moins ; tiré au hasard si absent)',
    userCreditor: 'référence du créancier d’un utilisateur client',
    apiKeys: 'gère les clés d’API',
    apiKeysCreate: 'crée une clé d’API (le jeton n’est affiché qu’une fois)',
    keyName: 'nom de la clé (à quoi elle sert)',
    keyCreditor: 'référence du créancier d’une clé de rôle client',
  },
  database: (url: string) => `Base de données : ${url}`,
  migrated: (n: number) =>
    `Schéma mis à jour (${n} migration${n > 1 ? 's' : ''} appliquée${n > 1 ? 's' : ''}).`,
  init: {
    done: (name: string) => `Organisation « ${name} » créée.`,
    admin: (email: string) => `Administrateur : ${email}`,
    password: (password: string) => `Mot de passe : ${password}`,
    generated: 'Ce mot de passe a été tiré au hasard : notez-le, il ne sera plus affiché.',
    already: (n: number) =>
      `Déjà initialisé : ${n} organisation${n > 1 ? 's' : ''} dans la base, rien n’a été changé.`,
    next: 'Ensuite : relance serve, puis connectez-vous dans le navigateur.',
  },
  demo: {
    tenantCreated: (name: string) => `Organisation de démonstration « ${name} » créée.`,
    tenantExists: (name: string) => `Organisation de démonstration « ${name} » déjà présente.`,
    generating: (size: string, seed: number) =>
      `Portefeuille de démonstration : ${size} dossiers (graine ${seed})…`,
    creditorLine: (ref: string, name: string, cases: string, rows: string) =>
      `  ${ref.padEnd(10)} ${name} : ${cases} dossiers, ${rows} factures`,
    counts: (inserted: string, updated: string, unchanged: string, rejected: string) =>
      `             créées ${inserted}, mises à jour ${updated}, inchangées ${unchanged}, rejetées ${rejected}`,
    total: (rows: string, seconds: string) => `${rows} factures importées en ${seconds} s.`,
    seeding: 'La base est vide : création du portefeuille de démonstration…',
    alreadySeeded: (claims: string) => `Portefeuille de démonstration déjà présent (${claims} factures).`,
    ownTenants: 'Base initialisée sans démonstration : connectez-vous avec vos propres comptes.',
    progressLabel: 'Démo',
    signIn: 'Connexion (comptes de démonstration) :',
    account: (email: string, role: string) => `  ${email.padEnd(30)} ${role}`,
    password: (password: string) => `  mot de passe : ${password}`,
  },
  roles: {
    admin: 'administrateur',
    supervisor: 'superviseur',
    agent: 'agent',
    client: 'client (lecture seule)',
  },
  import: {
    title: (file: string, creditor: string, format: string) =>
      `Import de ${file} pour le créancier ${creditor} (${format})`,
    totalRows: (n: string) => `  Lignes lues      : ${n}`,
    inserted: (n: string) => `  Créées           : ${n}`,
    updated: (n: string) => `  Mises à jour     : ${n}`,
    unchanged: (n: string) => `  Inchangées       : ${n}`,
    rejected: (n: string) => `  Rejetées         : ${n}`,
    firstRejections: 'Premiers rejets :',
    warned: (n: string) => `  Avec avertissement : ${n} (importées, à vérifier)`,
    issue: (row: number, column: string, message: string, reason: string) =>
      `  ligne ${row}, colonne « ${column} » : ${message} [${reason}]`,
    firstWarnings: 'Premiers avertissements :',
    creditorCreated: (ref: string, name: string) => `Nouveau créancier ${ref} (« ${name} ») créé.`,
    moreRejections: (n: string) =>
      `  … et ${n} autre${n === '1' ? ' ligne rejetée' : 's lignes rejetées'} : voir le fichier des rejets.`,
    errorFile: (path: string) => `Fichier des rejets : ${path}`,
    duration: (seconds: string) => `Durée : ${seconds} s`,
    allImported: 'Toutes les lignes ont été importées.',
    progress: (rows: string, percent: string) =>
      `Lecture : ${rows} lignes${percent ? ` (${percent} %)` : ''}`,
    bar: '{label} [{bar}] {percentage} % | {rows} lignes',
  },
  serve: {
    listening: (url: string) => `Relance écoute sur ${url}`,
    web: (dist: string) => `Application web : ${dist}`,
    noWeb: 'Application web non construite : npm run build:web (l’API répond quand même).',
    api: (url: string) => `API : ${url}api/v1/health`,
    stop: 'Ctrl+C pour arrêter.',
    stopping: 'Arrêt…',
  },
  users: {
    created: (email: string, role: string) => `Utilisateur créé : ${email} (${role})`,
    password: (password: string) => `Mot de passe : ${password}`,
    generated: 'Mot de passe tiré au hasard : notez-le, il ne sera plus affiché.',
  },
  apiKeys: {
    created: (name: string, role: string) => `Clé d’API créée : ${name} (${role})`,
    token: (token: string) => `Jeton : ${token}`,
    once: 'Ce jeton ne sera plus jamais affiché : gardez-le en lieu sûr.',
  },
  calc: {
    help: {
      calc: 'calculs, sans base de données : intérêts de retard, prescription',
      interest: 'intérêts de retard, indemnité forfaitaire et imputation des paiements d’une créance',
      regime:
        'régime : fr-b2b (entre professionnels, BCE + 10), fr-legal (taux légal), eu (directive, BCE + 8), uk (BoE + 8)',
      principal: 'montant dû, TTC (ex. « 1 234,56 » ou 1234.56)',
      currency: 'devise (défaut : EUR ; GBP pour uk)',
      from: 'départ, non compté : échéance, mise en demeure ou jugement (AAAA-MM-JJ ou JJ/MM/AAAA)',
      to: 'dernier jour compté (jour du paiement)',
      creditor: 'fr-legal : créancier individual (particulier) ou professional (autres cas)',
      contractRate: 'fr-b2b : taux du contrat en %, comparé au plancher de 3 fois le taux légal',
      judgmentEnforceable: 'fr-legal : jour où le jugement est devenu exécutoire (+5 points deux mois après)',
      payment: 'paiement partiel <date>=<montant> (répétable)',
      debtor: 'débiteur : business (défaut) ou consumer (jamais d’indemnité forfaitaire)',
      prescription: 'dernier jour pour agir (prescription) et effet de chaque événement',
      prescriptionDebtor: 'débiteur : b2b (5 ans, C. com. L110-4) ou b2c (2 ans, C. conso. L218-2)',
      prescriptionFrom: 'départ : jour où la créance est devenue exigible',
      event:
        'événement (répétable) : acknowledgement=<date>, payment=<date>, court-claim=<date>, formal-notice=<date>, mediation=<début>..<fin>',
    },
    regimes: {
      'fr-b2b': 'Pénalités de retard entre professionnels (C. com. L441-10)',
      'fr-legal': 'Intérêts au taux légal (C. mon. fin. L313-2)',
      eu: 'Intérêts de retard, directive 2011/7/UE',
      uk: 'Intérêts légaux britanniques (Late Payment Act 1998)',
    },
    title: (regime: string, principal: string, from: string, to: string, days: string) =>
      `${regime} — ${principal}, après le ${from} jusqu’au ${to} (${days} jours)`,
    columns: ['Après le', 'Jusqu’au', 'Jours', 'Taux', 'Capital', 'Intérêts', 'Base'],
    bases: {
      'ecb+10': 'taux BCE + 10 points',
      'ecb+8': 'taux BCE + 8 points',
      'boe+8': 'taux BoE + 8 points, fixe',
      contract: 'taux du contrat',
      'legal-floor': 'plancher : 3 × taux légal',
      'legal-individual': 'taux légal, particulier',
      'legal-other': 'taux légal, autres cas',
      'legal-individual+5': 'taux légal majoré (+5), particulier',
      'legal-other+5': 'taux légal majoré (+5), autres cas',
    },
    derived: ' (calculé)',
    noSegment: '  Aucun jour d’intérêts.',
    interest: (amount: string, exact: string) => `Intérêts : ${amount} (non arrondi : ${exact})`,
    fixed: (amount: string, what: string, reference: string) =>
      `Indemnité forfaitaire : ${amount} — ${what} (${reference})`,
    compensation: {
      'fr-indemnity-40': '40 € par facture payée en retard',
      'eu-compensation-40': '40 € au moins par paiement en retard',
      'uk-fixed-sum-40': '£40 pour une dette de moins de £1 000',
      'uk-fixed-sum-70': '£70 pour une dette de £1 000 à moins de £10 000',
      'uk-fixed-sum-100': '£100 pour une dette de £10 000 ou plus',
      'none-legal-interest': 'aucune au taux légal',
      'none-consumer': 'aucune : un consommateur ne supporte jamais de frais de recouvrement',
    },
    payments: 'Paiements (imputés sur les intérêts, puis l’indemnité, puis le capital) :',
    payment: (date: string, amount: string, interest: string, fees: string, principal: string) =>
      `  ${date} : ${amount} → intérêts ${interest}, indemnité ${fees}, capital ${principal}`,
    overpaid: (amount: string) => `    trop-perçu : ${amount}`,
    outstanding: (total: string, principal: string, interest: string, fees: string) =>
      `Restant dû : ${total} (capital ${principal}, intérêts ${interest}, indemnité ${fees})`,
    contract: (rate: string, atContract: string, atStatutory: string) =>
      `Taux du contrat ${rate} : ${atContract} à ce taux ; ${atStatutory} au taux légal par défaut (BCE + 10).`,
    unknown: 'inconnu',
    notes: {
      contract_rate_below_floor:
        'Le taux du contrat est inférieur à 3 fois le taux légal : le plancher est appliqué (question ouverte Q2, à valider par un juriste).',
      derived_rate: 'Taux calculé (BCE ou BoE + marge) mais non trouvé publié : à vérifier avant usage.',
      consumer_no_fixed_compensation: 'Débiteur consommateur : aucune indemnité forfaitaire.',
      b2b_regime_consumer_debtor:
        'Ce régime vaut entre professionnels ; pour un consommateur, utilisez fr-legal (taux légal).',
      judgment_majoration: 'Taux légal majoré de 5 points deux mois après le jugement exécutoire (L313-3).',
      overpayment: 'Les paiements dépassent le total dû : le trop-perçu est indiqué.',
    },
    convention:
      'Jours comptés après la date de départ jusqu’à la date de fin incluse ; année de 365 jours ; arrondi au centime par période de taux.',
    prescriptionBases: {
      consumer_2y: 'professionnel contre consommateur',
      commercial_5y: 'entre commerçants',
      civil_5y: 'droit commun',
    },
    prescriptionTitle: (basis: string, years: number, reference: string) =>
      `Prescription : ${years} ans, ${basis} (${reference})`,
    start: (date: string) => `Départ : ${date}`,
    lastDay: (date: string) => `Dernier jour pour agir : ${date}`,
    timeBarredFrom: (date: string) => `Prescrite à partir du : ${date}`,
    events: 'Événements :',
    noEvent: '  Aucun événement.',
    eventKinds: {
      acknowledgement: 'reconnaissance de dette',
      payment: 'paiement partiel (vaut reconnaissance de toute la dette)',
      'court-claim': 'demande en justice',
      'formal-notice': 'mise en demeure',
      mediation: 'médiation ou conciliation',
    },
    eventLine: (when: string, kind: string, effect: string) => `  ${when} ${kind} : ${effect}`,
    effects: {
      new_period: (end: string) => `interrompt ; un nouveau délai complet court, jusqu’au ${end}`,
      not_interruptive: () =>
        'sans effet : une mise en demeure, même en LRAR, n’interrompt pas la prescription',
      after_expiry: () =>
        'sans effet : la prescription était déjà acquise (une reconnaissance vaut alors renonciation, pas interruption)',
      before_start: () => 'sans effet : avant le départ du délai',
      suspended: (days: string) => `suspend le délai : ${days} jours ajoutés`,
      no_change: () =>
        'sans effet sur le dernier jour (effacée par une interruption, ou couverte par une autre suspension)',
    },
    mediationMinimum:
      'Non appliqué : le délai qui reprend après une médiation ne peut être inférieur à 6 mois (C. civ. 2238).',
    errors: {
      missingOption: (option: string) => `L’option ${option} est obligatoire.`,
      invalidDate: (option: string, value: string) =>
        `Valeur invalide pour ${option} : « ${value} » (date attendue : AAAA-MM-JJ ou JJ/MM/AAAA).`,
      invalidAmount: (option: string, value: string) =>
        `Valeur invalide pour ${option} : « ${value} » (montant attendu, ex. 1234,56).`,
      invalidCurrency: (value: string) =>
        `Valeur invalide pour --currency : « ${value} » (code ISO, ex. EUR).`,
      invalidRate: (option: string, value: string) =>
        `Valeur invalide pour ${option} : « ${value} » (taux en % attendu, ex. 12,5).`,
      invalidPayment: (value: string) =>
        `Valeur invalide pour --payment : « ${value} » (attendu : <date>=<montant>, ex. 2024-07-31=3000).`,
      invalidEvent: (value: string, kinds: string) =>
        `Valeur invalide pour --event : « ${value} » (attendu : <type>=<date> avec le type parmi ${kinds}, ou mediation=<début>..<fin>).`,
      missingRate: (regime: string, period: string, table: string) =>
        `Taux inconnu pour le régime ${regime}, période ${period} (table ${table}) : ajoutez-le dans packages/core/src/interest/rates/${table}.json (voir docs/interest.md).`,
      input: {
        not_positive: (option: string) => `${option} : un montant strictement positif est attendu.`,
        not_a_date: (option: string) => `${option} : date invalide.`,
        to_before_from: (option: string) => `${option} est avant --from.`,
        currency_not_supported: (option: string, regime: string, currency: string) =>
          `${option} : le régime ${regime} se calcule en ${currency} seulement.`,
        required: (option: string, regime: string) => `${option} est obligatoire pour le régime ${regime}.`,
        not_for_regime: (option: string, regime: string) =>
          `${option} ne s’applique pas au régime ${regime}.`,
        not_a_rate: (option: string) => `${option} : taux en % attendu.`,
        payment_outside_period: (option: string) => `${option} : le paiement doit être entre --from et --to.`,
      },
    },
  },
  errors: {
    prefix: 'Erreur',
    not_found: 'introuvable',
    forbidden: 'action non autorisée',
    unauthenticated: 'authentification requise',
    invalid_input: 'donnée invalide',
    conflict: 'conflit avec l’existant',
    import_unreadable: 'fichier illisible',
    import_mapping_incomplete: 'correspondance des colonnes incomplète (précisez-la avec --mapping)',
    rate_limited: 'trop de demandes, réessayez plus tard',
    usage: 'usage incorrect',
    seeHelp: (command: string) => `Voir : relance ${command ? `${command} ` : ''}--help`,
    unexpected: 'erreur inattendue',
    noTenant: 'Aucune organisation dans la base : lancez d’abord « relance init » (ou « relance demo »).',
    tenantRequired: (n: number) =>
      `La base contient ${n} organisations : précisez laquelle avec --tenant <id>.`,
    tenantUnknown: (value: string) => `Aucune organisation « ${value} ».`,
    tenantLine: (id: string, name: string) => `  ${id}  ${name}`,
    invalidChoice: (option: string, value: string, choices: string) =>
      `Valeur invalide pour ${option} : « ${value} » (attendu : ${choices}).`,
    invalidInteger: (option: string, value: string) =>
      `Valeur invalide pour ${option} : « ${value} » (nombre entier attendu).`,
    mappingUnreadable: (path: string, reason: string) =>
      `Fichier de correspondance illisible ${path} : ${reason}`,
    fileMissing: (path: string) => `Fichier introuvable : ${path}`,
    invalidPort: (value: string) =>
      `Port invalide « ${value} » : un nombre de 0 à 65535 est attendu (--port, PORT ou RELANCE_PORT).`,
    portInUse: (address: string) =>
      `L’adresse ${address} est déjà utilisée : choisissez un autre port avec --port (ou PORT).`,
    database: (url: string, reason: string) => `Base de données injoignable (${url}) : ${reason}`,
  },
  statements: {
    help: 'relevés bancaires : importer un relevé et rapprocher ses virements des dossiers',
    import:
      'importer un relevé (CAMT.053, CAMT.054 ou CFONB 120, reconnu à son contenu) et rapprocher ses crédits',
    file: 'le fichier du relevé',
    title: (file: string, format: string, lines: number) => `Relevé ${file} (${format}) : ${lines} ligne(s)`,
    fresh: (n: string, known: string) => `  Nouvelles          : ${n} (déjà importées : ${known})`,
    allKnown: (n: string) => `Déjà importé : les ${n} lignes sont connues, rien n’a changé.`,
    matched: (n: string) => `  Rapprochées        : ${n}`,
    review: (n: string) => `  À vérifier         : ${n}`,
    ambiguous: (n: string) => `  Ambiguës           : ${n}`,
    unmatched: (n: string) => `  Sans dossier       : ${n}`,
    ignored: (n: string) => `  Écartées           : ${n} (débits, écritures non comptabilisées…)`,
    reversal: (n: string) => `  Retours            : ${n}`,
    booked: (paid: string, reversed: string) =>
      `Paiements enregistrés : ${paid} ; paiements annulés : ${reversed}`,
    warnings: (n: string) => `Avertissements de lecture : ${n} (voir --json)`,
    toFinish: 'À finir à la main (page Rapprochement) :',
    line: (date: string, amount: string, payer: string, reason: string) =>
      `  ${date}  ${amount}  ${payer} — ${reason}`,
    more: (n: string) => `  … et ${n} autre(s).`,
    noPayer: 'payeur inconnu',
    duration: (seconds: string) => `Durée : ${seconds} s`,
  },
};

export type Messages = typeof fr;
