import { sql } from 'kysely';
import type { Db } from '../../db/schema.ts';
import type { DrillCondition } from './drill-filters.ts';
import type { CaseFilters } from './list-cases.ts';

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
 * The distinct cases of the drill-down's rows, through the rows' own indexes (the owed claims by due date,
 * the payments by day): a bucket of 200,000 claims is counted from its index entries, not by testing a
 * million cases against it. A case with at most one claim open or disputed has at most one owed claim: while
 * no case of the tenant has two, the claims counted are the cases (no distinct to sort out), which the partial
 * index of the cases with several open claims tells at once.
 *
 * `x.case_id || ''` is the case id all the same; written so, SQLite does not count it by walking the rows'
 * index by case (in case order, but over every row of the tenant) instead of the range that holds the set.
 */
export async function countDrillRows(
  db: Db,
  tenantId: string,
  creditorId: string | undefined,
  drill: DrillCondition,
): Promise<number> {
  const creditor = creditorId === undefined ? sql`` : sql` and x.creditor_id = ${creditorId}`;
  const rows = sql`from ${sql.table(drill.on)} x where x.tenant_id = ${tenantId}${creditor} and ${drill.condition}`;
  if (drill.on === 'claims') {
    const result = await sql<{ n: unknown; several: unknown }>`select count(*) as n,
      (select count(*) from (select 1 as one from cases k where k.tenant_id = ${tenantId}
        and k.open_claim_count > 1 limit 1) s) as several ${rows}`.execute(db);
    const row = result.rows[0];
    if (Number(row?.several ?? 0) === 0) return Number(row?.n ?? 0);
  }
  const result = await sql<{
    total: unknown;
  }>`select count(distinct x.case_id || '') as total ${rows}`.execute(db);
  return Number(result.rows[0]?.total ?? 0);
}
