import { DomainError, type MandateTerms } from '@relance/core';
import type { Selectable } from 'kysely';
import type { MandatesTable } from '../../db/schema-agency.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';
import { readScope } from '../portfolio/scope.ts';
import { ensureStrategies } from '../strategies/strategy-book.ts';
import { parseMandateTerms, rowOfTerms, termsOfRow } from './mandate-terms.ts';

export type MandateView = {
  readonly creditor: { readonly id: string; readonly ref: string; readonly name: string };
  readonly terms: MandateTerms;
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
};

/** The agency's mandates, one per client that has one (a client user sees its own creditor's). */
export async function listMandates(deps: Deps, actor: Actor): Promise<readonly MandateView[]> {
  const scope = readScope(actor, 'creditors:read');
  const rows = await deps.database.db
    .selectFrom('mandates as m')
    .innerJoin('creditors as c', (j) =>
      j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.creditor_id', '=', 'm.creditor_id'),
    )
    .selectAll('m')
    .select(['c.ref', 'c.name'])
    .where('m.tenant_id', '=', scope.tenantId)
    .$if(scope.creditorId !== null, (q) => q.where('m.creditor_id', '=', scope.creditorId ?? ''))
    .orderBy('c.ref')
    .execute();
  return rows.map((row) => viewOf(row, { id: row.creditor_id, ref: row.ref, name: row.name }));
}

/**
 * Replaces a client's mandate (admin; audited with the previous terms). Only an agency has mandates: a
 * creditor collecting its own invoices is outside R124 and is refused. The strategies named must exist.
 * Payments already booked keep the commission computed with the terms then in force.
 */
export async function setMandate(
  deps: Deps,
  actor: Actor,
  creditorId: string,
  input: unknown,
): Promise<MandateView> {
  requirePermission(actor, 'users:manage');
  const terms = parseMandateTerms(input);
  const db = deps.database.db;
  const now = deps.clock.now();
  const [tenant, creditor] = await Promise.all([
    db.selectFrom('tenants').select('kind').where('tenant_id', '=', actor.tenantId).executeTakeFirstOrThrow(),
    db
      .selectFrom('creditors')
      .select(['creditor_id', 'ref', 'name'])
      .where('tenant_id', '=', actor.tenantId)
      .where('creditor_id', '=', creditorId)
      .executeTakeFirst(),
  ]);
  if (!creditor) throw new DomainError('not_found', 'Creditor not found.', { reason: 'creditor_not_found' });
  if (tenant.kind !== 'agency') {
    throw new DomainError('conflict', 'Only an agency works under mandates.', { reason: 'not_an_agency' });
  }
  await checkStrategies(deps, actor.tenantId, terms.allowedStrategies, now);
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('mandates')
      .selectAll()
      .where('tenant_id', '=', actor.tenantId)
      .where('creditor_id', '=', creditorId)
      .executeTakeFirst();
    const columns = { ...rowOfTerms(terms), updated_at: now, updated_by: actor.id };
    const row = await trx
      .insertInto('mandates')
      .values({ tenant_id: actor.tenantId, creditor_id: creditorId, ...columns, version: 1, created_at: now })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'creditor_id']).doUpdateSet((eb) => ({
          ...columns,
          version: eb(eb.ref('mandates.version'), '+', 1),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'mandate.saved',
      entityKind: 'creditor',
      entityId: creditorId,
      data: { before: before ? termsOfRow(before) : null, after: terms },
    });
    return viewOf(row, { id: creditor.creditor_id, ref: creditor.ref, name: creditor.name });
  });
}

async function checkStrategies(
  deps: Deps,
  tenantId: string,
  keys: readonly string[],
  now: string,
): Promise<void> {
  await ensureStrategies(deps.database.db, tenantId, now);
  const known = await deps.database.db
    .selectFrom('strategies')
    .select('key')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('key', 'in', [...keys])
    .execute();
  const unknown = keys.filter((k) => !known.some((row) => row.key === k));
  if (unknown.length > 0) {
    throw new DomainError('invalid_input', `Unknown strategies: ${unknown.join(', ')}.`, {
      reason: 'mandate_strategy_unknown',
      strategies: unknown,
    });
  }
}

function viewOf(row: Selectable<MandatesTable>, creditor: MandateView['creditor']): MandateView {
  return {
    creditor,
    terms: termsOfRow(row),
    version: Number(row.version),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
