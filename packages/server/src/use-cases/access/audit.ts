import type { Transaction } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';

type AuditEntry = {
  readonly tenantId: string;
  readonly at: string;
  readonly actor: Actor | null;
  readonly action: string;
  readonly entityKind: string;
  readonly entityId: string;
  readonly data?: Readonly<Record<string, unknown>>;
};

/** Appends an audit row inside the caller's transaction, beside the change it records. */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      tenant_id: entry.tenantId,
      audit_id: newId(),
      at: entry.at,
      actor_kind: entry.actor?.kind ?? 'system',
      actor_id: entry.actor?.id ?? null,
      action: entry.action,
      entity_kind: entry.entityKind,
      entity_id: entry.entityId,
      data: JSON.stringify(entry.data ?? {}),
    })
    .execute();
}
