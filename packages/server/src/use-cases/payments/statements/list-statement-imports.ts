import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { readScope } from '../../portfolio/scope.ts';
import { countStatuses, type StatementStatusCounts } from './import-statement.ts';

export type StatementImportView = {
  readonly importId: string;
  readonly fileName: string;
  readonly format: string;
  readonly version: string | null;
  readonly messageId: string | null;
  readonly importedAt: string;
  readonly importedBy: string;
  readonly lineCount: number;
  readonly newCount: number;
  readonly matchedCount: number;
  readonly reviewCount: number;
  readonly warningCount: number;
  /** Where the import's lines stand now (a person's work moves them). */
  readonly statuses: StatementStatusCounts;
};

/** The statements imported, newest first, with their counts then and now. */
export async function listStatementImports(
  deps: Deps,
  actor: Actor,
  input: { readonly limit?: number },
): Promise<readonly StatementImportView[]> {
  const { tenantId } = readScope(actor, 'imports:read');
  const db = deps.database.db;
  const imports = await db
    .selectFrom('statement_imports')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('imported_at', 'desc')
    .orderBy('statement_import_id', 'desc')
    .limit(Math.min(Math.max(input.limit ?? 50, 1), 200))
    .execute();
  const ids = imports.map((i) => i.statement_import_id);
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('statement_lines')
          .select(['statement_import_id', 'match_status', (eb) => eb.fn.countAll<number>().as('n')])
          .where('tenant_id', '=', tenantId)
          .where('statement_import_id', 'in', ids)
          .groupBy(['statement_import_id', 'match_status'])
          .execute();
  return imports.map((i) => {
    const statuses = { ...countStatuses([]) };
    for (const r of rows)
      if (r.statement_import_id === i.statement_import_id) statuses[r.match_status] += Number(r.n);
    return {
      importId: i.statement_import_id,
      fileName: i.file_name,
      format: i.format,
      version: i.version,
      messageId: i.message_id,
      importedAt: i.imported_at,
      importedBy: i.imported_by,
      lineCount: Number(i.line_count),
      newCount: Number(i.new_count),
      matchedCount: Number(i.matched_count),
      reviewCount: Number(i.review_count),
      warningCount: i.warnings === null ? 0 : (JSON.parse(i.warnings) as unknown[]).length,
      statuses,
    };
  });
}
