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
};

export type Messages = typeof fr;
