import { describeReason, type IsoDate, nameReason } from '@relance/core';
import { startBackgroundCheckpoints } from '../../db/background-checkpoints.ts';
import { newId } from '../../db/ids.ts';
import type { Db } from '../../db/schema.ts';
import type { Deps } from '../../shared/deps.ts';
import { ensureStrategies, type StrategyBook } from '../strategies/strategy-book.ts';
import { runWriteback } from '../workspace/run-writeback.ts';
import { insertedByChannel } from './batch-channels.ts';
import { contextOf, type DecidedBatch, decideBatch, newTotals, type RunTotals } from './decide-batch.ts';
import { claimBatch, cursorAfter, type QueueCursor, readBatch } from './load-batch.ts';
import { pipelineFile, runPipelined } from './run-pipeline.ts';
import type { ScheduledAction } from './schedule-actions.ts';
import { writeBatch } from './write-batch.ts';

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
  /**
   * On a SQLite file, read and decide in a second thread while this one writes (default); `false` keeps
   * the whole run on this thread.
   */
  readonly pipeline?: boolean;
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
  /** Whether a reader thread read and decided the batches while this one wrote them (SQLite, several batches). */
  readonly pipelined: boolean;
};

/** Cases per batch, one transaction each: fewer, larger commits write each hot index page fewer times. */
const DEFAULT_BATCH = 5000;

/**
 * On SQLite a run rewrites a large part of the case table: a 64 MB page cache spares re-reading index
 * pages; a run of several batches (pipelined, on a file) has the WAL copied into the database by a thread
 * of its own every half second (decision 0017; the server's thread when the run is inside it), so that the
 * writer's commits never wait for it — at 200,000 cases 6.7–7.2 s instead of 7.8–7.9 s; a small run
 * checkpoints every 80 MB of WAL instead of every 4 MB. Both are put back when the run ends (and the WAL
 * checkpointed).
 */
function tuneForRun(deps: Deps, large: boolean): () => void {
  if (deps.database.raw.kind !== 'sqlite') return () => {};
  const sqlite = deps.database.raw.sqlite;
  const cache = sqlite.pragma('cache_size', { simple: true });
  const checkpoint = sqlite.pragma('wal_autocheckpoint', { simple: true });
  sqlite.pragma('cache_size = -65536');
  const checkpoints = large ? startBackgroundCheckpoints(deps.database, { intervalMs: 500 }) : null;
  if (!checkpoints) sqlite.pragma('wal_autocheckpoint = 20000');
  return () => {
    void checkpoints?.stop();
    sqlite.pragma(`cache_size = ${Number(cache)}`);
    sqlite.pragma(`wal_autocheckpoint = ${Number(checkpoint)}`);
    sqlite.pragma('wal_checkpoint(PASSIVE)');
  };
}

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
  const dryRun = options.dryRun === true;
  const runId = dryRun ? null : (options.runId ?? (await startRun(deps, tenantId, options, now)));
  const totals = newTotals();
  const preview: PreviewAction[] = [];
  const size = options.batchSize ?? DEFAULT_BATCH;
  const file =
    dryRun || options.pipeline === false || !(await severalBatchesDue(deps, tenantId, options.runOn, size))
      ? null
      : pipelineFile(deps);
  const restore = tuneForRun(deps, file !== null);
  try {
    if (file !== null && runId !== null) {
      const { onBatch } = options;
      const run = { runId, runOn: options.runOn, now, size, worker: options.worker ?? 'main' };
      await runPipelined(deps, file, tenantId, { ...run, ...(onBatch ? { onBatch } : {}) }, totals);
    } else {
      await runHere(deps, tenantId, options, { runId, now, size }, totals, preview);
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
  return { runId, runOn: options.runOn, dryRun, ...totals, preview, pipelined: file !== null };
}

/**
 * Whether more than two batches are due: below that, starting the reader thread (its modules, its
 * connection: about half a second) costs more than it saves.
 */
async function severalBatchesDue(deps: Deps, tenantId: string, runOn: IsoDate, size: number) {
  if (pipelineFile(deps) === null) return false;
  const row = await deps.database.db
    .selectFrom('cases')
    .select('case_id')
    .where('tenant_id', '=', tenantId)
    .where('next_run_on', '<=', runOn)
    .orderBy('next_run_on')
    .orderBy('case_id')
    .limit(1)
    .offset(2 * size)
    .executeTakeFirst();
  return row !== undefined;
}

/** The run on this thread alone: a dry run, PostgreSQL (each worker process claims its batches), SQLite in memory. */
async function runHere(
  deps: Deps,
  tenantId: string,
  options: RunOptions,
  run: { readonly runId: string | null; readonly now: string; readonly size: number },
  totals: RunTotals,
  preview: PreviewAction[],
): Promise<void> {
  const { db } = deps.database;
  const { runId, now, size } = run;
  const dryRun = options.dryRun === true;
  const ctx = await contextOf(db, tenantId, options.runOn, now);
  let cursor = '';
  let queue: QueueCursor = null;
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
}

function collectPreview(
  writes: DecidedBatch,
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
      cases_due: await casesDue(deps.database.db, tenantId, options.runOn),
    })
    .execute();
  return runId;
}

/**
 * The cases a run starting now has to decide: the queue's length (cases due on `runOn`), counted once from its
 * index so that the live view can tell what is left without counting the queue the run is rewriting.
 */
export async function casesDue(db: Db, tenantId: string, runOn: IsoDate): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('next_run_on', '<=', runOn)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
