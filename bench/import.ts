/**
 * One measurement, in its own process so that its peak memory is its own:
 *   node bench/import.ts <floor|import> --db <url> --file <csv> [--schema <pg schema>] [--indexes bulk|kept]
 * Prints one JSON line: rows, seconds, rows per second, peak RSS, and the import summary.
 */
import { parseArgs } from 'node:util';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../packages/server/src/db/database.ts';
import type { Actor } from '../packages/server/src/shared/actor.ts';
import { systemClock } from '../packages/server/src/shared/clock.ts';
import { ensureCreditor } from '../packages/server/src/use-cases/imports/ensure-creditor.ts';
import { importClaims } from '../packages/server/src/use-cases/imports/import-claims.ts';
import { type FloorIndexes, measureFloor } from './floor.ts';

export type Measurement = {
  readonly mode: 'floor' | 'import';
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly peakRssMb: number;
  readonly summary?: Readonly<Record<string, unknown>>;
  /** Floor only: the indexes dropped before the load and rebuilt after it. */
  readonly rebuiltIndexes?: readonly string[];
};

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string' },
    file: { type: 'string' },
    schema: { type: 'string' },
    indexes: { type: 'string', default: 'bulk' },
  },
});
const mode = positionals[0];
const indexes = values.indexes;
if (
  (mode !== 'floor' && mode !== 'import') ||
  !values.db ||
  !values.file ||
  (indexes !== 'bulk' && indexes !== 'kept')
) {
  console.error(
    'usage: node bench/import.ts <floor|import> --db <url> --file <csv> [--schema <name>] [--indexes bulk|kept]',
  );
  process.exit(2);
}

const handle = openDatabase(values.db, values.schema ? { schema: values.schema, poolSize: 2 } : {});
try {
  await migrateToLatest(handle.db);
  const result =
    mode === 'floor' ? await floor(handle, values.file, indexes) : await runImport(handle, values.file);
  console.log(JSON.stringify(result));
} finally {
  await handle.close();
}

async function floor(db: DatabaseHandle, file: string, indexes: FloorIndexes): Promise<Measurement> {
  const { rows, insertMs, rebuiltIndexes } = await measureFloor(db, file, indexes);
  return { ...measurement('floor', rows, insertMs), rebuiltIndexes };
}

async function runImport(db: DatabaseHandle, file: string): Promise<Measurement> {
  const deps = { database: db, clock: systemClock, dataDir: '/tmp/relance-bench-data' };
  await db.db
    .insertInto('tenants')
    .values({ tenant_id: 't1', name: 'Bench', kind: 'creditor', locale: 'fr', created_at: systemClock.now() })
    .onConflict((c) => c.doNothing())
    .execute();
  const actor: Actor = { tenantId: 't1', kind: 'cli', id: 'bench', role: 'admin', creditorId: null };
  await ensureCreditor(deps, actor, { ref: 'BENCH', name: 'Bench SAS' });
  const started = performance.now();
  const summary = await importClaims(deps, actor, {
    creditorRef: 'BENCH',
    source: { kind: 'file', path: file },
  });
  const ms = performance.now() - started;
  const { rejections, warnings, mapping, ...counts } = summary;
  return {
    ...measurement('import', summary.totalRows, ms),
    summary: { ...counts, firstRejections: rejections.slice(0, 3) },
  };
}

function measurement(kind: 'floor' | 'import', rows: number, ms: number): Measurement {
  return {
    mode: kind,
    rows,
    seconds: Math.round(ms) / 1000,
    rowsPerSecond: Math.round((rows / ms) * 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
