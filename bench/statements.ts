/**
 * `node bench/statements.ts [--cases 100000] [--entries 10000] [--book 500] [--engines sqlite,postgres]`:
 * the bank statement benchmark of issue #6. On a fresh database per engine: `cases` open cases with one
 * claim each, then a CAMT.053 of `entries` credits (by RF reference, invoice number, amount and name, and
 * unknown — `statements-world.ts`):
 * - floor: the same lines inserted bare into `statement_lines` (the importer's own multi-row insert, one
 *   transaction), then deleted;
 * - import and match: the file read, every line recorded and matched (`recordStatementImport`, one
 *   transaction) — the figure the issue bounds at 5 s;
 * - booking: `bookStatementLines` on the first `book` matched lines (each a recordPayment: allocation,
 *   receipt PDF, evidence), reported per payment;
 * - re-import: the same file again, nothing new.
 * Writes bench/results/statements.json.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '../packages/server/src/db/database.ts';
import { newId } from '../packages/server/src/db/ids.ts';
import { readStatementFile } from '../packages/server/src/formats/statements/read-statement.ts';
import { fixedClock } from '../packages/server/src/shared/clock.ts';
import type { Deps } from '../packages/server/src/shared/deps.ts';
import { bookStatementLines } from '../packages/server/src/use-cases/payments/statements/book-statement-lines.ts';
import { recordStatementImport } from '../packages/server/src/use-cases/payments/statements/record-statement-import.ts';
import { statementDrafts } from '../packages/server/src/use-cases/payments/statements/statement-drafts.ts';
import { insertStatementLines } from '../packages/server/src/use-cases/payments/statements/statement-line-rows.ts';
import { onFreshDatabase } from './fresh-database.ts';
import { seedStatementWorld, statementOf } from './statements-world.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    entries: { type: 'string', default: '10000' },
    book: { type: 'string', default: '500' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    postgres: { type: 'string' },
  },
});
const cases = Number(values.cases);
const entries = Number(values.entries);
const book = Number(values.book);
const engines = (values.engines ?? '').split(',');
const postgresUrl =
  values.postgres ?? process.env.RELANCE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const runOn = '2026-03-16';
const tenantId = 'bench-tenant';
const actor = { tenantId, kind: 'cli', id: 'bench', role: 'admin', creditorId: null } as const;

const seconds = (from: number) => (performance.now() - from) / 1000;

async function statusCounts(handle: DatabaseHandle): Promise<Record<string, number>> {
  const rows = await handle.db
    .selectFrom('statement_lines')
    .select(['match_status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .groupBy('match_status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.match_status, Number(r.n)]));
}

async function measure(handle: DatabaseHandle, dataDir: string): Promise<Record<string, unknown>> {
  const deps: Deps = { database: handle, clock: fixedClock(`${runOn}T10:00:00.000Z`), dataDir };
  let t = performance.now();
  await seedStatementWorld(handle, tenantId, cases, entries, runOn);
  console.log(
    `  ${cases.toLocaleString('en')} cases with their claims written in ${seconds(t).toFixed(1)} s`,
  );
  const bytes = new TextEncoder().encode(statementOf(entries, cases));
  const file = readStatementFile(bytes);
  const drafts = statementDrafts(file);

  // The floor: the same lines, bare, through the importer's own insert, in one transaction.
  const decision = {
    status: 'unmatched',
    caseId: null,
    confidence: null,
    reason: { code: 'no_match', unknownReferences: [] },
    candidates: [],
  } as const;
  t = performance.now();
  await handle.db.transaction().execute((trx) =>
    insertStatementLines(
      trx,
      tenantId,
      'floor',
      deps.clock.now(),
      drafts.map((draft) => ({ lineId: newId(), draft, decision })),
    ),
  );
  const floor = seconds(t);
  await handle.db.deleteFrom('statement_lines').where('tenant_id', '=', tenantId).execute();

  t = performance.now();
  const parsed = readStatementFile(bytes, { fileLabel: 'bench.xml' });
  const recorded = await recordStatementImport(deps, actor, {
    fileName: 'bench.xml',
    bytes,
    file: parsed,
    drafts: statementDrafts(parsed),
  });
  const importAndMatch = seconds(t);
  const counts = await statusCounts(handle);

  t = performance.now();
  const booked = await bookStatementLines(deps, tenantId, { limit: book });
  const booking = seconds(t);
  const perPayment = booked.booked > 0 ? booking / booked.booked : null;

  t = performance.now();
  const again = await recordStatementImport(deps, actor, {
    fileName: 'bench.xml',
    bytes,
    file: parsed,
    drafts: statementDrafts(parsed),
  });
  const reimport = seconds(t);

  const result = {
    entries: drafts.length,
    newLines: recorded.newCount,
    floorSeconds: floor,
    importAndMatchSeconds: importAndMatch,
    ratioToFloor: importAndMatch / floor,
    targetSeconds: 5,
    met: importAndMatch < 5,
    counts,
    booking: {
      lines: book,
      ...booked,
      seconds: booking,
      secondsPerPayment: perPayment,
      projectedSecondsForAllMatched: perPayment === null ? null : perPayment * (counts.matched ?? 0),
    },
    reimport: { seconds: reimport, newLines: again.newCount },
  };
  console.log(`  floor (bare insert of ${drafts.length.toLocaleString('en')} lines): ${floor.toFixed(2)} s`);
  console.log(
    `  import and match:  ${importAndMatch.toFixed(2)} s (${(importAndMatch / floor).toFixed(1)}× the floor; target < 5 s)`,
  );
  console.log(`  lines: ${JSON.stringify(counts)}`);
  console.log(
    `  booking ${booked.booked} payments: ${booking.toFixed(1)} s (${((perPayment ?? 0) * 1000).toFixed(1)} ms each)`,
  );
  console.log(`  re-import: ${reimport.toFixed(2)} s, ${again.newCount} new lines`);
  return result;
}

const load = loadavg()[0] ?? 0;
const results: Record<string, unknown> = {};
for (const engine of engines) {
  console.log(`\n${engine}:`);
  results[engine] = await onFreshDatabase(engine, postgresUrl, 'statements', measure);
}
const out = { at: new Date().toISOString(), cases, entries, cpus: cpus().length, loadAverage: load, results };
writeFileSync(join(import.meta.dirname, 'results', 'statements.json'), `${JSON.stringify(out, null, 2)}\n`);
