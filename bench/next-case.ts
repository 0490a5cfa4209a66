/**
 * `node bench/next-case.ts [--cases 100000] [--agents 50] [--seconds 20] [--think-ms 0] [--engines …]`:
 * the "next case" benchmark of issue #5. On a fresh database per engine, a portfolio of N open cases with
 * one open, callable agent call each (bench/run-portfolio.ts plus bulk `insert … select`, not the API) and
 * `agents` users with a session each. The HTTP server runs in one process (bench/next-case-server.ts), the
 * load in another on loopback (bench/next-case-load.ts): every agent loops POST /queue/next then its
 * outcome (no_answer). Reports p50/p95/p99 of /queue/next beside the floor measured in the same run (GET
 * /health at the same concurrency), requests per second, and fails loudly if a case was ever handed to an
 * agent while another held it. Writes bench/results/next-case.json.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../packages/server/src/db/database.ts';
import { sha256Hex } from '../packages/server/src/use-cases/access/tokens.ts';
import { seedPortfolio } from './run-portfolio.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    agents: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    /** Each agent's time on the call between two cycles (uniform over 0.5–1.5×); 0: flat out (saturation). */
    'think-ms': { type: 'string', default: '0' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    postgres: { type: 'string' },
  },
});
const cases = Number(values.cases);
const agents = Number(values.agents);
const seconds = Number(values.seconds);
const postgresUrl =
  values.postgres ?? process.env.RELANCE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const here = import.meta.dirname;
const tenantId = 'bench-tenant';

type LoadResult = {
  next: { p50: number; p95: number; p99: number; count: number };
  health: { p50: number; p95: number; p99: number };
  doubleHandOuts: number;
  errors: number;
} & Record<string, unknown>;

/** One open agent call per case, callable for the next 12 hours, and `agents` agents signed in. */
async function seedQueue(handle: DatabaseHandle): Promise<string[]> {
  const db = handle.db;
  const nowMs = Date.now();
  const now = new Date(nowMs).toISOString();
  const start = new Date(nowMs - 3_600_000).toISOString();
  const end = new Date(nowMs + 12 * 3_600_000).toISOString();
  await seedPortfolio(handle, tenantId, cases, now.slice(0, 10));
  await sql`insert into actions (tenant_id, action_id, case_id, action_key, run_id, planned_on, scheduled_at, channel, template, language, purpose, status, strategy_key, strategy_version, step_key, reason, gate, amounts, created_at)
    select tenant_id, 'act-' || case_id, case_id, 'bench:0:call:0', null, ${now.slice(0, 10)}, ${start}, 'call_task', 'cordial-call', 'fr', 'reminder', 'sent', null, null, null, '{}', '{}', null, ${now}
    from cases where tenant_id = ${tenantId}`.execute(db);
  const parts = JSON.stringify([{ key: 'amount', points: 0, detail: { fr: 'banc', en: 'bench' } }]);
  await sql`insert into call_tasks (tenant_id, task_id, action_id, case_id, kind, phone, window_start, window_end, priority, status, script, assigned_to, outcome, created_at, updated_at, segment, language, team, pinned_to, locked_by, locked_until, score_parts)
    select c.tenant_id, 'task-' || c.case_id, 'act-' || c.case_id, c.case_id, 'agent_call', '+33600000000', ${start}, ${end},
      c.outstanding_minor % 97, 'open', null, null, null, ${now}, ${now},
      case when d.kind = 'business' then 'b2b' else 'b2c' end, 'fr', null, null, null, null, ${parts}
    from cases c join debtors d on d.tenant_id = c.tenant_id and d.debtor_id = c.debtor_id
    where c.tenant_id = ${tenantId}`.execute(db);
  const cookies: string[] = [];
  for (let i = 0; i < agents; i++) {
    const userId = `agent-${String(i).padStart(3, '0')}`;
    await db
      .insertInto('users')
      .values({
        tenant_id: tenantId,
        user_id: userId,
        email: `${userId}@bench.example`,
        display_name: `Agent ${i}`,
        role: 'agent',
        creditor_id: null,
        password_hash: 'x',
        locale: 'fr',
        created_at: now,
      })
      .execute();
    const token = randomBytes(32).toString('base64url');
    await db
      .insertInto('sessions')
      .values({
        tenant_id: tenantId,
        session_id: sha256Hex(token),
        user_id: userId,
        created_at: now,
        expires_at: '2099-01-01T00:00:00.000Z',
      })
      .execute();
    cookies.push(`relance_session=${token}`);
  }
  // The measurement starts from a settled database, not from the seed's aftermath: the planner's statistics
  // taken, and on PostgreSQL the seed's dead rows vacuumed and its WAL checkpointed (otherwise autovacuum and
  // the checkpoint it forces land in the measured seconds); on SQLite the WAL folded back into the file.
  if (handle.dialect === 'postgres') {
    await sql`vacuum analyze`.execute(db);
    await sql`checkpoint`.execute(db);
  } else {
    await sql`analyze`.execute(db);
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
  }
  return cookies;
}

function startServer(args: readonly string[]): Promise<{ port: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(here, 'next-case-server.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /listening (\d+)/.exec(out);
      if (match)
        resolve({
          port: Number(match[1]),
          stop: () =>
            new Promise((done) => {
              child.on('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function runLoad(port: number, cookiesFile: string): Promise<LoadResult> {
  const child = spawn(
    process.execPath,
    [join(here, 'next-case-load.ts'), String(port), String(seconds), cookiesFile, values['think-ms'] ?? '0'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim()) as LoadResult)
        : reject(new Error(`load exited with ${code}`)),
    );
  });
}

async function onEngine(engine: string): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'relance-bench-next-'));
  const schema = `bench_next_${randomBytes(4).toString('hex')}`;
  const url = engine === 'sqlite' ? `sqlite:${join(dir, 'bench.db')}` : postgresUrl;
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
  }
  try {
    const handle = openDatabase(url, engine === 'postgres' ? { schema } : {});
    await migrateToLatest(handle.db);
    const seedStarted = performance.now();
    const cookies = await seedQueue(handle);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    await handle.close();
    const cookiesFile = join(dir, 'cookies.json');
    writeFileSync(cookiesFile, JSON.stringify(cookies));
    const server = await startServer(engine === 'postgres' ? [url, schema] : [url]);
    try {
      const load = await runLoad(server.port, cookiesFile);
      return { engine, cases, seedSeconds: Math.round(seedSeconds * 10) / 10, ...load };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (engine === 'postgres') {
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      if (process.env.RELANCE_BENCH_KEEP_SCHEMA !== '1') await admin.query(`drop schema ${schema} cascade`);
      else console.log(`kept schema ${schema} (drop it when done)`);
      await admin.end();
    }
  }
}

const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? '', loadAverage: loadavg()[0] };
const results: Record<string, unknown>[] = [];
for (const engine of (values.engines ?? '').split(',').filter((e) => e !== '')) {
  const result = await onEngine(engine);
  results.push(result);
  const r = result as unknown as LoadResult & { nextPerSecond: number; requestsPerSecond: number };
  process.stdout.write(
    `${engine} (think ${values['think-ms']} ms): /queue/next p50 ${r.next.p50} ms, p95 ${r.next.p95} ms, p99 ${r.next.p99} ms ` +
      `(${r.next.count} calls, ${r.nextPerSecond}/s; ${r.requestsPerSecond} requests/s with outcomes); ` +
      `floor GET /health p50 ${r.health.p50} ms, p99 ${r.health.p99} ms; errors ${r.errors}; ` +
      `cases handed to two agents: ${r.doubleHandOuts}\n`,
  );
}
writeFileSync(
  join(here, 'results', `next-case-think-${values['think-ms']}.json`),
  `${JSON.stringify({ at: new Date().toISOString(), machine, agents, seconds, thinkMs: Number(values['think-ms']), results }, null, 2)}\n`,
);
const doubled = results.filter(
  (r) => (r as unknown as LoadResult).doubleHandOuts > 0 || (r as unknown as LoadResult).errors > 0,
);
if (doubled.length > 0) {
  process.stderr.write(
    `FAILED: a case was handed to two agents at once, or requests failed: ${JSON.stringify(doubled)}\n`,
  );
  process.exit(1);
}
