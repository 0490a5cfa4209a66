/**
 * `node bench/live.ts [--claims 1000000] [--reads 60] [--engines sqlite,postgres]`: the live view, the agencies'
 * comparison and the dashboard's drill-down lists at a million claims (issue #7: every dashboard figure under
 * 200 ms at the 95th percentile on both engines). On a fresh database per engine (`live-world.ts`):
 * `claims` open cases (`run-portfolio.ts`) with one claim each, 3 % of them paid in the last 30 days (portal,
 * statement, IVR, 50 agents), 60 users with their sessions. Then:
 * - the day's run (`daily-run-child.ts`, its own process, about one action per case) while this process reads
 *   the live view every second, as five supervisors' pages refreshing every 5 s would;
 * - the day as the dispatcher leaves it by mid-morning (most of the run's messages sent or delivered, call
 *   tasks, callbacks, portal links and attempts), and one case in ten handed to three outside agencies over
 *   24 months, 3 in 10 of them with collections;
 * - `reads` reads of each: the live view (a dispatched e-mail before every fifth, which it must show), the
 *   agencies compared (a collection reported before every fifth), the first page of three drill-downs;
 * - the floor: a case read by its key, the least any read costs on the same pool.
 * Writes bench/results/live.json. Nothing asserts a time.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../packages/server/src/db/database.ts';
import { compactFigures } from '../packages/server/src/db/figures/compact-figures.ts';
import { compactLiveFigures } from '../packages/server/src/db/figures/compact-live-figures.ts';
import type { Actor } from '../packages/server/src/shared/actor.ts';
import { fixedClock } from '../packages/server/src/shared/clock.ts';
import { getLive } from '../packages/server/src/use-cases/kpis/get-live.ts';
import { onFreshDatabase } from './fresh-database.ts';
import {
  type Bench,
  floorRead,
  readAgencies,
  readDrills,
  readLive,
  type Timing,
  timing,
} from './live-reads.ts';
import { seedAgencies, seedClaims, seedDay, seedPayments, seedPeople, type World } from './live-world.ts';
import { seedPortfolio } from './run-portfolio.ts';

const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '1000000' },
    reads: { type: 'string', default: '60' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    postgres: { type: 'string' },
  },
});
const claims = Number(values.claims);
const reads = Number(values.reads);
const engines = (values.engines ?? '').split(',');
const postgresUrl =
  values.postgres ?? process.env.RELANCE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const runOn = '2026-03-16';
const tenantId = 'bench-tenant';
const actor: Actor = { tenantId, kind: 'user', id: 'supervisor-0', role: 'supervisor', creditorId: null };

const seconds = (from: number) => (performance.now() - from) / 1000;

/** The figures folded; statistics taken (and, on PostgreSQL, the visibility map set, as autovacuum would). */
async function settle(handle: DatabaseHandle): Promise<void> {
  await compactFigures(handle.db, handle.dialect, tenantId);
  await compactLiveFigures(handle.db, handle.dialect, tenantId);
  if (handle.dialect === 'sqlite') await sql`analyze`.execute(handle.db);
  // This schema's tables only: a bare `vacuum` would walk every schema of the server's database.
  else await sql.raw(`vacuum analyze ${BUSY_TABLES.join(', ')}`).execute(handle.db);
}

const BUSY_TABLES = [
  'cases',
  'claims',
  'debtors',
  'actions',
  'runs',
  'run_batches',
  'payments',
  'call_tasks',
  'payment_links',
  'payment_attempts',
  'agency_handovers',
  'agency_collections',
  'users',
  'sessions',
  'case_locks',
  'action_figures',
  'call_task_figures',
  'agency_figures',
  'claim_figures',
  'payment_figures',
];

/** The day's run in its own process; the live view read every second until it ends (five supervisors' pages). */
async function duringRun(b: Bench, url: string) {
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=320',
      join(import.meta.dirname, 'daily-run-child.ts'),
      'run',
      url,
      tenantId,
      runOn,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const ended = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  let running = true;
  void ended.then(() => {
    running = false;
  });
  const deps = { ...b.deps, clock: fixedClock(`${runOn}T05:30:00.000Z`) };
  const times: number[] = [];
  let seen = 0;
  while (running) {
    const t = performance.now();
    const live = await getLive(deps, b.actor);
    times.push(performance.now() - t);
    if (live.run?.status === 'running') seen += 1;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if ((await ended) !== 0) throw new Error('the run failed');
  const run = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { seconds: number; actions: number };
  return { run, readsWhileRunning: seen, live: timing(times, []) };
}

/** The live view's counts against counts over the rows, once, at full size. */
async function checkExact(b: Bench): Promise<boolean> {
  const db = b.deps.database.db;
  const live = await getLive({ ...b.deps, clock: fixedClock(`${runOn}T10:00:00.000Z`) }, b.actor);
  const run = await db
    .selectFrom('actions')
    .select((eb) => ['channel', eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('run_id', '=', live.run?.id ?? '')
    .groupBy('channel')
    .orderBy('channel')
    .execute();
  const outbox = await db
    .selectFrom('actions')
    .select((eb) => ['channel', 'status', eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('scheduled_at', '>=', '2026-03-15T23:00')
    .where('scheduled_at', '<', '2026-03-16T23:00')
    .groupBy(['channel', 'status'])
    .orderBy('channel')
    .orderBy('status')
    .execute();
  const same = (a: unknown, b2: unknown) => JSON.stringify(a) === JSON.stringify(b2);
  return (
    same(
      live.run?.actionsByChannel,
      run.map((r) => ({ key: r.channel, count: Number(r.n) })),
    ) &&
    same(
      live.outbox.today,
      outbox.map((r) => ({ channel: r.channel, status: r.status, count: Number(r.n) })),
    )
  );
}

async function measure(
  handle: DatabaseHandle,
  dataDir: string,
  url: string,
): Promise<Record<string, unknown>> {
  const w: World = { handle, tenantId, runOn };
  const b: Bench = {
    deps: { database: handle, clock: fixedClock(`${runOn}T10:00:00.000Z`), dataDir },
    actor,
    runOn,
  };
  let t = performance.now();
  await seedPortfolio(handle, tenantId, claims, runOn);
  await seedClaims(w);
  await seedPayments(w);
  await seedPeople(w);
  await settle(handle);
  const seeded = seconds(t);
  console.log(
    `  ${claims.toLocaleString('en')} cases, claims and payments written in ${seeded.toFixed(0)} s`,
  );
  const during = await duringRun(b, url);
  console.log(
    `  the run: ${during.run.actions.toLocaleString('en')} actions in ${during.run.seconds.toFixed(0)} s; live view read ${during.live.reads} times meanwhile: p50 ${during.live.p50.toFixed(1)} ms, p95 ${during.live.p95.toFixed(1)} ms, max ${during.live.max.toFixed(1)} ms`,
  );
  t = performance.now();
  await seedDay(w);
  const handovers = await seedAgencies(w);
  await settle(handle);
  console.log(
    `  the day and ${handovers.toLocaleString('en')} hand-overs written in ${seconds(t).toFixed(0)} s`,
  );
  const exact = await checkExact(b);
  const floor = await floorRead(b, reads);
  const results: Record<string, Timing> = {
    live: await readLive(b, reads),
    agencies: await readAgencies(b, reads),
  };
  const drill = await readDrills(b, reads);
  results.drill = drill;
  console.log(`  floor (a case by its key): p50 ${floor.p50.toFixed(2)} ms, p95 ${floor.p95.toFixed(2)} ms`);
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `  ${name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (after a write: p95 ${r.afterWriteP95.toFixed(1)} ms, ${r.stale} stale of ${r.writes}); p50 ÷ floor p50 = ${(r.p50 / floor.p50).toFixed(0)}×`,
    );
  }
  for (const shape of [...drill.byShape, ...drill.mixed])
    console.log(
      `    ${JSON.stringify(shape.filters)}: ${shape.total.toLocaleString('en')} cases, p50 ${shape.timing.p50.toFixed(1)} ms, p95 ${shape.timing.p95.toFixed(1)} ms`,
    );
  const all = Object.values(results);
  return {
    claims,
    handovers,
    exact,
    floorMs: floor,
    ...results,
    targetMs: 200,
    // The three figures of the issue, after the run: under the target (the mixed drill-downs too), exact,
    // never behind a write.
    met:
      all.every((r) => r.p95 < 200) &&
      drill.mixed.every((shape) => shape.timing.p95 < 200) &&
      exact &&
      all.every((r) => r.stale === 0),
    run: during.run,
    liveDuringRun: {
      ...during.live,
      readsWhileRunning: during.readsWhileRunning,
      under200: during.live.p95 < 200,
    },
  };
}

const load = loadavg()[0] ?? 0;
const results: Record<string, unknown> = {};
for (const engine of engines) {
  console.log(`\n${engine}:`);
  results[engine] = await onFreshDatabase(engine, postgresUrl, 'live', measure);
}
const out = { at: new Date().toISOString(), claims, reads, cpus: cpus().length, loadAverage: load, results };
writeFileSync(join(import.meta.dirname, 'results', 'live.json'), `${JSON.stringify(out, null, 2)}\n`);
