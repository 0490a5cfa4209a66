import type { Compilable, Transaction } from 'kysely';
import type { RawDriver } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

type Sqlite = Extract<RawDriver, { kind: 'sqlite' }>['sqlite'];
const caches = new WeakMap<Sqlite, Map<string, ReturnType<Sqlite['prepare']>>>();

/**
 * Runs a Kysely query; on SQLite through a prepared statement kept per SQL text. Kysely's SQLite driver
 * prepares every query anew, and the native statements then wait for V8's garbage collector: over the
 * thousand batches of a million-case run that is hundreds of megabytes outside the heap. The run's
 * queries keep one text whatever the batch (ids go in one JSON parameter), so each is prepared once.
 */
export async function cachedRows<R>(
  trx: Transaction<Database>,
  raw: RawDriver,
  query: Compilable<R>,
): Promise<R[]> {
  const compiled = query.compile();
  if (raw.kind !== 'sqlite') return (await trx.executeQuery(compiled)).rows as R[];
  let cache = caches.get(raw.sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(raw.sqlite, cache);
  }
  let statement = cache.get(compiled.sql);
  if (!statement) {
    statement = raw.sqlite.prepare(compiled.sql);
    cache.set(compiled.sql, statement);
  }
  return statement.all(compiled.parameters as unknown[]) as R[];
}
