import { Worker } from 'node:worker_threads';
import type { IsoDate } from '@relance/core';
import { newId } from '../../db/ids.ts';
import type { Deps } from '../../shared/deps.ts';
import { type DecidedCase, runWriteback } from '../workspace/run-writeback.ts';
import { insertedByChannel } from './batch-channels.ts';
import { addTotals, type RunTotals } from './decide-batch.ts';
import { type PackedWrites, packedActions, writePacked } from './write-batch.ts';

/** The reader thread's old generation: two batches of cases in flight and what deciding them keeps. */
const READER_HEAP_MB = 160;

/** What the reader thread is started with. */
export type ReaderStart = {
  readonly file: string;
  readonly tenantId: string;
  readonly runId: string;
  readonly runOn: IsoDate;
  readonly now: string;
  readonly size: number;
};

/** What the reader thread sends: a decided batch, the end of the queue, or its failure. */
export type ReaderMessage =
  | {
      readonly kind: 'batch';
      readonly packed: PackedWrites;
      readonly rows: { readonly cases: number; readonly actions: number; readonly blocked: number };
      /** The batch's actions by channel (JSON), as `run_batches` keeps them when every one went in. */
      readonly byChannel: string;
      /** The cases whose notes name a promise or a plan to write back. */
      readonly writeback: readonly DecidedCase[];
      readonly totals: RunTotals;
    }
  | { readonly kind: 'done' }
  | { readonly kind: 'error'; readonly message: string; readonly stack: string };

/** The SQLite file a handle is on, or null when the run cannot be shared with a thread (in memory, PostgreSQL). */
export function pipelineFile(deps: Deps): string | null {
  const raw = deps.database.raw;
  if (raw.kind !== 'sqlite' || raw.sqlite.memory) return null;
  return raw.sqlite.name;
}

/**
 * The daily run on SQLite, in two threads: a reader thread (`run-reader.ts`, its own connection) claims each
 * batch of the queue and decides it, while this thread writes the batch before — one transaction per batch,
 * exactly what the single-threaded run writes (`writePacked`, the promises' and plans' write-back, the
 * batch's `run_batches` line). The reader keeps at most two batches ahead and acknowledges nothing itself:
 * each batch is acknowledged once committed, and at the end of the queue the reader waits for every
 * acknowledgement before it scans the queue once more from its start, so it never reads a case whose batch
 * is not yet written. A batch is written whole or not at all; a run killed mid-way resumes from the queue.
 */
export async function runPipelined(
  deps: Deps,
  file: string,
  tenantId: string,
  run: {
    readonly runId: string;
    readonly runOn: IsoDate;
    readonly now: string;
    readonly size: number;
    readonly worker: string;
    readonly onBatch?: (done: { readonly cases: number; readonly actions: number }) => void;
  },
  totals: RunTotals,
): Promise<void> {
  const raw = deps.database.raw;
  if (raw.kind !== 'sqlite') throw new Error('runPipelined: SQLite only');
  const start: ReaderStart = {
    file,
    tenantId,
    runId: run.runId,
    runOn: run.runOn,
    now: run.now,
    size: run.size,
  };
  // Its own heap, bounded: the run's memory stays under the 500 MB with both threads.
  const reader = new Worker(new URL('./run-reader.ts', import.meta.url), {
    workerData: start,
    resourceLimits: { maxOldGenerationSizeMb: READER_HEAP_MB, maxYoungGenerationSizeMb: 48 },
  });
  const inbox: ReaderMessage[] = [];
  let failure: Error | null = null;
  let finished = false;
  let wake: (() => void) | null = null;
  const exited = new Promise<void>((resolve) => reader.once('exit', () => resolve()));
  reader.on('message', (m: ReaderMessage) => {
    inbox.push(m);
    wake?.();
  });
  reader.on('error', (e) => {
    failure ??= e;
    wake?.();
  });
  reader.on('exit', (code) => {
    if (!finished && inbox.every((m) => m.kind !== 'done')) {
      failure ??= new Error(`The run's reader thread stopped (exit code ${code}).`);
    }
    wake?.();
  });
  try {
    for (;;) {
      while (inbox.length === 0 && failure === null) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const m = inbox.shift();
      if (m === undefined) throw failure ?? new Error("The run's reader thread stopped.");
      if (m.kind === 'done') break;
      if (m.kind === 'error') {
        const e = new Error(m.message);
        e.stack = m.stack;
        throw e;
      }
      await deps.database.db.transaction().execute(async (trx) => {
        const inserted = writePacked(raw.sqlite, run.runId, tenantId, m.packed);
        await runWriteback(trx, tenantId, run.runOn, run.now, m.writeback);
        await trx
          .insertInto('run_batches')
          .values({
            tenant_id: tenantId,
            run_id: run.runId,
            batch_id: newId(),
            worker: run.worker,
            cases: m.rows.cases,
            actions: inserted,
            blocked: m.rows.blocked,
            by_channel:
              inserted === m.rows.actions
                ? m.byChannel
                : await insertedByChannel(trx, tenantId, packedActions(m.packed), inserted),
            finished_at: deps.clock.now(),
          })
          .execute();
      });
      addTotals(totals, m.totals);
      reader.postMessage({ kind: 'ack' });
      run.onBatch?.({ cases: totals.cases, actions: totals.actions });
    }
  } finally {
    finished = true;
    // The reader ends by itself: asked to stop, it finishes the batch in hand and closes its connection
    // (terminating it inside a native SQLite call is not safe).
    reader.postMessage({ kind: 'stop' });
    await exited;
  }
}
