import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { DatabaseHandle } from './database.ts';

export type BackgroundCheckpoints = {
  /** Rounds in which the thread copied pages into the database file (for tests and curiosity). */
  readonly rounds: () => number;
  stop(): Promise<void>;
};

/** How often the thread copies the WAL into the database file. */
const INTERVAL_MS = 1000;

/** The thread each connection has, if any: a daily run inside the server uses the server's. */
const threads = new WeakMap<BetterSqlite3.Database, BackgroundCheckpoints>();

/**
 * SQLite checkpoints inside whichever commit makes the WAL cross 1,000 pages: that request waits for the
 * pages to be copied and the file flushed (5–20 ms), and on a busy server those waits are the slowest
 * answers — "next case" had a 99th percentile of 18 ms with them and 7 ms without (issue #5). A server on a
 * SQLite file therefore checkpoints from a thread of its own, on its own connection, every second; the
 * requests' commits only append to the WAL. Should the thread stop, the connection goes back to
 * checkpointing by itself, as before. Null for PostgreSQL and an in-memory database. A connection that
 * has its thread already keeps it: the handle returned then stops nothing.
 */
export function startBackgroundCheckpoints(
  database: DatabaseHandle,
  options: { readonly intervalMs?: number } = {},
): BackgroundCheckpoints | null {
  const raw = database.raw;
  if (raw.kind !== 'sqlite' || raw.sqlite.memory) return null;
  const sqlite = raw.sqlite;
  const running = threads.get(sqlite);
  if (running) return { rounds: running.rounds, stop: async () => {} };
  const previous = Number(sqlite.pragma('wal_autocheckpoint', { simple: true }));
  const worker = new Worker(new URL('./checkpoint-thread.ts', import.meta.url), {
    workerData: { file: sqlite.name, intervalMs: options.intervalMs ?? INTERVAL_MS },
    resourceLimits: { maxOldGenerationSizeMb: 32 },
  });
  let rounds = 0;
  let stopped = false;
  const restore = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${previous}`);
  };
  worker.on('message', (m: { checkpointed: number }) => {
    if (m.checkpointed > 0) rounds += 1;
  });
  worker.on('error', restore);
  worker.on('exit', () => {
    if (!stopped) restore();
  });
  // The thread never keeps the process alive on its own.
  worker.unref();
  sqlite.pragma('wal_autocheckpoint = 0');
  const handle: BackgroundCheckpoints = {
    rounds: () => rounds,
    async stop() {
      stopped = true;
      threads.delete(sqlite);
      await worker.terminate();
      restore();
    },
  };
  threads.set(sqlite, handle);
  return handle;
}
