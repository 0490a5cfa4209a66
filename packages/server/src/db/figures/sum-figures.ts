import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { boundSql } from './bound-sql.ts';
import { type FigureSpec, keyNames, measureNames } from './figure-specs.ts';

export type FigureFilter = {
  readonly column: string;
  readonly op: '=' | '>=' | '<=' | '<' | '>';
  readonly value: string;
};

export type FigureQuery = {
  readonly tenantId: string;
  /** Key columns to group by (none: one row of totals). */
  readonly groupBy?: readonly string[];
  readonly filters?: readonly FigureFilter[];
};

export type FigureSums = Readonly<Record<string, string | number>>;

/**
 * Sums a tenant's figures and its pending deltas in one statement: the answer includes every committed
 * write, however recently the deltas were folded.
 */
export async function sumFigures(
  db: Kysely<Database>,
  spec: FigureSpec,
  query: FigureQuery,
): Promise<readonly FigureSums[]> {
  const keys = new Set(keyNames(spec));
  const groupBy = query.groupBy ?? [];
  const filters = query.filters ?? [];
  for (const column of [...groupBy, ...filters.map((f) => f.column)]) {
    if (!keys.has(column)) throw new Error(`${spec.figures} has no key ${column}`);
  }
  const values: Record<string, string> = { tenant: query.tenantId };
  const conditions = filters.map((f, i) => {
    values[`v${i}`] = f.value;
    return ` and ${f.column} ${f.op} :v${i}`;
  });
  const where = `where tenant_id = :tenant${conditions.join('')}`;
  const columns = [...groupBy, ...measureNames(spec)].join(', ');
  const sums = measureNames(spec).map((m) => `coalesce(sum(${m}), 0) as ${m}`);
  const text =
    `select ${[...groupBy, ...sums].join(', ')} from (` +
    `select ${columns} from ${spec.figures} ${where} union all select ${columns} from ${spec.deltas} ${where}` +
    `) as f${groupBy.length > 0 ? ` group by ${groupBy.join(', ')} order by ${groupBy.join(', ')}` : ''}`;
  const result = await boundSql<Record<string, string | number>>(text, values).execute(db);
  return result.rows.map((row) => {
    const out: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(row)) out[k] = keys.has(k) ? String(v) : Number(v);
    return out;
  });
}
