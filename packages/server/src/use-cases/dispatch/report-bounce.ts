import type { Transaction } from 'kysely';
import { queueCaseEvent } from '../../channels/queue-case-event.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import { appendAudit } from '../access/audit.ts';

/** The dispatcher acting on its own: it records what servers told it, for the strategy to react. */
export function dispatcherActor(tenantId: string): Actor {
  return { tenantId, kind: 'system', id: 'dispatcher', role: 'admin', creditorId: null };
}

/**
 * A bounced e-mail, inside the transaction that records the failure or the report: the address is flagged
 * invalid and the case gets an `email_bounce` event (queued for today's run), so that the strategy's reaction
 * (e.g. switch to a letter) applies — all or nothing with the failure itself.
 */
export async function reportBounce(
  trx: Transaction<Database>,
  input: {
    readonly tenantId: string;
    readonly caseId: string;
    readonly contactId: string | null;
    readonly on: string;
    readonly now: string;
  },
): Promise<void> {
  const eventId = await queueCaseEvent(trx, {
    tenantId: input.tenantId,
    caseId: input.caseId,
    kind: 'email_bounce',
    on: input.on,
    data: input.contactId ? { contactId: input.contactId } : {},
    recordedBy: 'dispatcher',
    now: input.now,
  });
  if (input.contactId) {
    await trx
      .updateTable('contacts')
      .set({ validity: 'invalid', updated_at: input.now })
      .where('tenant_id', '=', input.tenantId)
      .where('contact_id', '=', input.contactId)
      .execute();
  }
  await appendAudit(trx, {
    tenantId: input.tenantId,
    at: input.now,
    actor: dispatcherActor(input.tenantId),
    action: 'case.event.email_bounce',
    entityKind: 'case',
    entityId: input.caseId,
    data: { eventId, on: input.on, ...(input.contactId ? { contactId: input.contactId } : {}) },
  });
}
