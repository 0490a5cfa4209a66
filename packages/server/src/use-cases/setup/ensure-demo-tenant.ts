import type { Role } from '../../db/schema.ts';
import type { Deps } from '../../shared/deps.ts';
import { createTenant } from '../access/create-tenant.ts';
import { createUser } from '../access/create-user.ts';
import { ensureDemoMandates } from '../agency/demo-mandates.ts';
import { ensureCreditor } from '../imports/ensure-creditor.ts';
import { ensureDemoIdentities } from './demo/identities.ts';
import { setupActor } from './initialise-instance.ts';
import { demoCreditors } from './seed-demo-portfolio.ts';

export const demoTenantName = 'Démo Recouvrement';

/**
 * The one password of the demo accounts, printed by `relance demo` and `relance start`. The demo is
 * for trying Relance on one's own machine (the server listens on 127.0.0.1 by default).
 */
export const demoPassword = 'demo-relance-2026';

export type DemoAccount = {
  readonly email: string;
  readonly role: Role;
  readonly displayName: string;
  readonly password: string;
  /** For the client account: the creditor whose portfolio it sees. */
  readonly creditorRef: string | null;
};

export const demoAccounts: readonly DemoAccount[] = [
  {
    email: 'admin@demo.relance.test',
    role: 'admin',
    displayName: 'Alice Administratrice',
    password: demoPassword,
    creditorRef: null,
  },
  {
    email: 'supervisor@demo.relance.test',
    role: 'supervisor',
    displayName: 'Samir Superviseur',
    password: demoPassword,
    creditorRef: null,
  },
  {
    email: 'agent@demo.relance.test',
    role: 'agent',
    displayName: 'Agathe Agent',
    password: demoPassword,
    creditorRef: null,
  },
  {
    email: 'client@demo.relance.test',
    role: 'client',
    displayName: 'Hexagone Énergie (client)',
    password: demoPassword,
    creditorRef: demoCreditors[0]?.ref ?? null,
  },
];

export type DemoTenant = {
  readonly tenantId: string;
  readonly tenantName: string;
  /** True when this call made the tenant. */
  readonly created: boolean;
  readonly accounts: readonly DemoAccount[];
  readonly creditors: readonly { readonly ref: string; readonly name: string }[];
  /** Claims already in the tenant: 0 means the portfolio is still to be seeded. */
  readonly claimCount: number;
};

/**
 * The demo agency "Démo Recouvrement", its creditor clients and one account per role; makes only
 * what is missing, so it can run on every start. The tenant is found by its admin e-mail.
 */
export async function ensureDemoTenant(deps: Deps): Promise<DemoTenant> {
  const { db } = deps.database;
  const emails = demoAccounts.map((a) => a.email);
  const known = await db
    .selectFrom('users')
    .select(['tenant_id', 'email'])
    .where('email', 'in', emails)
    .execute();
  let tenantId = known[0]?.tenant_id;
  let created = false;
  if (tenantId === undefined) {
    const tenant = await createTenant(deps, { name: demoTenantName, kind: 'agency', locale: 'fr' });
    tenantId = tenant.id;
    created = true;
  }
  const actor = setupActor(tenantId);
  const creditorIds = new Map<string, string>();
  for (const c of demoCreditors) {
    const creditor = await ensureCreditor(deps, actor, {
      ref: c.ref,
      name: c.name,
      ...(c.siren ? { siren: c.siren } : {}),
      isProfessional: true,
    });
    creditorIds.set(c.ref, creditor.id);
  }
  await ensureDemoIdentities(deps, tenantId, creditorIds);
  await ensureDemoMandates(deps, tenantId, creditorIds);
  const existing = new Set(known.map((k) => k.email));
  for (const account of demoAccounts) {
    if (existing.has(account.email)) continue;
    const creditorId = account.creditorRef ? (creditorIds.get(account.creditorRef) ?? null) : null;
    if (account.role === 'client' && creditorId === null) continue;
    await createUser(deps, actor, {
      email: account.email,
      displayName: account.displayName,
      role: account.role,
      password: account.password,
      creditorId,
      locale: 'fr',
    });
  }
  const tenant = await db
    .selectFrom('tenants')
    .select('name')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  const claims = await db
    .selectFrom('claims')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return {
    tenantId,
    tenantName: tenant?.name ?? demoTenantName,
    created,
    accounts: demoAccounts,
    creditors: demoCreditors.map((c) => ({ ref: c.ref, name: c.name })),
    claimCount: Number(claims?.n ?? 0),
  };
}
