import { type RawBuilder, sql } from 'kysely';
import { CLAIM_FIGURES } from '../../db/figures/figure-specs.ts';
import type { Db } from '../../db/schema.ts';
import type { CaseFilters } from './case-filters.ts';
import type { DrillCondition, OwedRange } from './drill-filters.ts';

/** The case filters a drill-down counted on its rows may carry besides the creditor (none). */
const CASE_FILTERS = [
  'q',
  'debtorId',
  'status',
  'collectability',
  'age',
  'minBalance',
  'maxBalance',
  'debtorKind',
] as const satisfies readonly (keyof CaseFilters)[];

/**
 * The drill-down a list is, when it is counted on rows rather than cases: one set of claims or payments (an
 * ageing bucket, the receivables, a channel's or an agent's collections), of the tenant or one creditor, and no
 * other filter. Its cases are then the distinct cases of those rows: every claim and payment belongs to a case
 * of its tenant and creditor.
 */
export function drillRowsOnly(filters: CaseFilters, drill: readonly DrillCondition[]): DrillCondition | null {
  const [only, ...more] = drill;
  if (!only || more.length > 0 || (only.on !== 'claims' && only.on !== 'payments')) return null;
  return CASE_FILTERS.some((key) => filters[key] !== undefined) ? null : only;
}

/**
 * The distinct cases of the drill-down's rows. A case with at most one claim open or disputed has at most one
 * owed: while no case of the tenant has two (the partial index of such cases tells at once), the cases of the
 * claims owed in a range are as many as the claims — the dashboard's running sums of the receivables by due
 * date (decision 0006), less the claims open with nothing left, which their own partial index counts. Otherwise
 * the rows are counted through their indexes (the owed claims by due date, the payments by day), distinct.
 */
export async function countDrillRows(
  db: Db,
  tenantId: string,
  creditorId: string | undefined,
  drill: DrillCondition,
): Promise<number> {
  if (drill.on === 'claims' && drill.owed) {
    const row = (await owedFromFigures(tenantId, creditorId, drill.owed).execute(db)).rows[0];
    if (Number(row?.several ?? 0) === 0) return Number(row?.n ?? 0);
  }
  const creditor = creditorId === undefined ? sql`` : sql` and x.creditor_id = ${creditorId}`;
  // `x.case_id || ''` is the case id all the same; written so, SQLite does not count it by walking the rows'
  // index by case (in case order, but over every row of the tenant) instead of the range that holds the set.
  const result = await sql<{ total: unknown }>`select count(distinct x.case_id || '') as total
    from ${sql.table(drill.on)} x where x.tenant_id = ${tenantId}${creditor} and ${drill.condition}`.execute(
    db,
  );
  return Number(result.rows[0]?.total ?? 0);
}

/** One statement: the receivables' count in the range, less the open claims owing nothing, and whether any case has two. */
function owedFromFigures(
  tenantId: string,
  creditorId: string | undefined,
  range: OwedRange,
): RawBuilder<{ n: unknown; several: unknown }> {
  const where = (alias: string) => {
    const column = (name: string) => sql.ref(`${alias}.${name}`);
    const parts: RawBuilder<unknown>[] = [sql`${column('tenant_id')} = ${tenantId}`];
    if (creditorId !== undefined) parts.push(sql`${column('creditor_id')} = ${creditorId}`);
    if (range.from !== undefined) parts.push(sql`${column('due_date')} >= ${range.from}`);
    if (range.to !== undefined) parts.push(sql`${column('due_date')} <= ${range.to}`);
    if (range.before !== undefined) parts.push(sql`${column('due_date')} < ${range.before}`);
    return sql.join(parts, sql` and `);
  };
  const sums = [CLAIM_FIGURES.figures, CLAIM_FIGURES.deltas].map(
    (table) => sql`select f.receivable_count from ${sql.table(table)} f where ${where('f')}`,
  );
  return sql<{ n: unknown; several: unknown }>`select
    (select coalesce(sum(receivable_count), 0) from (${sql.join(sums, sql` union all `)}) r)
      - (select count(*) from claims x where ${where('x')}
        and x.status in ('open', 'disputed') and x.outstanding_minor <= 0) as n,
    (select count(*) from (select 1 as one from cases k where k.tenant_id = ${tenantId}
      and k.open_claim_count > 1 limit 1) s) as several`;
}
