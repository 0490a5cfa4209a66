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
  | 'cases:act'
  | 'claims:place'
  | 'cases:hold'
  | 'reports:manage';

/**
 * The static role → permission map. admin: everything in its tenant; supervisor: portfolio and
 * imports, strategies and runs; agent: the portfolio, strategies read-only, and recording what happens on a case; client: read-only, and only its
 * creditor's portfolio (the scoping itself is done in the queries with `creditorScope`), placing its own claims
 * (`claims:place`: its imports only), holding or withdrawing its cases and managing its scheduled report.
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
    'cases:hold',
    'reports:manage',
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
    'cases:hold',
    'reports:manage',
  ],
  agent: ['portfolio:read', 'creditors:read', 'strategies:read', 'cases:act'],
  client: ['portfolio:read', 'creditors:read', 'claims:place', 'cases:hold', 'reports:manage'],
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

/**
 * What reading or running claim imports takes: `imports:read` / `imports:run` for the staff, `claims:place` for a
 * client (its own creditor's imports only; bank statements and e-invoices stay the staff's).
 */
export function claimImportPermission(actor: Actor, what: 'read' | 'run'): Permission {
  if (actor.role === 'client') return 'claims:place';
  return what === 'read' ? 'imports:read' : 'imports:run';
}

export const roles: readonly Role[] = ['admin', 'supervisor', 'agent', 'client'];
