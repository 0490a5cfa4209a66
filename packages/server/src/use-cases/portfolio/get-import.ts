import { DomainError } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { claimImportPermission } from '../access/permissions.ts';
import { type ImportRejectionView, loadRejections } from './import-rejections.ts';
import { type ImportView, importColumns, scopedImports, toImportView } from './import-view.ts';
import { readScope } from './scope.ts';

/** At most this many rejections come with the import; the CSV download has them all. */
export const rejectionsShown = 1000;

export type ImportDetail = ImportView & {
  /** The column mapping used: our field → the file's header. */
  readonly mapping: unknown;
  readonly rejections: readonly ImportRejectionView[];
  readonly rejectionsTruncated: boolean;
};

/** One import with its mapping and (the first 1000 of) its rejected rows. */
export async function getImport(deps: Deps, actor: Actor, importId: string): Promise<ImportDetail> {
  const scope = readScope(actor, claimImportPermission(actor, 'read'));
  const db = deps.database.db;
  const row = await scopedImports(db, scope)
    .select(importColumns)
    .where('i.import_id', '=', importId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Import not found.', { reason: 'import_not_found' });
  const rejections = await loadRejections(db, scope.tenantId, importId, rejectionsShown + 1);
  return {
    ...toImportView(row),
    mapping: parseJson(row.mapping),
    rejections: rejections.slice(0, rejectionsShown),
    rejectionsTruncated: rejections.length > rejectionsShown,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
