/**
 * `node bench/next-case-server.ts <database-url>`: the HTTP server of the next-case benchmark, alone in its
 * process (the load comes from another one). Real clock, no dispatcher, no logger; prints
 * `listening <port>` once ready and serves until killed. With `RELANCE_BENCH_WEBHOOK_QUEUE=1` (the webhooks
 * benchmark on SQLite) it also runs the webhook queue, as `npm start` does: on SQLite the queue shares the
 * server's connection rather than wait on another process's write lock.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackgroundCheckpoints } from '../packages/server/src/db/background-checkpoints.ts';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { buildHttpServer } from '../packages/server/src/http/server.ts';
import { systemClock } from '../packages/server/src/shared/clock.ts';
import { startWebhookQueue } from '../packages/server/src/worker/webhook-queue.ts';

if (process.env.RELANCE_BENCH_PROFILE === '1') await import('./profile-pg.ts');
const [url, schema] = process.argv.slice(2);
if (!url) throw new Error('usage: next-case-server.ts <database-url> [schema]');
const poolSize = Number(process.env.RELANCE_BENCH_POOL ?? '20');
const database = openDatabase(url, schema ? { schema, poolSize } : {});
const deps = { database, clock: systemClock, dataDir: mkdtempSync(join(tmpdir(), 'relance-bench-next-')) };
const app = await buildHttpServer(deps);
const queue =
  process.env.RELANCE_BENCH_WEBHOOK_QUEUE === '1' ? startWebhookQueue(deps, { intervalMs: 50 }) : null;
await app.listen({ host: '127.0.0.1', port: 0 });
// As `startServer` does: on SQLite, checkpoints run in a thread of their own, not inside requests' commits.
const checkpoints = startBackgroundCheckpoints(database);
process.stdout.write(`listening ${(app.server.address() as AddressInfo).port}\n`);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => queue?.stop())
    .then(() => checkpoints?.stop())
    .then(() => database.close().then(() => process.exit(0)));
});
