import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { requirePermission } from './permissions.ts';
import { toUserView, type UserView, userColumns } from './users.ts';

/** The users of the actor's tenant (admins only), by e-mail. */
export async function listUsers(deps: Deps, actor: Actor): Promise<readonly UserView[]> {
  requirePermission(actor, 'users:manage');
  const rows = await deps.database.db
    .selectFrom('users')
    .select(userColumns)
    .where('tenant_id', '=', actor.tenantId)
    .orderBy('email')
    .execute();
  return rows.map(toUserView);
}
