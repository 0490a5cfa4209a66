import { join } from 'node:path';
import {
  listMailbox,
  type MailboxEntry,
  type MailboxMessage,
  readMailboxMessage,
} from '../../channels/email/demo-mailbox.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { requirePermission } from '../access/permissions.ts';

export function mailboxDir(deps: Deps): string {
  return join(deps.dataDir, 'mailbox');
}

/** The demo mailbox's messages that the tenant's dispatcher sent (found by their X-Relance-Action). */
export async function listDemoMailbox(deps: Deps, actor: Actor): Promise<readonly MailboxEntry[]> {
  requirePermission(actor, 'strategies:read');
  const entries = await listMailbox(mailboxDir(deps));
  const ids = entries.flatMap((e) => (e.actionId ? [e.actionId] : []));
  if (ids.length === 0) return [];
  const ours = await deps.database.db
    .selectFrom('actions')
    .select('action_id')
    .where('tenant_id', '=', actor.tenantId)
    .where('action_id', 'in', ids)
    .execute();
  const own = new Set(ours.map((a) => a.action_id));
  return entries.filter((e) => e.actionId !== null && own.has(e.actionId));
}

/** One message of the tenant's, with its parts; null when there is none with that id. */
export async function readDemoMailboxMessage(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<MailboxMessage | null> {
  requirePermission(actor, 'strategies:read');
  const message = await readMailboxMessage(mailboxDir(deps), id);
  const own =
    message?.actionId &&
    (await deps.database.db
      .selectFrom('actions')
      .select('action_id')
      .where('tenant_id', '=', actor.tenantId)
      .where('action_id', '=', message.actionId)
      .executeTakeFirst());
  return message && own ? message : null;
}
