import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { parseSkills } from './routing.ts';
import { requireSupervisor } from './supervisor.ts';

export type QueueAgent = {
  readonly id: string;
  readonly name: string;
  readonly role: 'agent' | 'supervisor';
  readonly team: string | null;
  readonly skills: readonly string[];
};

/**
 * The people a supervisor may give a call to: active agents and supervisors of the tenant, with their routing.
 * Its own route because the users list is the administrators' (it shows e-mails and roles of everyone).
 */
export async function listQueueAgents(deps: Deps, actor: Actor): Promise<readonly QueueAgent[]> {
  requireSupervisor(actor);
  const rows = await deps.database.db
    .selectFrom('users')
    .select(['user_id', 'display_name', 'role', 'team', 'skills'])
    .where('tenant_id', '=', actor.tenantId)
    .where('disabled_at', 'is', null)
    .where('role', 'in', ['agent', 'supervisor'])
    .orderBy('display_name')
    .orderBy('user_id')
    .execute();
  return rows.map((r) => ({
    id: r.user_id,
    name: r.display_name,
    role: r.role === 'supervisor' ? 'supervisor' : 'agent',
    team: r.team,
    skills: parseSkills(r.skills),
  }));
}
