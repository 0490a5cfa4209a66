import { expect } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { boundSql } from '../../src/db/figures/bound-sql.ts';
import { contributionSelect, groupedContributions } from '../../src/db/figures/figure-specs.ts';
import {
  STRATEGY_COHORTS,
  STRATEGY_FIGURES,
  type StrategySums,
  strategySpec,
} from '../../src/db/figures/strategy-figures.ts';
import { sumStrategyFigures } from '../../src/db/figures/sum-strategy-figures.ts';

type Row = Record<string, string | number>;

const keyed = (rows: readonly Row[], sums: StrategySums) =>
  rows
    .filter((r) => sums.measures.some((m) => Number(r[m]) !== 0))
    .map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, sums.keys.includes(k) ? String(v) : Number(v)]),
      ),
    );

/**
 * The figures of one strategy computed again from the claims of the cases that follow it now: the portfolio's
 * (`strategy_figures`) or the cohorts' (`strategy_cohort_figures`).
 */
export async function recomputedStrategy(
  handle: DatabaseHandle,
  tenantId: string,
  strategyKey: string,
  sums: StrategySums = STRATEGY_FIGURES,
) {
  const spec = strategySpec('p.strategy_key', sums);
  const from =
    'cases p join claims k on k.tenant_id = p.tenant_id and k.case_id = p.case_id ' +
    'where p.tenant_id = :tenant and p.strategy_key = :strategy';
  const grouped = groupedContributions(spec, contributionSelect(spec, 'k', 1, from));
  const result = await boundSql<Row>(`${grouped} order by ${sums.keys.join(', ')}`, {
    tenant: tenantId,
    strategy: strategyKey,
  }).execute(handle.db);
  return keyed(result.rows, sums);
}

/** The figures of one strategy as a dashboard reads them (sums, deltas and pending cases), by every key. */
export async function keptStrategy(
  handle: DatabaseHandle,
  tenantId: string,
  strategyKey: string,
  sums: StrategySums = STRATEGY_FIGURES,
) {
  const rows = await sumStrategyFigures(
    handle.db,
    { tenantId, strategyKey, groupBy: sums.keys.slice(1) },
    sums,
  );
  return keyed(
    rows.map((r) => ({ tenant_id: tenantId, ...r })),
    sums,
  );
}

/**
 * Every strategy a case follows or was counted under: its figures, and its cohorts, are its cases' claims,
 * exactly.
 */
export async function expectStrategiesInStep(handle: DatabaseHandle, tenantId: string): Promise<number> {
  const keys = await handle.db
    .selectFrom('cases')
    .select(['strategy_key', 'figures_strategy_key'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const strategies = new Set(keys.flatMap((k) => [k.strategy_key, k.figures_strategy_key]));
  strategies.delete(null);
  for (const strategy of strategies) {
    if (strategy === null) continue;
    for (const sums of [STRATEGY_FIGURES, STRATEGY_COHORTS])
      expect(await keptStrategy(handle, tenantId, strategy, sums), `${strategy} ${sums.table}`).toEqual(
        await recomputedStrategy(handle, tenantId, strategy, sums),
      );
  }
  return strategies.size;
}

/** How much is left to fold: deltas and cases whose strategy changed since they were counted. */
export async function leftToFold(handle: DatabaseHandle, tenantId: string) {
  const deltas = await handle.db
    .selectFrom('strategy_figure_deltas')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  const pending = await boundSql<{ n: number }>(
    'select count(*) as n from cases where tenant_id = :tenant and strategy_key is distinct from figures_strategy_key',
    { tenant: tenantId },
  ).execute(handle.db);
  return { deltas: Number(deltas.n), cases: Number(pending.rows[0]?.n ?? 0) };
}
