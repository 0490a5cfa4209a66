import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { recordCaseEvent } from '../dunning/record-case-event.ts';

/** The dispatcher acting on its own: it records what servers told it, for the strategy to react. */
export function dispatcherActor(tenantId: string): Actor {
  return { tenantId, kind: 'system', id: 'dispatcher', role: 'admin', creditorId: null };
}

/**
 * A bounced e-mail: the address is flagged invalid and the case gets an `email_bounce` event, so that the
 * strategy's reaction (e.g. switch to a letter) applies at the next run.
 */
export async function reportBounce(
  deps: Deps,
  tenantId: string,
  caseId: string,
  contactId: string | null,
  on: string,
): Promise<void> {
  await recordCaseEvent(deps, dispatcherActor(tenantId), caseId, {
    kind: 'email_bounce',
    on,
    ...(contactId ? { contactId } : {}),
  });
}
