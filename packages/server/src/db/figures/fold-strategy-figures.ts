import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import type { Database } from '../schema.ts';
import { boundSql } from './bound-sql.ts';
import {
  attributedDeltas,
  movedClaims,
  pendingCase,
  STRATEGY_FIGURE_KEYS,
  STRATEGY_FIGURE_MEASURES,
} from './strategy-figures.ts';
import { serialPlan } from './sum-strategy-figures.ts';

/** Pending cases settled per transaction: a first run's million is folded without holding the writer long. */
export const STRATEGY_FOLD_CHUNK = 5000;

export type StrategyFold = { readonly deltas: number; readonly cases: number };

/**
 * Folds a tenant's strategy deltas into `strategy_figures` (each under its case's counted strategy) and
 * settles the pending cases — their claims moved from the strategy they were counted under to the case's —
 * one chunk of cases per transaction, until none is left (decision 0011).
 *
 * The deltas are folded under the strategies the cases had before the chunk moved them, in the same
 * snapshot as the claims moved: on PostgreSQL one statement does all of it (its parts share one snapshot; a
 * delta or a claim committed meanwhile is in neither, and counts under the new strategy afterwards), its
 * cases locked `for update skip locked` (a case the run is writing waits for the next time), compactions
 * of a tenant one at a time (an advisory lock). SQLite has one writer: a transaction of a few statements.
 */
export async function foldStrategyFigures(
  db: Kysely<Database>,
  dialect: Dialect,
  tenantId: string,
  chunk: number = STRATEGY_FOLD_CHUNK,
): Promise<StrategyFold> {
  if (!Number.isSafeInteger(chunk) || chunk < 1) throw new Error(`Invalid fold chunk ${chunk}`);
  let deltas = 0;
  let cases = 0;
  for (;;) {
    const done = await db
      .transaction()
      .execute((trx) =>
        dialect === 'postgres' ? foldPostgres(trx, tenantId, chunk) : foldSqlite(trx, tenantId, chunk),
      );
    deltas += done.deltas;
    cases += done.cases;
    if (done.cases < chunk) return { deltas, cases };
  }
}

const keys = STRATEGY_FIGURE_KEYS.join(', ');

/** `insert into strategy_figures … select … on conflict do update`: contributions added to the sums. */
function addToFigures(contributions: string): string {
  const sums = STRATEGY_FIGURE_MEASURES.map((m) => `sum(${m})`).join(', ');
  const add = STRATEGY_FIGURE_MEASURES.map((m) => `${m} = strategy_figures.${m} + excluded.${m}`).join(', ');
  // `where true`: SQLite's upsert after a SELECT needs a WHERE to parse.
  return (
    `insert into strategy_figures (${keys}, ${STRATEGY_FIGURE_MEASURES.join(', ')}) ` +
    `select ${keys}, ${sums} from (${contributions}) as x where true group by ${keys} ` +
    `on conflict (${keys}) do update set ${add}`
  );
}

const pendingOf = (chunk: number) =>
  'select tenant_id, case_id, figures_strategy_key as old_key, strategy_key as new_key from cases ' +
  `where tenant_id = :tenant and ${pendingCase('cases')} limit ${chunk}`;

async function foldSqlite(trx: Kysely<Database>, tenantId: string, chunk: number): Promise<StrategyFold> {
  const tenant = { tenant: tenantId };
  // The deltas first, under the strategies counted before this chunk's cases move.
  const counted = await boundSql<{ n: number }>(
    'select count(*) as n from strategy_figure_deltas where tenant_id = :tenant',
    tenant,
  ).execute(trx);
  const deltas = Number(counted.rows[0]?.n ?? 0);
  if (deltas > 0) {
    await boundSql(
      addToFigures(attributedDeltas('strategy_figure_deltas d', 'd.tenant_id = :tenant')),
      tenant,
    ).execute(trx);
    await boundSql('delete from strategy_figure_deltas where tenant_id = :tenant', tenant).execute(trx);
  }
  const pending = await boundSql<{ case_id: string }>(pendingOf(chunk), tenant).execute(trx);
  const ids = JSON.stringify(pending.rows.map((r) => r.case_id));
  if (pending.rows.length > 0) {
    const chosen =
      '(select tenant_id, case_id, figures_strategy_key as old_key, strategy_key as new_key from cases ' +
      'where tenant_id = :tenant and case_id in (select value from json_each(:ids))) p';
    await boundSql(addToFigures(movedClaims(chosen)), { ...tenant, ids }).execute(trx);
    await boundSql(
      'update cases set figures_strategy_key = strategy_key ' +
        'where tenant_id = :tenant and case_id in (select value from json_each(:ids))',
      { ...tenant, ids },
    ).execute(trx);
  }
  if (deltas + pending.rows.length > 0) await dropZeroRows(trx, tenantId);
  return { deltas, cases: pending.rows.length };
}

async function foldPostgres(trx: Kysely<Database>, tenantId: string, chunk: number): Promise<StrategyFold> {
  const tenant = { tenant: tenantId };
  await boundSql("select pg_advisory_xact_lock(hashtext('strategy_figures:' || :tenant))", tenant).execute(
    trx,
  );
  await serialPlan(trx);
  const result = await boundSql<{ deltas: string; cases: string }>(
    `with pend as (${pendingOf(chunk)} for update skip locked), ` +
      'moved as (delete from strategy_figure_deltas where tenant_id = :tenant returning *), ' +
      `folded as (${addToFigures(
        `${attributedDeltas('moved d', 'true')} union all ${movedClaims('pend p')}`,
      )} returning 1), ` +
      'marked as (update cases c set figures_strategy_key = p.new_key from pend p ' +
      'where c.tenant_id = p.tenant_id and c.case_id = p.case_id returning 1) ' +
      'select (select count(*) from moved) as deltas, (select count(*) from marked) as cases',
    tenant,
  ).execute(trx);
  const row = result.rows[0];
  const folded = { deltas: Number(row?.deltas ?? 0), cases: Number(row?.cases ?? 0) };
  if (folded.deltas + folded.cases > 0) await dropZeroRows(trx, tenantId);
  return folded;
}

async function dropZeroRows(trx: Kysely<Database>, tenantId: string): Promise<void> {
  const zero = STRATEGY_FIGURE_MEASURES.map((m) => `${m} = 0`).join(' and ');
  await boundSql(`delete from strategy_figures where tenant_id = :tenant and ${zero}`, {
    tenant: tenantId,
  }).execute(trx);
}
