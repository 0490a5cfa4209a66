import { DomainError, isRate } from '@relance/core';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { newId } from '../../db/ids.ts';
import type { OutsideAgenciesTable } from '../../db/schema-agency.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';
import { readScope } from '../portfolio/scope.ts';

export type OutsideAgency = {
  readonly agencyId: string;
  readonly key: string;
  readonly name: string;
  readonly legalId: string | null;
  readonly email: string | null;
  /** Percent of what it collects, as an exact decimal ("18.5"), and the VAT on it. */
  readonly commissionRate: string;
  readonly vatRate: string;
  /** Its weight when a hand-over splits cases between several agencies (0: only when named alone). */
  readonly share: number;
  readonly active: boolean;
};

const rate = z.string().trim().refine(isRate, 'a percent such as "15" or "12.5"');

export const outsideAgencySchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and hyphens'),
  name: z.string().trim().min(1).max(200),
  legalId: z.string().trim().max(40).nullable().default(null),
  email: z.email().nullable().default(null),
  commissionRate: rate,
  vatRate: rate.default('20'),
  share: z.number().int().min(0).max(100).default(1),
  active: z.boolean().default(true),
});

/** The agencies the tenant hands cases to, by name. */
export async function listOutsideAgencies(deps: Deps, actor: Actor): Promise<readonly OutsideAgency[]> {
  const scope = readScope(actor);
  const rows = await deps.database.db
    .selectFrom('outside_agencies')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .orderBy('name')
    .execute();
  return rows.map(viewOf);
}

/**
 * Registers an agency or changes one, by its key (supervisors and admins; audited with what it was). Its key
 * is what strategies name it by; changing its terms never changes a fee already reported.
 */
export async function saveOutsideAgency(deps: Deps, actor: Actor, input: unknown): Promise<OutsideAgency> {
  requirePermission(actor, 'strategies:write');
  const parsed = outsideAgencySchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError('invalid_input', 'The agency is not well formed.', {
      reason: 'outside_agency_invalid',
      fields: parsed.error.issues.map((i) => i.path.map(String).join('.')),
    });
  }
  const value = parsed.data;
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('outside_agencies')
      .selectAll()
      .where('tenant_id', '=', actor.tenantId)
      .where('key', '=', value.key)
      .executeTakeFirst();
    const columns = {
      name: value.name,
      legal_id: value.legalId,
      email: value.email,
      commission_rate: value.commissionRate,
      vat_rate: value.vatRate,
      share: value.share,
      active: value.active ? 1 : 0,
      updated_at: now,
    };
    const agencyId = before?.agency_id ?? newId();
    if (before) {
      await trx
        .updateTable('outside_agencies')
        .set(columns)
        .where('tenant_id', '=', actor.tenantId)
        .where('agency_id', '=', agencyId)
        .execute();
    } else {
      await trx
        .insertInto('outside_agencies')
        .values({
          tenant_id: actor.tenantId,
          agency_id: agencyId,
          key: value.key,
          ...columns,
          created_at: now,
        })
        .execute();
    }
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'outside_agency.saved',
      entityKind: 'outside_agency',
      entityId: agencyId,
      data: { before: before ? viewOf(before) : null, after: value },
    });
    const row = await trx
      .selectFrom('outside_agencies')
      .selectAll()
      .where('tenant_id', '=', actor.tenantId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirstOrThrow();
    return viewOf(row);
  });
}

export function viewOf(row: Selectable<OutsideAgenciesTable>): OutsideAgency {
  return {
    agencyId: row.agency_id,
    key: row.key,
    name: row.name,
    legalId: row.legal_id,
    email: row.email,
    commissionRate: row.commission_rate,
    vatRate: row.vat_rate,
    share: Number(row.share),
    active: Number(row.active) === 1,
  };
}
