import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { routingFrom } from '../workspace/queue/routing.ts';
import { sha256Hex } from './tokens.ts';

/**
 * The actor behind a session token, or null when the session is unknown, expired or its user disabled.
 * The user's routing in the call queue comes in the same read: "next case" need not ask for it again.
 */
export async function authenticateSession(deps: Deps, token: string): Promise<Actor | null> {
  if (token === '') return null;
  const row = await deps.database.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', (j) =>
      j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.user_id', '=', 's.user_id'),
    )
    .select([
      'u.tenant_id',
      'u.user_id',
      'u.role',
      'u.creditor_id',
      'u.disabled_at',
      'u.team',
      'u.skills',
      's.expires_at',
    ])
    .where('s.session_id', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.disabled_at !== null || row.expires_at <= deps.clock.now()) return null;
  return {
    tenantId: row.tenant_id,
    kind: 'user',
    id: row.user_id,
    role: row.role,
    creditorId: row.creditor_id,
    routing: routingFrom(row),
  };
}
