import { DomainError } from '@relance/core';
import type { Locale, Role, TenantKind } from '../../db/schema.ts';
import { type Actor, creditorScope } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { parseSkills } from '../workspace/queue/routing.ts';

export type CurrentActor = {
  readonly kind: Actor['kind'];
  readonly id: string;
  /** The user's display name, or the API key's name. */
  readonly name: string;
  readonly email: string | null;
  readonly role: Role;
  readonly locale: Locale;
  readonly tenant: { readonly id: string; readonly name: string; readonly kind: TenantKind };
  /** The creditor a client is limited to; null when the actor sees the whole tenant. */
  readonly creditor: { readonly id: string; readonly ref: string; readonly name: string } | null;
  /** The team whose queue the user works (null: none, and always for keys): what "next case" routes by. */
  readonly team: string | null;
  /** Segments ('b2b', 'b2c') and languages the user is routed to; empty: any (and always for keys). */
  readonly skills: readonly string[];
};

/** Who the caller is, for the "me" screen: user or key, role, tenant, creditor scope, team and skills. */
export async function getCurrentActor(deps: Deps, actor: Actor): Promise<CurrentActor> {
  const db = deps.database.db;
  const tenant = await db
    .selectFrom('tenants')
    .select(['tenant_id', 'name', 'kind', 'locale'])
    .where('tenant_id', '=', actor.tenantId)
    .executeTakeFirst();
  if (!tenant) throw new DomainError('not_found', 'Tenant not found.', { reason: 'tenant_not_found' });

  let name: string = actor.id;
  let email: string | null = null;
  let locale: Locale = tenant.locale;
  let team: string | null = null;
  let skills: readonly string[] = [];
  if (actor.kind === 'user') {
    const user = await db
      .selectFrom('users')
      .select(['display_name', 'email', 'locale', 'team', 'skills'])
      .where('tenant_id', '=', actor.tenantId)
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    if (user) {
      ({ display_name: name, email, locale, team } = user);
      skills = parseSkills(user.skills);
    }
  } else if (actor.kind === 'api_key') {
    const key = await db
      .selectFrom('api_keys')
      .select('name')
      .where('tenant_id', '=', actor.tenantId)
      .where('api_key_id', '=', actor.id)
      .executeTakeFirst();
    if (key) name = key.name;
  }

  const scope = creditorScope(actor);
  const creditor =
    scope === null
      ? undefined
      : await db
          .selectFrom('creditors')
          .select(['creditor_id', 'ref', 'name'])
          .where('tenant_id', '=', actor.tenantId)
          .where('creditor_id', '=', scope)
          .executeTakeFirst();
  return {
    kind: actor.kind,
    id: actor.id,
    name,
    email,
    role: actor.role,
    locale,
    tenant: { id: tenant.tenant_id, name: tenant.name, kind: tenant.kind },
    creditor: creditor ? { id: creditor.creditor_id, ref: creditor.ref, name: creditor.name } : null,
    team,
    skills,
  };
}
