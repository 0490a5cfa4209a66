import { type Kysely, PostgresAdapter, sql } from 'kysely';
import {
  contributionSelect,
  FIGURE_SPECS,
  type FigureSpec,
  groupedContributions,
  keyNames,
  measureNames,
} from '../figures/figure-specs.ts';
import { postgresFigureTriggers, sqliteFigureTriggers } from '../figures/figure-triggers.ts';

/**
 * Running figures for the dashboards (issue #7): `claim_figures` and `payment_figures` hold sums by the
 * dashboards' dimensions, `*_figure_deltas` what changed since they were last folded, and triggers on
 * claims, payments and debtors append those deltas (see `db/figures/figure-specs.ts`). The sums start from
 * what the tables already hold.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // A payment counts under the case's strategy and the debtor's kind of the day it was booked.
  await db.schema.alterTable('payments').addColumn('strategy_key', 'text').execute();
  await db.schema.alterTable('payments').addColumn('segment', 'text').execute();
  await sql`update payments set
      strategy_key = (select c.strategy_key from cases c
        where c.tenant_id = payments.tenant_id and c.case_id = payments.case_id),
      segment = (select d.kind from cases c join debtors d on d.tenant_id = c.tenant_id and d.debtor_id = c.debtor_id
        where c.tenant_id = payments.tenant_id and c.case_id = payments.case_id)`.execute(db);
  for (const spec of FIGURE_SPECS) {
    for (const table of [spec.figures, spec.deltas]) {
      let create = db.schema.createTable(table);
      for (const key of keyNames(spec)) create = create.addColumn(key, 'text', (c) => c.notNull());
      for (const measure of measureNames(spec))
        create = create.addColumn(measure, 'bigint', (c) => c.notNull().defaultTo(0));
      if (table === spec.figures)
        create = create.addPrimaryKeyConstraint(`${table}_pk`, keyNames(spec) as never[]);
      await create.execute();
    }
    await db.schema.createIndex(`${spec.deltas}_by_tenant`).on(spec.deltas).column('tenant_id').execute();
    const triggers = postgres ? postgresFigureTriggers(spec) : sqliteFigureTriggers(spec);
    for (const statement of triggers) await sql.raw(statement).execute(db);
    await sql
      .raw(
        `insert into ${spec.figures} (${keyNames(spec).join(', ')}, ${measureNames(spec).join(', ')}) ` +
          groupedContributions(spec, contributionSelect(spec, 's', 1, `${spec.source} s`)),
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const spec of FIGURE_SPECS) {
    await dropTriggers(db, spec, postgres);
    await db.schema.dropTable(spec.deltas).execute();
    await db.schema.dropTable(spec.figures).execute();
  }
  await db.schema.alterTable('payments').dropColumn('segment').execute();
  await db.schema.alterTable('payments').dropColumn('strategy_key').execute();
}

async function dropTriggers(db: Kysely<unknown>, spec: FigureSpec, postgres: boolean): Promise<void> {
  const t = spec.source;
  for (const event of ['insert', 'update', 'delete']) {
    await sql.raw(`drop trigger ${t}_figures_${event}${postgres ? ` on ${t}` : ''}`).execute(db);
  }
  if (t === 'claims')
    await sql.raw(`drop trigger debtors_figures_kind${postgres ? ' on debtors' : ''}`).execute(db);
  if (postgres) {
    for (const fn of [`${t}_figures_inserted`, `${t}_figures_updated`, `${t}_figures_deleted`])
      await sql.raw(`drop function ${fn}()`).execute(db);
    if (t === 'claims') await sql.raw('drop function debtors_figures_kind()').execute(db);
  }
}
