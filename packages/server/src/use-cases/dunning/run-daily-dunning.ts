import { type CompliancePolicy, describeReason, type IsoDate, nameReason, policyFor } from '@relance/core';
import { Temporal } from 'temporal-polyfill';
import { newId } from '../../db/ids.ts';
import type { Deps } from '../../shared/deps.ts';
import { ensureStrategies, loadStrategyBook, type StrategyBook } from '../strategies/strategy-book.ts';
import { runWriteback } from '../workspace/run-writeback.ts';
import { insertedByChannel } from './batch-channels.ts';
import { rowsOf } from './build-rows.ts';
import { allowedOf, type CreditorInfo, decideCase } from './decide-case.ts';
import { type Batch, claimBatch, cursorAfter, type QueueCursor, readBatch } from './load-batch.ts';
import { type ScheduledAction, Scheduler } from './schedule-actions.ts';
import { type BatchWrites, writeBatch } from './write-batch.ts';

export type RunOptions = {
  readonly runOn: IsoDate;
  /** Decide and report without writing anything: "what would happen on date D". */
  readonly dryRun?: boolean;
  readonly trigger?: 'schedule' | 'manual';
  /** Join a run another process started (a second worker). */
  readonly runId?: string;
  readonly worker?: string;
  readonly batchSize?: number;
  /** How many planned actions a dry run lists (all are counted). */
  readonly previewLimit?: number;
  readonly onBatch?: (done: { readonly cases: number; readonly actions: number }) => void;
};

export type PreviewAction = {
  readonly caseId: string;
  readonly channel: string;
  readonly template: string;
  readonly status: string;
  readonly scheduledAt: string | null;
  readonly stepKey: string | null;
  readonly reason: ScheduledAction['action']['reason'] & {
    readonly text: { readonly fr: string; readonly en: string };
  };
  readonly gate: ScheduledAction['gate'];
};

export type RunReport = {
  readonly runId: string | null;
  readonly runOn: IsoDate;
  readonly dryRun: boolean;
  readonly cases: number;
  readonly actions: number;
  readonly blocked: number;
  readonly byChannel: Readonly<Record<string, number>>;
  readonly byStage: Readonly<Record<string, number>>;
  readonly preview: readonly PreviewAction[];
};

/** Cases per batch, one transaction each: fewer, larger commits write each hot index page fewer times. */
const DEFAULT_BATCH = 5000;

/**
 * On SQLite a run rewrites a large part of the case table: a 64 MB page cache spares re-reading index
 * pages, and a checkpoint every 80 MB of WAL instead of every 4 MB copies each hot page into the database
 * once rather than dozens of times. Both are put back when the run ends (and the WAL checkpointed).
 */
function tuneForRun(deps: Deps): () => void {
  if (deps.database.raw.kind !== 'sqlite') return () => {};
  const sqlite = deps.database.raw.sqlite;
  const cache = sqlite.pragma('cache_size', { simple: true });
  const checkpoint = sqlite.pragma('wal_autocheckpoint', { simple: true });
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('wal_autocheckpoint = 20000');
  return () => {
    sqlite.pragma(`cache_size = ${Number(cache)}`);
    sqlite.pragma(`wal_autocheckpoint = ${Number(checkpoint)}`);
    sqlite.pragma('wal_checkpoint(PASSIVE)');
  };
}

type Context = {
  readonly book: StrategyBook;
  readonly creditors: ReadonlyMap<string, CreditorInfo & { readonly policy: CompliancePolicy }>;
  readonly schedulers: Map<string, Scheduler>;
  readonly dayStart: (zone: string) => string;
};

/**
 * The daily run for one tenant: every case due on `runOn` is decided (strategy, events, promises, plans,
 * ladder), its actions checked by the compliance gate and scheduled inside the allowed window, and written
 * to the outbox with the case's new place — one transaction per batch. A second run the same day finds no
 * case due; a run killed mid-way resumes with the batches not yet committed; actions are keyed per case so
 * that nothing is ever doubled.
 */
export async function runDailyDunning(deps: Deps, tenantId: string, options: RunOptions): Promise<RunReport> {
  const { db } = deps.database;
  const now = deps.clock.now();
  await ensureStrategies(db, tenantId, now);
  const ctx = await contextOf(deps, tenantId, options.runOn, now);
  const dryRun = options.dryRun === true;
  const runId = dryRun ? null : (options.runId ?? (await startRun(deps, tenantId, options, now)));
  const totals = {
    cases: 0,
    actions: 0,
    blocked: 0,
    byChannel: {} as Record<string, number>,
    byStage: {} as Record<string, number>,
  };
  const preview: PreviewAction[] = [];
  const size = options.batchSize ?? DEFAULT_BATCH;
  const restore = tuneForRun(deps);
  let cursor = '';
  let queue: QueueCursor = null;
  try {
    for (;;) {
      const done = await db.transaction().execute(async (trx) => {
        const batch = dryRun
          ? await readBatch(trx, deps.database.raw, tenantId, options.runOn, size, cursor)
          : await claimBatch(trx, deps.database.raw, tenantId, options.runOn, size, queue);
        if (!batch) {
          // The end of the queue: once more from its start, for cases another worker skipped and gave
          // back (it died) or events queued during the run; nothing there either and the run is done.
          if (dryRun || queue === null) return false;
          queue = null;
          return true;
        }
        if (!dryRun) queue = cursorAfter(batch);
        const writes = decideBatch(ctx, batch, tenantId, runId ?? '', options.runOn, now, totals);
        if (dryRun) {
          for (const c of batch.cases) if (c.caseId > cursor) cursor = c.caseId;
          collectPreview(writes, preview, options.previewLimit ?? 50, ctx.book);
          return true;
        }
        const inserted = await writeBatch(trx, deps.database.raw, writes);
        // Promises and plans the run found kept, broken or completed: their rows follow (issue #5).
        await runWriteback(trx, tenantId, options.runOn, now, writes.cases);
        await trx
          .insertInto('run_batches')
          .values({
            tenant_id: tenantId,
            run_id: runId ?? '',
            batch_id: newId(),
            worker: options.worker ?? 'main',
            cases: writes.cases.length,
            actions: inserted,
            blocked: writes.blocked.length,
            by_channel: await insertedByChannel(trx, tenantId, writes.actions, inserted),
            finished_at: deps.clock.now(),
          })
          .execute();
        return true;
      });
      if (!done) break;
      options.onBatch?.({ cases: totals.cases, actions: totals.actions });
    }
  } finally {
    restore();
  }
  if (runId && !options.runId) {
    await db
      .updateTable('runs')
      .set({ status: 'completed', finished_at: deps.clock.now() })
      .where('tenant_id', '=', tenantId)
      .where('run_id', '=', runId)
      .execute();
  }
  return { runId, runOn: options.runOn, dryRun, ...totals, preview };
}

function decideBatch(
  ctx: Context,
  batch: Batch,
  tenantId: string,
  runId: string,
  runOn: IsoDate,
  now: string,
  totals: {
    cases: number;
    actions: number;
    blocked: number;
    byChannel: Record<string, number>;
    byStage: Record<string, number>;
  },
): BatchWrites & { readonly scheduled: readonly (readonly [string, ScheduledAction])[] } {
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

function schedulerFor(ctx: Context, policy: CompliancePolicy): Scheduler {
  let scheduler = ctx.schedulers.get(policy.key);
  if (!scheduler) {
    scheduler = new Scheduler(policy, ctx.dayStart);
    ctx.schedulers.set(policy.key, scheduler);
  }
  return scheduler;
}

function collectPreview(
  writes: ReturnType<typeof decideBatch>,
  preview: PreviewAction[],
  limit: number,
  book: StrategyBook,
): void {
  for (const [caseId, s] of writes.scheduled) {
    if (preview.length >= limit) return;
    const strategy = book.strategies.get(s.action.key.split(':')[0] ?? '')?.definition ?? null;
    const reason = nameReason(s.action.reason, strategy);
    preview.push({
      caseId,
      channel: s.action.channel,
      template: s.action.template,
      status: s.status,
      scheduledAt: s.scheduledAt,
      stepKey: s.action.stepKey,
      reason: {
        ...s.action.reason,
        text: { fr: describeReason(reason, 'fr'), en: describeReason(reason, 'en') },
      },
      gate: s.gate,
    });
  }
}

async function contextOf(deps: Deps, tenantId: string, runOn: IsoDate, now: string): Promise<Context> {
  const { db } = deps.database;
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

async function startRun(deps: Deps, tenantId: string, options: RunOptions, now: string): Promise<string> {
  const runId = newId();
  await deps.database.db
    .insertInto('runs')
    .values({
      tenant_id: tenantId,
      run_id: runId,
      run_on: options.runOn,
      trigger: options.trigger ?? 'manual',
      status: 'running',
      workers: 1,
      started_at: now,
      finished_at: null,
      error: null,
    })
    .execute();
  return runId;
}
