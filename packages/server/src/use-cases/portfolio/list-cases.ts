import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { stepNames } from '../strategies/strategy-book.ts';
import type { CaseFilters } from './case-filters.ts';
import { matchingCases, pageIds } from './case-page.ts';
import { type CaseSummary, caseSummaryColumns, scopedCases, toCaseSummary } from './case-summary.ts';
import { countDrillRows, drillRowsOnly } from './count-drill.ts';
import { type DrillForm, drillConditions } from './drill-filters.ts';
import { type Page, pageWindow } from './pagination.ts';
import { creditorFilter, readScope } from './scope.ts';

export type { CaseFilters, CaseSort } from './case-filters.ts';

/**
 * The cases the actor may see, filtered, sorted and paged; collectability is computed for today.
 *
 * In two steps, so that a million cases cost a page what a page costs: the page's case ids are found on the
 * cases alone (`case-page.ts`), then read with their debtor and creditor. A drill-down's set of rows (the
 * claims of an ageing bucket, an agent's payments) is counted on those rows (`count-drill.ts`).
 */
export async function listCases(deps: Deps, actor: Actor, filters: CaseFilters): Promise<Page<CaseSummary>> {
  const scope = readScope(actor);
  const today = deps.clock.today();
  const { page, pageSize, offset } = pageWindow(filters);
  const db = deps.database.db;
  const creditorId = creditorFilter(scope, filters.creditorId);
  const drill = drillConditions(filters, today);
  const rowsOnly = drillRowsOnly(filters, drill);
  const matching = (form: DrillForm | 'none') =>
    matchingCases(db, scope.tenantId, creditorId, filters, today, drill, form);
  const counted = rowsOnly ? await countDrillRows(db, scope.tenantId, creditorId, rowsOnly) : undefined;
  const total =
    counted ??
    Number(
      (
        await matching('rows')
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow()
      ).total,
    );
  const ids = await pageIds(db, matching, filters, drill, total, { pageSize, offset });
  const { query, collectability } = scopedCases(db, scope, today);
  const rows =
    ids.length === 0
      ? []
      : await query
          .select([...caseSummaryColumns, collectability.as('collectability')])
          .where('c.case_id', 'in', ids)
          .execute();
  const position = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => (position.get(a.case_id) ?? 0) - (position.get(b.case_id) ?? 0));
  const names = await stepNames(db, scope.tenantId);
  return { items: rows.map((r) => toCaseSummary(r, today, names)), total, page, pageSize };
}
