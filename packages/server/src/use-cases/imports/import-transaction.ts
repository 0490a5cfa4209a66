import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import type pg from 'pg';
import type { DatabaseHandle } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

/**
 * Runs an import in one transaction. On PostgreSQL the transaction gets a connection of its own, reached
 * both through Kysely and as the raw client: claims are streamed with COPY, which only the raw client can
 * send, and which must run inside the same transaction as everything else.
 */
export async function inImportTransaction<T>(
  database: DatabaseHandle,
  work: (trx: Transaction<Database>, client: pg.PoolClient | null) => Promise<T>,
): Promise<T> {
  const raw = database.raw;
  if (raw.kind === 'sqlite') return database.db.transaction().execute((trx) => work(trx, null));
  const client = await raw.pool.connect();
  let failed = false;
  try {
    // Kysely over this one connection: its "pool" lends the same client every time and never closes it.
    const lent = { query: client.query.bind(client), release: () => {} };
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: { connect: async () => lent, end: async () => {}, options: {} } }),
    });
    return await db.transaction().execute((trx) => work(trx, client));
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // After a failure the connection may be mid-protocol (an aborted COPY): it is closed, not reused.
    client.release(failed);
  }
}
