import { DomainError } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import { creditorScope } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';
import {
  type CreditorDetails,
  creditorDetailsSchema,
  DEFAULT_ACTIVITY_STATEMENT,
  type TenantIdentity,
  tenantIdentitySchema,
} from './identity-schemas.ts';

const IDENTITY = 'identity';

export type IdentityView = {
  readonly kind: 'creditor' | 'agency';
  /** Null until someone fills it in; letters then print the tenant's name only. */
  readonly identity: TenantIdentity | null;
};

/** The tenant's identity as printed on its letters and e-mails. */
export async function getTenantIdentity(deps: Deps, actor: Actor): Promise<IdentityView> {
  requirePermission(actor, 'creditors:read');
  const db = deps.database.db;
  const [tenant, row] = await Promise.all([
    db.selectFrom('tenants').select('kind').where('tenant_id', '=', actor.tenantId).executeTakeFirstOrThrow(),
    db
      .selectFrom('tenant_settings')
      .select('value')
      .where('tenant_id', '=', actor.tenantId)
      .where('key', '=', IDENTITY)
      .executeTakeFirst(),
  ]);
  const parsed = row ? tenantIdentitySchema.safeParse(JSON.parse(row.value)) : null;
  return { kind: tenant.kind, identity: parsed?.success ? parsed.data : null };
}

/**
 * Replaces the tenant's identity (admin only: it holds the account debtors pay into). An agency must give
 * its dedicated account (R124-2) and states its amicable-collection activity (R124-4 1°; a default
 * sentence when left empty).
 */
export async function setTenantIdentity(deps: Deps, actor: Actor, input: unknown): Promise<IdentityView> {
  requirePermission(actor, 'users:manage');
  const db = deps.database.db;
  const parsed = tenantIdentitySchema.safeParse(await keepParticulars(deps, actor.tenantId, input));
  if (!parsed.success) throw invalid(parsed.error.issues);
  const tenant = await db
    .selectFrom('tenants')
    .select(['kind', 'locale'])
    .where('tenant_id', '=', actor.tenantId)
    .executeTakeFirstOrThrow();
  let identity = parsed.data;
  if (tenant.kind === 'agency') {
    if (!identity.iban) {
      throw invalid([
        {
          path: ['iban'],
          message:
            'Une agence doit indiquer son compte dédié (R124-2) / an agency must give its dedicated account (R124-2)',
        },
      ]);
    }
    identity = {
      ...identity,
      activityStatement: identity.activityStatement ?? DEFAULT_ACTIVITY_STATEMENT[tenant.locale],
    };
  }
  const now = deps.clock.now();
  const value = JSON.stringify(identity);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('tenant_settings')
      .values({
        tenant_id: actor.tenantId,
        key: IDENTITY,
        value,
        version: 1,
        updated_by: actor.id,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'key']).doUpdateSet((eb) => ({
          value,
          version: eb(eb.ref('tenant_settings.version'), '+', 1),
          updated_by: actor.id,
          updated_at: now,
        })),
      )
      .execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'identity.saved',
      entityKind: 'settings',
      entityId: IDENTITY,
      data: { identity },
    });
  });
  return { kind: tenant.kind, identity };
}

/** The agency particulars added later (insurance, declaration: R124-2), as stored. */
const PARTICULARS = ['insurer', 'insurancePolicy', 'declarationCourt', 'declarationDate'] as const;

/**
 * An identity saved by a client that does not know the agency particulars (an older form) keeps the stored
 * ones: a field left out is not a field emptied. A field sent as null or '' empties it.
 */
async function keepParticulars(deps: Deps, tenantId: string, input: unknown): Promise<unknown> {
  if (typeof input !== 'object' || input === null || PARTICULARS.every((k) => k in input)) return input;
  const row = await deps.database.db
    .selectFrom('tenant_settings')
    .select('value')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', IDENTITY)
    .executeTakeFirst();
  const stored = row ? (JSON.parse(row.value) as Record<string, unknown>) : {};
  const kept = Object.fromEntries(
    PARTICULARS.filter((k) => !(k in input) && k in stored).map((k) => [k, stored[k]]),
  );
  return { ...kept, ...input };
}

/** A creditor's letterhead and bank details. */
export async function getCreditorDetails(
  deps: Deps,
  actor: Actor,
  creditorId: string,
): Promise<CreditorDetails | null> {
  requirePermission(actor, 'creditors:read');
  const row = await findCreditor(deps, actor, creditorId);
  if (!row.details) return null;
  const parsed = creditorDetailsSchema.safeParse(JSON.parse(row.details));
  return parsed.success ? parsed.data : null;
}

/** Replaces a creditor's details (audited, with the previous value). */
export async function setCreditorDetails(
  deps: Deps,
  actor: Actor,
  creditorId: string,
  input: unknown,
): Promise<CreditorDetails> {
  requirePermission(actor, 'users:manage');
  const parsed = creditorDetailsSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const before = await findCreditor(deps, actor, creditorId);
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('creditors')
      .set({ details: JSON.stringify(parsed.data), updated_at: now })
      .where('tenant_id', '=', actor.tenantId)
      .where('creditor_id', '=', creditorId)
      .execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'creditor.details_saved',
      entityKind: 'creditor',
      entityId: creditorId,
      data: { before: before.details ? (JSON.parse(before.details) as unknown) : null, after: parsed.data },
    });
  });
  return parsed.data;
}

async function findCreditor(deps: Deps, actor: Actor, creditorId: string) {
  const scope = creditorScope(actor);
  const row = await deps.database.db
    .selectFrom('creditors')
    .select(['creditor_id', 'details'])
    .where('tenant_id', '=', actor.tenantId)
    .where('creditor_id', '=', creditorId)
    .$if(scope !== null, (q) => q.where('creditor_id', '=', scope ?? ''))
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Creditor not found.', { reason: 'creditor_not_found' });
  return row;
}

function invalid(issues: readonly { path: readonly PropertyKey[]; message: string }[]): DomainError {
  return new DomainError(
    'invalid_input',
    `Invalid details: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    {
      reason: 'invalid_identity',
      issues: issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    },
  );
}
