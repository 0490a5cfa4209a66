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
  RELANCE_CLOCK          start the clock at this instant (demo, tests), e.g. 2026-11-24T10:00:00+01:00

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
    placement: 'batch handed over to the agency (placement) the new claims go into; that day’s by default',
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
  calc: {
    help: {
      calc: 'calculations, no database needed: late interest, limitation period',
      interest: 'late interest, fixed compensation and imputation of payments for one claim',
      regime:
        'regime: fr-b2b (between businesses, ECB + 10), fr-legal (legal rate), eu (directive, ECB + 8), uk (BoE + 8)',
      principal: 'amount due, VAT included (e.g. 1234.56 or "1 234,56")',
      currency: 'currency (default: EUR; GBP for uk)',
      from: 'start, not counted: due date, formal notice or judgment (YYYY-MM-DD or DD/MM/YYYY)',
      to: 'last day counted (the day of payment)',
      creditor: 'fr-legal: creditor is an individual (particulier) or professional (other cases)',
      contractRate: 'fr-b2b: rate of the contract in %, checked against the floor of 3 times the legal rate',
      judgmentEnforceable: 'fr-legal: the day the judgment became enforceable (+5 points two months later)',
      payment: 'partial payment <date>=<amount> (repeatable)',
      debtor: 'debtor: business (default) or consumer (never a fixed compensation)',
      prescription: 'last day to act (limitation period) and the effect of each event',
      prescriptionDebtor: 'debtor: b2b (5 years, C. com. L110-4) or b2c (2 years, C. conso. L218-2)',
      prescriptionFrom: 'start: the day the claim became due',
      event:
        'event (repeatable): acknowledgement=<date>, payment=<date>, court-claim=<date>, formal-notice=<date>, mediation=<start>..<end>',
    },
    regimes: {
      'fr-b2b': 'French late-payment penalties between businesses (C. com. L441-10)',
      'fr-legal': 'French legal interest rate (C. mon. fin. L313-2)',
      eu: 'Late-payment interest, Directive 2011/7/EU',
      uk: 'UK statutory interest (Late Payment Act 1998)',
    },
    title: (regime, principal, from, to, days) =>
      `${regime} — ${principal}, after ${from} through ${to} (${days} days)`,
    columns: ['After', 'Through', 'Days', 'Rate', 'Principal', 'Interest', 'Basis'],
    bases: {
      'ecb+10': 'ECB rate + 10 points',
      'ecb+8': 'ECB rate + 8 points',
      'boe+8': 'BoE rate + 8 points, fixed',
      contract: 'contract rate',
      'legal-floor': 'floor: 3 × legal rate',
      'legal-individual': 'legal rate, individual',
      'legal-other': 'legal rate, other cases',
      'legal-individual+5': 'majorated legal rate (+5), individual',
      'legal-other+5': 'majorated legal rate (+5), other cases',
    },
    derived: ' (derived)',
    noSegment: '  No day of interest.',
    interest: (amount, exact) => `Interest: ${amount} (unrounded: ${exact})`,
    fixed: (amount, what, reference) => `Fixed compensation: ${amount} — ${what} (${reference})`,
    compensation: {
      'fr-indemnity-40': '€40 per invoice paid late',
      'eu-compensation-40': 'at least €40 per late payment',
      'uk-fixed-sum-40': '£40 for a debt under £1,000',
      'uk-fixed-sum-70': '£70 for a debt of £1,000 to under £10,000',
      'uk-fixed-sum-100': '£100 for a debt of £10,000 or more',
      'none-legal-interest': 'none at the legal rate',
      'none-consumer': 'none: a consumer is never charged collection costs',
    },
    payments: 'Payments (imputed on interest, then the fixed compensation, then principal):',
    payment: (date, amount, interest, fees, principal) =>
      `  ${date}: ${amount} → interest ${interest}, compensation ${fees}, principal ${principal}`,
    overpaid: (amount) => `    overpaid: ${amount}`,
    outstanding: (total, principal, interest, fees) =>
      `Still due: ${total} (principal ${principal}, interest ${interest}, compensation ${fees})`,
    contract: (rate, atContract, atStatutory) =>
      `Contract rate ${rate}: ${atContract} at that rate; ${atStatutory} at the statutory default (ECB + 10).`,
    unknown: 'unknown',
    notes: {
      contract_rate_below_floor:
        'The contract rate is below 3 times the legal rate: the floor is applied (open question Q2, to be confirmed by counsel).',
      derived_rate: 'Rate computed (ECB or BoE + margin) but not found published: check before use.',
      consumer_no_fixed_compensation: 'Consumer debtor: no fixed compensation.',
      b2b_regime_consumer_debtor:
        'This regime applies between businesses; for a consumer, use fr-legal (legal rate).',
      judgment_majoration:
        'Legal rate majorated by 5 points two months after the judgment became enforceable (L313-3).',
      overpayment: 'The payments exceed the total due: the excess is shown.',
    },
    convention:
      'Days counted after the start date through the end date; 365-day year; rounded to the cent per rate period.',
    prescriptionBases: {
      consumer_2y: 'business against consumer',
      commercial_5y: 'between traders',
      civil_5y: 'general civil rule',
    },
    prescriptionTitle: (basis, years, reference) => `Limitation: ${years} years, ${basis} (${reference})`,
    start: (date) => `Start: ${date}`,
    lastDay: (date) => `Last day to act: ${date}`,
    timeBarredFrom: (date) => `Time-barred from: ${date}`,
    events: 'Events:',
    noEvent: '  No event.',
    eventKinds: {
      acknowledgement: 'acknowledgement of debt',
      payment: 'partial payment (acknowledges the whole debt)',
      'court-claim': 'claim in court',
      'formal-notice': 'formal notice',
      mediation: 'mediation or conciliation',
    },
    eventLine: (when, kind, effect) => `  ${when} ${kind}: ${effect}`,
    effects: {
      new_period: (end) => `interrupts; a new full period runs, to ${end}`,
      not_interruptive: () =>
        'no effect: a formal notice, even by registered letter, does not interrupt the period',
      after_expiry: () =>
        'no effect: the period had already run out (an acknowledgement then renounces it, it does not interrupt)',
      before_start: () => 'no effect: before the period started',
      suspended: (days) => `suspends the period: ${days} days added`,
      no_change: () =>
        'no effect on the last day (erased by an interruption, or covered by another suspension)',
    },
    mediationMinimum:
      'Not applied: the period that resumes after a mediation cannot be shorter than 6 months (C. civ. 2238).',
    errors: {
      missingOption: (option) => `The option ${option} is required.`,
      invalidDate: (option, value) =>
        `Invalid value for ${option}: "${value}" (a date is expected: YYYY-MM-DD or DD/MM/YYYY).`,
      invalidAmount: (option, value) =>
        `Invalid value for ${option}: "${value}" (an amount is expected, e.g. 1234.56).`,
      invalidCurrency: (value) => `Invalid value for --currency: "${value}" (an ISO code, e.g. EUR).`,
      invalidRate: (option, value) =>
        `Invalid value for ${option}: "${value}" (a rate in % is expected, e.g. 12.5).`,
      invalidPayment: (value) =>
        `Invalid value for --payment: "${value}" (expected: <date>=<amount>, e.g. 2024-07-31=3000).`,
      invalidEvent: (value, kinds) =>
        `Invalid value for --event: "${value}" (expected: <kind>=<date> with a kind among ${kinds}, or mediation=<start>..<end>).`,
      missingRate: (regime, period, table) =>
        `Unknown rate for regime ${regime}, period ${period} (table ${table}): add it to packages/core/src/interest/rates/${table}.json (see docs/interest.md).`,
      input: {
        not_positive: (option) => `${option}: a positive amount is expected.`,
        not_a_date: (option) => `${option}: invalid date.`,
        to_before_from: (option) => `${option} is before --from.`,
        currency_not_supported: (option, regime, currency) =>
          `${option}: regime ${regime} is computed in ${currency} only.`,
        required: (option, regime) => `${option} is required for regime ${regime}.`,
        not_for_regime: (option, regime) => `${option} does not apply to regime ${regime}.`,
        not_a_rate: (option) => `${option}: a rate in % is expected.`,
        payment_outside_period: (option) => `${option}: the payment must be between --from and --to.`,
      },
    },
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
  statements: {
    help: 'bank statements: import a statement and match its transfers to cases',
    import: 'import a statement (CAMT.053, CAMT.054 or CFONB 120, told by its content) and match its credits',
    file: 'the statement file',
    title: (file, format, lines) => `Statement ${file} (${format}): ${lines} line(s)`,
    fresh: (n, known) => `  New                : ${n} (already imported: ${known})`,
    allKnown: (n) => `Already imported: all ${n} lines are known, nothing changed.`,
    matched: (n) => `  Matched            : ${n}`,
    review: (n) => `  To review          : ${n}`,
    ambiguous: (n) => `  Ambiguous          : ${n}`,
    unmatched: (n) => `  No case found      : ${n}`,
    ignored: (n) => `  Set aside          : ${n} (debits, bookings not made…)`,
    reversal: (n) => `  Returns            : ${n}`,
    booked: (paid, reversed) => `Payments booked: ${paid}; payments reversed: ${reversed}`,
    warnings: (n) => `Reading warnings: ${n} (see --json)`,
    toFinish: 'Left for a person (Reconciliation page):',
    line: (date, amount, payer, reason) => `  ${date}  ${amount}  ${payer} — ${reason}`,
    more: (n) => `  … and ${n} more.`,
    noPayer: 'unknown payer',
    duration: (seconds) => `Duration: ${seconds} s`,
  },
};
