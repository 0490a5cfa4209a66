import { type CompliancePolicy, type IsoDate, policyFor } from '@relance/core';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/schema.ts';
import { loadStrategyBook, type StrategyBook } from '../strategies/strategy-book.ts';
import { rowsOf } from './build-rows.ts';
import { allowedOf, type CreditorInfo, decideCase } from './decide-case.ts';
import type { Batch } from './load-batch.ts';
import { type ScheduledAction, Scheduler } from './schedule-actions.ts';
import type { BatchWrites } from './write-batch.ts';

/** What deciding a tenant's cases needs, read once per run: its strategies and its creditors' policies. */
export type RunContext = {
  readonly book: StrategyBook;
  readonly creditors: ReadonlyMap<string, CreditorInfo & { readonly policy: CompliancePolicy }>;
  readonly schedulers: Map<string, Scheduler>;
  readonly dayStart: (zone: string) => string;
};

/** A run's running totals: cases decided, actions planned and blocked, by channel and by stage. */
export type RunTotals = {
  cases: number;
  actions: number;
  blocked: number;
  byChannel: Record<string, number>;
  byStage: Record<string, number>;
};

export function newTotals(): RunTotals {
  return { cases: 0, actions: 0, blocked: 0, byChannel: {}, byStage: {} };
}

/** Adds `more` to `totals`. */
export function addTotals(totals: RunTotals, more: RunTotals): void {
  totals.cases += more.cases;
  totals.actions += more.actions;
  totals.blocked += more.blocked;
  for (const [k, n] of Object.entries(more.byChannel)) totals.byChannel[k] = (totals.byChannel[k] ?? 0) + n;
  for (const [k, n] of Object.entries(more.byStage)) totals.byStage[k] = (totals.byStage[k] ?? 0) + n;
}

export type DecidedBatch = BatchWrites & {
  readonly scheduled: readonly (readonly [string, ScheduledAction])[];
};

/**
 * Decides a batch of cases (strategy, events, promises, plans, ladder), checks each action with the
 * compliance gate and schedules it inside the allowed window: the rows the batch will write. Pure once the
 * batch is read; `totals` is added to.
 */
export function decideBatch(
  ctx: RunContext,
  batch: Batch,
  tenantId: string,
  runId: string,
  runOn: IsoDate,
  now: string,
  totals: RunTotals,
): DecidedBatch {
  const rows = { actions: [], cases: [], blocked: [], eventIds: [] } as Parameters<typeof rowsOf>[3];
  const scheduledAll: [string, ScheduledAction][] = [];
  for (const item of batch.cases) {
    const creditor = ctx.creditors.get(item.creditorId);
    const policy = creditor?.policy ?? policyFor('FR');
    const decision = decideCase(item, ctx.book, ctx.creditors, runOn);
    const strategy = decision.strategyKey
      ? (ctx.book.strategies.get(decision.strategyKey)?.definition ?? null)
      : null;
    const timeBarred = decision.facts.timeBarred;
    const scheduled = schedulerFor(ctx, policy).schedule(
      item,
      decision.plan.actions,
      strategy,
      batch,
      timeBarred,
    );
    rowsOf(decision, scheduled, policy, rows);
    totals.cases += 1;
    totals.byStage[decision.plan.stage] = (totals.byStage[decision.plan.stage] ?? 0) + 1;
    for (const s of scheduled) {
      scheduledAll.push([item.caseId, s]);
      if (s.status === 'blocked') totals.blocked += 1;
      else totals.actions += 1;
      totals.byChannel[s.action.channel] = (totals.byChannel[s.action.channel] ?? 0) + 1;
    }
  }
  return { tenantId, runId, runOn, now, ...rows, scheduled: scheduledAll };
}

function schedulerFor(ctx: RunContext, policy: CompliancePolicy): Scheduler {
  let scheduler = ctx.schedulers.get(policy.key);
  if (!scheduler) {
    scheduler = new Scheduler(policy, ctx.dayStart);
    ctx.schedulers.set(policy.key, scheduler);
  }
  return scheduler;
}

/** Reads what deciding needs: the tenant's strategy book and its creditors with their policies and mandates. */
export async function contextOf(
  db: Kysely<Database>,
  tenantId: string,
  runOn: IsoDate,
  now: string,
): Promise<RunContext> {
  const book = await loadStrategyBook(db, tenantId);
  const rows = await db
    .selectFrom('creditors as c')
    .leftJoin('mandates as m', (j) =>
      j.onRef('m.tenant_id', '=', 'c.tenant_id').onRef('m.creditor_id', '=', 'c.creditor_id'),
    )
    .select(['c.creditor_id', 'c.ref', 'c.country', 'm.allowed_strategies'])
    .where('c.tenant_id', '=', tenantId)
    .execute();
  const creditors = new Map(
    rows.map((r) => [
      r.creditor_id,
      {
        ref: r.ref,
        country: r.country,
        policy: policyFor(r.country),
        allowedStrategies: allowedOf(r.allowed_strategies),
      },
    ]),
  );
  return { book, creditors, schedulers: new Map(), dayStart: dayStartOf(runOn, now) };
}

/** The first instant of the run day in a zone, or now when the run starts later than that. */
function dayStartOf(runOn: IsoDate, now: string): (zone: string) => string {
  const cache = new Map<string, string>();
  const nowMs = Date.parse(now);
  return (zone) => {
    let start = cache.get(zone);
    if (start === undefined) {
      let ms: number;
      try {
        ms = Temporal.PlainDate.from(runOn).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
      } catch {
        ms = Date.parse(`${runOn}T00:00:00Z`);
      }
      start = new Date(Math.max(ms, nowMs)).toISOString();
      cache.set(zone, start);
    }
    return start;
  };
}
