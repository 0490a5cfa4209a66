import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements kept per connection: the app's queries are a few hundred texts; the rest are dropped oldest first. */
const MAX_STATEMENTS = 1000;

/**
 * The SQLite connection as Kysely sees it, with its statements prepared once per SQL text. Kysely's SQLite
 * driver prepares every query anew, and each native statement then waits for V8's collector, which the
 * native memory does not prompt: a dispatcher sending thousands of messages (about thirty queries each)
 * grew by hundreds of megabytes, and preparing was a sixth of its time. A statement still being iterated
 * (a stream) is not handed out twice: the query gets a fresh one.
 */
export function cachingStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      const kept = statements.get(sql);
      if (kept && !kept.busy) return kept;
      const statement = sqlite.prepare(sql);
      if (kept) return statement;
      if (statements.size >= MAX_STATEMENTS) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
