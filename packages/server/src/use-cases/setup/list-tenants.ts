import type { Locale, TenantKind } from '../../db/schema.ts';
import type { Deps } from '../../shared/deps.ts';

export type TenantSummary = {
  readonly id: string;
  readonly name: string;
  readonly kind: TenantKind;
  readonly locale: Locale;
  readonly createdAt: string;
};

/** Every tenant of the installation, oldest first. Setup only (CLI): no HTTP route lists tenants. */
export async function listTenants(deps: Deps): Promise<readonly TenantSummary[]> {
  const rows = await deps.database.db
    .selectFrom('tenants')
    .select(['tenant_id', 'name', 'kind', 'locale', 'created_at'])
    .orderBy('created_at')
    .orderBy('tenant_id')
    .execute();
  return rows.map((r) => ({
    id: r.tenant_id,
    name: r.name,
    kind: r.kind,
    locale: r.locale,
    createdAt: r.created_at,
  }));
}
