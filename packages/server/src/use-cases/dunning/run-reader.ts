/**
 * The daily run's reader thread (SQLite): reads the queue's next batch on its own connection and decides it
 * while the main thread writes the batch before, so that reading and deciding (JavaScript) overlap the
 * writes (SQLite's single writer) on a second core. Started by `run-pipeline.ts`; see there for the protocol.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/database.ts';
import { needsWriteback } from '../workspace/run-writeback.ts';
import { channelsJson } from './batch-channels.ts';
import { contextOf, decideBatch, newTotals } from './decide-batch.ts';
import { claimBatch, cursorAfter, type QueueCursor } from './load-batch.ts';
import type { ReaderMessage, ReaderStart } from './run-pipeline.ts';
import { packedTransfer, packWrites } from './write-batch.ts';

/** Batches decided ahead of the writer: enough to keep it busy, few enough to bound the memory. */
const AHEAD = 2;

const port = parentPort;
const start = workerData as ReaderStart;
if (port) await read(port, start);

async function read(port: NonNullable<typeof parentPort>, s: ReaderStart): Promise<void> {
  const post = (m: ReaderMessage) => port.postMessage(m);
  let inFlight = 0;
  let stopped = false;
  let acked: (() => void) | null = null;
  port.on('message', (m: { kind: 'ack' | 'stop' }) => {
    if (m.kind === 'ack') inFlight -= 1;
    else stopped = true;
    acked?.();
  });
  // Waits until fewer than `n` batches are unwritten; false when the writer asked the reader to stop.
  const below = async (n: number) => {
    while (inFlight >= n && !stopped) await new Promise<void>((resolve) => (acked = resolve));
    acked = null;
    return !stopped;
  };
  const handle = openDatabase(`sqlite:${s.file}`);
  // The queue's cases, their debtors and contacts are read in order: a larger cache than the default 2 MB
  // keeps the index pages each batch walks again.
  handle.raw.kind === 'sqlite' && handle.raw.sqlite.pragma('cache_size = -32768');
  try {
    const ctx = await contextOf(handle.db, s.tenantId, s.runOn, s.now);
    let queue: QueueCursor = null;
    while (await below(AHEAD)) {
      // One read transaction per batch: one snapshot, and the writer's last commit seen by the next.
      const batch = await handle.db
        .transaction()
        .execute((trx) => claimBatch(trx, handle.raw, s.tenantId, s.runOn, s.size, queue));
      if (!batch) {
        // The end of the queue: once everything handed over is written, once more from its start (events
        // queued during the run), as the single-threaded run does; nothing there either and the run is done.
        if (queue === null) break;
        if (!(await below(1))) break;
        queue = null;
        continue;
      }
      queue = cursorAfter(batch);
      const totals = newTotals();
      const writes = decideBatch(ctx, batch, s.tenantId, s.runId, s.runOn, s.now, totals);
      const packed = packWrites(writes);
      const message: ReaderMessage = {
        kind: 'batch',
        packed,
        rows: { cases: writes.cases.length, actions: writes.actions.length, blocked: writes.blocked.length },
        byChannel: channelsJson(writes.actions.map((a) => a.channel)),
        writeback: writes.cases
          .filter((c) => c.lastNotes !== null && needsWriteback(c.lastNotes))
          .map((c) => ({ caseId: c.caseId, lastNotes: c.lastNotes })),
        totals,
      };
      port.postMessage(message, packedTransfer(packed));
      inFlight += 1;
    }
    post({ kind: 'done' });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ kind: 'error', message: e.message, stack: e.stack ?? '' });
  } finally {
    await handle.close();
    port.close();
  }
}
