import type { Messages } from './messages-fr.ts';

/** Every sentence the CLI prints, in English. */
export const en: Messages = {
  numberLocale: 'en-GB',
  help: {
    program: 'Relance — amicable debt collection, from the command line.',
    db: 'database: sqlite:<file> or postgres://… (overrides RELANCE_DATABASE_URL)',
    json: 'machine-readable output: one JSON document on standard output',
    lang: 'language of the messages: fr or en',
    version: 'print the version',
    help: 'print help',
    helpCommand: 'print help for a command',
    after: `
Exit codes:
  0   success
  1   failure (unreadable file, unknown creditor, database unreachable…)
  2   import finished, but some rows were rejected (see the error file)
  64  wrong usage (unknown or invalid option, tenant to be named with --tenant)

Environment:
  RELANCE_DATABASE_URL   database (default: sqlite:data/relance.db)
  PORT, RELANCE_PORT     HTTP port (default: 3000)
  RELANCE_HOST           address to listen on (default: 127.0.0.1)
  RELANCE_DATA_DIR       folder for files: import error files, documents (default: data)
  RELANCE_LANG, LANG     language of the messages (default: French; --lang wins)

To begin: relance start (creates the demo and starts the server), or relance init then relance serve.`,
    init: 'create the database, the tenant and its administrator (does nothing if already done)',
    tenantName: 'name of the tenant (organisation)',
    tenantKind: 'kind of tenant: creditor or agency (collection agency)',
    adminEmail: 'e-mail of the administrator',
    adminPassword: 'password of the administrator (at least 12 characters; random if omitted)',
    locale: 'language of the tenant or of the user: fr or en',
    demo: 'create the demo tenant and a realistic French portfolio',
    size: 'number of cases (debtors)',
    seed: 'random seed: the same seed gives the same data',
    demoCreditor: 'fill only this creditor (created if missing)',
    import: 'import a file of claims (CSV or XLSX) for a creditor',
    file: 'the file to import',
    creditor: 'reference of the creditor (e.g. ACME)',
    mapping: 'JSON file mapping the columns',
    creditorName: 'name of the creditor, if it has to be created (else its reference)',
    tenant: 'tenant (id or name); optional when there is only one',
    serve: 'start the HTTP server (API and web app)',
    port: 'HTTP port',
    host: 'address to listen on',
    start: 'all in one (npm start): create the demo on a new database, fill it when empty, then serve',
    users: 'manage users',
    usersCreate: 'create a user',
    email: 'e-mail address (the sign-in name)',
    name: 'display name',
    role: 'role: admin, supervisor, agent or client',
    password: 'password (at least 12 characters; random if omitted)',
    userCreditor: 'reference of the creditor of a client user',
    apiKeys: 'manage API keys',
    apiKeysCreate: 'create an API key (the token is shown once)',
    keyName: 'name of the key (what it is for)',
    keyCreditor: 'reference of the creditor of a client-role key',
  },
  database: (url) => `Database: ${url}`,
  migrated: (n) => `Schema updated (${n} migration${n > 1 ? 's' : ''} applied).`,
  init: {
    done: (name) => `Tenant "${name}" created.`,
    admin: (email) => `Administrator: ${email}`,
    password: (password) => `Password: ${password}`,
    generated: 'This password was generated: write it down, it will not be shown again.',
    already: (n) =>
      `Already initialised: ${n} tenant${n > 1 ? 's' : ''} in the database, nothing was changed.`,
    next: 'Next: relance serve, then sign in from the browser.',
  },
  demo: {
    tenantCreated: (name) => `Demo tenant "${name}" created.`,
    tenantExists: (name) => `Demo tenant "${name}" already there.`,
    generating: (size, seed) => `Demo portfolio: ${size} cases (seed ${seed})…`,
    creditorLine: (ref, name, cases, rows) => `  ${ref.padEnd(10)} ${name}: ${cases} cases, ${rows} invoices`,
    counts: (inserted, updated, unchanged, rejected) =>
      `             inserted ${inserted}, updated ${updated}, unchanged ${unchanged}, rejected ${rejected}`,
    total: (rows, seconds) => `${rows} invoices imported in ${seconds} s.`,
    seeding: 'The database is empty: creating the demo portfolio…',
    alreadySeeded: (claims) => `Demo portfolio already there (${claims} invoices).`,
    ownTenants: 'Database set up without the demo: sign in with your own accounts.',
    progressLabel: 'Demo',
    signIn: 'Sign in (demo accounts):',
    account: (email, role) => `  ${email.padEnd(30)} ${role}`,
    password: (password) => `  password: ${password}`,
  },
  roles: { admin: 'administrator', supervisor: 'supervisor', agent: 'agent', client: 'client (read-only)' },
  import: {
    title: (file, creditor, format) => `Import of ${file} for creditor ${creditor} (${format})`,
    totalRows: (n) => `  Rows read        : ${n}`,
    inserted: (n) => `  Inserted         : ${n}`,
    updated: (n) => `  Updated          : ${n}`,
    unchanged: (n) => `  Unchanged        : ${n}`,
    rejected: (n) => `  Rejected         : ${n}`,
    firstRejections: 'First rejections:',
    warned: (n) => `  With warnings    : ${n} (imported, to be checked)`,
    issue: (row, column, message, reason) => `  row ${row}, column "${column}": ${message} [${reason}]`,
    firstWarnings: 'First warnings:',
    creditorCreated: (ref, name) => `New creditor ${ref} ("${name}") created.`,
    moreRejections: (n) => `  … and ${n} more rejected row${n === '1' ? '' : 's'}: see the error file.`,
    errorFile: (path) => `Error file: ${path}`,
    duration: (seconds) => `Duration: ${seconds} s`,
    allImported: 'All rows were imported.',
    progress: (rows, percent) => `Reading: ${rows} rows${percent ? ` (${percent} %)` : ''}`,
    bar: '{label} [{bar}] {percentage} % | {rows} rows',
  },
  serve: {
    listening: (url) => `Relance is listening on ${url}`,
    web: (dist) => `Web app: ${dist}`,
    noWeb: 'Web app not built: npm run build:web (the API answers anyway).',
    api: (url) => `API: ${url}api/v1/health`,
    stop: 'Ctrl+C to stop.',
    stopping: 'Stopping…',
  },
  users: {
    created: (email, role) => `User created: ${email} (${role})`,
    password: (password) => `Password: ${password}`,
    generated: 'Random password: write it down, it will not be shown again.',
  },
  apiKeys: {
    created: (name, role) => `API key created: ${name} (${role})`,
    token: (token) => `Token: ${token}`,
    once: 'This token will never be shown again: keep it somewhere safe.',
  },
  errors: {
    prefix: 'Error',
    not_found: 'not found',
    forbidden: 'not allowed',
    unauthenticated: 'authentication required',
    invalid_input: 'invalid input',
    conflict: 'conflicts with existing data',
    import_unreadable: 'unreadable file',
    import_mapping_incomplete: 'incomplete column mapping (give one with --mapping)',
    rate_limited: 'too many requests, try again later',
    usage: 'wrong usage',
    seeHelp: (command) => `See: relance ${command ? `${command} ` : ''}--help`,
    unexpected: 'unexpected error',
    noTenant: 'No tenant in the database: run "relance init" (or "relance demo") first.',
    tenantRequired: (n) => `The database holds ${n} tenants: name one with --tenant <id>.`,
    tenantUnknown: (value) => `No tenant "${value}".`,
    tenantLine: (id, name) => `  ${id}  ${name}`,
    invalidChoice: (option, value, choices) =>
      `Invalid value for ${option}: "${value}" (expected: ${choices}).`,
    invalidInteger: (option, value) =>
      `Invalid value for ${option}: "${value}" (a whole number is expected).`,
    mappingUnreadable: (path, reason) => `Unreadable mapping file ${path}: ${reason}`,
    fileMissing: (path) => `File not found: ${path}`,
    invalidPort: (value) =>
      `Invalid port "${value}": a number from 0 to 65535 is expected (--port, PORT or RELANCE_PORT).`,
    portInUse: (address) =>
      `The address ${address} is already in use: choose another port with --port (or PORT).`,
    database: (url, reason) => `Database unreachable (${url}): ${reason}`,
  },
};
