/**
 * `node bench/run-bounds.ts [--cases 1000000]`: what any first run over `cases` new cases must at least
 * write on SQLite, to weigh issue #3's target (15 s for 1,000,000 cases) against the machine. On a fresh
 * database (bench/run-portfolio.ts), with the run's pragmas and batches of 5,000 cases per transaction:
 * - the floor of bench/daily-run.ts: one bare `insert … select` of one action row per case, in the outbox
 *   with its indexes;
 * - the smallest write of each case's new place in today's schema: its strategy, stage, queue date and run
 *   day (`update cases …`, nothing else — no progress, next action or notes);
 * - the same place as a row of a narrow table of its own (`case_runs`: key, strategy, stage, queue date, run
 *   day; the queue's index), inserted — the design `docs/benchmarks.md` names as the next step.
 * No reading, no deciding: a run does all of this and more. Writes bench/results/run-bounds.json.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { migrateToLatest, openDatabase } from '../packages/server/src/db/database.ts';
import { seedPortfolio } from './run-portfolio.ts';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '1000000' } } });
const cases = Number(values.cases);
const tenantId = 'bench-tenant';
const runOn = '2026-11-23';
const BATCH = 5000;

const dir = mkdtempSync(join(tmpdir(), 'relance-run-bounds-'));
const load = loadavg()[0] ?? 0;
try {
  const handle = openDatabase(`sqlite:${join(dir, 'bench.db')}`);
  await migrateToLatest(handle.db);
  await seedPortfolio(handle, tenantId, cases, runOn);
  if (handle.raw.kind !== 'sqlite') throw new Error('SQLite only');
  const db = handle.raw.sqlite;
  db.pragma('cache_size = -65536');
  db.pragma('wal_autocheckpoint = 20000');
  const ids = db
    .prepare('select case_id from cases where tenant_id = ? order by case_id')
    .pluck()
    .all(tenantId) as string[];
  const timed = (work: () => void) => {
    const t = performance.now();
    work();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return (performance.now() - t) / 1000;
  };
  const inBatches = (run: (id: string, k: number) => void) => () => {
    for (let i = 0; i < ids.length; i += BATCH) {
      db.exec('begin');
      for (let k = i; k < Math.min(ids.length, i + BATCH); k++) run(ids[k] ?? '', k);
      db.exec('commit');
    }
  };
  const queueDate = (k: number) => `2026-12-${String(1 + (k % 28)).padStart(2, '0')}`;
  const floor = timed(() =>
    db.exec(`insert into actions (tenant_id, action_id, case_id, action_key, run_id, planned_on, scheduled_at, channel, template, language, purpose, status, strategy_key, strategy_version, step_key, reason, gate, amounts, created_at)
      select tenant_id, 'floor-' || case_id, case_id, 'b2b-standard:0:registered-1:0', 'floor', '${runOn}', '${runOn}T09:00:00.000Z', 'email', 'reminder-email', 'fr', 'reminder', 'planned', 'b2b-standard', 1, 'registered-1',
        '{"reason":{"code":"step_due","params":{"step":"registered-1","daysLate":3}}}', '{"kind":"allowed","policy":"fr-default","rule":"window","explanation":{"fr":"Autorisé","en":"Allowed"}}', null, '${runOn}T05:00:00.000Z'
      from cases where tenant_id = '${tenantId}' order by case_id`),
  );
  const update = db.prepare(
    `update cases set strategy_key = ?, stage = 'ladder', next_run_on = ?, last_run_on = '${runOn}' where tenant_id = '${tenantId}' and case_id = ?`,
  );
  const caseUpdate = timed(inBatches((id, k) => update.run('b2b-standard', queueDate(k), id)));
  db.exec(`create table case_runs (tenant_id text not null, case_id text not null, strategy_key text, stage text not null,
    next_run_on text not null, last_run_on text, primary key (tenant_id, case_id)) without rowid;
    create index case_runs_queue on case_runs (tenant_id, next_run_on, case_id);`);
  const insert = db.prepare(`insert into case_runs values ('${tenantId}', ?, ?, 'ladder', ?, '${runOn}')`);
  const narrowInsert = timed(inBatches((id, k) => insert.run(id, 'b2b-standard', queueDate(k))));
  await handle.close();
  const r = (x: number) => Math.round(x * 100) / 100;
  const result = {
    at: new Date().toISOString(),
    cases,
    cpus: cpus().length,
    loadAverageAtStart: load,
    node: process.version,
    seconds: { floor: r(floor), caseUpdate: r(caseUpdate), narrowInsert: r(narrowInsert) },
    toFloor: { caseUpdate: r(caseUpdate / floor), narrowInsert: r(narrowInsert / floor) },
  };
  writeFileSync(
    join(import.meta.dirname, 'results', 'run-bounds.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
