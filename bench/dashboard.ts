/**
 * `node bench/dashboard.ts [--claims 1000000] [--reads 60] [--engines sqlite,postgres]`: the dashboards'
 * benchmark of issue #7. On a fresh database per engine: `claims` open claims (one per case, 4 creditors,
 * due dates over five months, two debtors in three businesses), written in bulk with the figures' triggers
 * on, and 2 % of them paid by a payment row. Then:
 * - floor: the naive figure, one `sum(outstanding)` over the tenant's claims (what every dashboard figure
 *   would cost without the running sums), timed like the reads;
 * - reads: `reads` whole dashboards (every figure: ageing, recovery, DSO, collections by day, channel,
 *   strategy and agent, promises, plans, disputes, forecast), for the whole tenant, one creditor, and one
 *   creditor's consumers in turn — with a payment booked (`recordPayment`) before every fifth read, so
 *   that reads meet fresh deltas, and a check that the figure moved by the payment;
 * - the time the claims took to write with the triggers, next to the same insert without them;
 * - the strategies assigned to every case in one statement (what the first run's updates add up to), and
 *   the fold that counts a million cases under their strategies (decision 0011);
 * - `reads` dashboards filtered by strategy (alone, with a creditor, with a segment), a case moved to another
 *   strategy before every fifth read and a check that both strategies' receivables moved by its balance;
 *   then the same reads with a run's batch of cases (5,000) assigned and not folded yet;
 * - the trends (`getTrends`, 24 months): the figures' history written (24 month-ends computed back from the
 *   claims and payments), then `reads` reads in the same three shapes, a payment booked before every fifth;
 * - the trends by strategy (decisions 0014 and 0016), once the strategies are folded and the history written:
 *   `reads` reads of 24 months by strategy (alone, with a creditor, with a segment), a case moved to another
 *   strategy before every fifth and a check that both strategies' current month moved at once (receivables
 *   by its balance, placed and the liquidation curves' placed by its claims).
 * Writes bench/results/dashboard.json.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../packages/server/src/db/database.ts';
import { compactFigures } from '../packages/server/src/db/figures/compact-figures.ts';
import { foldStrategyFigures } from '../packages/server/src/db/figures/fold-strategy-figures.ts';
import type { Actor } from '../packages/server/src/shared/actor.ts';
import { fixedClock } from '../packages/server/src/shared/clock.ts';
import type { Deps } from '../packages/server/src/shared/deps.ts';
import { type DashboardInput, getDashboard } from '../packages/server/src/use-cases/kpis/get-dashboard.ts';
import { getTrends } from '../packages/server/src/use-cases/kpis/history/get-trends.ts';
import { recordFigureHistory } from '../packages/server/src/use-cases/kpis/history/record-figure-history.ts';
import { recordPayment } from '../packages/server/src/use-cases/payments/record-payment.ts';
import {
  assignStrategies,
  BENCH_STRATEGIES,
  measureStrategies,
  readsRightAfterFold,
} from './dashboard-strategies.ts';
import { measureStrategyTrends } from './dashboard-strategy-trends.ts';
import { onFreshDatabase } from './fresh-database.ts';
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
const actor: Actor = { tenantId, kind: 'user', id: 'bench-agent', role: 'admin', creditorId: null };

const ms = (from: number) => performance.now() - from;
const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

/** One claim per case, as the case says, written in one statement: the triggers add each to the figures. */
function insertClaims(handle: DatabaseHandle) {
  const now = `${runOn}T00:00:00.000Z`;
  return sql`insert into claims (tenant_id, claim_id, creditor_id, debtor_id, case_id, invoice_number, issue_date, due_date, amount_minor, outstanding_minor, currency, status, dispute_reason, prescription_basis, prescription_end, external_ref, description, import_id, content_hash, created_at, updated_at)
    select tenant_id, 'clm-' || substr(case_id, 6), creditor_id, debtor_id, case_id, 'INV-' || substr(case_id, 6), oldest_due_date, oldest_due_date,
      outstanding_minor, outstanding_minor, currency, 'open', null, 'commercial_5y', '2030-01-01', null, null, null, case_id, ${now}, ${now}
    from cases where tenant_id = ${tenantId}`.execute(handle.db);
}

async function claimTriggers(handle: DatabaseHandle): Promise<{ name: string; definition: string }[]> {
  const found =
    handle.dialect === 'postgres'
      ? await sql<{
          name: string;
          definition: string;
        }>`select tgname as name, pg_get_triggerdef(oid) as definition
          from pg_trigger where tgrelid = to_regclass('claims') and not tgisinternal`.execute(handle.db)
      : await sql<{ name: string; definition: string }>`select name, sql as definition from sqlite_master
          where type = 'trigger' and tbl_name = 'claims'`.execute(handle.db);
  return found.rows;
}

/** The same claims inserted without the triggers, then deleted: what the figures add to a bulk write. */
async function insertWithoutTriggers(handle: DatabaseHandle): Promise<number> {
  const triggers = await claimTriggers(handle);
  const on = handle.dialect === 'postgres' ? ' on claims' : '';
  for (const t of triggers) await sql.raw(`drop trigger ${t.name}${on}`).execute(handle.db);
  const t = performance.now();
  await insertClaims(handle);
  const seconds = ms(t) / 1000;
  await sql`delete from claims where tenant_id = ${tenantId}`.execute(handle.db);
  for (const trigger of triggers) await sql.raw(trigger.definition).execute(handle.db);
  return seconds;
}

async function seedPayments(handle: DatabaseHandle): Promise<void> {
  const every = 50;
  const channel =
    handle.dialect === 'sqlite'
      ? `case (rowid % 3) when 0 then 'portal' when 1 then 'statement' else 'ivr' end`
      : `(array['portal','statement','ivr'])[1 + (abs(hashtext(case_id)) % 3)]`;
  await sql`insert into payments (tenant_id, payment_id, case_id, creditor_id, amount_minor, currency, method, channel, provider, source_key, received_on, status, recorded_by, recorded_at, strategy_key, segment)
    select tenant_id, 'pay-' || case_id, case_id, creditor_id, outstanding_minor / 2, currency, 'card', ${sql.raw(channel)}, null, 'bench:' || case_id,
      ${runOn}, 'booked', 'system:bench', ${`${runOn}T08:00:00.000Z`}, 'b2b-standard', 'business'
    from cases where tenant_id = ${tenantId} and ${sql.raw(handle.dialect === 'sqlite' ? `rowid % ${every} = 0` : `abs(hashtext(case_id)) % ${every} = 0`)}`.execute(
    handle.db,
  );
}

async function measure(handle: DatabaseHandle, dataDir: string): Promise<Record<string, unknown>> {
  const deps: Deps = { database: handle, clock: fixedClock(`${runOn}T10:00:00.000Z`), dataDir };
  let t = performance.now();
  await seedPortfolio(handle, tenantId, claims, runOn);
  const bare = await insertWithoutTriggers(handle);
  t = performance.now();
  await insertClaims(handle);
  const withTriggers = ms(t) / 1000;
  await seedPayments(handle);
  t = performance.now();
  await assignStrategies(handle, tenantId);
  const assigned = ms(t) / 1000;
  // The first run's million strategies, before anything is folded: every case is pending.
  t = performance.now();
  await getDashboard(deps, actor, { strategyKey: BENCH_STRATEGIES[0] });
  const unfoldedReadMs = ms(t);
  t = performance.now();
  const strategyFold = await foldStrategyFigures(handle.db, handle.dialect, tenantId);
  const strategyFoldSeconds = ms(t) / 1000;
  t = performance.now();
  const folded = await compactFigures(handle.db, handle.dialect, tenantId);
  const compaction = ms(t) / 1000;
  await sql`analyze`.execute(handle.db);
  const bench = { deps, handle, actor, tenantId, claims, reads };
  const afterFold = await readsRightAfterFold(bench);
  // A million cases rewritten by the run and again by the fold: what autovacuum does next, done now.
  if (handle.dialect === 'postgres') await sql`vacuum analyze`.execute(handle.db);
  console.log(
    `  ${claims.toLocaleString('en')} claims: ${withTriggers.toFixed(1)} s with the figures' triggers, ${bare.toFixed(1)} s without (${(withTriggers / bare).toFixed(2)}×); ${folded.toLocaleString('en')} deltas folded in ${compaction.toFixed(1)} s`,
  );
  console.log(
    `  strategies of ${claims.toLocaleString('en')} cases set in ${assigned.toFixed(1)} s; a dashboard by strategy before they are folded: ${unfoldedReadMs.toFixed(0)} ms; folded (${strategyFold.deltas.toLocaleString('en')} deltas, ${strategyFold.cases.toLocaleString('en')} cases) in ${strategyFoldSeconds.toFixed(1)} s; right after: p50 ${afterFold.p50.toFixed(1)} ms, max ${afterFold.max.toFixed(1)} ms`,
  );

  const floorTimes: number[] = [];
  for (let i = 0; i < 10; i++) {
    t = performance.now();
    await sql`select count(*) as n, sum(outstanding_minor) as s from claims where tenant_id = ${tenantId} and status in ('open', 'disputed')`.execute(
      handle.db,
    );
    floorTimes.push(ms(t));
  }
  floorTimes.sort((a, b) => a - b);

  const shapes: readonly DashboardInput[] = [
    {},
    { creditorId: 'cred-C2' },
    { creditorId: 'cred-C3', segment: 'consumer' },
  ];
  const times: number[] = [];
  const afterWrite: number[] = [];
  let paid = 0;
  let stale = 0;
  for (let i = 0; i < reads; i++) {
    let before: number | null = null;
    if (i % 5 === 0) {
      before = (await getDashboard(deps, actor, {})).portfolio.recovery.collectedMinor;
      const caseId = `case-${String((1 + i * 9973) % claims).padStart(9, '0')}`;
      await recordPayment(deps, actor, {
        caseId,
        amountMinor: 100,
        currency: 'EUR',
        method: 'card',
        channel: 'agent',
        provider: null,
        sourceKey: `bench-read:${i}`,
        receivedOn: runOn,
        reference: null,
      });
      paid += 1;
    }
    t = performance.now();
    const d = await getDashboard(deps, actor, shapes[i % shapes.length] ?? {});
    const took = ms(t);
    times.push(took);
    if (before !== null) {
      afterWrite.push(took);
      if (d.portfolio.recovery.collectedMinor !== before + 100 && i % shapes.length === 0) stale += 1;
    }
  }
  times.sort((a, b) => a - b);
  afterWrite.sort((a, b) => a - b);
  const trends = await measureTrends(deps, shapes);
  const strategies = {
    assignSeconds: assigned,
    unfoldedReadMs,
    fold: { ...strategyFold, seconds: strategyFoldSeconds },
    afterFoldBeforeVacuum: afterFold,
    ...(await measureStrategies(bench)),
  };
  const trendsByStrategy = await measureStrategyTrends(bench);
  const result = {
    claims,
    claimsWrite: {
      withTriggersSeconds: withTriggers,
      withoutTriggersSeconds: bare,
      ratio: withTriggers / bare,
    },
    compaction: { deltas: folded, seconds: compaction },
    floorMs: { p50: quantile(floorTimes, 0.5), p95: quantile(floorTimes, 0.95) },
    dashboardMs: {
      reads,
      p50: quantile(times, 0.5),
      p95: quantile(times, 0.95),
      max: times[times.length - 1],
      afterWriteP95: quantile(afterWrite, 0.95),
    },
    paymentsBookedBetweenReads: paid,
    staleReads: stale,
    trends,
    strategies,
    trendsByStrategy,
    targetMs: 200,
    met:
      quantile(times, 0.95) < 200 &&
      trends.p95 < 200 &&
      strategies.folded.p95 < 200 &&
      strategies.pendingBatch.p95 < 200 &&
      trendsByStrategy.p95 < 200,
  };
  console.log(
    `  floor (one sum over the claims): p50 ${result.floorMs.p50.toFixed(1)} ms, p95 ${result.floorMs.p95.toFixed(1)} ms`,
  );
  console.log(
    `  whole dashboard: p50 ${result.dashboardMs.p50.toFixed(1)} ms, p95 ${result.dashboardMs.p95.toFixed(1)} ms (right after a payment: p95 ${result.dashboardMs.afterWriteP95.toFixed(1)} ms); ${stale} stale of ${paid} reads after a payment`,
  );
  console.log(
    `  figures' history: today and 24 month-ends computed back in ${trends.historySeconds.toFixed(1)} s; trends (24 months, curves, funnel, channels): p50 ${trends.p50.toFixed(1)} ms, p95 ${trends.p95.toFixed(1)} ms (right after a payment: p95 ${trends.afterWriteP95.toFixed(1)} ms; floor p50 ÷ trends p50 = ${(result.floorMs.p50 / trends.p50).toFixed(1)}×); ${trends.stale} stale of ${trends.paid}`,
  );
  return result;
}

/**
 * The trends (GET /dashboard/trends): the history written first as the demo and the dispatcher's first tick
 * do (today, and 24 month-ends computed back from the claims and payments), then `reads` reads in the same
 * three shapes as the dashboard, 24 months each, a payment booked before every fifth, whose amount the
 * current month's collected must show at once.
 */
async function measureTrends(deps: Deps, shapes: readonly DashboardInput[]) {
  let t = performance.now();
  await recordFigureHistory(deps, tenantId);
  const historySeconds = ms(t) / 1000;
  const times: number[] = [];
  const afterWrite: number[] = [];
  let paid = 0;
  let stale = 0;
  const collected = async () => (await getTrends(deps, actor, {})).months.at(-1)?.collectedMinor ?? 0;
  for (let i = 0; i < reads; i++) {
    let before: number | null = null;
    if (i % 5 === 0) {
      before = await collected();
      await recordPayment(deps, actor, {
        caseId: `case-${String((7 + i * 7919) % claims).padStart(9, '0')}`,
        amountMinor: 100,
        currency: 'EUR',
        method: 'card',
        channel: 'portal',
        provider: null,
        sourceKey: `bench-trends:${i}`,
        receivedOn: runOn,
        reference: null,
      });
      paid += 1;
    }
    t = performance.now();
    const trends = await getTrends(deps, actor, { ...(shapes[i % shapes.length] ?? {}), months: 24 });
    const took = ms(t);
    times.push(took);
    if (before !== null) {
      afterWrite.push(took);
      if (i % shapes.length === 0 && trends.months.at(-1)?.collectedMinor !== before + 100) stale += 1;
    }
  }
  times.sort((a, b) => a - b);
  afterWrite.sort((a, b) => a - b);
  return {
    historySeconds,
    reads,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    max: times[times.length - 1] ?? 0,
    afterWriteP95: quantile(afterWrite, 0.95),
    paid,
    stale,
  };
}

const load = loadavg()[0] ?? 0;
const results: Record<string, unknown> = {};
for (const engine of engines) {
  console.log(`\n${engine}:`);
  results[engine] = await onFreshDatabase(engine, postgresUrl, 'dashboard', measure);
}
const out = { at: new Date().toISOString(), claims, reads, cpus: cpus().length, loadAverage: load, results };
writeFileSync(join(import.meta.dirname, 'results', 'dashboard.json'), `${JSON.stringify(out, null, 2)}\n`);
