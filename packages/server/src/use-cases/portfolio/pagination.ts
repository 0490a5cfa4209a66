import { type RawBuilder, type SqlBool, sql } from 'kysely';

export type PageRequest = { readonly page?: number; readonly pageSize?: number };

export type Page<T> = {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
};

export const defaultPageSize = 50;
export const maxPageSize = 200;

/** 1-based page, size clamped to 1…200. */
export function pageWindow(request: PageRequest): { page: number; pageSize: number; offset: number } {
  const page = Math.max(1, Math.floor(request.page ?? 1));
  const pageSize = Math.min(maxPageSize, Math.max(1, Math.floor(request.pageSize ?? defaultPageSize)));
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** `%text%` for LIKE, with the wildcards of the text escaped (used with `escape '\'`). */
export function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type SortOrder = 'asc' | 'desc';

/** `column` contains `text`, case-insensitively, the same way on SQLite and PostgreSQL. */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like lower(${likePattern(text)}) escape '\\'`;
}
