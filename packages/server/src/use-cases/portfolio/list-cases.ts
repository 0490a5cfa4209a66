import { assertNever } from '@relance/core';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { CaseStatus, Db, DebtorKind } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { stepNames } from '../strategies/strategy-book.ts';
import { type AgeBucket, dueDateRange } from './ages.ts';
import {
  type CaseCollectabilityFilter,
  type CaseSummary,
  caseSummaryColumns,
  collectabilitySql,
  scopedCases,
  toCaseSummary,
} from './case-summary.ts';
import { countDrillRows, drillRowsOnly } from './count-drill.ts';
import {
  type DrillCondition,
  type DrillFilters,
  type DrillForm,
  drillConditions,
  drillWhere,
} from './drill-filters.ts';
import {
  containsText,
  likePattern,
  type Page,
  type PageRequest,
  pageWindow,
  type SortOrder,
} from './pagination.ts';
import { creditorFilter, readScope } from './scope.ts';

export type CaseSort = 'balance' | 'age' | 'debtorName' | 'updated';

export type CaseFilters = PageRequest &
  DrillFilters & {
    /** Debtor name, debtor ref, SIREN or invoice number; case-insensitive, anywhere in the text. */
    readonly q?: string;
    readonly creditorId?: string;
    readonly debtorId?: string;
    readonly status?: CaseStatus;
    readonly collectability?: CaseCollectabilityFilter;
    /** Age of the oldest open due date. */
    readonly age?: AgeBucket;
    readonly minBalance?: number;
    readonly maxBalance?: number;
    readonly debtorKind?: DebtorKind;
    readonly sort?: CaseSort;
    readonly order?: SortOrder;
  };

/** Past this many cases, a drill-down's page walks the cases in the listed order instead of sorting its set. */
const WALK_FROM = 2_000;

/**
 * The cases the actor may see, filtered, sorted and paged; collectability is computed for today.
 *
 * In two steps, so that a million cases cost a page what a page costs: the page's case ids are found on the
 * cases alone (their debtor consulted only by the filters and the sort that need it), then the page is read
 * with its debtor and creditor. A drill-down's set of rows (the claims of an ageing bucket, an agent's
 * payments) is counted on those rows (`count-drill.ts`); its page starts from them when they are few, and
 * walks the cases by balance, testing each, when they are many (the first page is then found in a few
 * hundred cases).
 */
export async function listCases(deps: Deps, actor: Actor, filters: CaseFilters): Promise<Page<CaseSummary>> {
  const scope = readScope(actor);
  const today = deps.clock.today();
  const { page, pageSize, offset } = pageWindow(filters);
  const db = deps.database.db;
  const creditorId = creditorFilter(scope, filters.creditorId);
  const drill = drillConditions(filters, today);
  const rowsOnly = drillRowsOnly(filters, drill);
  const matching = (form: DrillForm) =>
    matchingCases(db, scope.tenantId, creditorId, filters, today, drill, form);
  const total = rowsOnly
    ? await countDrillRows(db, scope.tenantId, creditorId, rowsOnly)
    : Number(
        (
          await matching('rows')
            .select((eb) => eb.fn.countAll<number>().as('total'))
            .executeTakeFirstOrThrow()
        ).total,
      );
  const walk = drill.length > 0 && (filters.sort ?? 'balance') === 'balance' && total > WALK_FROM;
  let ids = matching(walk ? 'case' : 'rows').select('c.case_id');
  for (const [expression, direction] of caseOrdering(filters)) ids = ids.orderBy(expression, direction);
  const pageIds = (await ids.limit(pageSize).offset(offset).execute()).map((r) => r.case_id);
  const { query, collectability } = scopedCases(db, scope, today);
  const rows =
    pageIds.length === 0
      ? []
      : await query
          .select([...caseSummaryColumns, collectability.as('collectability')])
          .where('c.case_id', 'in', pageIds)
          .execute();
  const position = new Map(pageIds.map((id, i) => [id, i]));
  rows.sort((a, b) => (position.get(a.case_id) ?? 0) - (position.get(b.case_id) ?? 0));
  const names = await stepNames(db, scope.tenantId);
  return { items: rows.map((r) => toCaseSummary(r, today, names)), total, page, pageSize };
}

/** The cases matching every filter, on the cases alone (their debtor through `exists` where a filter needs it). */
function matchingCases(
  db: Db,
  tenantId: string,
  creditorId: string | undefined,
  filters: CaseFilters,
  today: string,
  drill: readonly DrillCondition[],
  form: DrillForm,
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
  for (const condition of drill) query = query.where(drillWhere(condition, tenantId, form));
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
