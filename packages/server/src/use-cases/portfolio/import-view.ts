import type { Db, ImportStatus } from '../../db/schema.ts';
import type { Scope } from './scope.ts';

export type ImportView = {
  readonly id: string;
  readonly creditor: { readonly id: string; readonly ref: string; readonly name: string };
  readonly fileName: string;
  readonly format: string;
  readonly status: ImportStatus;
  readonly totalRows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly hasErrorFile: boolean;
  readonly error: string | null;
  readonly createdBy: string | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
};

export function scopedImports(db: Db, scope: Scope) {
  let query = db
    .selectFrom('imports as i')
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'i.tenant_id').onRef('cr.creditor_id', '=', 'i.creditor_id'),
    )
    .where('i.tenant_id', '=', scope.tenantId);
  if (scope.creditorId !== null) query = query.where('i.creditor_id', '=', scope.creditorId);
  return query;
}

export const importColumns = [
  'i.import_id',
  'i.file_name',
  'i.format',
  'i.status',
  'i.mapping',
  'i.total_rows',
  'i.inserted',
  'i.updated',
  'i.unchanged',
  'i.rejected',
  'i.error_file',
  'i.error',
  'i.created_by',
  'i.started_at',
  'i.finished_at',
  'cr.creditor_id',
  'cr.ref as creditor_ref',
  'cr.name as creditor_name',
] as const;

type ImportRow = {
  readonly import_id: string;
  readonly file_name: string;
  readonly format: string;
  readonly status: ImportStatus;
  readonly total_rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly error_file: string | null;
  readonly error: string | null;
  readonly created_by: string | null;
  readonly started_at: string;
  readonly finished_at: string | null;
  readonly creditor_id: string;
  readonly creditor_ref: string;
  readonly creditor_name: string;
};

export function toImportView(row: ImportRow): ImportView {
  return {
    id: row.import_id,
    creditor: { id: row.creditor_id, ref: row.creditor_ref, name: row.creditor_name },
    fileName: row.file_name,
    format: row.format,
    status: row.status,
    totalRows: Number(row.total_rows),
    inserted: Number(row.inserted),
    updated: Number(row.updated),
    unchanged: Number(row.unchanged),
    rejected: Number(row.rejected),
    hasErrorFile: row.error_file !== null,
    error: row.error,
    createdBy: row.created_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
