import { type AgeingBucket, ageingBucket } from '@relance/core';
import type { Kysely } from 'kysely';
import { boundSql } from '../../../db/figures/bound-sql.ts';
import { COHORT_FIGURES } from '../../../db/figures/cohort-figures.ts';
import { CLAIM_FIGURES, contributionSelect, groupedContributions } from '../../../db/figures/figure-specs.ts';
import { strategyKeyed } from '../../../db/figures/strategy-figures.ts';
import { sumFigures } from '../../../db/figures/sum-figures.ts';
import type { Database } from '../../../db/schema.ts';

/** One creditor × segment × currency on a day. */
export type HistoryLine = {
  readonly creditorId: string;
  readonly segment: string;
  readonly currency: string;
  readonly claimCount: number;
  readonly placedMinor: number;
  readonly receivableCount: number;
  readonly receivableMinor: number;
  readonly ageing: Readonly<Record<AgeingBucket, number>>;
  readonly disputedMinor: number;
  readonly collectedMinor: number;
};

/** A line of the day by the strategy the claims' cases followed ('' for none yet; decision 0014). */
export type StrategyHistoryLine = HistoryLine & { readonly strategyKey: string };

export type CohortLine = {
  readonly creditorId: string;
  readonly segment: string;
  readonly currency: string;
  readonly cohortMonth: string;
  readonly claimCount: number;
  readonly placedMinor: number;
  readonly receivableMinor: number;
  readonly collectedMinor: number;
};

/** A cohort's line of the day by the strategy the claims' cases followed ('' for none yet; decision 0016). */
export type StrategyCohortLine = CohortLine & { readonly strategyKey: string };

export type Snapshot = {
  readonly asOf: string;
  readonly lines: readonly HistoryLine[];
  /** The same lines split by strategy: they add up to `lines`. */
  readonly strategyLines: readonly StrategyHistoryLine[];
  readonly cohorts: readonly CohortLine[];
  /** The same cohorts split by strategy: they add up to `cohorts`. */
  readonly strategyCohorts: readonly StrategyCohortLine[];
};

export type Row = Readonly<Record<string, string | number | null>>;
export const n = (row: Row, name: string) => Number(row[name] ?? 0);
const zeroAgeing = (): Record<AgeingBucket, number> => ({
  not_due: 0,
  d1_30: 0,
  d31_60: 0,
  d61_90: 0,
  d90_plus: 0,
});

/** Adds rows by due date into lines by creditor × segment × currency, the ageing counted on `asOf`. */
export function linesOf(rows: readonly Row[], asOf: string): HistoryLine[] {
  return addLines(rows, asOf, () => '').map(({ strategyKey: _, ...line }) => line);
}

/** The same lines, the rows' `strategy_key` one more key. */
export function strategyLinesOf(rows: readonly Row[], asOf: string): StrategyHistoryLine[] {
  return addLines(rows, asOf, (row) => String(row.strategy_key ?? ''));
}

function addLines(
  rows: readonly Row[],
  asOf: string,
  strategyOf: (row: Row) => string,
): StrategyHistoryLine[] {
  const lines = new Map<string, StrategyHistoryLine & { ageing: Record<AgeingBucket, number> }>();
  for (const row of rows) {
    const strategyKey = strategyOf(row);
    const key = JSON.stringify([strategyKey, row.creditor_id, row.segment, row.currency]);
    const line = lines.get(key) ?? {
      strategyKey,
      creditorId: String(row.creditor_id),
      segment: String(row.segment),
      currency: String(row.currency),
      claimCount: 0,
      placedMinor: 0,
      receivableCount: 0,
      receivableMinor: 0,
      ageing: zeroAgeing(),
      disputedMinor: 0,
      collectedMinor: 0,
    };
    line.ageing[ageingBucket(String(row.due_date), asOf)] += n(row, 'receivable_minor');
    lines.set(key, {
      ...line,
      claimCount: line.claimCount + n(row, 'claim_count'),
      placedMinor: line.placedMinor + n(row, 'amount_minor'),
      receivableCount: line.receivableCount + n(row, 'receivable_count'),
      receivableMinor: line.receivableMinor + n(row, 'receivable_minor'),
      disputedMinor: line.disputedMinor + n(row, 'disputed_minor'),
      collectedMinor: line.collectedMinor + n(row, 'collected_minor'),
    });
  }
  return [...lines.values()]
    .filter((l) => l.claimCount !== 0 || l.receivableMinor !== 0 || l.collectedMinor !== 0)
    .sort((a, b) =>
      a.strategyKey < b.strategyKey ? -1 : a.strategyKey > b.strategyKey ? 1 : compareKeys(a, b),
    );
}

/** Adds rows into cohort lines by creditor × segment × currency × cohort month. */
export function cohortsOf(rows: readonly Row[]): CohortLine[] {
  return addCohorts(rows, () => '').map(({ strategyKey: _, ...line }) => line);
}

/** The same cohort lines, the rows' `strategy_key` one more key. */
export function strategyCohortsOf(rows: readonly Row[]): StrategyCohortLine[] {
  return addCohorts(rows, (row) => String(row.strategy_key ?? ''));
}

function addCohorts(rows: readonly Row[], strategyOf: (row: Row) => string): StrategyCohortLine[] {
  const cohorts = new Map<string, StrategyCohortLine>();
  for (const row of rows) {
    const strategyKey = strategyOf(row);
    const key = JSON.stringify([strategyKey, row.creditor_id, row.segment, row.currency, row.cohort_month]);
    const c = cohorts.get(key) ?? {
      strategyKey,
      creditorId: String(row.creditor_id),
      segment: String(row.segment),
      currency: String(row.currency),
      cohortMonth: String(row.cohort_month),
      claimCount: 0,
      placedMinor: 0,
      receivableMinor: 0,
      collectedMinor: 0,
    };
    cohorts.set(key, {
      ...c,
      claimCount: c.claimCount + n(row, 'claim_count'),
      placedMinor: c.placedMinor + n(row, 'amount_minor'),
      receivableMinor: c.receivableMinor + n(row, 'receivable_minor'),
      collectedMinor: c.collectedMinor + n(row, 'collected_minor'),
    });
  }
  return [...cohorts.values()]
    .filter((c) => c.claimCount !== 0 || c.receivableMinor !== 0 || c.collectedMinor !== 0)
    .sort(
      (a, b) =>
        (a.strategyKey < b.strategyKey ? -1 : a.strategyKey > b.strategyKey ? 1 : 0) ||
        compareKeys(a, b) ||
        (a.cohortMonth < b.cohortMonth ? -1 : a.cohortMonth > b.cohortMonth ? 1 : 0),
    );
}

const compareKeys = (
  a: { creditorId: string; segment: string; currency: string },
  b: { creditorId: string; segment: string; currency: string },
) => {
  const x = `${a.creditorId} ${a.segment} ${a.currency}`;
  const y = `${b.creditorId} ${b.segment} ${b.currency}`;
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * Today's claims by the strategy their case follows now, with the running figures' own definitions
 * (`contributionSelect`), by the deltas' keys (the cohort month among them): one pass over the tenant's
 * claims, once a day, for the lines and the cohorts by strategy — the running sums by strategy (decisions
 * 0011 and 0016) are read one strategy at a time.
 */
function strategyRowsSql(): string {
  const spec = strategyKeyed("coalesce(p.strategy_key, '')");
  const claims =
    'claims k left join cases p on p.tenant_id = k.tenant_id and p.case_id = k.case_id where k.tenant_id = :tenant';
  return groupedContributions(spec, contributionSelect(spec, 'k', 1, claims));
}

/**
 * The portfolio as the running figures hold it now, its ageing counted on `asOf` (today); by strategy from
 * the claims and their cases' strategy now.
 */
export async function liveSnapshot(db: Kysely<Database>, tenantId: string, asOf: string): Promise<Snapshot> {
  const [rows, byStrategy, cohorts] = await Promise.all([
    sumFigures(db, CLAIM_FIGURES, { tenantId, groupBy: ['creditor_id', 'segment', 'currency', 'due_date'] }),
    boundSql<Row>(strategyRowsSql(), { tenant: tenantId }).execute(db),
    sumFigures(db, COHORT_FIGURES, {
      tenantId,
      groupBy: ['creditor_id', 'segment', 'currency', 'cohort_month'],
    }),
  ]);
  return {
    asOf,
    lines: linesOf(rows, asOf),
    strategyLines: strategyLinesOf(byStrategy.rows, asOf),
    cohorts: cohortsOf(cohorts),
    strategyCohorts: strategyCohortsOf(byStrategy.rows),
  };
}
