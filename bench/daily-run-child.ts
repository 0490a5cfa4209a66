/**
 * One measurement of the daily-run benchmark, in its own process so that its peak RSS is its own:
 * `node bench/daily-run-child.ts <run|floor> <databaseUrl> <tenantId> <runOn> [actions|runId worker]`.
 * Prints one JSON line: { seconds, maxRssMb, … }.
 */
import { openDatabase } from '../packages/server/src/db/database.ts';
import { fixedClock } from '../packages/server/src/shared/clock.ts';
import { runDailyDunning } from '../packages/server/src/use-cases/dunning/run-daily-dunning.ts';
import { insertFloor } from './run-portfolio.ts';

const [what, url = '', tenantId = '', runOn = '', arg1, arg2] = process.argv.slice(2);
const handle = openDatabase(url, { poolSize: 2 });
try {
  const started = performance.now();
  let result: Record<string, unknown> = {};
  if (what === 'floor') {
    await handle.db.transaction().execute(async (trx) => {
      await insertFloor({ ...handle, db: trx }, tenantId, Number(arg1), runOn);
    });
  } else {
    const deps = { database: handle, clock: fixedClock(`${runOn}T05:00:00.000Z`), dataDir: '/tmp' };
    let batches = 0;
    const onBatch = () => {
      batches += 1;
      if (process.env.BENCH_MEMORY && batches % 50 === 0) {
        const m = process.memoryUsage();
        process.stderr.write(
          `batch ${batches}: rss ${Math.round(m.rss / 1e6)} heap ${Math.round(m.heapUsed / 1e6)} ext ${Math.round(m.external / 1e6)} ab ${Math.round(m.arrayBuffers / 1e6)}\n`,
        );
      }
    };
    const report = await runDailyDunning(deps, tenantId, {
      onBatch,
      runOn,
      // RELANCE_BENCH_PIPELINE=0: the whole run on one thread, to compare with the reader thread (SQLite).
      pipeline: process.env.RELANCE_BENCH_PIPELINE !== '0',
      ...(process.env.RELANCE_BENCH_BATCH ? { batchSize: Number(process.env.RELANCE_BENCH_BATCH) } : {}),
      ...(arg1 ? { runId: arg1, worker: arg2 ?? 'w' } : {}),
    });
    result = {
      cases: report.cases,
      actions: report.actions,
      blocked: report.blocked,
      byChannel: report.byChannel,
    };
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ seconds, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), ...result })}\n`,
  );
} finally {
  await handle.close();
}
