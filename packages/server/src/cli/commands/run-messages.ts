import type { Lang } from '../i18n.ts';

/** The `run` command's words, French and English (kept beside the command). */
const en = {
  help: {
    run: 'run the daily collection run (or preview it with --dry-run)',
    date: 'the day to run, YYYY-MM-DD (default: today in Europe/Paris)',
    dryRun: 'decide and report what would happen, without writing anything',
    workers: 'worker processes sharing the run (PostgreSQL only)',
    batch: 'cases per batch (one transaction each)',
    join: 'join a run started by another process (used by --workers)',
    worker: 'run the daily run on its schedule (06:00 in each tenant’s zone), without the HTTP server',
  },
  title: (day: string, dry: boolean) =>
    dry ? `Preview of the run of ${day} (nothing is written)` : `Run of ${day}`,
  cases: (n: string) => `  Cases decided     : ${n}`,
  actions: (n: string) => `  Actions planned   : ${n}`,
  blocked: (n: string) => `  Actions blocked   : ${n} (compliance gate, see the case)`,
  channel: (channel: string, n: string, width: number) => `    ${channel.padEnd(width)}${n}`,
  stage: (stage: string, n: string, width: number) => `    ${stage.padEnd(width)}${n}`,
  byChannel: '  By channel:',
  byStage: '  Cases by stage:',
  first: 'First actions:',
  previewLine: (at: string, channel: string, status: string, why: string) =>
    `  ${at}  ${channel}  [${status}]  ${why}`,
  nothing: 'Nothing to do: every case is up to date for this day.',
  duration: (s: string) => `Duration: ${s} s`,
  sqliteWorkers: 'Several workers need PostgreSQL: SQLite has a single writer. Use --workers 1.',
  badDate: (value: string) => `--date: "${value}" is not a date (YYYY-MM-DD).`,
  progress: (cases: string, actions: string) => `Cases: ${cases}, actions: ${actions}`,
  strategies: {
    help: 'the strategies (collection ladders), as JSON',
    list: 'list the strategies and the assignment rules',
    show: 'print a strategy as JSON (the latest version, or the one given)',
    save: 'save a strategy from a JSON file, as a new version',
    key: 'the key of the strategy (e.g. b2b-standard)',
    version: 'a version number',
    file: 'a JSON file (as printed by show)',
    row: (key: string, version: number, name: string, steps: number, backlog: string, cases: string) =>
      `${key.padEnd(16)} v${String(version).padEnd(3)} ${name.padEnd(28)} ${steps} steps, backlog ${backlog === 'jump' ? 'jumps to the right level' : 'one step per run'}, ${cases} cases`,
    rules: 'Assignment (first match wins):',
    otherwise: 'otherwise',
    noVersion: (key: string, version: number) => `Strategy ${key} has no version ${version}.`,
    unreadable: (file: string, why: string) => `Cannot read ${file} as JSON: ${why}`,
    saved: (key: string, version: number) => `Strategy ${key} saved: version ${version}.`,
    refused: (file: string) => `${file} was not saved:`,
  },
  demoRun: (cases: string, actions: string) =>
    `Today's collection run: ${cases} cases decided, ${actions} actions planned (see each case's Collection panel).`,
  workerStarted: (db: string) =>
    `Worker started on ${db}: the daily run starts at 06:00 in each tenant's zone. Ctrl+C to stop.`,
};

const fr: typeof en = {
  help: {
    run: 'lancer la relance du jour (ou la prévisualiser avec --dry-run)',
    date: 'le jour à traiter, AAAA-MM-JJ (par défaut : aujourd’hui à Paris)',
    dryRun: 'décider et montrer ce qui se passerait, sans rien écrire',
    workers: 'processus qui se partagent la relance (PostgreSQL seulement)',
    batch: 'dossiers par lot (une transaction chacun)',
    join: 'rejoindre une relance lancée par un autre processus (utilisé par --workers)',
    worker:
      'lancer la relance du jour à son heure (6 h dans le fuseau de chaque client), sans le serveur HTTP',
  },
  title: (day, dry) => (dry ? `Aperçu de la relance du ${day} (rien n’est écrit)` : `Relance du ${day}`),
  cases: (n) => `  Dossiers examinés : ${n}`,
  actions: (n) => `  Actions prévues   : ${n}`,
  blocked: (n) => `  Actions bloquées  : ${n} (contrôle de conformité, voir le dossier)`,
  channel: (channel, n, width) => `    ${channel.padEnd(width)}${n}`,
  stage: (stage, n, width) => `    ${stage.padEnd(width)}${n}`,
  byChannel: '  Par canal :',
  byStage: '  Dossiers par étape :',
  first: 'Premières actions :',
  previewLine: (at, channel, status, why) => `  ${at}  ${channel}  [${status}]  ${why}`,
  nothing: 'Rien à faire : tous les dossiers sont à jour pour ce jour.',
  duration: (s) => `Durée : ${s} s`,
  sqliteWorkers:
    'Plusieurs processus demandent PostgreSQL : SQLite n’a qu’un seul écrivain. Utilisez --workers 1.',
  badDate: (value) => `--date : « ${value} » n’est pas une date (AAAA-MM-JJ).`,
  progress: (cases, actions) => `Dossiers : ${cases}, actions : ${actions}`,
  strategies: {
    help: 'les stratégies (scénarios de relance), en JSON',
    list: 'lister les stratégies et les règles d’attribution',
    show: 'afficher une stratégie en JSON (la dernière version, ou celle indiquée)',
    save: 'enregistrer une stratégie depuis un fichier JSON, comme nouvelle version',
    key: 'la clé de la stratégie (par exemple b2b-standard)',
    version: 'un numéro de version',
    file: 'un fichier JSON (tel qu’affiché par show)',
    row: (key, version, name, steps, backlog, cases) =>
      `${key.padEnd(16)} v${String(version).padEnd(3)} ${name.padEnd(28)} ${steps} étapes, retard : ${backlog === 'jump' ? 'directement au bon niveau' : 'une étape par passage'}, ${cases} dossiers`,
    rules: 'Attribution (la première règle qui convient) :',
    otherwise: 'sinon',
    noVersion: (key, version) => `La stratégie ${key} n’a pas de version ${version}.`,
    unreadable: (file, why) => `Impossible de lire ${file} comme du JSON : ${why}`,
    saved: (key, version) => `Stratégie ${key} enregistrée : version ${version}.`,
    refused: (file) => `${file} n’a pas été enregistré :`,
  },
  demoRun: (cases, actions) =>
    `Relance du jour : ${cases} dossiers examinés, ${actions} actions prévues (voir le panneau Relance de chaque dossier).`,
  workerStarted: (db) =>
    `Processus de relance démarré sur ${db} : la relance du jour part à 6 h dans le fuseau de chaque client. Ctrl+C pour arrêter.`,
};

export function runMessages(lang: Lang): typeof en {
  return lang === 'fr' ? fr : en;
}
