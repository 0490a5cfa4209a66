/**
 * `node bench/dispatch.ts [--emails N] [--sms N] [--letters N] [--journal N] [--engines sqlite,postgres]`:
 * the dispatch benchmark of issue #4. On a fresh database per engine, the outbox of a day that planned N
 * e-mails, SMS and letters (bench/dispatch-portfolio.ts); a real SMTP server in this process accepts and
 * discards every message. Each measurement runs in its own process (bench/dispatch-child.ts), next to its
 * floor measured in the same run: e-mails through `dispatchDue` vs nodemailer alone, SMS vs bare inserts
 * into builtin_sms, letters vs pdfkit alone, the print batch, `appendEvidence` vs bare inserts, and the
 * verification of the resulting journal. Writes bench/results/dispatch-latest.json.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { migrateToLatest, openDatabase } from '../packages/server/src/db/database.ts';
import { benchTenant, type Planned, seedDispatchPortfolio } from './dispatch-portfolio.ts';

const { values } = parseArgs({
  options: {
    emails: { type: 'string', default: '500' },
    sms: { type: 'string', default: '2000' },
    letters: { type: 'string', default: '150' },
    journal: { type: 'string', default: '2000' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    postgres: { type: 'string' },
    'node-options': { type: 'string', default: '--max-old-space-size=320' },
    /** Writes a CPU profile of each measurement into this folder (node --cpu-prof). */
    profile: { type: 'string' },
  },
});
const planned: Planned = {
  emails: Number(values.emails),
  sms: Number(values.sms),
  letters: Number(values.letters),
};
const journalEntries = Number(values.journal);
const engines = (values.engines ?? '').split(',');
const postgresUrl =
  values.postgres ?? process.env.RELANCE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const nodeOptions = [
  ...(values['node-options'] ?? '').split(' ').filter((o) => o !== ''),
  ...(values.profile ? ['--cpu-prof', '--cpu-prof-dir', values.profile] : []),
];
const here = import.meta.dirname;
const root = join(here, '..');

type Child = { seconds: number; maxRssMb: number } & Record<string, unknown>;

/** Runs a command to its end and returns its wall time in seconds (its output is not read). */
function timeCommand(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...nodeOptions, ...args], { stdio: 'ignore', env });
    p.on('exit', (code) =>
      code === 0
        ? resolve((performance.now() - started) / 1000)
        : reject(new Error(`${args.join(' ')} exited ${code}`)),
    );
  });
}

function spawnJson(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Child> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...nodeOptions, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env,
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Child)
        : reject(new Error(`${args.join(' ')} exited ${code}`)),
    );
  });
}

/** An SMTP server that accepts everything and keeps nothing but counts. */
async function startSink() {
  const seen = { messages: 0, bytes: 0 };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    size: 50 * 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on('data', (chunk: Buffer) => {
        seen.bytes += chunk.length;
      });
      stream.on('end', () => {
        seen.messages += 1;
        callback(null, `2.0.0 Ok: queued as S${seen.messages}`);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const sink = await startSink();

/** A measurement and, for the SMTP ones, the messages and bytes the server received meanwhile. */
async function measure(what: string, url: string, count: number): Promise<Child> {
  const before = { ...sink.seen };
  const result = await spawnJson([
    join(here, 'dispatch-child.ts'),
    what,
    url,
    String(count),
    String(sink.port),
  ]);
  const messages = sink.seen.messages - before.messages;
  const perMessage =
    messages > 0 ? { messages, meanBytes: Math.round((sink.seen.bytes - before.bytes) / messages) } : {};
  const rate = count > 0 ? { perSecond: Math.round(count / result.seconds) } : {};
  const line = { ...result, ...perMessage, ...rate };
  console.log(`  ${what.padEnd(13)} ${JSON.stringify(line)}`);
  return line;
}

const ratio = (a: Child, b: Child) => Math.round((a.seconds / b.seconds) * 100) / 100;

async function freshDatabase(engine: string): Promise<{ url: string; cleanup: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'relance-dispatch-bench-'));
    return {
      url: `sqlite:${join(dir, 'bench.db')}`,
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  return {
    url: `${postgresUrl}${postgresUrl.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`,
    cleanup: async () => {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

async function benchEngine(engine: string): Promise<Record<string, unknown>> {
  const { url, cleanup } = await freshDatabase(engine);
  const loadAverageAtStart = loadavg()[0] ?? 0;
  try {
    const handle = openDatabase(url);
    const t = performance.now();
    await migrateToLatest(handle.db);
    await seedDispatchPortfolio(handle, planned, sink.port);
    await handle.close();
    console.log(
      `  outbox of ${JSON.stringify(planned)} written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    // Floors on both sides of what they bound: the ratio uses their mean.
    const emailFloorBefore = await measure('email-floor', url, planned.emails);
    const email = await measure('email', url, planned.emails);
    const emailFloorAfter = await measure('email-floor', url, planned.emails);
    // What the same messages cost over one kept connection (a pooled transport): the head-room of the design.
    const emailPooled = await measure('email-pooled', url, planned.emails);
    const smsFloor = await measure('sms-floor', url, planned.sms);
    const sms = await measure('sms', url, planned.sms);
    const letterFloor = await measure('letter-floor', url, planned.letters);
    const letters = await measure('letter', url, planned.letters);
    const printBatch = await measure('print-batch', url, 0);
    const journalFloor = await measure('journal-floor', url, journalEntries);
    const journal = await measure('journal', url, journalEntries);
    const verify = await measure('verify', url, 0);
    const cliSeconds = await timeCommand(
      [join(root, 'packages/server/src/cli/main.ts'), 'evidence', 'verify', '--tenant', benchTenant],
      { ...process.env, RELANCE_DATABASE_URL: url },
    );
    console.log(`  relance evidence verify (the command, start-up included): ${cliSeconds.toFixed(1)} s`);
    const emailFloorSeconds = (emailFloorBefore.seconds + emailFloorAfter.seconds) / 2;
    return {
      loadAverageAtStart,
      email: {
        dispatch: email,
        floors: [emailFloorBefore, emailFloorAfter],
        ratio: ratio(email, { seconds: emailFloorSeconds, maxRssMb: 0 }),
        pooledFloor: emailPooled,
        ratioToPooled: ratio(email, emailPooled),
      },
      sms: { dispatch: sms, floor: smsFloor, ratio: ratio(sms, smsFloor) },
      letters: { dispatch: letters, floor: letterFloor, ratio: ratio(letters, letterFloor), printBatch },
      journal: { append: journal, floor: journalFloor, ratio: ratio(journal, journalFloor) },
      verify: {
        ...verify,
        entriesPerSecond: Math.round(Number(verify.entries) / verify.seconds),
        cliSeconds,
      },
    };
  } finally {
    await cleanup();
  }
}

const load = loadavg()[0] ?? 0;
const results: Record<string, unknown> = {};
try {
  for (const engine of engines) {
    console.log(`\n${engine}:`);
    results[engine] = await benchEngine(engine);
  }
} finally {
  await sink.close();
}
const report = {
  at: new Date().toISOString(),
  planned,
  journalEntries,
  cpus: cpus().length,
  loadAverageAtStart: load,
  loadAverageAtEnd: loadavg()[0] ?? 0,
  node: process.version,
  results,
};
writeFileSync(join(here, 'results', 'dispatch-latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\n${JSON.stringify(results, null, 2)}`);
