import { DomainError } from '@relance/core';
import { sql, type Transaction } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { creditorFilter, readScope } from '../portfolio/scope.ts';

export type PlacementView = {
  readonly placementId: string;
  readonly creditor: { readonly id: string; readonly ref: string; readonly name: string };
  readonly label: string;
  readonly placedOn: string;
  readonly claimCount: number;
  readonly amountMinor: number;
  readonly currency: string;
  readonly createdAt: string;
};

/** The longest label a person may give a placement. */
const MAX_LABEL = 120;

/**
 * The placement an import puts its new claims in, inside the import's transaction: the one it names (made on
 * first use, per client and label), else — in an agency — the placement of the day (labelled with the date).
 * A creditor collecting its own invoices has placements only when it names one. Returns null for none.
 */
export async function openPlacement(
  trx: Transaction<Database>,
  input: {
    readonly tenantId: string;
    readonly creditorId: string;
    readonly importId: string;
    readonly label: string | undefined;
    readonly today: string;
    readonly now: string;
  },
): Promise<string | null> {
  const named = input.label?.trim();
  if (named !== undefined && (named === '' || named.length > MAX_LABEL)) {
    throw new DomainError('invalid_input', `A placement label has 1 to ${MAX_LABEL} characters.`, {
      reason: 'placement_label_invalid',
    });
  }
  if (named === undefined) {
    const tenant = await trx
      .selectFrom('tenants')
      .select('kind')
      .where('tenant_id', '=', input.tenantId)
      .executeTakeFirstOrThrow();
    if (tenant.kind !== 'agency') return null;
  }
  const label = named ?? input.today;
  const creditor = await trx
    .selectFrom('creditors')
    .select('currency')
    .where('tenant_id', '=', input.tenantId)
    .where('creditor_id', '=', input.creditorId)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('placements')
    .values({
      tenant_id: input.tenantId,
      placement_id: newId(),
      creditor_id: input.creditorId,
      label,
      placed_on: input.today,
      currency: creditor.currency,
      import_id: input.importId,
      created_at: input.now,
      updated_at: input.now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'creditor_id', 'label']).doNothing())
    .execute();
  const row = await trx
    .selectFrom('placements')
    .select('placement_id')
    .where('tenant_id', '=', input.tenantId)
    .where('creditor_id', '=', input.creditorId)
    .where('label', '=', label)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('imports')
    .set({ placement_id: row.placement_id })
    .where('tenant_id', '=', input.tenantId)
    .where('import_id', '=', input.importId)
    .execute();
  return row.placement_id;
}

/**
 * Counts the placement's claims and their amount once the import's claims are in (through the partial index
 * on `claims.placement_id`); a placement this import opened and left empty (a re-import brought nothing new)
 * is removed.
 */
export async function settlePlacement(
  trx: Transaction<Database>,
  input: {
    readonly tenantId: string;
    readonly placementId: string | null;
    readonly importId: string;
    readonly now: string;
  },
): Promise<void> {
  const { tenantId, placementId } = input;
  if (placementId === null) return;
  const placement = await trx
    .selectFrom('placements')
    .select(['currency', 'import_id'])
    .where('tenant_id', '=', tenantId)
    .where('placement_id', '=', placementId)
    .executeTakeFirstOrThrow();
  const totals = await trx
    .selectFrom('claims')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      sql<
        number | string | null
      >`sum(case when currency = ${placement.currency} then amount_minor else 0 end)`.as('amount'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('placement_id', '=', placementId)
    .executeTakeFirstOrThrow();
  const count = Number(totals.n);
  if (count === 0 && placement.import_id === input.importId) {
    await trx
      .deleteFrom('placements')
      .where('tenant_id', '=', tenantId)
      .where('placement_id', '=', placementId)
      .execute();
    await trx
      .updateTable('imports')
      .set({ placement_id: null })
      .where('tenant_id', '=', tenantId)
      .where('import_id', '=', input.importId)
      .execute();
    return;
  }
  await trx
    .updateTable('placements')
    .set({ claim_count: count, amount_minor: Number(totals.amount ?? 0), updated_at: input.now })
    .where('tenant_id', '=', tenantId)
    .where('placement_id', '=', placementId)
    .execute();
}

/** The claims handed over, batch by batch, newest first (a client user sees its own creditor's). */
export async function listPlacements(
  deps: Deps,
  actor: Actor,
  filter: { readonly creditorId?: string | undefined } = {},
): Promise<readonly PlacementView[]> {
  const scope = readScope(actor, 'portfolio:read');
  const creditorId = creditorFilter(scope, filter.creditorId);
  const rows = await deps.database.db
    .selectFrom('placements as p')
    .innerJoin('creditors as c', (j) =>
      j.onRef('c.tenant_id', '=', 'p.tenant_id').onRef('c.creditor_id', '=', 'p.creditor_id'),
    )
    .selectAll('p')
    .select(['c.ref', 'c.name'])
    .where('p.tenant_id', '=', scope.tenantId)
    .$if(creditorId !== undefined, (q) => q.where('p.creditor_id', '=', creditorId ?? ''))
    .orderBy('p.placed_on', 'desc')
    .orderBy('p.created_at', 'desc')
    .orderBy('p.placement_id')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    placementId: r.placement_id,
    creditor: { id: r.creditor_id, ref: r.ref, name: r.name },
    label: r.label,
    placedOn: r.placed_on,
    claimCount: Number(r.claim_count),
    amountMinor: Number(r.amount_minor),
    currency: r.currency,
    createdAt: r.created_at,
  }));
}
