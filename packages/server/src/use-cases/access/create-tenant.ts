import { DomainError } from '@relance/core';
import { newId } from '../../db/ids.ts';
import type { Locale, TenantKind } from '../../db/schema.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from './audit.ts';

export type CreateTenantInput = {
  readonly name: string;
  readonly kind: TenantKind;
  readonly locale: Locale;
};

export type TenantView = {
  readonly id: string;
  readonly name: string;
  readonly kind: TenantKind;
  readonly locale: Locale;
  readonly createdAt: string;
};

/** A new, empty tenant. Run by the CLI (setup) — there is no HTTP route that creates tenants. */
export async function createTenant(deps: Deps, input: CreateTenantInput): Promise<TenantView> {
  const name = input.name.trim();
  if (name === '') {
    throw new DomainError('invalid_input', 'The tenant needs a name.', { reason: 'tenant_name_required' });
  }
  const tenant: TenantView = {
    id: newId(),
    name,
    kind: input.kind,
    locale: input.locale,
    createdAt: deps.clock.now(),
  };
  await deps.database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('tenants')
      .values({
        tenant_id: tenant.id,
        name: tenant.name,
        kind: tenant.kind,
        locale: tenant.locale,
        created_at: tenant.createdAt,
      })
      .execute();
    await appendAudit(trx, {
      tenantId: tenant.id,
      at: tenant.createdAt,
      actor: null,
      action: 'tenant.created',
      entityKind: 'tenant',
      entityId: tenant.id,
      data: { name: tenant.name, kind: tenant.kind },
    });
  });
  return tenant;
}
