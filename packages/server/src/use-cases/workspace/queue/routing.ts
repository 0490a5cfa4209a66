import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/schema.ts';
import type { Actor, AgentRouting } from '../../../shared/actor.ts';

/** How long "next case" or opening a case keeps it for the agent; renewing extends it by as much. */
export const LOCK_MINUTES = 15;

export function lockUntil(now: string): string {
  return new Date(Date.parse(now) + LOCK_MINUTES * 60_000).toISOString();
}

const SEGMENTS: readonly string[] = ['b2b', 'b2c'];

export function parseSkills(json: string): readonly string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

/** The routing of a user row's `team` and `skills` (JSON); no such user routes as no team, any skill. */
export function routingFrom(
  user: { readonly team: string | null; readonly skills: string } | undefined,
): AgentRouting {
  const skills = user ? parseSkills(user.skills) : [];
  return {
    team: user?.team ?? null,
    segments: skills.filter((s) => SEGMENTS.includes(s)),
    languages: skills.filter((s) => !SEGMENTS.includes(s)),
  };
}

/** The actor's routing: the one read with their session, else the user's row (an API key has none). */
export async function routingOf(db: Db | Transaction<Database>, actor: Actor): Promise<AgentRouting> {
  if (actor.routing) return actor.routing;
  const user = await db
    .selectFrom('users')
    .select(['team', 'skills'])
    .where('tenant_id', '=', actor.tenantId)
    .where('user_id', '=', actor.id)
    .executeTakeFirst();
  return routingFrom(user);
}
