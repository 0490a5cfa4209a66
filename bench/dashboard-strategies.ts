import { sql } from 'kysely';
import type { DatabaseHandle } from '../packages/server/src/db/database.ts';
import { foldStrategyFigures } from '../packages/server/src/db/figures/fold-strategy-figures.ts';
import type { Actor } from '../packages/server/src/shared/actor.ts';
import type { Deps } from '../packages/server/src/shared/deps.ts';
import { type DashboardInput, getDashboard } from '../packages/server/src/use-cases/kpis/get-dashboard.ts';

/** The ready strategies, a third of the cases each (what the first run's assignment rules give, roughly). */
export const BENCH_STRATEGIES = ['b2b-standard', 'b2c-active', 'b2c-senior'] as const;

const ms = (from: number) => performance.now() - from;
const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

/** Every case of the tenant given a strategy in one statement, as the first run's batches do case by case. */
export async function assignStrategies(handle: DatabaseHandle, tenantId: string): Promise<void> {
  const [a, b, c] = BENCH_STRATEGIES;
  const pick =
    handle.dialect === 'sqlite'
      ? `case rowid % 3 when 0 then '${a}' when 1 then '${b}' else '${c}' end`
      : `(array['${a}', '${b}', '${c}'])[1 + abs(hashtext(case_id)) % 3]`;
  await sql`update cases set strategy_key = ${sql.raw(pick)} where tenant_id = ${tenantId}`.execute(
    handle.db,
  );
}

export type Bench = {
  readonly deps: Deps;
  readonly handle: DatabaseHandle;
  readonly actor: Actor;
  readonly tenantId: string;
  readonly claims: number;
  readonly reads: number;
};

const SHAPES: readonly DashboardInput[] = [
  { strategyKey: BENCH_STRATEGIES[0] },
  { creditorId: 'cred-C2', strategyKey: BENCH_STRATEGIES[1] },
  { strategyKey: BENCH_STRATEGIES[2], segment: 'consumer' },
];

/**
 * Dashboards filtered by strategy: `reads` reads in three shapes with the figures folded, a case moved to
 * another strategy before every fifth (both strategies' receivables must move by its balance at once); then
 * the same reads with a run's batch of 5,000 cases moved and not folded yet, and that batch's fold.
 */
export async function measureStrategies(b: Bench) {
  const folded = await readLoop(b, true);
  const pad = (n: number) => String(n).padStart(9, '0');
  const t = performance.now();
  await sql`update cases set strategy_key = ${BENCH_STRATEGIES[1]} where tenant_id = ${b.tenantId}
    and case_id in (${sql.join(Array.from({ length: 5000 }, (_, i) => `case-${pad((11 + i * 197) % b.claims)}`))})`.execute(
    b.handle.db,
  );
  const batchWriteSeconds = ms(t) / 1000;
  const pendingBatch = await readLoop(b, false);
  const f = performance.now();
  const batchFold = await foldStrategyFigures(b.handle.db, b.handle.dialect, b.tenantId);
  const result = {
    folded,
    pendingBatch: { ...pendingBatch, cases: 5000, writeSeconds: batchWriteSeconds },
    batchFold: { ...batchFold, seconds: ms(f) / 1000 },
  };
  console.log(
    `  by strategy: p50 ${folded.p50.toFixed(1)} ms, p95 ${folded.p95.toFixed(1)} ms (right after a case changed strategy: p95 ${folded.afterWriteP95.toFixed(1)} ms); ${folded.stale} stale of ${folded.moved}; with 5,000 cases not folded: p50 ${pendingBatch.p50.toFixed(1)} ms, p95 ${pendingBatch.p95.toFixed(1)} ms; that batch folded in ${result.batchFold.seconds.toFixed(2)} s`,
  );
  return result;
}

/** Six dashboards by strategy right after the first fold (on PostgreSQL: before any vacuum). */
export async function readsRightAfterFold(b: Bench) {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    await getDashboard(b.deps, b.actor, SHAPES[i % SHAPES.length] ?? {});
    times.push(ms(t));
  }
  times.sort((x, y) => x - y);
  return { reads: times.length, p50: quantile(times, 0.5), max: times[times.length - 1] ?? 0 };
}

async function receivables(b: Bench, strategyKey: string): Promise<number> {
  return (await getDashboard(b.deps, b.actor, { strategyKey })).portfolio.receivables.outstandingMinor;
}

async function readLoop(b: Bench, moveCases: boolean) {
  return timedReads(
    b,
    (i) => getDashboard(b.deps, b.actor, SHAPES[i % SHAPES.length] ?? {}),
    (i) =>
      moveCases && i % 5 === 0
        ? moveOneCase(b, `case-${String((3 + i * 7907) % b.claims).padStart(9, '0')}`)
        : null,
  );
}

/**
 * `b.reads` timed calls of `read`; before a call, `write` may change something and return the check that the
 * read right after it saw the change (counted stale when not). Quantiles of all reads and of those after a write.
 */
export async function timedReads(
  b: Bench,
  read: (i: number) => Promise<unknown>,
  write: (i: number) => Promise<() => Promise<boolean>> | null,
) {
  const times: number[] = [];
  const afterWrite: number[] = [];
  let moved = 0;
  let stale = 0;
  for (let i = 0; i < b.reads; i++) {
    const check = await write(i);
    const t = performance.now();
    await read(i);
    const took = ms(t);
    times.push(took);
    if (check) {
      afterWrite.push(took);
      moved += 1;
      if (!(await check())) stale += 1;
    }
  }
  times.sort((x, y) => x - y);
  afterWrite.sort((x, y) => x - y);
  return {
    reads: b.reads,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    max: times[times.length - 1] ?? 0,
    afterWriteP95: quantile(afterWrite, 0.95),
    moved,
    stale,
  };
}

/** Moves a case to the next strategy; the check says whether both strategies' receivables moved by its balance. */
async function moveOneCase(b: Bench, caseId: string): Promise<() => Promise<boolean>> {
  const row = await b.handle.db
    .selectFrom('cases')
    .select(['strategy_key', 'outstanding_minor'])
    .where('tenant_id', '=', b.tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  const from = row.strategy_key ?? BENCH_STRATEGIES[0];
  const to =
    BENCH_STRATEGIES[(BENCH_STRATEGIES.indexOf(from as never) + 1) % BENCH_STRATEGIES.length] ?? from;
  const before = [await receivables(b, from), await receivables(b, to)];
  await b.handle.db
    .updateTable('cases')
    .set({ strategy_key: to })
    .where('tenant_id', '=', b.tenantId)
    .where('case_id', '=', caseId)
    .execute();
  const balance = Number(row.outstanding_minor);
  return async () =>
    (await receivables(b, from)) === (before[0] ?? 0) - balance &&
    (await receivables(b, to)) === (before[1] ?? 0) + balance;
}
