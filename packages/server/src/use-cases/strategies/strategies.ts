import {
  type AssignmentRules,
  checkAssignment,
  checkAssignmentUnderMandates,
  checkStrategy,
  DomainError,
  type StrategyDefinition,
  type StrategyIssue,
} from '@relance/core';
import { newId } from '../../db/ids.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';
import { isUniqueViolation } from '../access/unique-violation.ts';
import { unknownStrategyTemplates } from '../templates/strategy-templates.ts';
import { ASSIGNMENT_SETTING, ensureStrategies, loadStrategyBook } from './strategy-book.ts';
import { issuesOfZod } from './strategy-issues.ts';
import { assignmentSchema, strategySchema } from './strategy-schema.ts';

export type StrategyView = {
  readonly key: string;
  readonly version: number;
  readonly definition: StrategyDefinition;
  readonly createdAt: string;
  readonly createdBy: string | null;
  /** Open cases following it now. */
  readonly caseCount: number;
};

export async function listStrategies(
  deps: Deps,
  actor: Actor,
): Promise<{ items: StrategyView[]; assignment: AssignmentRules; assignmentVersion: number }> {
  requirePermission(actor, 'strategies:read');
  const db = deps.database.db;
  await ensureStrategies(db, actor.tenantId, deps.clock.now());
  const book = await loadStrategyBook(db, actor.tenantId);
  const rows = await db
    .selectFrom('strategies')
    .select(['key', 'version', 'created_at', 'created_by'])
    .where('tenant_id', '=', actor.tenantId)
    .execute();
  const counts = await db
    .selectFrom('cases')
    .select(['strategy_key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', actor.tenantId)
    .where('status', '=', 'open')
    .groupBy('strategy_key')
    .execute();
  const countOf = new Map(counts.map((c) => [c.strategy_key, Number(c.n)]));
  const items = [...book.strategies.entries()].map(([key, stored]) => {
    const row = rows.find((r) => r.key === key && r.version === stored.version);
    return {
      key,
      version: stored.version,
      definition: stored.definition,
      createdAt: row?.created_at ?? '',
      createdBy: row?.created_by ?? null,
      caseCount: countOf.get(key) ?? 0,
    };
  });
  return { items, assignment: book.assignment, assignmentVersion: book.assignmentVersion };
}

export async function listStrategyVersions(deps: Deps, actor: Actor, key: string) {
  requirePermission(actor, 'strategies:read');
  await ensureStrategies(deps.database.db, actor.tenantId, deps.clock.now());
  const rows = await deps.database.db
    .selectFrom('strategies')
    .select(['version', 'definition', 'created_at', 'created_by'])
    .where('tenant_id', '=', actor.tenantId)
    .where('key', '=', key)
    .orderBy('version', 'desc')
    .execute();
  if (rows.length === 0)
    throw new DomainError('not_found', `No strategy has the key "${key}".`, {
      reason: 'strategy_not_found',
      key,
    });
  return rows.map((r) => ({
    version: r.version,
    definition: JSON.parse(r.definition) as StrategyDefinition,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

function refuse(issues: readonly StrategyIssue[], what: string): never {
  const first = issues[0];
  throw new DomainError(
    'invalid_input',
    `The ${what} is not valid: ${first ? first.message.en : ''}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
    {
      reason: 'invalid_strategy',
      issues,
    },
  );
}

/** Saves a new version of a strategy (or a new strategy). Cases follow the latest version from their next run. */
export async function saveStrategy(
  deps: Deps,
  actor: Actor,
  input: unknown,
): Promise<{ key: string; version: number }> {
  requirePermission(actor, 'strategies:write');
  const parsed = strategySchema.safeParse(input, { reportInput: true });
  if (!parsed.success) refuse(issuesOfZod(parsed.error), 'strategy');
  const definition = parsed.data as StrategyDefinition;
  const issues = checkStrategy(definition);
  if (issues.length > 0) refuse(issues, 'strategy');
  const db = deps.database.db;
  const unknownTemplates = await unknownStrategyTemplates(db, actor.tenantId, definition);
  if (unknownTemplates.length > 0) refuse(unknownTemplates, 'strategy');
  const unknownAgencies = await unknownStrategyAgencies(deps, actor.tenantId, definition);
  if (unknownAgencies.length > 0) refuse(unknownAgencies, 'strategy');
  const now = deps.clock.now();
  await ensureStrategies(db, actor.tenantId, now);
  try {
    return await db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('strategies')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('tenant_id', '=', actor.tenantId)
        .where('key', '=', definition.key)
        .executeTakeFirst();
      const version = Number(last?.v ?? 0) + 1;
      await trx
        .insertInto('strategies')
        .values({
          tenant_id: actor.tenantId,
          strategy_id: newId(),
          key: definition.key,
          version,
          definition: JSON.stringify(definition),
          created_by: actor.id,
          created_at: now,
        })
        .execute();
      await appendAudit(trx, {
        tenantId: actor.tenantId,
        at: now,
        actor,
        action: 'strategy.saved',
        entityKind: 'strategy',
        entityId: definition.key,
        data: { version },
      });
      return { key: definition.key, version };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError(
        'conflict',
        'Someone saved this strategy at the same time; reload and try again.',
        { reason: 'concurrent_save' },
      );
    throw error;
  }
}

/** Replaces the assignment rules (segment → strategy, first match wins). Every strategy named must exist. */
export async function saveAssignment(deps: Deps, actor: Actor, input: unknown): Promise<{ version: number }> {
  requirePermission(actor, 'strategies:write');
  const parsed = assignmentSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) refuse(issuesOfZod(parsed.error), 'assignment');
  const db = deps.database.db;
  const now = deps.clock.now();
  await ensureStrategies(db, actor.tenantId, now);
  const book = await loadStrategyBook(db, actor.tenantId);
  const rules = parsed.data as AssignmentRules;
  const issues = checkAssignment(rules, new Set(book.strategies.keys()));
  if (issues.length > 0) refuse(issues, 'assignment');
  const outside = checkAssignmentUnderMandates(rules, await mandatedStrategies(deps, actor.tenantId));
  if (outside.length > 0) refuse(outside, 'assignment');
  const version = book.assignmentVersion + 1;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('tenant_settings')
      .set({ value: JSON.stringify(rules), version, updated_by: actor.id, updated_at: now })
      .where('tenant_id', '=', actor.tenantId)
      .where('key', '=', ASSIGNMENT_SETTING)
      .execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'assignment.saved',
      entityKind: 'settings',
      entityId: ASSIGNMENT_SETTING,
      data: { version },
    });
  });
  return { version };
}

/** Each client's allowed strategies, by the client's ref (agency mode; empty elsewhere). */
async function mandatedStrategies(deps: Deps, tenantId: string): Promise<Map<string, readonly string[]>> {
  const rows = await deps.database.db
    .selectFrom('mandates as m')
    .innerJoin('creditors as c', (j) =>
      j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.creditor_id', '=', 'm.creditor_id'),
    )
    .select(['c.ref', 'm.allowed_strategies'])
    .where('m.tenant_id', '=', tenantId)
    .execute();
  return new Map(rows.map((r) => [r.ref, JSON.parse(r.allowed_strategies) as string[]]));
}

/** An agency hand-over must name agencies the tenant registered (by their keys). */
async function unknownStrategyAgencies(
  deps: Deps,
  tenantId: string,
  definition: StrategyDefinition,
): Promise<StrategyIssue[]> {
  const named = definition.steps.flatMap((step, i) =>
    step.actions.flatMap((action, n) =>
      (action.agencies ?? []).map((key) => ({ key, path: `steps[${i}].actions[${n}].agencies` })),
    ),
  );
  if (named.length === 0) return [];
  const known = await deps.database.db
    .selectFrom('outside_agencies')
    .select('key')
    .where('tenant_id', '=', tenantId)
    .execute();
  return named
    .filter((n) => !known.some((k) => k.key === n.key))
    .map((n) => ({
      path: n.path,
      code: 'unknown_agency' as const,
      message: {
        fr: `Aucune agence enregistrée sous la clé « ${n.key} ».`,
        en: `No agency is registered under the key "${n.key}".`,
      },
    }));
}
