import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Deps } from '../../../shared/deps.ts';
import { computedSnapshots } from './computed-snapshot.ts';
import { type CohortLine, type HistoryLine, liveSnapshot, type Snapshot } from './snapshot.ts';

/** How far back the month-ends are computed when the history starts (the trends show up to 24 months). */
export const HISTORY_MONTHS = 24;

export type HistoryWritten = {
  readonly live: string | null;
  readonly computed: readonly string[];
  /** The days written by strategy (decision 0014): with the others, and those written before it was kept. */
  readonly byStrategy: readonly string[];
  /** The days whose cohorts were written by strategy (decision 0016), likewise. */
  readonly cohortsByStrategy: readonly string[];
};

/** Each history's once-a-day key: the lines and cohorts, the lines by strategy, the cohorts by strategy. */
type HistoryDays = 'figure_history_days' | 'strategy_history_days' | 'strategy_cohort_days';

/** The last day of each of the `count` months before `today`'s, newest first. */
export function pastMonthEnds(today: string, count: number): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    // Day 0 of a month is the last day of the one before (UTC: no time zone moves the date).
    const end = new Date(Date.UTC(year, month - 1 - i, 0));
    return end.toISOString().slice(0, 10);
  });
}

/**
 * The figures' history of a tenant, kept up to date: today's portfolio from the running figures (once a day:
 * the first call of the day writes it), and every month-end of the last two years not yet written, computed
 * back from the claims and payments — at the first call, so a new tenant or the demo has its trends at
 * once. Each day is written once (its row in `figure_history_days` is the unique key), in one transaction
 * with its figures; a second call the same day writes nothing. The lines by strategy are a second history
 * with its own key (`strategy_history_days`), and the cohorts by strategy a third (`strategy_cohort_days`),
 * written from the same snapshot: a day written before one of them was kept is computed back for it alone
 * (decisions 0014 and 0016).
 */
export async function recordFigureHistory(deps: Deps, tenantId: string): Promise<HistoryWritten> {
  const db = deps.database.db;
  const today = deps.clock.today();
  const wanted = [today, ...pastMonthEnds(today, HISTORY_MONTHS)];
  const written = (table: HistoryDays) =>
    db
      .selectFrom(table)
      .select('as_of')
      .where('tenant_id', '=', tenantId)
      .where('as_of', 'in', wanted)
      .execute()
      .then((rows) => new Set(rows.map((r) => r.as_of)));
  const [done, doneByStrategy, cohortsDone] = await Promise.all([
    written('figure_history_days'),
    written('strategy_history_days'),
    written('strategy_cohort_days'),
  ]);
  let live: string | null = null;
  const computed: string[] = [];
  const byStrategy: string[] = [];
  const cohortsByStrategy: string[] = [];
  const missing = wanted.filter(
    (asOf) => !done.has(asOf) || !doneByStrategy.has(asOf) || !cohortsDone.has(asOf),
  );
  // The month-ends missing, computed back together: one pass over the claims for them all.
  const past = await computedSnapshots(
    deps.database,
    tenantId,
    missing.filter((asOf) => asOf !== today),
  );
  const computedOn = new Map(past.map((s) => [s.asOf, s]));
  for (const asOf of missing) {
    const lines = !done.has(asOf);
    const strategies = !doneByStrategy.has(asOf);
    const cohorts = !cohortsDone.has(asOf);
    const source = asOf === today ? 'live' : 'computed';
    const snapshot = computedOn.get(asOf) ?? (await liveSnapshot(db, tenantId, today));
    if (lines && (await writeDay(deps, tenantId, 'figure_history_days', source, snapshot))) {
      if (source === 'live') live = asOf;
      else computed.push(asOf);
    }
    if (strategies && (await writeDay(deps, tenantId, 'strategy_history_days', source, snapshot)))
      byStrategy.push(asOf);
    if (cohorts && (await writeDay(deps, tenantId, 'strategy_cohort_days', source, snapshot)))
      cohortsByStrategy.push(asOf);
  }
  return { live, computed, byStrategy, cohortsByStrategy };
}

/**
 * Writes a day's figures (its lines and cohorts, its lines by strategy, or its cohorts by strategy) under its
 * unique key; false when another writer had already written the day.
 */
async function writeDay(
  deps: Deps,
  tenantId: string,
  days: HistoryDays,
  source: 'live' | 'computed',
  snapshot: Snapshot,
): Promise<boolean> {
  return deps.database.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto(days)
      .values({ tenant_id: tenantId, as_of: snapshot.asOf, source, taken_at: deps.clock.now() })
      .onConflict((oc) => oc.columns(['tenant_id', 'as_of']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    if (days === 'figure_history_days') await insertLines(trx, tenantId, snapshot);
    else if (days === 'strategy_history_days') await insertStrategyLines(trx, tenantId, snapshot);
    else await insertStrategyCohorts(trx, tenantId, snapshot);
    return true;
  });
}

const measuresOf = (l: HistoryLine) => ({
  claim_count: l.claimCount,
  placed_minor: l.placedMinor,
  receivable_count: l.receivableCount,
  receivable_minor: l.receivableMinor,
  not_due_minor: l.ageing.not_due,
  d1_30_minor: l.ageing.d1_30,
  d31_60_minor: l.ageing.d31_60,
  d61_90_minor: l.ageing.d61_90,
  d90_plus_minor: l.ageing.d90_plus,
  disputed_minor: l.disputedMinor,
  collected_minor: l.collectedMinor,
});

async function insertStrategyLines(
  trx: Kysely<Database>,
  tenantId: string,
  snapshot: Snapshot,
): Promise<void> {
  for (let i = 0; i < snapshot.strategyLines.length; i += 500) {
    await trx
      .insertInto('strategy_figure_history')
      .values(
        snapshot.strategyLines.slice(i, i + 500).map((l) => ({
          tenant_id: tenantId,
          as_of: snapshot.asOf,
          strategy_key: l.strategyKey,
          creditor_id: l.creditorId,
          segment: l.segment,
          currency: l.currency,
          ...measuresOf(l),
        })),
      )
      .execute();
  }
}

const cohortMeasuresOf = (c: CohortLine) => ({
  cohort_month: c.cohortMonth,
  claim_count: c.claimCount,
  placed_minor: c.placedMinor,
  receivable_minor: c.receivableMinor,
  collected_minor: c.collectedMinor,
});

async function insertStrategyCohorts(
  trx: Kysely<Database>,
  tenantId: string,
  snapshot: Snapshot,
): Promise<void> {
  for (let i = 0; i < snapshot.strategyCohorts.length; i += 500) {
    await trx
      .insertInto('strategy_cohort_history')
      .values(
        snapshot.strategyCohorts.slice(i, i + 500).map((c) => ({
          tenant_id: tenantId,
          as_of: snapshot.asOf,
          strategy_key: c.strategyKey,
          creditor_id: c.creditorId,
          segment: c.segment,
          currency: c.currency,
          ...cohortMeasuresOf(c),
        })),
      )
      .execute();
  }
}

async function insertLines(trx: Kysely<Database>, tenantId: string, snapshot: Snapshot): Promise<void> {
  const key = (l: { creditorId: string; segment: string; currency: string }) => ({
    tenant_id: tenantId,
    as_of: snapshot.asOf,
    creditor_id: l.creditorId,
    segment: l.segment,
    currency: l.currency,
  });
  for (let i = 0; i < snapshot.lines.length; i += 500) {
    await trx
      .insertInto('figure_history')
      .values(snapshot.lines.slice(i, i + 500).map((l) => ({ ...key(l), ...measuresOf(l) })))
      .execute();
  }
  for (let i = 0; i < snapshot.cohorts.length; i += 500) {
    await trx
      .insertInto('cohort_history')
      .values(snapshot.cohorts.slice(i, i + 500).map((c) => ({ ...key(c), ...cohortMeasuresOf(c) })))
      .execute();
  }
}
