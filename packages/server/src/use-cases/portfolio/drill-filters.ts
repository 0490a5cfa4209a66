import {
  AGEING_BUCKETS,
  type AgeingBucket,
  bucketBounds,
  PLAN_STATUSES,
  type PlanStatus,
  PROMISE_STATUSES,
  type PromiseStatus,
} from '@relance/core';
import { type RawBuilder, type SqlBool, sql } from 'kysely';

export { AGEING_BUCKETS, PLAN_STATUSES, PROMISE_STATUSES };
/** The channels a payment comes by (schema-payments' PaymentChannel), for the filters' schemas. */
export const PAYMENT_CHANNELS = ['portal', 'ivr', 'agent', 'statement', 'api', 'manual', 'agency'] as const;
export type PaymentChannelFilter = (typeof PAYMENT_CHANNELS)[number];

/**
 * The filters that lead from a dashboard figure to the cases behind it (issue #7). Each one asks for the
 * rows the figure counts, with the figure's own condition: a case is listed when at least one of its claims,
 * promises, plans, disputes or payments is counted in the figure.
 */
export type DrillFilters = {
  /** The case's strategy. */
  readonly strategyKey?: string | undefined;
  readonly currency?: string | undefined;
  /** A claim open or disputed with something owed (the receivables). */
  readonly receivable?: boolean | undefined;
  /** … and past its due date (overdue). */
  readonly overdue?: boolean | undefined;
  /** A claim disputed, wholly or in part. */
  readonly disputed?: boolean | undefined;
  /** A claim owed whose due date falls in the dashboard's ageing bucket (claims, not the case's oldest). */
  readonly dueBucket?: AgeingBucket | undefined;
  /** An open dispute. */
  readonly openDispute?: boolean | undefined;
  /** A promise made in the period (`from`–`to`) that became this. */
  readonly promise?: PromiseStatus | undefined;
  /** A plan agreed in the period that is now this. */
  readonly plan?: PlanStatus | undefined;
  /** A payment booked in the period, by this channel, agent (user id) or strategy when given. */
  readonly paid?: boolean | undefined;
  readonly paidChannel?: PaymentChannelFilter | undefined;
  readonly paidBy?: string | undefined;
  readonly paidStrategy?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
};

const caseRef = sql`c.tenant_id = x.tenant_id and c.case_id = x.case_id`;

/** The SQL conditions over `cases as c` for the filters given, on `today`. */
export function drillConditions(filters: DrillFilters, today: string): RawBuilder<SqlBool>[] {
  const out: RawBuilder<SqlBool>[] = [];
  if (filters.strategyKey !== undefined) out.push(sql<SqlBool>`c.strategy_key = ${filters.strategyKey}`);
  if (filters.currency !== undefined) out.push(sql<SqlBool>`c.currency = ${filters.currency}`);
  const owed = sql`x.status in ('open', 'disputed') and x.outstanding_minor > 0`;
  const claim = (condition: RawBuilder<unknown>) =>
    sql<SqlBool>`exists (select 1 from claims x where ${caseRef} and ${condition})`;
  if (filters.receivable) out.push(claim(owed));
  if (filters.overdue) out.push(claim(sql`${owed} and x.due_date < ${today}`));
  if (filters.dueBucket !== undefined) {
    const { from, to } = bucketBounds(filters.dueBucket, today);
    out.push(
      claim(
        sql`${owed}${from === null ? sql`` : sql` and x.due_date >= ${from}`}${
          to === null ? sql`` : sql` and x.due_date <= ${to}`
        }`,
      ),
    );
  }
  if (filters.disputed)
    out.push(
      claim(
        sql`((x.status = 'disputed' and x.outstanding_minor > 0) or (x.status = 'open' and x.disputed_minor > 0))`,
      ),
    );
  if (filters.openDispute)
    out.push(sql<SqlBool>`exists (select 1 from disputes x where ${caseRef} and x.status = 'open')`);
  const period = (column: string) =>
    sql`${filters.from === undefined ? sql`` : sql` and ${sql.ref(column)} >= ${filters.from}`}${
      filters.to === undefined ? sql`` : sql` and ${sql.ref(column)} <= ${filters.to}`
    }`;
  if (filters.promise !== undefined)
    out.push(
      sql<SqlBool>`exists (select 1 from promises x where ${caseRef} and x.status = ${filters.promise}${period('x.made_on')})`,
    );
  if (filters.plan !== undefined)
    out.push(
      sql<SqlBool>`exists (select 1 from payment_plans x where ${caseRef} and x.status = ${filters.plan}${period('x.agreed_on')})`,
    );
  if (filters.paid || filters.paidChannel || filters.paidBy || filters.paidStrategy) {
    const parts = [
      filters.paidChannel === undefined ? sql`` : sql` and x.channel = ${filters.paidChannel}`,
      filters.paidBy === undefined ? sql`` : sql` and x.recorded_by = ${`user:${filters.paidBy}`}`,
      filters.paidStrategy === undefined
        ? sql``
        : sql` and coalesce(x.strategy_key, '') = ${filters.paidStrategy}`,
    ];
    out.push(
      sql<SqlBool>`exists (select 1 from payments x where ${caseRef} and x.status = 'booked'${period('x.received_on')}${sql.join(parts, sql``)})`,
    );
  }
  return out;
}
