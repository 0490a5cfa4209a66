import { chooseAgency, DomainError, isIsoDate, type StrategyDefinition } from '@relance/core';
import type { Kysely, Transaction } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';

export type Handover = {
  readonly handoverId: string;
  readonly caseId: string;
  readonly agencyId: string;
  readonly creditorId: string;
  readonly handedOn: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly recalledOn: string | null;
  readonly actionId: string | null;
};

type HandOver = {
  readonly tenantId: string;
  readonly caseId: string;
  readonly agencyId: string;
  readonly handedOn: string;
  readonly actionId: string | null;
  readonly createdBy: string;
  readonly now: string;
};

/**
 * Records that a case is with an agency from `handedOn`, for the collectable balance of the day (outstanding
 * less disputed). A case is with one agency at a time: while one hand-over is not recalled, it is the answer.
 */
export async function writeHandover(trx: Transaction<Database>, input: HandOver): Promise<Handover> {
  const open = await trx
    .selectFrom('agency_handovers')
    .selectAll()
    .where('tenant_id', '=', input.tenantId)
    .where('case_id', '=', input.caseId)
    .where('recalled_on', 'is', null)
    .executeTakeFirst();
  if (open) return viewOf(open);
  const kase = await trx
    .selectFrom('cases')
    .select(['creditor_id', 'outstanding_minor', 'disputed_minor', 'currency'])
    .where('tenant_id', '=', input.tenantId)
    .where('case_id', '=', input.caseId)
    .executeTakeFirst();
  if (!kase) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  const row = {
    tenant_id: input.tenantId,
    handover_id: newId(),
    case_id: input.caseId,
    agency_id: input.agencyId,
    creditor_id: kase.creditor_id,
    handed_on: input.handedOn,
    amount_minor: Math.max(0, Number(kase.outstanding_minor) - Number(kase.disputed_minor)),
    currency: kase.currency,
    action_id: input.actionId,
    recalled_on: null,
    created_at: input.now,
    created_by: input.createdBy,
  };
  await trx.insertInto('agency_handovers').values(row).execute();
  return viewOf(row);
}

/**
 * The hand-over a strategy's `agency_handover` action makes when it is dispatched: to the agency its step
 * names, or split between the agencies it names (or, naming none, every active agency) by their shares and a
 * hash of the case id. No agency registered: nothing is written (the hand-over stays a journal entry).
 */
export async function handoverFromAction(
  trx: Transaction<Database>,
  at: { readonly tenantId: string; readonly today: string; readonly now: string },
  action: { readonly actionId: string; readonly caseId: string },
): Promise<Handover | null> {
  const row = await trx
    .selectFrom('actions as a')
    .leftJoin('strategies as s', (j) =>
      j
        .onRef('s.tenant_id', '=', 'a.tenant_id')
        .onRef('s.key', '=', 'a.strategy_key')
        .onRef('s.version', '=', 'a.strategy_version'),
    )
    .select(['a.step_key', 's.definition'])
    .where('a.tenant_id', '=', at.tenantId)
    .where('a.action_id', '=', action.actionId)
    .executeTakeFirst();
  const named = namedAgencies(row?.definition ?? null, row?.step_key ?? null);
  const agencies = await trx
    .selectFrom('outside_agencies')
    .select(['agency_id', 'key', 'share'])
    .where('tenant_id', '=', at.tenantId)
    .where('active', '=', 1)
    .execute();
  const candidates = named ? agencies.filter((a) => named.includes(a.key)) : agencies;
  const only = candidates.length === 1 && named ? candidates[0] : undefined;
  const key =
    only?.key ??
    chooseAgency(
      action.caseId,
      candidates.map((a) => ({ key: a.key, share: Number(a.share) })),
    );
  const agency = candidates.find((a) => a.key === key);
  if (!agency) return null;
  return writeHandover(trx, {
    tenantId: at.tenantId,
    caseId: action.caseId,
    agencyId: agency.agency_id,
    handedOn: at.today,
    actionId: action.actionId,
    createdBy: 'dispatcher',
    now: at.now,
  });
}

function namedAgencies(definition: string | null, stepKey: string | null): readonly string[] | null {
  if (!definition || !stepKey) return null;
  const strategy = JSON.parse(definition) as StrategyDefinition;
  const step = strategy.steps.find((s) => s.key === stepKey);
  const handover = step?.actions.find((a) => a.channel === 'agency_handover');
  return handover?.agencies && handover.agencies.length > 0 ? handover.agencies : null;
}

/** Hands a case to an agency by hand (supervisors and admins; audited). */
export async function handOverCase(
  deps: Deps,
  actor: Actor,
  input: { readonly caseId: string; readonly agencyId: string; readonly handedOn?: string | undefined },
): Promise<Handover> {
  requirePermission(actor, 'strategies:write');
  const handedOn = input.handedOn ?? deps.clock.today();
  if (!isIsoDate(handedOn)) {
    throw new DomainError('invalid_input', 'A date is YYYY-MM-DD.', { reason: 'handover_date_invalid' });
  }
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const agency = await findAgency(trx, actor.tenantId, input.agencyId);
    // A deactivated agency keeps its cases and may still report on them, but is given no new one.
    if (Number(agency.active) !== 1) {
      throw new DomainError('conflict', 'The agency is deactivated.', { reason: 'outside_agency_inactive' });
    }
    const handover = await writeHandover(trx, {
      tenantId: actor.tenantId,
      caseId: input.caseId,
      agencyId: input.agencyId,
      handedOn,
      actionId: null,
      createdBy: `user:${actor.id}`,
      now,
    });
    if (handover.agencyId !== input.agencyId) {
      throw new DomainError('conflict', 'The case is already with another agency.', {
        reason: 'case_with_another_agency',
        handoverId: handover.handoverId,
      });
    }
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'agency_handover.made',
      entityKind: 'case',
      entityId: input.caseId,
      data: handover,
    });
    return handover;
  });
}

/** Takes a case back from its agency (supervisors and admins; audited). What it collected before stays its own. */
export async function recallHandover(
  deps: Deps,
  actor: Actor,
  handoverId: string,
  recalledOn?: string,
): Promise<Handover> {
  requirePermission(actor, 'strategies:write');
  const day = recalledOn ?? deps.clock.today();
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('agency_handovers')
      .selectAll()
      .where('tenant_id', '=', actor.tenantId)
      .where('handover_id', '=', handoverId)
      .executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'Hand-over not found.', { reason: 'handover_not_found' });
    if (row.recalled_on !== null) return viewOf(row);
    if (!isIsoDate(day) || day < row.handed_on) {
      throw new DomainError('invalid_input', 'A recall falls on or after the hand-over.', {
        reason: 'handover_date_invalid',
      });
    }
    await trx
      .updateTable('agency_handovers')
      .set({ recalled_on: day })
      .where('tenant_id', '=', actor.tenantId)
      .where('handover_id', '=', handoverId)
      .execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'agency_handover.recalled',
      entityKind: 'case',
      entityId: row.case_id,
      data: { handoverId, recalledOn: day },
    });
    return viewOf({ ...row, recalled_on: day });
  });
}

export async function findAgency(trx: Kysely<Database>, tenantId: string, agencyId: string) {
  const agency = await trx
    .selectFrom('outside_agencies')
    .select(['agency_id', 'key', 'name', 'active'])
    .where('tenant_id', '=', tenantId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!agency)
    throw new DomainError('not_found', 'Agency not found.', { reason: 'outside_agency_not_found' });
  return agency;
}

export function viewOf(row: {
  handover_id: string;
  case_id: string;
  agency_id: string;
  creditor_id: string;
  handed_on: string;
  amount_minor: number;
  currency: string;
  recalled_on: string | null;
  action_id: string | null;
}): Handover {
  return {
    handoverId: row.handover_id,
    caseId: row.case_id,
    agencyId: row.agency_id,
    creditorId: row.creditor_id,
    handedOn: row.handed_on,
    amountMinor: Number(row.amount_minor),
    currency: row.currency,
    recalledOn: row.recalled_on,
    actionId: row.action_id,
  };
}
