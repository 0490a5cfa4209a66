import { DomainError } from '@relance/core';
import type { Actor } from '../../../shared/actor.ts';

/** Assigning work and setting agents' routing is for supervisors and admins (not a static permission yet). */
export function requireSupervisor(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'supervisor') {
    throw new DomainError('forbidden', 'Only a supervisor or an admin may do this.', {
      reason: 'forbidden',
      permission: 'queue:supervise',
    });
  }
}
