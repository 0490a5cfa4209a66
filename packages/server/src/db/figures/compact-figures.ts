import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import type { Database } from '../schema.ts';
import { boundSql } from './bound-sql.ts';
import { COHORT_FIGURES } from './cohort-figures.ts';
import { FIGURE_SPECS, type FigureSpec, keyNames, measureNames } from './figure-specs.ts';
import { foldStrategyFigures } from './fold-strategy-figures.ts';

/**
 * Folds a tenant's pending deltas into its figures, and drops the figures that came back to zero.
 *
 * PostgreSQL takes the deltas with `delete … returning` in the statement that adds them: a delta appended
 * meanwhile by another transaction is not yet visible and stays for the next time, and two compactions at
 * once cannot fold the same delta twice (the second waits for the first's row locks and finds them gone).
 * SQLite has one writer at a time: the sum and the delete run in one transaction.
 * The figures by strategy are folded by `foldStrategyFigures`, which also settles the cases whose strategy changed.
 */
export async function compactFigures(
  db: Kysely<Database>,
  dialect: Dialect,
  tenantId: string,
  options: { readonly vacuumAfter?: number } = {},
): Promise<number> {
  let folded = 0;
  const emptied: string[] = [];
  const vacuumAfter = options.vacuumAfter ?? VACUUM_AFTER;
  for (const spec of [...FIGURE_SPECS, COHORT_FIGURES]) {
    const count = await db.transaction().execute(async (trx) => {
      const count =
        dialect === 'postgres'
          ? await foldPostgres(trx, spec, tenantId)
          : await foldSqlite(trx, spec, tenantId);
      if (count > 0) await dropZeroRows(trx, spec, tenantId);
      return count;
    });
    folded += count;
    if (count >= vacuumAfter) emptied.push(spec.deltas);
  }
  // The figures by strategy: their deltas, and the cases whose strategy changed (decision 0011).
  const strategies = await foldStrategyFigures(db, dialect, tenantId);
  if (strategies.deltas >= vacuumAfter) emptied.push('strategy_figure_deltas');
  if (strategies.cases >= vacuumAfter) emptied.push('strategy_figure_moves');
  if (dialect === 'postgres' && emptied.length > 0) await vacuum(db, emptied);
  return folded + strategies.deltas + strategies.cases;
}

/** Deltas folded at once past which PostgreSQL's deltas table is vacuumed at once. */
export const VACUUM_AFTER = 50_000;

/**
 * PostgreSQL: the deltas tables a fold has just emptied of many rows, vacuumed now rather than when autovacuum
 * comes by. Until then every read of the figures walks the dead rows' index entries — measured: a strategy's
 * figures at 650 ms instead of 10 after a million deltas were folded. (Not in a transaction; tables of this
 * schema only.)
 */
async function vacuum(db: Kysely<Database>, tables: readonly string[]): Promise<void> {
  await boundSql(`vacuum (analyze) ${[...new Set(tables)].join(', ')}`, {}).execute(db);
}

const sums = (spec: FigureSpec) =>
  measureNames(spec)
    .map((m) => `sum(${m})`)
    .join(', ');
const columns = (spec: FigureSpec) => [...keyNames(spec), ...measureNames(spec)].join(', ');
const onConflict = (spec: FigureSpec) =>
  `on conflict (${keyNames(spec).join(', ')}) do update set ` +
  measureNames(spec)
    .map((m) => `${m} = ${spec.figures}.${m} + excluded.${m}`)
    .join(', ');

async function foldSqlite(trx: Kysely<Database>, spec: FigureSpec, tenantId: string): Promise<number> {
  const pending = await boundSql<{ n: number }>(
    `select count(*) as n from ${spec.deltas} where tenant_id = :tenant`,
    { tenant: tenantId },
  ).execute(trx);
  const count = Number(pending.rows[0]?.n ?? 0);
  if (count === 0) return 0;
  const keys = keyNames(spec).join(', ');
  await boundSql(
    `insert into ${spec.figures} (${columns(spec)}) select ${keys}, ${sums(spec)} from ${spec.deltas} ` +
      `where tenant_id = :tenant group by ${keys} ${onConflict(spec)}`,
    { tenant: tenantId },
  ).execute(trx);
  await boundSql(`delete from ${spec.deltas} where tenant_id = :tenant`, { tenant: tenantId }).execute(trx);
  return count;
}

async function foldPostgres(trx: Kysely<Database>, spec: FigureSpec, tenantId: string): Promise<number> {
  const keys = keyNames(spec).join(', ');
  const result = await boundSql<{ n: string }>(
    `with moved as (delete from ${spec.deltas} where tenant_id = :tenant returning *), ` +
      `folded as (insert into ${spec.figures} (${columns(spec)}) select ${keys}, ${sums(spec)} from moved ` +
      `group by ${keys} ${onConflict(spec)} returning 1) select (select count(*) from moved) as n`,
    { tenant: tenantId },
  ).execute(trx);
  return Number(result.rows[0]?.n ?? 0);
}

async function dropZeroRows(trx: Kysely<Database>, spec: FigureSpec, tenantId: string): Promise<void> {
  const zero = measureNames(spec)
    .map((m) => `${m} = 0`)
    .join(' and ');
  await boundSql(`delete from ${spec.figures} where tenant_id = :tenant and ${zero}`, {
    tenant: tenantId,
  }).execute(trx);
}
