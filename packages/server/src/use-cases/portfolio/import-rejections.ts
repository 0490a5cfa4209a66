import type { Db } from '../../db/schema.ts';

export type ImportRejectionView = {
  readonly row: number;
  readonly column: string;
  readonly reason: string;
  readonly message: string;
  /** The rejected line as read. */
  readonly raw: string;
};

export async function loadRejections(
  db: Db,
  tenantId: string,
  importId: string,
  limit?: number,
): Promise<ImportRejectionView[]> {
  let query = db
    .selectFrom('import_rejections')
    .select(['row_number', 'column_name', 'reason', 'message', 'raw'])
    .where('tenant_id', '=', tenantId)
    .where('import_id', '=', importId)
    .orderBy('row_number')
    .orderBy('column_name');
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    row: Number(r.row_number),
    column: r.column_name,
    reason: r.reason,
    message: r.message,
    raw: r.raw,
  }));
}
