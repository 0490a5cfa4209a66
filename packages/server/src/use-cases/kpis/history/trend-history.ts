import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/** A month-end's portfolio in the trends' scope. */
export type Totals = {
  placed: number;
  claims: number;
  receivable: number;
  notDue: number;
};

export type HistoryScope = {
  readonly tenantId: string;
  readonly creditorId: string | null;
  readonly segment: string | null;
  /** A strategy: the lines by strategy (decision 0014), whose days have their own key. */
  readonly strategyKey: string | null;
  readonly currency: string;
};

/**
 * The month-ends `ends` written to the history, added up in the scope; a day written without any line in it
 * had nothing (zeros), a day not written is left out (a gap).
 */
export async function historyTotals(
  db: Kysely<Database>,
  s: HistoryScope,
  ends: readonly string[],
): Promise<[string, Totals][]> {
  const table = s.strategyKey === null ? 'figure_history' : 'strategy_figure_history';
  const rows = await db
    .selectFrom(table)
    .select((eb) => [
      'as_of',
      eb.fn.sum<number>('placed_minor').as('placed'),
      eb.fn.sum<number>('claim_count').as('claims'),
      eb.fn.sum<number>('receivable_minor').as('receivable'),
      eb.fn.sum<number>('not_due_minor').as('not_due'),
    ])
    .where('tenant_id', '=', s.tenantId)
    .where('as_of', 'in', [...ends])
    .$if(s.strategyKey !== null, (q) => q.where(sql.ref('strategy_key'), '=', s.strategyKey ?? ''))
    .where('currency', '=', s.currency)
    .$if(s.creditorId !== null, (q) => q.where('creditor_id', '=', s.creditorId ?? ''))
    .$if(s.segment !== null, (q) => q.where('segment', '=', s.segment ?? ''))
    .groupBy('as_of')
    .execute();
  const written = await writtenDays(
    db,
    s.tenantId,
    ends,
    s.strategyKey === null ? 'figure_history_days' : 'strategy_history_days',
  );
  return ends
    .filter((d) => written.has(d))
    .map((d) => {
      const r = rows.find((x) => x.as_of === d);
      return [
        d,
        {
          placed: Number(r?.placed ?? 0),
          claims: Number(r?.claims ?? 0),
          receivable: Number(r?.receivable ?? 0),
          notDue: Number(r?.not_due ?? 0),
        },
      ];
    });
}

/** The days among `days` written to a history (`keys`: that history's once-a-day key). */
export async function writtenDays(
  db: Kysely<Database>,
  tenantId: string,
  days: readonly string[],
  keys: 'figure_history_days' | 'strategy_history_days' | 'strategy_cohort_days',
): Promise<Set<string>> {
  const rows = await db
    .selectFrom(keys)
    .select('as_of')
    .where('tenant_id', '=', tenantId)
    .where('as_of', 'in', [...days])
    .execute();
  return new Set(rows.map((r) => r.as_of));
}

/**
 * Each written month-end's collected to date by cohort (the liquidation curves; by creditor and segment, and
 * by strategy from the cohorts by strategy, decision 0016).
 */
export async function cohortTotals(
  db: Kysely<Database>,
  s: HistoryScope,
  ends: readonly string[],
  first: string,
): Promise<[string, Map<string, number>][]> {
  const table = s.strategyKey === null ? 'cohort_history' : 'strategy_cohort_history';
  const rows = await db
    .selectFrom(table)
    .select((eb) => ['as_of', 'cohort_month', eb.fn.sum<number>('collected_minor').as('collected')])
    .where('tenant_id', '=', s.tenantId)
    .where('as_of', 'in', [...ends])
    .$if(s.strategyKey !== null, (q) => q.where(sql.ref('strategy_key'), '=', s.strategyKey ?? ''))
    .where('currency', '=', s.currency)
    .where('cohort_month', '>=', first)
    .$if(s.creditorId !== null, (q) => q.where('creditor_id', '=', s.creditorId ?? ''))
    .$if(s.segment !== null, (q) => q.where('segment', '=', s.segment ?? ''))
    .groupBy(['as_of', 'cohort_month'])
    .execute();
  const written = await writtenDays(
    db,
    s.tenantId,
    ends,
    s.strategyKey === null ? 'figure_history_days' : 'strategy_cohort_days',
  );
  const byDay = new Map<string, Map<string, number>>([...written].map((d) => [d, new Map()]));
  for (const r of rows) byDay.get(r.as_of)?.set(r.cohort_month, Number(r.collected));
  return [...byDay.entries()];
}
