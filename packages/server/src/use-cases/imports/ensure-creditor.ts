import { DomainError, isValidSiren, normalizeSiren } from '@relance/core';
import { newId } from '../../db/ids.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';

export type EnsureCreditorInput = {
  readonly ref: string;
  readonly name: string;
  readonly siren?: string | undefined;
  /** A professional creditor (the default): claims against consumers prescribe in 2 years. */
  readonly isProfessional?: boolean | undefined;
  readonly country?: string | undefined;
  readonly currency?: string | undefined;
};

export type CreditorView = {
  readonly id: string;
  readonly ref: string;
  readonly name: string;
  readonly siren: string | null;
  readonly isProfessional: boolean;
  readonly currency: string;
  /** False when it already existed (then it is returned as it is, unchanged). */
  readonly created: boolean;
};

/**
 * The creditor with this ref in the actor's tenant, created when absent. Used by the setup, the demo and
 * the CLI before an import (an import never creates creditors).
 */
export async function ensureCreditor(
  deps: Deps,
  actor: Actor,
  input: EnsureCreditorInput,
): Promise<CreditorView> {
  requirePermission(actor, 'imports:run');
  const ref = input.ref.trim();
  const name = input.name.trim();
  if (ref === '' || name === '') {
    throw new DomainError('invalid_input', 'A creditor needs a reference and a name.', {
      reason: 'creditor_incomplete',
    });
  }
  const siren = input.siren === undefined || input.siren.trim() === '' ? null : normalizeSiren(input.siren);
  if (input.siren !== undefined && input.siren.trim() !== '' && (siren === null || !isValidSiren(siren))) {
    throw new DomainError('invalid_input', `Invalid SIREN: ${input.siren}`, { reason: 'invalid_siren' });
  }
  const currency = (input.currency ?? 'EUR').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new DomainError('invalid_input', `Not a currency code: ${input.currency}`, {
      reason: 'invalid_currency',
    });
  }
  return deps.database.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('creditors')
      .select(['creditor_id', 'ref', 'name', 'siren', 'is_professional', 'currency'])
      .where('tenant_id', '=', actor.tenantId)
      .where('ref', '=', ref)
      .executeTakeFirst();
    if (existing) {
      return {
        id: existing.creditor_id,
        ref: existing.ref,
        name: existing.name,
        siren: existing.siren,
        isProfessional: existing.is_professional !== 0,
        currency: existing.currency,
        created: false,
      };
    }
    const now = deps.clock.now();
    const creditor: CreditorView = {
      id: newId(),
      ref,
      name,
      siren,
      isProfessional: input.isProfessional ?? true,
      currency,
      created: true,
    };
    await trx
      .insertInto('creditors')
      .values({
        tenant_id: actor.tenantId,
        creditor_id: creditor.id,
        ref,
        name,
        siren,
        is_professional: creditor.isProfessional ? 1 : 0,
        country: (input.country ?? 'FR').toUpperCase(),
        currency,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'creditor.created',
      entityKind: 'creditor',
      entityId: creditor.id,
      data: { ref, name },
    });
    return creditor;
  });
}
