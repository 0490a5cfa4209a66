import {
  AGEING_BUCKETS,
  type AgeingBucket,
  assertNever,
  bucketBounds,
  PLAN_STATUSES,
  type PlanStatus,
  PROMISE_STATUSES,
  type PromiseStatus,
} from '@relance/core';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { IvrProvider } from '../../channels/voice/ivr/ivr-settings.ts';

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
  /** The promise, plan or open dispute above made through this channel, or by this agent (user id). */
  readonly madeChannel?: PaymentChannelFilter | undefined;
  readonly madeBy?: string | undefined;
  /** A payment booked in the period, by this channel, agent (user id) or strategy when given. */
  readonly paid?: boolean | undefined;
  readonly paidChannel?: PaymentChannelFilter | undefined;
  readonly paidBy?: string | undefined;
  readonly paidStrategy?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
};

/** A drill-down's condition: on the case itself, or "has a row of `on` (as `x`) such that". */
export type DrillCondition = {
  readonly on: 'case' | 'claims' | 'payments' | 'disputes' | 'promises' | 'payment_plans';
  readonly condition: RawBuilder<SqlBool>;
  /** The claims owed (open or disputed, something left) due in this range, when that is all the condition is. */
  readonly owed?: OwedRange;
};

/** Due dates from and to (inclusive), or before a day; none given: every claim owed. */
export type OwedRange = { readonly from?: string; readonly to?: string; readonly before?: string };

/** Owed: open or disputed with something left (the receivables), as the claims' partial index says it. */
const owed = sql`x.status in ('open', 'disputed') and x.outstanding_minor > 0`;

/** The conditions for the filters given, on `today`. */
export function drillConditions(filters: DrillFilters, today: string): DrillCondition[] {
  const out: DrillCondition[] = [];
  const on = (table: DrillCondition['on'], condition: RawBuilder<unknown>, owed?: OwedRange) =>
    out.push({ on: table, condition: sql<SqlBool>`${condition}`, ...(owed ? { owed } : {}) });
  if (filters.strategyKey !== undefined) on('case', sql`c.strategy_key = ${filters.strategyKey}`);
  if (filters.currency !== undefined) on('case', sql`c.currency = ${filters.currency}`);
  if (filters.receivable) on('claims', owed, {});
  if (filters.overdue) on('claims', sql`${owed} and x.due_date < ${today}`, { before: today });
  if (filters.dueBucket !== undefined) {
    const { from, to } = bucketBounds(filters.dueBucket, today);
    on(
      'claims',
      sql`${owed}${from === null ? sql`` : sql` and x.due_date >= ${from}`}${
        to === null ? sql`` : sql` and x.due_date <= ${to}`
      }`,
      { ...(from === null ? {} : { from }), ...(to === null ? {} : { to }) },
    );
  }
  if (filters.disputed)
    on(
      'claims',
      sql`((x.status = 'disputed' and x.outstanding_minor > 0) or (x.status = 'open' and x.disputed_minor > 0))`,
    );
  const made = (column: OriginColumn) =>
    sql.join(
      madeThrough('x', column, { channel: filters.madeChannel, agentId: filters.madeBy }).map(
        (condition) => sql` and ${condition}`,
      ),
      sql``,
    );
  if (filters.openDispute) on('disputes', sql`x.status = 'open'${made('opened_by')}`);
  const period = (column: string) =>
    sql`${filters.from === undefined ? sql`` : sql` and ${sql.ref(column)} >= ${filters.from}`}${
      filters.to === undefined ? sql`` : sql` and ${sql.ref(column)} <= ${filters.to}`
    }`;
  if (filters.promise !== undefined)
    on('promises', sql`x.status = ${filters.promise}${period('x.made_on')}${made('made_by')}`);
  if (filters.plan !== undefined)
    on('payment_plans', sql`x.status = ${filters.plan}${period('x.agreed_on')}${made('agreed_by')}`);
  if (filters.paid || filters.paidChannel || filters.paidBy || filters.paidStrategy) {
    const parts = [
      filters.paidChannel === undefined ? sql`` : sql` and x.channel = ${filters.paidChannel}`,
      filters.paidBy === undefined ? sql`` : sql` and x.recorded_by = ${`user:${filters.paidBy}`}`,
      filters.paidStrategy === undefined
        ? sql``
        : sql` and coalesce(x.strategy_key, '') = ${filters.paidStrategy}`,
    ];
    on('payments', sql`x.status = 'booked'${period('x.received_on')}${sql.join(parts, sql``)}`);
  }
  return out;
}

/**
 * How a row condition is written over `cases as c`: `rows` — `c.case_id in (select … where x.tenant_id = …)`,
 * not correlated, so that each engine may start from the rows (a few hundred payments of an agent); `case` —
 * `exists (…)` for each case, through the rows' index by case, for a walk over the cases in the listed order.
 */
export type DrillForm = 'rows' | 'case';

/** A condition over `cases as c`. */
export function drillWhere(d: DrillCondition, tenantId: string, form: DrillForm): RawBuilder<SqlBool> {
  if (d.on === 'case') return d.condition;
  const table = sql.table(d.on);
  return form === 'rows'
    ? sql<SqlBool>`c.case_id in (select x.case_id from ${table} x where x.tenant_id = ${tenantId} and ${d.condition})`
    : sql<SqlBool>`exists (select 1 from ${table} x where x.tenant_id = c.tenant_id and x.case_id = c.case_id and ${d.condition})`;
}

/** The column that says who made a promise, agreed a plan or opened a dispute. */
export type OriginColumn = 'made_by' | 'agreed_by' | 'opened_by';

const IVR_MAKERS: readonly `${IvrProvider}-ivr`[] = ['builtin-ivr', 'twilio-ivr'];

/**
 * The dashboard's channel and agent filters over promises, plans and disputes, from who made them as their
 * rows record it: `user:<id>` (a user — an agent — or an API key), `debtor` (the portal), `<provider>-ivr` (the
 * payment IVR, which agrees plans), `import:<id>` or `system`. A bank statement, a manual booking or an
 * agency's report make no promise, plan or dispute: none is counted under those channels.
 */
export function madeThrough(
  alias: string,
  column: OriginColumn,
  origin: { readonly channel?: PaymentChannelFilter | undefined; readonly agentId?: string | undefined },
): RawBuilder<SqlBool>[] {
  const by = sql.ref(`${alias}.${column}`);
  const tenant = sql.ref(`${alias}.tenant_id`);
  const out: RawBuilder<SqlBool>[] = [];
  if (origin.agentId !== undefined) out.push(sql<SqlBool>`${by} = ${`user:${origin.agentId}`}`);
  if (origin.channel === undefined) return out;
  const byId = (table: RawBuilder<unknown>) =>
    sql<SqlBool>`(${by} like 'user:%' and substr(${by}, 6) in ${table})`;
  switch (origin.channel) {
    case 'portal':
      out.push(sql<SqlBool>`${by} = 'debtor'`);
      break;
    case 'ivr':
      out.push(sql<SqlBool>`${by} in (${sql.join(IVR_MAKERS)})`);
      break;
    case 'agent':
      out.push(byId(sql`(select u.user_id from users u where u.tenant_id = ${tenant})`));
      break;
    case 'api':
      out.push(byId(sql`(select k.api_key_id from api_keys k where k.tenant_id = ${tenant})`));
      break;
    case 'statement':
    case 'manual':
    case 'agency':
      out.push(sql<SqlBool>`1 = 0`);
      break;
    default:
      assertNever(origin.channel);
  }
  return out;
}
