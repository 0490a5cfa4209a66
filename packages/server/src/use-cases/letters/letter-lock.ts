import { PostgresAdapter, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Serialises the tenant's letter bookkeeping (numbering, the print batch) for the rest of the transaction:
 * a transaction-scoped advisory lock on PostgreSQL; SQLite has a single writer.
 */
export async function lockTenantLetters(trx: Transaction<Database>, tenantId: string): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext(${`letters:${tenantId}`}))`.execute(trx);
}
