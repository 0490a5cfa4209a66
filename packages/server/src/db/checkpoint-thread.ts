/**
 * The server's checkpoint thread (see `background-checkpoints.ts`): its own connection to the SQLite file,
 * copying what the WAL holds into the database every `intervalMs`, without waiting for any writer or reader
 * (PASSIVE: what a reader still needs is left for the next round).
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

const { file, intervalMs } = workerData as { readonly file: string; readonly intervalMs: number };
const sqlite = new BetterSqlite3(file, { fileMustExist: true });
sqlite.pragma('busy_timeout = 1000');
setInterval(() => {
  try {
    const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { checkpointed: number }[];
    parentPort?.postMessage({ checkpointed: result?.checkpointed ?? 0 });
  } catch {
    // Busy or locked for a moment: the next round copies it.
  }
}, intervalMs);
