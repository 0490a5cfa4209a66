import { assertNever } from '@relance/core';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DebtorKind } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { type DebtorView, debtorColumns, scopedDebtors, toDebtorView } from './debtor-view.ts';
import {
  containsText,
  likePattern,
  type Page,
  type PageRequest,
  pageWindow,
  type SortOrder,
} from './pagination.ts';
import { creditorFilter, readScope } from './scope.ts';

export type DebtorSort = 'name' | 'updated';

export type DebtorFilters = PageRequest & {
  /** Name, ref or SIREN, case-insensitive. */
  readonly q?: string;
  readonly creditorId?: string;
  readonly kind?: DebtorKind;
  readonly sort?: DebtorSort;
  readonly order?: SortOrder;
};

export type DebtorListItem = DebtorView & { readonly caseCount: number; readonly claimCount: number };

/** The debtors the actor may see, with how many cases and claims each has. */
export async function listDebtors(
  deps: Deps,
  actor: Actor,
  filters: DebtorFilters,
): Promise<Page<DebtorListItem>> {
  const scope = readScope(actor);
  const { page, pageSize, offset } = pageWindow(filters);
  let query = scopedDebtors(deps.database.db, scope);
  const creditorId = creditorFilter(scope, filters.creditorId);
  if (creditorId !== undefined) query = query.where('d.creditor_id', '=', creditorId);
  if (filters.kind !== undefined) query = query.where('d.kind', '=', filters.kind);
  const q = filters.q?.trim();
  if (q) query = query.where((eb) => eb.or(searchConditions(q)));

  const counted = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const order = filters.order ?? 'asc';
  const sort = filters.sort ?? 'name';
  let listed = query.select([
    ...debtorColumns,
    sql<number>`(select count(*) from cases k where k.tenant_id = ${sql.ref('d.tenant_id')} and k.debtor_id = ${sql.ref('d.debtor_id')})`.as(
      'case_count',
    ),
    // Through the debtor's cases: claims are not indexed by debtor (migration 0002).
    sql<number>`(select count(*) from claims k where k.tenant_id = ${sql.ref('d.tenant_id')} and k.debtor_id = ${sql.ref('d.debtor_id')} and k.case_id in (select kc.case_id from cases kc where kc.tenant_id = ${sql.ref('d.tenant_id')} and kc.debtor_id = ${sql.ref('d.debtor_id')}))`.as(
      'claim_count',
    ),
  ]);
  switch (sort) {
    case 'name':
      listed = listed.orderBy(sql`lower(${sql.ref('d.name')})`, order);
      break;
    case 'updated':
      listed = listed.orderBy('d.updated_at', order);
      break;
    default:
      assertNever(sort);
  }
  const rows = await listed.orderBy('d.debtor_id').limit(pageSize).offset(offset).execute();
  return {
    items: rows.map((r) => ({
      ...toDebtorView(r),
      caseCount: Number(r.case_count),
      claimCount: Number(r.claim_count),
    })),
    total: Number(counted.total),
    page,
    pageSize,
  };
}

function searchConditions(q: string): RawBuilder<SqlBool>[] {
  const conditions = [containsText('d.name', q), containsText('d.ref', q)];
  const digits = q.replace(/[\s.]/g, '');
  if (/^\d+$/.test(digits))
    conditions.push(sql<SqlBool>`${sql.ref('d.siren')} like ${likePattern(digits)} escape '\\'`);
  return conditions;
}
