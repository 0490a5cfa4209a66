import { assertNever } from '@relance/core';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { CaseStatus, DebtorKind } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { stepNames } from '../strategies/strategy-book.ts';
import { type AgeBucket, dueDateRange } from './ages.ts';
import {
  type CaseCollectabilityFilter,
  type CaseSummary,
  caseSummaryColumns,
  scopedCases,
  toCaseSummary,
} from './case-summary.ts';
import { type DrillFilters, drillConditions } from './drill-filters.ts';
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

/** The cases the actor may see, filtered, sorted and paged; collectability is computed for today. */
export async function listCases(deps: Deps, actor: Actor, filters: CaseFilters): Promise<Page<CaseSummary>> {
  const scope = readScope(actor);
  const today = deps.clock.today();
  const { page, pageSize, offset } = pageWindow(filters);
  const { query: base, collectability } = scopedCases(deps.database.db, scope, today);

  let query = base;
  const creditorId = creditorFilter(scope, filters.creditorId);
  if (creditorId !== undefined) query = query.where('c.creditor_id', '=', creditorId);
  if (filters.debtorId !== undefined) query = query.where('c.debtor_id', '=', filters.debtorId);
  if (filters.status !== undefined) query = query.where('c.status', '=', filters.status);
  if (filters.debtorKind !== undefined) query = query.where('d.kind', '=', filters.debtorKind);
  if (filters.minBalance !== undefined) query = query.where('c.outstanding_minor', '>=', filters.minBalance);
  if (filters.maxBalance !== undefined) query = query.where('c.outstanding_minor', '<=', filters.maxBalance);
  if (filters.collectability !== undefined) query = query.where(collectability, '=', filters.collectability);
  for (const condition of drillConditions(filters, today)) query = query.where(condition);
  if (filters.age !== undefined) {
    const { from, to } = dueDateRange(filters.age, today);
    if (from !== undefined) query = query.where('c.oldest_due_date', '>=', from);
    if (to !== undefined) query = query.where('c.oldest_due_date', '<=', to);
  }
  const q = filters.q?.trim();
  if (q) query = query.where((eb) => eb.or(searchConditions(q)));

  const counted = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let listed = query.select([...caseSummaryColumns, collectability.as('collectability')]);
  for (const [expression, direction] of caseOrdering(filters)) listed = listed.orderBy(expression, direction);
  const rows = await listed.limit(pageSize).offset(offset).execute();
  const names = await stepNames(deps.database.db, scope.tenantId);
  return {
    items: rows.map((r) => toCaseSummary(r, today, names)),
    total: Number(counted.total),
    page,
    pageSize,
  };
}

function searchConditions(q: string): RawBuilder<SqlBool>[] {
  const like = (column: string) => containsText(column, q);
  const conditions = [
    like('d.name'),
    like('d.ref'),
    sql<SqlBool>`exists (select 1 from claims cl where cl.tenant_id = ${sql.ref('c.tenant_id')}
      and cl.case_id = ${sql.ref('c.case_id')} and ${like('cl.invoice_number')})`,
  ];
  // A SIREN is often typed in groups ("123 456 789"); it is stored as nine digits.
  const digits = q.replace(/[\s.]/g, '');
  if (/^\d+$/.test(digits))
    conditions.push(sql<SqlBool>`${sql.ref('d.siren')} like ${likePattern(digits)} escape '\\'`);
  return conditions;
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
      return [[sql`lower(${ref('d.name')})`, order], tieBreak];
    case 'updated':
      return [[ref('c.updated_at'), order], tieBreak];
    default:
      return assertNever(sort);
  }
}
