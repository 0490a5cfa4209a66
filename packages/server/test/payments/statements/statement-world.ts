import { newId } from '../../../src/db/ids.ts';
import type { Db } from '../../../src/db/schema.ts';
import type { Actor } from '../../../src/shared/actor.ts';
import { now } from '../../http/support.ts';

/** An empty tenant (no users, no cases): enough to import a statement into. */
export async function emptyTenant(db: Db, name: string): Promise<string> {
  const tenantId = newId();
  await db
    .insertInto('tenants')
    .values({ tenant_id: tenantId, name, kind: 'creditor', locale: 'fr', created_at: now })
    .execute();
  return tenantId;
}

/** The CLI's actor on a tenant: an administrator. */
export function adminOf(tenantId: string): Actor {
  return { tenantId, kind: 'cli', id: 'cli', role: 'admin', creditorId: null };
}

export async function countRows(
  db: Db,
  table: 'statement_lines' | 'statement_imports' | 'payments' | 'evidence' | 'audit_log',
  tenantId: string,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
