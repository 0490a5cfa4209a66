import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/schema.ts';

/** How long "next case" or opening a case keeps it for the agent; renewing extends it by as much. */
export const LOCK_MINUTES = 15;

export function lockUntil(now: string): string {
  return new Date(Date.parse(now) + LOCK_MINUTES * 60_000).toISOString();
}

const SEGMENTS: readonly string[] = ['b2b', 'b2c'];

/** An agent's routing: team, and the segments and languages among its skills (none listed = any). */
export type AgentRouting = {
  readonly team: string | null;
  readonly segments: readonly string[];
  readonly languages: readonly string[];
};

export function parseSkills(json: string): readonly string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

export async function routingOf(
  db: Db | Transaction<Database>,
  tenantId: string,
  userId: string,
): Promise<AgentRouting> {
  const user = await db
    .selectFrom('users')
    .select(['team', 'skills'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const skills = user ? parseSkills(user.skills) : [];
  return {
    team: user?.team ?? null,
    segments: skills.filter((s) => SEGMENTS.includes(s)),
    languages: skills.filter((s) => !SEGMENTS.includes(s)),
  };
}
