import { DomainError } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { claimImportPermission } from '../access/permissions.ts';
import { type ImportRejectionView, loadRejections } from './import-rejections.ts';
import { scopedImports } from './import-view.ts';
import { readScope } from './scope.ts';

/** Every rejected row of an import (for the CSV download), with the import's file name. */
export async function listImportRejections(
  deps: Deps,
  actor: Actor,
  importId: string,
): Promise<{ readonly fileName: string; readonly rejections: readonly ImportRejectionView[] }> {
  const scope = readScope(actor, claimImportPermission(actor, 'read'));
  const db = deps.database.db;
  const row = await scopedImports(db, scope)
    .select('i.file_name')
    .where('i.import_id', '=', importId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Import not found.', { reason: 'import_not_found' });
  return { fileName: row.file_name, rejections: await loadRejections(db, scope.tenantId, importId) };
}
