import { DomainError } from '@relance/core';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { parseSkills } from './routing.ts';
import { requireSupervisor } from './supervisor.ts';

export type UserRouting = {
  readonly userId: string;
  readonly team: string | null;
  readonly skills: readonly string[];
};

/** Every user's team and skills in the tenant (merged into the users list), by user id. */
export async function listUserRouting(deps: Deps, actor: Actor): Promise<ReadonlyMap<string, UserRouting>> {
  const rows = await deps.database.db
    .selectFrom('users')
    .select(['user_id', 'team', 'skills'])
    .where('tenant_id', '=', actor.tenantId)
    .execute();
  return new Map(
    rows.map((r) => [r.user_id, { userId: r.user_id, team: r.team, skills: parseSkills(r.skills) }]),
  );
}

/** The caller's own routing (what "next case" will take for them). */
export async function getMyRouting(deps: Deps, actor: Actor): Promise<UserRouting> {
  const routing = (await listUserRouting(deps, actor)).get(actor.id);
  return routing ?? { userId: actor.id, team: null, skills: [] };
}

/**
 * A supervisor sets an agent's team (null: none) and skills (segments 'b2b'/'b2c' and languages; empty:
 * any). Only the fields given change.
 */
export async function setUserRouting(
  deps: Deps,
  actor: Actor,
  userId: string,
  input: { readonly team?: string | null | undefined; readonly skills?: readonly string[] | undefined },
): Promise<UserRouting> {
  requireSupervisor(actor);
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['team', 'skills'])
      .where('tenant_id', '=', actor.tenantId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!user) throw new DomainError('not_found', 'User not found.', { reason: 'user_not_found' });
    const team = input.team === undefined ? user.team : input.team;
    const skills = input.skills === undefined ? parseSkills(user.skills) : [...new Set(input.skills)].sort();
    await trx
      .updateTable('users')
      .set({ team, skills: JSON.stringify(skills) })
      .where('tenant_id', '=', actor.tenantId)
      .where('user_id', '=', userId)
      .execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'user.routing_changed',
      entityKind: 'user',
      entityId: userId,
      data: { team, skills },
    });
    return { userId, team, skills };
  });
}
