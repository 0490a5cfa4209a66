import { assertNever } from '@relance/core';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/schema.ts';
import { dueDateRange } from './ages.ts';
import type { CaseFilters } from './case-filters.ts';
import { collectabilitySql } from './case-summary.ts';
import { type DrillCondition, type DrillForm, drillWhere } from './drill-filters.ts';
import { containsText, likePattern, type SortOrder } from './pagination.ts';

/**
 * Which cases a list holds, and which of them its page shows (`listCases`): on the cases alone, their debtor
 * consulted only by the filters and the sort that need it.
 */

/** Past this many cases, a drill-down listed by balance first walks the cases by balance. */
const WALK_FROM = 2_000;
/** How many cases such a walk looks at before it gives up for the cases gathered first. */
const WALK_AT_MOST = 20_000;

type Matching = (form: DrillForm | 'none') => ReturnType<typeof matchingCases>;

/**
 * The page's case ids, in order. A drill-down over many cases (more than `WALK_FROM`) listed by balance first
 * walks the first `WALK_AT_MOST` cases by balance, testing each against its rows — the first page of an ageing
 * bucket is found in a few hundred —; when they do not fill the page (its cases sit further down), or over few
 * cases, its cases are gathered first (a materialized set, so that no engine walks a million cases to find
 * them) and sorted. A list without rows to test is read in order.
 */
export async function pageIds(
  db: Db,
  matching: Matching,
  filters: CaseFilters,
  drill: readonly DrillCondition[],
  total: number,
  window: { readonly pageSize: number; readonly offset: number },
): Promise<string[]> {
  const expected = Math.min(window.pageSize, Math.max(0, total - window.offset));
  if (expected === 0) return [];
  const rows = drill.some((d) => d.on !== 'case');
  if (rows && (filters.sort ?? 'balance') === 'balance' && total > WALK_FROM) {
    const walked = await walkPage(db, matching, filters, drill, window);
    if (walked.length === expected) return walked;
  }
  let ids = rows
    ? db
        .with(
          (cte) => cte('candidates').materialized(),
          () =>
            matching('rows').select([
              'c.tenant_id',
              'c.case_id',
              'c.debtor_id',
              'c.outstanding_minor',
              'c.oldest_due_date',
              'c.updated_at',
            ]),
        )
        .selectFrom('candidates as c')
        .select('c.case_id')
    : matching('rows').select('c.case_id');
  for (const [expression, direction] of caseOrdering(filters)) ids = ids.orderBy(expression, direction);
  return (await ids.limit(window.pageSize).offset(window.offset).execute()).map((r) => r.case_id);
}

/** The page among the first `WALK_AT_MOST` cases by balance (every other filter applied), tested against the rows. */
async function walkPage(
  db: Db,
  matching: Matching,
  filters: CaseFilters,
  drill: readonly DrillCondition[],
  window: { readonly pageSize: number; readonly offset: number },
): Promise<string[]> {
  const ordering = caseOrdering(filters);
  let head = matching('none').select(['c.tenant_id', 'c.case_id', 'c.outstanding_minor']);
  for (const [expression, direction] of ordering) head = head.orderBy(expression, direction);
  let walk = db.selectFrom(head.limit(WALK_AT_MOST).as('c')).select('c.case_id');
  for (const d of drill) if (d.on !== 'case') walk = walk.where(drillWhere(d, '', 'case'));
  for (const [expression, direction] of ordering) walk = walk.orderBy(expression, direction);
  return (await walk.limit(window.pageSize).offset(window.offset).execute()).map((r) => r.case_id);
}

/**
 * The cases matching every filter, on the cases alone (their debtor through `exists` where a filter needs it);
 * `none`: every filter but the drill-down's rows.
 */
export function matchingCases(
  db: Db,
  tenantId: string,
  creditorId: string | undefined,
  filters: CaseFilters,
  today: string,
  drill: readonly DrillCondition[],
  form: DrillForm | 'none',
) {
  let query = db.selectFrom('cases as c').where('c.tenant_id', '=', tenantId);
  if (creditorId !== undefined) query = query.where('c.creditor_id', '=', creditorId);
  if (filters.debtorId !== undefined) query = query.where('c.debtor_id', '=', filters.debtorId);
  if (filters.status !== undefined) query = query.where('c.status', '=', filters.status);
  if (filters.debtorKind !== undefined) query = query.where(ofDebtor(sql`d.kind = ${filters.debtorKind}`));
  if (filters.minBalance !== undefined) query = query.where('c.outstanding_minor', '>=', filters.minBalance);
  if (filters.maxBalance !== undefined) query = query.where('c.outstanding_minor', '<=', filters.maxBalance);
  if (filters.collectability !== undefined)
    query = query.where(collectabilitySql(today), '=', filters.collectability);
  for (const condition of drill)
    if (form !== 'none' || condition.on === 'case')
      query = query.where(drillWhere(condition, tenantId, form === 'none' ? 'rows' : form));
  if (filters.age !== undefined) {
    const { from, to } = dueDateRange(filters.age, today);
    if (from !== undefined) query = query.where('c.oldest_due_date', '>=', from);
    if (to !== undefined) query = query.where('c.oldest_due_date', '<=', to);
  }
  const q = filters.q?.trim();
  if (q) query = query.where((eb) => eb.or(searchConditions(q)));
  return query;
}

/** The case's debtor meets `condition` (over `debtors as d`). */
const ofDebtor = (condition: RawBuilder<unknown>) =>
  sql<SqlBool>`exists (select 1 from debtors d where d.tenant_id = c.tenant_id and d.debtor_id = c.debtor_id and ${condition})`;

function searchConditions(q: string): RawBuilder<SqlBool>[] {
  const like = (column: string) => containsText(column, q);
  const debtor = [like('d.name'), like('d.ref')];
  // A SIREN is often typed in groups ("123 456 789"); it is stored as nine digits.
  const digits = q.replace(/[\s.]/g, '');
  if (/^\d+$/.test(digits))
    debtor.push(sql<SqlBool>`${sql.ref('d.siren')} like ${likePattern(digits)} escape '\\'`);
  return [
    ofDebtor(sql`(${sql.join(debtor, sql` or `)})`),
    sql<SqlBool>`exists (select 1 from claims cl where cl.tenant_id = ${sql.ref('c.tenant_id')}
      and cl.case_id = ${sql.ref('c.case_id')} and ${like('cl.invoice_number')})`,
  ];
}

function caseOrdering(filters: CaseFilters): readonly (readonly [RawBuilder<unknown>, SortOrder])[] {
  const order = filters.order ?? 'desc';
  const reverse: SortOrder = order === 'desc' ? 'asc' : 'desc';
  const ref = (column: string) => sql.ref(column);
  const tieBreak = [ref('c.case_id'), 'asc'] as const;
  const sort = filters.sort ?? 'balance';
  switch (sort) {
    case 'balance':
      return [[ref('c.outstanding_minor'), order], tieBreak];
    case 'age':
      // Oldest first when descending; cases with nothing open come last either way.
      return [
        [sql`case when ${ref('c.oldest_due_date')} is null then 1 else 0 end`, 'asc'],
        [ref('c.oldest_due_date'), reverse],
        tieBreak,
      ];
    case 'debtorName':
      return [
        [
          sql`(select lower(d.name) from debtors d where d.tenant_id = c.tenant_id and d.debtor_id = c.debtor_id)`,
          order,
        ],
        tieBreak,
      ];
    case 'updated':
      return [[ref('c.updated_at'), order], tieBreak];
    default:
      return assertNever(sort);
  }
}
