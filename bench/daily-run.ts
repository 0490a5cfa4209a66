/**
 * `node bench/daily-run.ts [--cases N] [--engines sqlite,postgres]`: the daily-run benchmark of issue #3.
 * On a fresh database per engine: N open cases (bench/run-portfolio.ts), then, each in its own process:
 * the first run of the day (every case is new: strategy assigned, the ladder climbed to the right level),
 * a second run the same day (must find nothing to do), and the floor — one bare `insert … select` writing
 * as many action rows as the run wrote, into the emptied actions table. On PostgreSQL the first run is
 * measured again with two worker processes sharing it (SKIP LOCKED). Writes bench/results/daily-run.json.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../packages/server/src/db/database.ts';
import { casesDue } from '../packages/server/src/use-cases/dunning/run-daily-dunning.ts';
import { seedPortfolio } from './run-portfolio.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    postgres: { type: 'string' },
    'node-options': { type: 'string', default: '--max-old-space-size=320' },
  },
});
const cases = Number(values.cases);
const engines = (values.engines ?? '').split(',');
const postgresUrl =
  values.postgres ?? process.env.RELANCE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const nodeOptions = (values['node-options'] ?? '').split(' ').filter((o) => o !== '');
const here = import.meta.dirname;
const runOn = '2026-11-23';
const dayAfter = '2026-11-24';
const tenantId = 'bench-tenant';

type Child = { seconds: number; maxRssMb: number; cases?: number; actions?: number; blocked?: number };

function child(args: readonly string[]): Promise<Child> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...nodeOptions, join(here, 'daily-run-child.ts'), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Child)
        : reject(new Error(`child exited ${code}`)),
    );
  });
}

async function prepare(url: string): Promise<void> {
  const handle = openDatabase(url);
  try {
    await migrateToLatest(handle.db);
    const t = performance.now();
    await seedPortfolio(handle, tenantId, cases, runOn);
    if (handle.dialect === 'postgres') await sql`analyze`.execute(handle.db);
    console.log(
      `  portfolio of ${cases.toLocaleString('en')} cases written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  } finally {
    await handle.close();
  }
}

/** Puts every case back as never run and empties the outbox (not timed). */
async function reset(url: string): Promise<void> {
  const handle = openDatabase(url);
  try {
    await sql`delete from actions`.execute(handle.db);
    await sql`delete from run_batches`.execute(handle.db);
    await sql`update cases set strategy_key = null, stage = 'new', progress = null, next_run_on = '1970-01-01', next_action_text = null, last_run_on = null, notes_text = null`.execute(
      handle.db,
    );
    if (handle.dialect === 'postgres') await sql`vacuum analyze`.execute(handle.db);
  } finally {
    await handle.close();
  }
}

async function emptyActions(url: string): Promise<void> {
  const handle = openDatabase(url);
  try {
    await sql`delete from actions`.execute(handle.db);
    if (handle.dialect === 'postgres') await sql`vacuum analyze actions`.execute(handle.db);
  } finally {
    await handle.close();
  }
}

async function twoWorkers(url: string): Promise<Child> {
  const handle = openDatabase(url);
  const runId = `bench-${randomBytes(4).toString('hex')}`;
  await handle.db
    .insertInto('runs')
    .values({
      tenant_id: tenantId,
      run_id: runId,
      run_on: runOn,
      trigger: 'manual',
      status: 'running',
      workers: 2,
      started_at: new Date().toISOString(),
      finished_at: null,
      error: null,
      cases_due: await casesDue(handle.db, tenantId, runOn),
    })
    .execute();
  await handle.close();
  const t = performance.now();
  const [a, b] = await Promise.all([
    child(['run', url, tenantId, runOn, runId, 'w1']),
    child(['run', url, tenantId, runOn, runId, 'w2']),
  ]);
  return {
    seconds: (performance.now() - t) / 1000,
    maxRssMb: Math.max(a?.maxRssMb ?? 0, b?.maxRssMb ?? 0),
    cases: (a?.cases ?? 0) + (b?.cases ?? 0),
    actions: (a?.actions ?? 0) + (b?.actions ?? 0),
  };
}

const load = loadavg()[0] ?? 0;
const results: Record<string, unknown> = {};
for (const engine of engines) {
  console.log(`\n${engine}:`);
  let url: string;
  let cleanup: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'relance-run-bench-'));
    url = `sqlite:${join(dir, 'bench.db')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    url = `${postgresUrl}${postgresUrl.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
    cleanup = async () => {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  }
  try {
    await prepare(url);
    const first = await child(['run', url, tenantId, runOn]);
    console.log(
      `  first run:  ${first.seconds.toFixed(1)} s, ${first.cases?.toLocaleString('en')} cases, ${first.actions?.toLocaleString('en')} actions, ${first.maxRssMb} MB`,
    );
    const second = await child(['run', url, tenantId, runOn]);
    console.log(`  second run: ${second.seconds.toFixed(2)} s, ${second.cases} cases`);
    // The day after: only the cases whose next step falls that day (the steady state of a daily run).
    const nextDay = await child(['run', url, tenantId, dayAfter]);
    console.log(
      `  next day:   ${nextDay.seconds.toFixed(1)} s, ${nextDay.cases?.toLocaleString('en')} cases, ${nextDay.actions?.toLocaleString('en')} actions`,
    );
    await emptyActions(url);
    // The floor writes as many rows as the first run did, into an empty outbox, as the first run found it.
    const written = (first.actions ?? 0) + (first.blocked ?? 0);
    const floor = await child(['floor', url, tenantId, runOn, String(written)]);
    console.log(
      `  floor (insert … select of ${written.toLocaleString('en')} actions): ${floor.seconds.toFixed(1)} s`,
    );
    const result: Record<string, unknown> = {
      first,
      second,
      nextDay,
      floor,
      ratio: Math.round((first.seconds / floor.seconds) * 100) / 100,
      secondToFirst: Math.round((second.seconds / first.seconds) * 1000) / 1000,
    };
    if (engine === 'postgres') {
      await reset(url);
      const two = await twoWorkers(url);
      console.log(
        `  first run, two workers: ${two.seconds.toFixed(1)} s, ${two.cases?.toLocaleString('en')} cases`,
      );
      result.twoWorkers = two;
    }
    results[engine] = result;
  } finally {
    await cleanup();
  }
}
const report = {
  at: new Date().toISOString(),
  cases,
  runOn,
  cpus: cpus().length,
  loadAverageAtStart: load,
  node: process.version,
  results,
};
writeFileSync(join(here, 'results', 'daily-run.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\n${JSON.stringify(results, null, 2)}`);
