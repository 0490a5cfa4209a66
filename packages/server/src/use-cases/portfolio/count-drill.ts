import { type RawBuilder, sql } from 'kysely';
import { CLAIM_FIGURES } from '../../db/figures/figure-specs.ts';
import { type FigureFilter, sumFigures } from '../../db/figures/sum-figures.ts';
import { sumStrategyFigures } from '../../db/figures/sum-strategy-figures.ts';
import type { Db } from '../../db/schema.ts';
import type { CaseFilters } from './case-filters.ts';
import type { DrillCondition, OwedRange } from './drill-filters.ts';

/** The case filters a drill-down counted on its rows may not carry (the creditor is the rows' own). */
const CASE_FILTERS = [
  'q',
  'debtorId',
  'status',
  'collectability',
  'age',
  'minBalance',
  'maxBalance',
] as const satisfies readonly (keyof CaseFilters)[];

/**
 * A drill-down counted on its rows rather than its cases: one set of claims or payments (an ageing bucket,
 * the receivables, a channel's or an agent's collections), of the tenant or one creditor; and, for the claims
 * owed in a range (the links from the dashboard's portfolio), the dashboard's strategy, currency and debtor
 * kind, which the claims' figures are kept by.
 */
export type RowsDrill = {
  readonly rows: DrillCondition;
  readonly strategyKey?: string | undefined;
  readonly currency?: string | undefined;
  readonly debtorKind?: string | undefined;
};

/**
 * The drill-down a list is, when it is counted on rows: its cases are then the distinct cases of those rows
 * (every claim and payment belongs to a case of its tenant, creditor and currency, and its debtor's).
 */
export function drillRowsOnly(filters: CaseFilters, drill: readonly DrillCondition[]): RowsDrill | null {
  const [only, ...more] = drill.filter((d) => d.on !== 'case');
  if (!only || more.length > 0 || (only.on !== 'claims' && only.on !== 'payments')) return null;
  if (CASE_FILTERS.some((key) => filters[key] !== undefined)) return null;
  const kept = {
    strategyKey: filters.strategyKey,
    currency: filters.currency,
    debtorKind: filters.debtorKind,
  };
  if (keepsCaseFilters(kept) && !(only.on === 'claims' && only.owed)) return null;
  return { rows: only, ...kept };
}

const keepsCaseFilters = (d: Omit<RowsDrill, 'rows'>) =>
  d.strategyKey !== undefined || d.currency !== undefined || d.debtorKind !== undefined;

/**
 * The distinct cases of the drill-down's rows; undefined when they must be counted on the cases (claims owed
 * with a strategy, currency or debtor kind, in a tenant where a case has two open claims).
 *
 * A case with at most one claim open or disputed has at most one owed: while no case of the tenant has two
 * (the partial index of such cases tells at once), the cases of the claims owed in a range are as many as
 * the claims — the dashboard's running sums of the receivables by due date (decision 0006), by strategy too
 * (decision 0011), less the claims open with nothing left, which their own partial index counts. Otherwise the
 * rows are counted through their indexes (the owed claims by due date, the payments by day), distinct.
 */
export async function countDrillRows(
  db: Db,
  tenantId: string,
  creditorId: string | undefined,
  drill: RowsDrill,
): Promise<number | undefined> {
  const { rows } = drill;
  if (rows.on === 'claims' && rows.owed) {
    const owed = await countOwed(db, tenantId, creditorId, drill, rows.owed);
    if (owed !== undefined) return owed;
    if (keepsCaseFilters(drill)) return undefined;
  }
  const creditor = creditorId === undefined ? sql`` : sql` and x.creditor_id = ${creditorId}`;
  // `x.case_id || ''` is the case id all the same; written so, SQLite does not count it by walking the rows'
  // index by case (in case order, but over every row of the tenant) instead of the range that holds the set.
  const result = await sql<{ total: unknown }>`select count(distinct x.case_id || '') as total
    from ${sql.table(rows.on)} x where x.tenant_id = ${tenantId}${creditor} and ${rows.condition}`.execute(
    db,
  );
  return Number(result.rows[0]?.total ?? 0);
}

/** The claims owed in the range, from the running sums; undefined when a case of the tenant has two open. */
async function countOwed(
  db: Db,
  tenantId: string,
  creditorId: string | undefined,
  drill: RowsDrill,
  range: OwedRange,
): Promise<number | undefined> {
  const row = (await nothingLeft(tenantId, creditorId, drill, range).execute(db)).rows[0];
  if (Number(row?.several ?? 0) > 0) return undefined;
  const filters: FigureFilter[] = [];
  const keep = (column: string, op: FigureFilter['op'], value: string | undefined) => {
    if (value !== undefined) filters.push({ column, op, value });
  };
  keep('creditor_id', '=', creditorId);
  keep('currency', '=', drill.currency);
  keep('segment', '=', drill.debtorKind);
  keep('due_date', '>=', range.from);
  keep('due_date', '<=', range.to);
  keep('due_date', '<', range.before);
  const [sums] =
    drill.strategyKey === undefined
      ? await sumFigures(db, CLAIM_FIGURES, { tenantId, filters })
      : await sumStrategyFigures(db, { tenantId, strategyKey: drill.strategyKey, filters });
  return Number(sums?.receivable_count ?? 0) - Number(row?.n ?? 0);
}

/** One statement: the open claims in the range owing nothing (the sums count them), and whether any case has two. */
function nothingLeft(
  tenantId: string,
  creditorId: string | undefined,
  drill: RowsDrill,
  range: OwedRange,
): RawBuilder<{ n: unknown; several: unknown }> {
  const parts: RawBuilder<unknown>[] = [sql`x.tenant_id = ${tenantId}`];
  if (creditorId !== undefined) parts.push(sql`x.creditor_id = ${creditorId}`);
  if (drill.currency !== undefined) parts.push(sql`x.currency = ${drill.currency}`);
  if (range.from !== undefined) parts.push(sql`x.due_date >= ${range.from}`);
  if (range.to !== undefined) parts.push(sql`x.due_date <= ${range.to}`);
  if (range.before !== undefined) parts.push(sql`x.due_date < ${range.before}`);
  parts.push(sql`x.status in ('open', 'disputed') and x.outstanding_minor <= 0`);
  if (drill.debtorKind !== undefined)
    parts.push(sql`exists (select 1 from debtors d where d.tenant_id = x.tenant_id
      and d.debtor_id = x.debtor_id and d.kind = ${drill.debtorKind})`);
  if (drill.strategyKey !== undefined)
    parts.push(sql`exists (select 1 from cases k where k.tenant_id = x.tenant_id
      and k.case_id = x.case_id and k.strategy_key = ${drill.strategyKey})`);
  return sql<{ n: unknown; several: unknown }>`select
    (select count(*) from claims x where ${sql.join(parts, sql` and `)}) as n,
    (select count(*) from (select 1 as one from cases k where k.tenant_id = ${tenantId}
      and k.open_claim_count > 1 limit 1) s) as several`;
}
