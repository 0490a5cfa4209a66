import { type RawBuilder, sql } from 'kysely';

/**
 * SQL text built from the figures' definitions, with `:name` marks bound as parameters: the text is ours,
 * the values (tenant and creditor ids) are never written into it.
 */
export function boundSql<T = unknown>(text: string, values: Readonly<Record<string, string>>): RawBuilder<T> {
  const parts = text.split(/:([a-z_][a-z0-9_]*)\b/);
  const pieces: RawBuilder<unknown>[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      if (part) pieces.push(sql.raw(part));
      return;
    }
    const value = values[part];
    if (value === undefined) throw new Error(`No value for :${part} in figures SQL`);
    pieces.push(sql`${value}`);
  });
  return sql<T>`${sql.join(pieces, sql.raw(''))}`;
}
