/**
 * `node bench/webhooks-queue.ts <database-url> <tenant> [schema]`: the webhook queue of the webhooks
 * benchmark, alone in its process as `relance worker` runs it beside the server (decision 0012): it books
 * the pending events as they come, and stops on SIGTERM once a pass has found nothing left. Prints one JSON
 * line: { processed, ignored, errors }.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { systemClock } from '../packages/server/src/shared/clock.ts';
import { processWebhookEvents } from '../packages/server/src/use-cases/payments/webhooks/webhook-queue.ts';

const [url, tenantId, schema] = process.argv.slice(2);
if (!url || !tenantId) throw new Error('usage: webhooks-queue.ts <database-url> <tenant> [schema]');
const database = openDatabase(url, schema ? { schema, poolSize: 2 } : {});
const deps = { database, clock: systemClock, dataDir: mkdtempSync(join(tmpdir(), 'relance-bench-queue-')) };
let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
});
const totals = { processed: 0, ignored: 0, errors: 0 };
for (;;) {
  const pass = await processWebhookEvents(deps, tenantId, { limit: 500 });
  totals.processed += pass.processed;
  totals.ignored += pass.ignored;
  totals.errors += pass.errors;
  if (pass.processed + pass.ignored + pass.errors === 0) {
    if (stopping) break;
    await new Promise((r) => setTimeout(r, 20));
  }
}
await database.close();
process.stdout.write(`${JSON.stringify(totals)}\n`);
