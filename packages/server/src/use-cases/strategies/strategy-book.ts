import {
  type AssignmentRules,
  DEFAULT_ASSIGNMENT,
  READY_STRATEGIES,
  type StrategyDefinition,
} from '@relance/core';
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { Database } from '../../db/schema.ts';

export type StoredStrategy = { readonly definition: StrategyDefinition; readonly version: number };

/** A tenant's strategies (latest version of each) and its assignment rules, as the run reads them. */
export type StrategyBook = {
  readonly strategies: ReadonlyMap<string, StoredStrategy>;
  readonly assignment: AssignmentRules;
  readonly assignmentVersion: number;
};

export const ASSIGNMENT_SETTING = 'assignment';

/**
 * Gives a tenant the three ready strategies and the default assignment the first time it needs them.
 * Idempotent: rows exist → nothing happens (a concurrent first call loses on the unique keys and is ignored).
 */
export async function ensureStrategies(db: Kysely<Database>, tenantId: string, now: string): Promise<void> {
  const existing = await db
    .selectFrom('strategies')
    .select('key')
    .where('tenant_id', '=', tenantId)
    .limit(1)
    .executeTakeFirst();
  if (!existing) {
    await db
      .insertInto('strategies')
      .values(
        READY_STRATEGIES.map((definition) => ({
          tenant_id: tenantId,
          strategy_id: newId(),
          key: definition.key,
          version: 1,
          definition: JSON.stringify(definition),
          created_by: null,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await db
    .insertInto('tenant_settings')
    .values({
      tenant_id: tenantId,
      key: ASSIGNMENT_SETTING,
      value: JSON.stringify(DEFAULT_ASSIGNMENT),
      version: 1,
      updated_by: null,
      updated_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function loadStrategyBook(db: Kysely<Database>, tenantId: string): Promise<StrategyBook> {
  const rows = await db
    .selectFrom('strategies')
    .select(['key', 'version', 'definition'])
    .where('tenant_id', '=', tenantId)
    .orderBy('key')
    .orderBy('version')
    .execute();
  const strategies = new Map<string, StoredStrategy>();
  for (const row of rows) {
    strategies.set(row.key, {
      definition: JSON.parse(row.definition) as StrategyDefinition,
      version: row.version,
    });
  }
  const setting = await db
    .selectFrom('tenant_settings')
    .select(['value', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('key', '=', ASSIGNMENT_SETTING)
    .executeTakeFirst();
  return {
    strategies,
    assignment: setting ? (JSON.parse(setting.value) as AssignmentRules) : DEFAULT_ASSIGNMENT,
    assignmentVersion: setting?.version ?? 0,
  };
}

/** The names of every step of every strategy of the tenant (latest versions). */
export async function stepNames(
  db: Kysely<Database>,
  tenantId: string,
): Promise<Map<string, Map<string, { fr: string; en: string }>>> {
  const book = await loadStrategyBook(db, tenantId);
  const names = new Map<string, Map<string, { fr: string; en: string }>>();
  for (const [key, stored] of book.strategies) {
    names.set(key, new Map(stored.definition.steps.map((step) => [step.key, step.name])));
  }
  return names;
}
