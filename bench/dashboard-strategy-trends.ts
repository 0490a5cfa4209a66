import type { Trends } from '../packages/server/src/use-cases/kpis/history/get-trends.ts';
import { getTrends, type TrendsInput } from '../packages/server/src/use-cases/kpis/history/get-trends.ts';
import { BENCH_STRATEGIES, type Bench, timedReads } from './dashboard-strategies.ts';

const _ms = (from: number) => performance.now() - from;
const _quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

const SHAPES: readonly TrendsInput[] = [
  { strategyKey: BENCH_STRATEGIES[0] },
  { creditorId: 'cred-C2', strategyKey: BENCH_STRATEGIES[1] },
  { strategyKey: BENCH_STRATEGIES[2], segment: 'consumer' },
];

/**
 * The trends by strategy (decisions 0014 and 0016), once the strategies are folded and the history written:
 * `reads` reads of 24 months in three shapes (a strategy; a strategy and a creditor; a strategy and the
 * consumers), a case moved to another strategy before every fifth. The current month of both strategies must
 * move at once: receivables by the case's balance, placed and the liquidation curves' placed by its claims.
 */
export async function measureStrategyTrends(b: Bench) {
  const result = await timedReads(
    b,
    (i) => getTrends(b.deps, b.actor, { ...(SHAPES[i % SHAPES.length] ?? {}), months: 24 }),
    (i) =>
      i % 5 === 0 ? moveOneCase(b, `case-${String((5 + i * 7877) % b.claims).padStart(9, '0')}`) : null,
  );
  console.log(
    `  trends by strategy (24 months, curves, funnel, channels): p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, max ${result.max.toFixed(1)} ms (right after a case changed strategy: p95 ${result.afterWriteP95.toFixed(1)} ms); ${result.stale} stale of ${result.moved}`,
  );
  return result;
}

type Current = { readonly receivable: number; readonly placed: number; readonly curvesPlaced: number };

async function current(b: Bench, strategyKey: string): Promise<Current> {
  const trends: Trends = await getTrends(b.deps, b.actor, { strategyKey, months: 24 });
  const month = trends.months.at(-1);
  return {
    receivable: month?.receivableMinor ?? 0,
    placed: month?.placedMinor ?? 0,
    curvesPlaced: trends.liquidation.reduce((sum, c) => sum + c.placedMinor, 0),
  };
}

/**
 * Moves a case to the next strategy; the check says whether both strategies' current month moved by it:
 * receivables by its balance, placed (the month's and the curves') by its claims' amount.
 */
async function moveOneCase(b: Bench, caseId: string): Promise<() => Promise<boolean>> {
  const row = await b.handle.db
    .selectFrom('cases')
    .select(['strategy_key', 'outstanding_minor'])
    .where('tenant_id', '=', b.tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  const claims = await b.handle.db
    .selectFrom('claims')
    .select((eb) => eb.fn.sum<string | number>('amount_minor').as('amount'))
    .where('tenant_id', '=', b.tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  const from = row.strategy_key ?? BENCH_STRATEGIES[0];
  const to =
    BENCH_STRATEGIES[(BENCH_STRATEGIES.indexOf(from as never) + 1) % BENCH_STRATEGIES.length] ?? from;
  const before = [await current(b, from), await current(b, to)] as const;
  await b.handle.db
    .updateTable('cases')
    .set({ strategy_key: to })
    .where('tenant_id', '=', b.tenantId)
    .where('case_id', '=', caseId)
    .execute();
  const balance = Number(row.outstanding_minor);
  const amount = Number(claims.amount ?? 0);
  const movedBy = (was: Current, now: Current, sign: 1 | -1) =>
    now.receivable === was.receivable + sign * balance &&
    now.placed === was.placed + sign * amount &&
    now.curvesPlaced === was.curvesPlaced + sign * amount;
  return async () =>
    movedBy(before[0], await current(b, from), -1) && movedBy(before[1], await current(b, to), 1);
}
