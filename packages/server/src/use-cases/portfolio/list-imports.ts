import type { ImportStatus } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { claimImportPermission } from '../access/permissions.ts';
import { type ImportView, importColumns, scopedImports, toImportView } from './import-view.ts';
import { type Page, type PageRequest, pageWindow } from './pagination.ts';
import { creditorFilter, readScope } from './scope.ts';

export type ImportFilters = PageRequest & {
  readonly creditorId?: string;
  readonly status?: ImportStatus;
};

/** The imports of the tenant, newest first. */
export async function listImports(
  deps: Deps,
  actor: Actor,
  filters: ImportFilters,
): Promise<Page<ImportView>> {
  const scope = readScope(actor, claimImportPermission(actor, 'read'));
  const { page, pageSize, offset } = pageWindow(filters);
  let query = scopedImports(deps.database.db, scope);
  const creditorId = creditorFilter(scope, filters.creditorId);
  if (creditorId !== undefined) query = query.where('i.creditor_id', '=', creditorId);
  if (filters.status !== undefined) query = query.where('i.status', '=', filters.status);
  const counted = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select(importColumns)
    .orderBy('i.started_at', 'desc')
    .orderBy('i.import_id', 'desc')
    .limit(pageSize)
    .offset(offset)
    .execute();
  return { items: rows.map(toImportView), total: Number(counted.total), page, pageSize };
}
