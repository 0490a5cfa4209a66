import type { Locale, TenantKind } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { createTenant } from '../access/create-tenant.ts';
import { createUser } from '../access/create-user.ts';
import { listTenants, type TenantSummary } from './list-tenants.ts';
import { randomPassword } from './random-password.ts';

export type InitialiseInput = {
  readonly tenantName: string;
  readonly tenantKind: TenantKind;
  readonly adminEmail: string;
  /** When absent, a random password is made and returned once. */
  readonly adminPassword?: string | undefined;
  readonly locale: Locale;
};

export type InitialiseResult =
  | {
      readonly kind: 'initialised';
      readonly tenant: TenantSummary;
      readonly admin: { readonly email: string; readonly password: string; readonly generated: boolean };
    }
  | { readonly kind: 'already_initialised'; readonly tenants: readonly TenantSummary[] };

/**
 * First start of an installation: the first tenant and its administrator. Idempotent: once a tenant
 * exists it changes nothing and says so (more tenants and users are added with their own commands).
 */
export async function initialiseInstance(deps: Deps, input: InitialiseInput): Promise<InitialiseResult> {
  const existing = await listTenants(deps);
  if (existing.length > 0) return { kind: 'already_initialised', tenants: existing };
  const tenant = await createTenant(deps, {
    name: input.tenantName,
    kind: input.tenantKind,
    locale: input.locale,
  });
  const generated = input.adminPassword === undefined || input.adminPassword === '';
  const password = generated ? randomPassword() : (input.adminPassword ?? '');
  await createUser(deps, setupActor(tenant.id), {
    email: input.adminEmail,
    displayName: input.locale === 'fr' ? 'Administrateur' : 'Administrator',
    role: 'admin',
    password,
    locale: input.locale,
  });
  return {
    kind: 'initialised',
    tenant: {
      id: tenant.id,
      name: tenant.name,
      kind: tenant.kind,
      locale: tenant.locale,
      createdAt: tenant.createdAt,
    },
    admin: { email: input.adminEmail.trim().toLowerCase(), password, generated },
  };
}

/** The installation itself acting on a tenant it has just made (recorded as 'cli' in the audit log). */
export function setupActor(tenantId: string): Actor {
  return { tenantId, kind: 'cli', id: 'setup', role: 'admin', creditorId: null };
}
