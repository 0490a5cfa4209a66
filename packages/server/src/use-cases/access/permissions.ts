import { DomainError } from '@relance/core';
import type { Role } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';

/** What an actor may do. Checked by the use cases (and, for defence in depth, by some routes). */
export type Permission =
  | 'portfolio:read'
  | 'portfolio:write'
  | 'creditors:read'
  | 'imports:read'
  | 'imports:run'
  | 'users:manage'
  | 'api_keys:manage'
  | 'strategies:read'
  | 'strategies:write'
  | 'runs:run'
  | 'cases:act';

/**
 * The static role → permission map. admin: everything in its tenant; supervisor: portfolio and
 * imports, strategies and runs; agent: the portfolio, strategies read-only, and recording what happens on a case; client: read-only, and only its
 * creditor's portfolio (the scoping itself is done in the queries with `creditorScope`).
 */
const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [
    'portfolio:read',
    'portfolio:write',
    'creditors:read',
    'imports:read',
    'imports:run',
    'users:manage',
    'api_keys:manage',
    'strategies:read',
    'strategies:write',
    'runs:run',
    'cases:act',
  ],
  supervisor: [
    'portfolio:read',
    'portfolio:write',
    'creditors:read',
    'imports:read',
    'imports:run',
    'strategies:read',
    'strategies:write',
    'runs:run',
    'cases:act',
  ],
  agent: ['portfolio:read', 'creditors:read', 'strategies:read', 'cases:act'],
  client: ['portfolio:read', 'creditors:read'],
};

export function can(actor: Actor, permission: Permission): boolean {
  return rolePermissions[actor.role].includes(permission);
}

/** Throws `forbidden` unless the actor holds the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new DomainError('forbidden', 'You are not allowed to do this.', {
      reason: 'forbidden',
      permission,
    });
  }
}

export const roles: readonly Role[] = ['admin', 'supervisor', 'agent', 'client'];
