import type { CaseEventKind } from '@relance/core';
import type { Transaction } from 'kysely';
import { newId } from '../db/ids.ts';
import type { Database } from '../db/schema.ts';

/**
 * Records, inside the caller's transaction, an event the strategy reacts to (a reply, an unanswered call, a
 * wrong number, a promise…) and queues the case for today's run — as `recordCaseEvent` does for a person,
 * but beside the channel's own state change and evidence entry (a webhook, a call outcome).
 */
export async function queueCaseEvent(
  trx: Transaction<Database>,
  input: {
    readonly tenantId: string;
    readonly caseId: string;
    readonly kind: CaseEventKind;
    readonly on: string;
    readonly data?: Readonly<Record<string, unknown>>;
    readonly recordedBy: string | null;
    readonly now: string;
  },
): Promise<string> {
  const eventId = newId();
  await trx
    .insertInto('case_events')
    .values({
      tenant_id: input.tenantId,
      event_id: eventId,
      case_id: input.caseId,
      kind: input.kind,
      occurred_on: input.on,
      data: JSON.stringify(input.data ?? {}),
      recorded_by: input.recordedBy,
      created_at: input.now,
      applied_run_id: null,
    })
    .execute();
  await trx
    .updateTable('cases')
    .set({ next_run_on: input.on })
    .where('tenant_id', '=', input.tenantId)
    .where('case_id', '=', input.caseId)
    .where((eb) => eb.or([eb('next_run_on', 'is', null), eb('next_run_on', '>', input.on)]))
    .execute();
  return eventId;
}
