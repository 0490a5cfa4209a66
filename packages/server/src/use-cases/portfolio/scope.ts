import { DomainError } from '@relance/core';
import { type Actor, creditorScope } from '../../shared/actor.ts';
import type { Permission } from '../access/permissions.ts';
import { requirePermission } from '../access/permissions.ts';

export type Scope = {
  readonly tenantId: string;
  /** The only creditor visible (clients), or null for the whole tenant. */
  readonly creditorId: string | null;
};

/**
 * Checks the permission and returns what the actor may see. A client without a creditor sees
 * nothing rather than everything: `creditorScope` alone would give null, i.e. the whole tenant.
 */
export function readScope(actor: Actor, permission: Permission = 'portfolio:read'): Scope {
  requirePermission(actor, permission);
  if (actor.role === 'client' && actor.creditorId === null) {
    throw new DomainError('forbidden', 'This client account is not tied to a creditor.', {
      reason: 'client_without_creditor',
    });
  }
  return { tenantId: actor.tenantId, creditorId: creditorScope(actor) };
}

/** Never an id (ids are UUIDs): filtering on it finds nothing, on both engines. */
const outOfScope = 'out-of-scope';

/** Finds nothing rather than everything when asked for another creditor than the client's own. */
export function creditorFilter(scope: Scope, requested: string | undefined): string | undefined {
  if (scope.creditorId === null) return requested;
  return requested === undefined || requested === scope.creditorId ? scope.creditorId : outOfScope;
}
