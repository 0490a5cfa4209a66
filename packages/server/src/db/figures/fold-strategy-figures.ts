import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import type { Database } from '../schema.ts';
import { boundSql } from './bound-sql.ts';
import {
  attributedDeltas,
  movedClaims,
  pendingCase,
  pendingCases,
  STRATEGY_COHORTS,
  STRATEGY_FIGURES,
  STRATEGY_MOVES,
  type StrategySums,
} from './strategy-figures.ts';
import { serialPlan } from './sum-strategy-figures.ts';

/** Pending cases settled per transaction: a first run's million is folded without holding the writer long. */
export const STRATEGY_FOLD_CHUNK = 5000;

export type StrategyFold = { readonly deltas: number; readonly cases: number };

/**
 * Folds a tenant's strategy deltas into `strategy_figures` and `strategy_cohort_figures` (each under its
 * case's counted strategy) and settles the pending cases — their claims moved from the strategy they were
 * counted under to the case's — one chunk of cases per transaction, until none is left, each chunk's
 * contributions appended to `strategy_figure_moves` (by the keys of both sums); then the moves are added to
 * both sums at once (decisions 0011 and 0016).
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
  // The chunks walk the pending cases in id order: the index entries the chunks before left behind (dead
  // until PostgreSQL's vacuum) are never scanned again. A case pending behind the cursor waits for next time.
  let after = '';
  for (;;) {
    const at = { tenant: tenantId, after };
    const done = await db
      .transaction()
      .execute((trx) => (dialect === 'postgres' ? foldPostgres(trx, at, chunk) : foldSqlite(trx, at, chunk)));
    deltas += done.deltas;
    cases += done.cases;
    if (done.cases < chunk || done.last === null) break;
    after = done.last;
  }
  await db.transaction().execute((trx) => settleMoves(trx, dialect, tenantId));
  return { deltas, cases };
}

type Chunk = StrategyFold & { readonly last: string | null };
type At = { readonly tenant: string; readonly after: string };

const keys = STRATEGY_MOVES.keys.join(', ');
const measures = STRATEGY_MOVES.measures.join(', ');
const sums = STRATEGY_MOVES.measures.map((m) => `sum(${m})`).join(', ');

/** `insert into strategy_figure_moves …`: a chunk's contributions, grouped, appended (no row updated twice). */
const appendMoves = (contributions: string) =>
  `insert into strategy_figure_moves (${keys}, ${measures}) ` +
  `select ${keys}, ${sums} from (${contributions}) as x group by ${keys}`;

const pendingOf = (chunk: number, dialect: Dialect) =>
  `select tenant_id, case_id, figures_strategy_key as old_key, strategy_key as new_key from ${pendingCases(dialect)} ` +
  `where tenant_id = :tenant and ${pendingCase('cases')} and case_id > :after order by case_id limit ${chunk}`;

async function foldSqlite(trx: Kysely<Database>, at: At, chunk: number): Promise<Chunk> {
  const tenant = { tenant: at.tenant };
  // The deltas first, under the strategies counted before this chunk's cases move.
  const counted = await boundSql<{ n: number }>(
    'select count(*) as n from strategy_figure_deltas where tenant_id = :tenant',
    tenant,
  ).execute(trx);
  const deltas = Number(counted.rows[0]?.n ?? 0);
  if (deltas > 0) {
    await boundSql(
      appendMoves(attributedDeltas('strategy_figure_deltas d', 'd.tenant_id = :tenant', STRATEGY_MOVES)),
      tenant,
    ).execute(trx);
    await boundSql('delete from strategy_figure_deltas where tenant_id = :tenant', tenant).execute(trx);
  }
  const pending = await boundSql<{ case_id: string }>(pendingOf(chunk, 'sqlite'), at).execute(trx);
  const ids = JSON.stringify(pending.rows.map((r) => r.case_id));
  if (pending.rows.length > 0) {
    const chosen =
      '(select tenant_id, case_id, figures_strategy_key as old_key, strategy_key as new_key from cases ' +
      'where tenant_id = :tenant and case_id in (select value from json_each(:ids))) p';
    await boundSql(appendMoves(movedClaims(chosen)), { ...tenant, ids }).execute(trx);
    await boundSql(
      'update cases set figures_strategy_key = strategy_key ' +
        'where tenant_id = :tenant and case_id in (select value from json_each(:ids))',
      { ...tenant, ids },
    ).execute(trx);
  }
  return { deltas, cases: pending.rows.length, last: pending.rows.at(-1)?.case_id ?? null };
}

/** Folds of a tenant one at a time on PostgreSQL: each reads the cases' counted strategies the other writes. */
const lockTenant = (trx: Kysely<Database>, tenant: string) =>
  boundSql("select pg_advisory_xact_lock(hashtext('strategy_figures:' || :tenant))", { tenant }).execute(trx);

async function foldPostgres(trx: Kysely<Database>, at: At, chunk: number): Promise<Chunk> {
  await lockTenant(trx, at.tenant);
  await serialPlan(trx);
  const result = await boundSql<{ deltas: string; cases: string; last: string | null }>(
    `with pend as (${pendingOf(chunk, 'postgres')} for update skip locked), ` +
      'moved as (delete from strategy_figure_deltas where tenant_id = :tenant returning *), ' +
      `appended as (${appendMoves(
        `${attributedDeltas('moved d', 'true', STRATEGY_MOVES)} union all ${movedClaims('pend p')}`,
      )} returning 1), ` +
      'marked as (update cases c set figures_strategy_key = p.new_key from pend p ' +
      'where c.tenant_id = p.tenant_id and c.case_id = p.case_id returning 1) ' +
      'select (select count(*) from moved) as deltas, (select count(*) from marked) as cases, ' +
      '(select max(case_id) from pend) as last',
    at,
  ).execute(trx);
  const row = result.rows[0];
  return { deltas: Number(row?.deltas ?? 0), cases: Number(row?.cases ?? 0), last: row?.last ?? null };
}

/**
 * The chunks' moves added to `strategy_figures` and `strategy_cohort_figures` once, each row updated once
 * however many chunks there were (a row updated per chunk would leave PostgreSQL a table of dead versions to
 * read until its vacuum), and the rows back at zero dropped.
 */
async function settleMoves(trx: Kysely<Database>, dialect: Dialect, tenant: string): Promise<void> {
  const upsert = (into: StrategySums, from: string) => {
    const columns = [...into.keys, ...into.measures].join(', ');
    const grouped = into.keys.join(', ');
    const totals = into.measures.map((m) => `sum(${m})`).join(', ');
    const add = into.measures.map((m) => `${m} = ${into.table}.${m} + excluded.${m}`).join(', ');
    return (
      `insert into ${into.table} (${columns}) select ${grouped}, ${totals} from ${from} ` +
      `where tenant_id = :tenant group by ${grouped} on conflict (${grouped}) do update set ${add}`
    );
  };
  if (dialect === 'postgres') {
    await lockTenant(trx, tenant);
    // One statement: both sums take the very rows the delete took.
    await boundSql(
      'with taken as (delete from strategy_figure_moves where tenant_id = :tenant returning *), ' +
        `figures as (${upsert(STRATEGY_FIGURES, 'taken')} returning 1) ${upsert(STRATEGY_COHORTS, 'taken')}`,
      { tenant },
    ).execute(trx);
  } else {
    for (const into of [STRATEGY_FIGURES, STRATEGY_COHORTS])
      await boundSql(upsert(into, 'strategy_figure_moves'), { tenant }).execute(trx);
    await boundSql('delete from strategy_figure_moves where tenant_id = :tenant', { tenant }).execute(trx);
  }
  for (const into of [STRATEGY_FIGURES, STRATEGY_COHORTS]) {
    const zero = into.measures.map((m) => `${m} = 0`).join(' and ');
    await boundSql(`delete from ${into.table} where tenant_id = :tenant and ${zero}`, { tenant }).execute(
      trx,
    );
  }
}
