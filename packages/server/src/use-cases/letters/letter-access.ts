import { DomainError } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';

/**
 * Letters and print batches concern the whole tenant's mail: agents, supervisors and admins read them;
 * supervisors and admins record posting, tracking and proofs, and build batches. Clients see none.
 */
export function requireLetterAccess(actor: Actor, access: 'read' | 'write'): void {
  const allowed = access === 'read' ? ['admin', 'supervisor', 'agent'] : ['admin', 'supervisor'];
  if (!allowed.includes(actor.role))
    throw new DomainError('forbidden', 'You are not allowed to do this.', { reason: `letters_${access}` });
}
