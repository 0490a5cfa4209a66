import type { Role } from '../db/schema.ts';

/**
 * Who is acting. Every use case takes one and scopes every query by `tenantId`;
 * a `client` actor is further limited to its own creditor's portfolio.
 */
export type Actor = {
  readonly tenantId: string;
  readonly kind: 'user' | 'api_key' | 'cli' | 'system';
  /** user_id, api_key_id, or a label for cli/system. */
  readonly id: string;
  readonly role: Role;
  /** Set for role 'client': the only creditor it may see. */
  readonly creditorId: string | null;
  /**
   * A signed-in user's routing in the call queue, read with their session at each request (so a
   * supervisor's change applies at the next one). Absent for keys, the CLI and system actors, and for
   * users whose actor was built otherwise: "next case" then reads it from `users`.
   */
  readonly routing?: AgentRouting;
};

/** An agent's routing: team, and the segments and languages among its skills (none listed = any). */
export type AgentRouting = {
  readonly team: string | null;
  readonly segments: readonly string[];
  readonly languages: readonly string[];
};

/** The creditor an actor is restricted to, or null when it may see the whole tenant. */
export function creditorScope(actor: Actor): string | null {
  return actor.role === 'client' ? actor.creditorId : null;
}
