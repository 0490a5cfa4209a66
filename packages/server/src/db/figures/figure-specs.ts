/**
 * Running figures for the dashboards (issue #7): what a million claims add up to, kept by the database
 * itself so that no write path can forget them.
 *
 * Each source table (claims, payments) has a small `*_figures` table — one row per combination of the
 * dimensions a dashboard filters by, with sums — and a `*_figure_deltas` table the source's triggers append
 * to: a row's contribution with a minus sign before a change and a plus sign after. Appending never waits
 * for another transaction (a shared sum row would serialise every payment of a creditor on PostgreSQL), a
 * reader adds the pending deltas to the sums in the same statement, so a figure is never behind the last
 * commit, and `compactFigures` folds the deltas into the sums now and then.
 *
 * This file says what the figures are once; the migration and the bulk load build their SQL from it.
 */

/** A SQL expression over one row of the source table, written with the row's alias. */
type RowExpression = (row: string) => string;

export type FigureColumn = { readonly name: string; readonly expression: RowExpression };

export type FigureSpec = {
  readonly source: 'claims' | 'payments' | 'actions' | 'call_tasks' | 'agency_handovers';
  /** The stem of its triggers' names when it is not the first spec over its source (`claims_<stem>_insert`). */
  readonly triggerStem?: string;
  readonly figures: string;
  readonly deltas: string;
  /** The dimensions, tenant first. */
  readonly keys: readonly FigureColumn[];
  readonly measures: readonly FigureColumn[];
  /** The source columns whose change changes a contribution (SQLite's `update of`). */
  readonly watched: readonly string[];
  /**
   * SQLite only: a row contributes only when this holds. SQLite has one writer, so what the condition reads
   * cannot change under the trigger; PostgreSQL's triggers write every contribution.
   */
  readonly sqliteWhen?: RowExpression;
};

const whenStatus = (row: string, statuses: string, value: string) =>
  `case when ${row}.status in (${statuses}) then ${value} else 0 end`;

/** A debtor's kind is the dashboards' segment (business / consumer). */
const debtorKindOf = (tenant: string, debtor: string) =>
  `coalesce((select d.kind from debtors d where d.tenant_id = ${tenant} and d.debtor_id = ${debtor}), 'unknown')`;

export const CLAIM_FIGURES: FigureSpec = {
  source: 'claims',
  figures: 'claim_figures',
  deltas: 'claim_figure_deltas',
  keys: [
    { name: 'tenant_id', expression: (r) => `${r}.tenant_id` },
    { name: 'creditor_id', expression: (r) => `${r}.creditor_id` },
    { name: 'segment', expression: (r) => debtorKindOf(`${r}.tenant_id`, `${r}.debtor_id`) },
    { name: 'currency', expression: (r) => `${r}.currency` },
    { name: 'due_date', expression: (r) => `${r}.due_date` },
    // The month of issue ('' when unknown): the credit sales of DSO's countback.
    { name: 'issue_month', expression: (r) => `coalesce(substr(${r}.issue_date, 1, 7), '')` },
  ],
  measures: [
    { name: 'claim_count', expression: (r) => `case when ${r}.status <> 'cancelled' then 1 else 0 end` },
    {
      name: 'amount_minor',
      expression: (r) => `case when ${r}.status <> 'cancelled' then ${r}.amount_minor else 0 end`,
    },
    { name: 'receivable_count', expression: (r) => whenStatus(r, `'open', 'disputed'`, '1') },
    {
      name: 'receivable_minor',
      expression: (r) => whenStatus(r, `'open', 'disputed'`, `${r}.outstanding_minor`),
    },
    {
      name: 'disputed_minor',
      expression: (r) =>
        `case when ${r}.status = 'disputed' then ${r}.outstanding_minor ` +
        `when ${r}.status = 'open' then ${r}.disputed_minor else 0 end`,
    },
    { name: 'paid_count', expression: (r) => whenStatus(r, `'paid'`, '1') },
    {
      name: 'collected_minor',
      expression: (r) => `${r}.paid_principal_minor + ${r}.paid_interest_minor + ${r}.paid_fees_minor`,
    },
  ],
  watched: [
    'status',
    'amount_minor',
    'outstanding_minor',
    'disputed_minor',
    'currency',
    'due_date',
    'issue_date',
    'creditor_id',
    'debtor_id',
    'paid_principal_minor',
    'paid_interest_minor',
    'paid_fees_minor',
  ],
};

export const PAYMENT_FIGURES: FigureSpec = {
  source: 'payments',
  figures: 'payment_figures',
  deltas: 'payment_figure_deltas',
  keys: [
    { name: 'tenant_id', expression: (r) => `${r}.tenant_id` },
    { name: 'creditor_id', expression: (r) => `${r}.creditor_id` },
    { name: 'segment', expression: (r) => `coalesce(${r}.segment, 'unknown')` },
    { name: 'strategy_key', expression: (r) => `coalesce(${r}.strategy_key, '')` },
    { name: 'currency', expression: (r) => `${r}.currency` },
    { name: 'received_on', expression: (r) => `${r}.received_on` },
    { name: 'channel', expression: (r) => `${r}.channel` },
    { name: 'method', expression: (r) => `${r}.method` },
    { name: 'recorded_by', expression: (r) => `${r}.recorded_by` },
  ],
  measures: [
    { name: 'payment_count', expression: (r) => whenStatus(r, `'booked'`, '1') },
    { name: 'amount_minor', expression: (r) => whenStatus(r, `'booked'`, `${r}.amount_minor`) },
    { name: 'reversed_count', expression: (r) => whenStatus(r, `'reversed'`, '1') },
    { name: 'reversed_minor', expression: (r) => whenStatus(r, `'reversed'`, `${r}.amount_minor`) },
  ],
  watched: [
    'status',
    'amount_minor',
    'currency',
    'received_on',
    'channel',
    'method',
    'creditor_id',
    'strategy_key',
    'segment',
  ],
};

export const FIGURE_SPECS: readonly FigureSpec[] = [CLAIM_FIGURES, PAYMENT_FIGURES];

const names = (columns: readonly FigureColumn[]) => columns.map((c) => c.name).join(', ');

/**
 * `select <keys>, <sign × measures> from …`: each row's contribution, one output row per source row.
 * `overrides` replaces a key's expression (a debtor's old kind, when its kind changes).
 */
export function contributionSelect(
  spec: FigureSpec,
  row: string,
  sign: 1 | -1,
  from: string,
  overrides: Readonly<Record<string, string>> = {},
): string {
  const keys = spec.keys.map((k) => `${overrides[k.name] ?? k.expression(row)} as ${k.name}`);
  const measures = spec.measures.map((m) => `${sign === 1 ? '' : '-'}(${m.expression(row)}) as ${m.name}`);
  return `select ${[...keys, ...measures].join(', ')}${from ? ` from ${from}` : ''}`;
}

/** Sums contributions by key, leaving out groups whose every measure nets to zero. */
export function groupedContributions(spec: FigureSpec, contributions: string): string {
  const sums = spec.measures.map((m) => `sum(${m.name}) as ${m.name}`);
  const nonZero = spec.measures.map((m) => `sum(${m.name}) <> 0`).join(' or ');
  return (
    `select ${names(spec.keys)}, ${sums.join(', ')} from (${contributions}) as x ` +
    `group by ${names(spec.keys)} having ${nonZero}`
  );
}

/** `insert into <deltas> (<columns>) <select>`. */
export function insertDeltas(spec: FigureSpec, select: string): string {
  return `insert into ${spec.deltas} (${names(spec.keys)}, ${names(spec.measures)}) ${select}`;
}

export const keyNames = (spec: FigureSpec) => spec.keys.map((k) => k.name);
export const measureNames = (spec: FigureSpec) => spec.measures.map((m) => m.name);
