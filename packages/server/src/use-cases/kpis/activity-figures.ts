import {
  cashForecast,
  type DisputeRow,
  disputeSummary,
  type ExpectedAmount,
  PLAN_STATUSES,
  PROMISE_STATUSES,
  percent,
  ratio,
} from '@relance/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { madeThrough, type OriginColumn, type PaymentChannelFilter } from '../portfolio/drill-filters.ts';

export type ActivityFilters = {
  readonly tenantId: string;
  readonly creditorId: string | null;
  readonly segment: string | null;
  /** The case's strategy. */
  readonly strategyKey?: string | null | undefined;
  /** Through which channel, by which agent (user id) the promise, plan or dispute was made (madeThrough). */
  readonly channel?: PaymentChannelFilter | null | undefined;
  readonly agentId?: string | null | undefined;
  readonly currency: string;
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
};

type StatusFigures = { readonly status: string; readonly count: number; readonly amountMinor: number };

export type ActivityFigures = {
  /** Promises made in the period, by what became of them; kept rate = kept / (kept + partly kept + broken). */
  readonly promises: {
    readonly byStatus: readonly StatusFigures[];
    readonly made: number;
    readonly keptRate: string | null;
  };
  /** Plans agreed in the period; completion = completed / (completed + broken). */
  readonly plans: {
    readonly byStatus: readonly StatusFigures[];
    readonly agreed: number;
    readonly completionRate: string | null;
  };
  readonly disputes: {
    readonly openCount: number;
    readonly openMinor: number;
    readonly meanAgeDays: string | null;
    readonly ageing: readonly {
      readonly bucket: string;
      readonly count: number;
      readonly amountMinor: number;
    }[];
    readonly pastDeadline: number;
  };
  /** Expected by month from the plans' instalments and the open promises, from asOf on. */
  readonly forecast: readonly {
    readonly month: string;
    readonly promisesMinor: number;
    readonly instalmentsMinor: number;
  }[];
};

export async function activityFigures(db: Kysely<Database>, f: ActivityFilters): Promise<ActivityFigures> {
  const promisesOf = () =>
    db
      .selectFrom('promises as t')
      .innerJoin('cases as c', (j) =>
        j.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.case_id', '=', 't.case_id'),
      )
      .innerJoin('debtors as d', (j) =>
        j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
      )
      .where('t.tenant_id', '=', f.tenantId)
      .where('t.currency', '=', f.currency)
      .$if(f.creditorId !== null, (q) => q.where('c.creditor_id', '=', f.creditorId ?? ''))
      .$if(f.segment !== null, (q) => q.where('d.kind', '=', (f.segment ?? 'business') as 'business'))
      .$if(f.strategyKey != null, (q) => q.where('c.strategy_key', '=', f.strategyKey ?? ''))
      .$call((q) => madeConditions(f, 'made_by').reduce((w, c) => w.where(c), q));
  const plansOf = () =>
    db
      .selectFrom('payment_plans as t')
      .innerJoin('cases as c', (j) =>
        j.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.case_id', '=', 't.case_id'),
      )
      .innerJoin('debtors as d', (j) =>
        j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
      )
      .where('t.tenant_id', '=', f.tenantId)
      .where('t.currency', '=', f.currency)
      .$if(f.creditorId !== null, (q) => q.where('c.creditor_id', '=', f.creditorId ?? ''))
      .$if(f.segment !== null, (q) => q.where('d.kind', '=', (f.segment ?? 'business') as 'business'))
      .$if(f.strategyKey != null, (q) => q.where('c.strategy_key', '=', f.strategyKey ?? ''))
      .$call((q) => madeConditions(f, 'agreed_by').reduce((w, c) => w.where(c), q));
  const [promiseRows, planRows, disputes, instalments, openPromises] = await Promise.all([
    promisesOf()
      .select((eb) => [
        't.status',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('t.amount_minor').as('amount'),
      ])
      .where('t.made_on', '>=', f.from)
      .where('t.made_on', '<=', f.to)
      .groupBy('t.status')
      .execute(),
    plansOf()
      .select((eb) => [
        't.status',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('t.total_minor').as('amount'),
      ])
      .where('t.agreed_on', '>=', f.from)
      .where('t.agreed_on', '<=', f.to)
      .groupBy('t.status')
      .execute(),
    disputeRows(db, f),
    plansOf()
      .innerJoin('plan_instalments as i', (j) =>
        j.onRef('i.tenant_id', '=', 't.tenant_id').onRef('i.plan_id', '=', 't.plan_id'),
      )
      .select(['i.due_on', 'i.amount_minor', 'i.paid_minor'])
      .where('t.status', '=', 'active')
      .where('i.due_on', '>=', f.asOf)
      .execute(),
    promisesOf().select(['t.schedule', 't.paid_minor']).where('t.status', '=', 'open').execute(),
  ]);
  const byStatus = (
    rows: readonly { status: string; n: number | string; amount: number | string | null }[],
    statuses: readonly string[],
  ) =>
    statuses.map((status) => {
      const row = rows.find((r) => r.status === status);
      return { status, count: Number(row?.n ?? 0), amountMinor: Number(row?.amount ?? 0) };
    });
  const promises = byStatus(promiseRows, PROMISE_STATUSES);
  const plans = byStatus(planRows, PLAN_STATUSES);
  const count = (list: readonly StatusFigures[], status: string) =>
    list.find((s) => s.status === status)?.count ?? 0;
  const judged = count(promises, 'kept') + count(promises, 'partly_kept') + count(promises, 'broken');
  const summary = disputeSummary({ currency: f.currency, asOf: f.asOf, disputes });
  const forecast = cashForecast({
    currency: f.currency,
    asOf: f.asOf,
    granularity: 'month',
    instalments: instalments
      .map((i) => ({
        dueOn: i.due_on,
        amountMinor: Math.max(Number(i.amount_minor) - Number(i.paid_minor), 0),
        currency: f.currency,
      }))
      .filter((i) => i.amountMinor > 0),
    promises: openPromises.flatMap((p) => promiseDates(p.schedule, Number(p.paid_minor), f)),
  });
  return {
    promises: {
      byStatus: promises,
      made: promises.reduce((s, p) => s + p.count, 0),
      keptRate: percent(ratio(count(promises, 'kept'), judged)),
    },
    plans: {
      byStatus: plans,
      agreed: plans.reduce((s, p) => s + p.count, 0),
      completionRate: percent(
        ratio(count(plans, 'completed'), count(plans, 'completed') + count(plans, 'broken')),
      ),
    },
    disputes: {
      openCount: summary.open.count,
      openMinor: summary.open.amountMinor,
      meanAgeDays: summary.open.meanAgeDays,
      ageing: summary.open.ageing.map((a) => ({
        bucket: a.bucket,
        count: a.count,
        amountMinor: a.amountMinor,
      })),
      pastDeadline: summary.open.pastDeadline.count,
    },
    forecast: forecast.buckets.map((b) => ({
      month: b.key,
      promisesMinor: b.promisesMinor,
      instalmentsMinor: b.instalmentsMinor,
    })),
  };
}

/** The channel and agent filters over the rows' maker (`t`: the promise, plan or dispute). */
function madeConditions(f: ActivityFilters, column: OriginColumn) {
  return madeThrough('t', column, { channel: f.channel ?? undefined, agentId: f.agentId ?? undefined });
}

/** Open disputes, and those closed in the period (for the time they took). */
async function disputeRows(db: Kysely<Database>, f: ActivityFilters): Promise<DisputeRow[]> {
  const rows = await db
    .selectFrom('disputes as t')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.case_id', '=', 't.case_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .where('t.tenant_id', '=', f.tenantId)
    .where('t.currency', '=', f.currency)
    .$if(f.creditorId !== null, (q) => q.where('c.creditor_id', '=', f.creditorId ?? ''))
    .$if(f.segment !== null, (q) => q.where('d.kind', '=', (f.segment ?? 'business') as 'business'))
    .$if(f.strategyKey != null, (q) => q.where('c.strategy_key', '=', f.strategyKey ?? ''))
    .$call((q) => madeConditions(f, 'opened_by').reduce((w, c) => w.where(c), q))
    .select(['t.status', 't.created_at', 't.resolved_at', 't.deadline_on', 't.amount_minor'])
    .where((eb) => eb.or([eb('t.status', '=', 'open'), eb('t.resolved_at', '>=', f.from)]))
    .execute();
  return rows
    .map((r) => ({
      status: r.status as DisputeRow['status'],
      openedOn: r.created_at.slice(0, 10),
      closedOn: r.status === 'open' || !r.resolved_at ? null : r.resolved_at.slice(0, 10),
      deadlineOn: r.deadline_on,
      amountMinor: Number(r.amount_minor),
      currency: f.currency,
    }))
    .filter((r) => r.openedOn <= f.asOf);
}

/** An open promise's dates still to come, less what was already paid against it (oldest dates first). */
function promiseDates(schedule: string, paidMinor: number, f: ActivityFilters): ExpectedAmount[] {
  let paid = paidMinor;
  const out: ExpectedAmount[] = [];
  for (const date of JSON.parse(schedule) as { dueOn: string; amountMinor: number }[]) {
    const covered = Math.min(paid, date.amountMinor);
    paid -= covered;
    if (date.dueOn >= f.asOf && date.amountMinor - covered > 0)
      out.push({ dueOn: date.dueOn, amountMinor: date.amountMinor - covered, currency: f.currency });
  }
  return out;
}
