/**
 * `npm run bench [-- --rows N] [-- --engines sqlite,postgres]`: the import benchmark of issue #2.
 * Generates a French receivables CSV (cached in bench/.cache), then on each engine measures, each in its
 * own process: the floor (bare insert of the same claim rows), our import, a re-import of the same file,
 * and the floor again (the mean of the two floors brackets the import: the machine may be shared).
 * Prints a table and writes bench/results/latest.json.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generateBenchCsv } from './generate.ts';
import type { Measurement } from './import.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    postgres: { type: 'string' },
    // The import runs with a bounded V8 heap, as `relance import` should: with Node's default limit
    // (a quarter of the machine's memory) V8 lets garbage grow to 4x the live heap before collecting.
    'node-options': { type: 'string', default: '--max-old-space-size=320' },
  },
});
const nodeOptions = (values['node-options'] ?? '').split(' ').filter((o) => o !== '');
const rows = Number(values.rows);
const engines = (values.engines ?? '').split(',').filter((e) => e === 'sqlite' || e === 'postgres');
const postgresUrl =
  values.postgres ?? process.env.RELANCE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const here = import.meta.dirname;

const cache = join(here, '.cache');
mkdirSync(cache, { recursive: true });
const file = join(cache, `claims-${rows}.csv`);
if (!existsSync(file)) {
  const t = performance.now();
  console.log(`Generating ${rows.toLocaleString('en')} rows into ${file}…`);
  await generateBenchCsv(file, rows);
  console.log(`  done in ${((performance.now() - t) / 1000).toFixed(1)} s (${mb(statSync(file).size)} MB)`);
}

type EngineResult = {
  /** The floor with the import's strategy (indexes rebuilt after the load), before and after the import. */
  readonly floor: readonly Measurement[];
  readonly import: Measurement;
  readonly reimport: Measurement;
  readonly floorRowsPerSecond: number;
  readonly ratio: number;
  /** The floor with every index kept in place during the load (the method of the first figures). */
  readonly floorIndexesKept: Measurement;
  readonly ratioToFloorIndexesKept: number;
};

const startedLoad = loadavg()[0] ?? 0;
const results: Record<string, EngineResult> = {};
for (const engine of engines) {
  console.log(`\n${engine}:`);
  const target = engine === 'sqlite' ? sqliteTarget() : await postgresTarget(postgresUrl);
  try {
    const floor1 = await measure('floor', target.floor);
    const first = await measure('import', target.import);
    const again = await measure('import', target.import);
    const floor2 = await measure('floor', target.floor2);
    const kept = await measure('floor', [...target.floorKept, '--indexes', 'kept']);
    const floorSeconds = (floor1.seconds + floor2.seconds) / 2;
    results[engine] = {
      floor: [floor1, floor2],
      import: first,
      reimport: again,
      floorRowsPerSecond: Math.round(rows / floorSeconds),
      ratio: Math.round((first.seconds / floorSeconds) * 100) / 100,
      floorIndexesKept: kept,
      ratioToFloorIndexesKept: Math.round((first.seconds / kept.seconds) * 100) / 100,
    };
  } finally {
    await target.cleanup();
  }
}

printTable(results);
const report = {
  at: new Date().toISOString(),
  rows,
  file: { name: file.replace(`${here}/`, 'bench/'), megabytes: mb(statSync(file).size) },
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? '?',
    node: process.versions.node,
    nodeOptions,
    loadAverageAtStart: startedLoad,
  },
  results,
  targets: targets(results),
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results/latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log('\nWritten to bench/results/latest.json');

type Target = {
  readonly floor: string[];
  readonly floor2: string[];
  readonly floorKept: string[];
  readonly import: string[];
  cleanup(): Promise<void>;
};

function sqliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'relance-bench-'));
  return {
    floor: ['--db', `sqlite:${join(dir, 'floor.db')}`],
    floor2: ['--db', `sqlite:${join(dir, 'floor2.db')}`],
    floorKept: ['--db', `sqlite:${join(dir, 'floor-kept.db')}`],
    import: ['--db', `sqlite:${join(dir, 'import.db')}`],
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(url: string): Promise<Target> {
  const suffix = randomBytes(4).toString('hex');
  const schemas = ['floor', 'floor2', 'floorkept', 'import'].map((s) => `bench_${s}_${suffix}`);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  for (const s of schemas) await admin.query(`create schema ${s}`);
  await admin.end();
  const [floor = '', floor2 = '', floorKept = '', imp = ''] = schemas;
  return {
    floor: ['--db', url, '--schema', floor],
    floor2: ['--db', url, '--schema', floor2],
    floorKept: ['--db', url, '--schema', floorKept],
    import: ['--db', url, '--schema', imp],
    cleanup: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      for (const s of schemas) await c.query(`drop schema if exists ${s} cascade`);
      await c.end();
    },
  };
}

async function measure(mode: 'floor' | 'import', args: readonly string[]): Promise<Measurement> {
  const child = spawn(
    process.execPath,
    [...nodeOptions, join(here, 'import.ts'), mode, ...args, '--file', file],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`bench/import.ts ${mode} failed (exit ${code}): ${out}`);
  const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Measurement;
  const counts = result.summary
    ? ` (${['inserted', 'updated', 'unchanged', 'rejected'].map((k) => `${k} ${result.summary?.[k]}`).join(', ')})`
    : '';
  const label = args.includes('kept') ? 'floor (indexes kept)' : mode;
  console.log(
    `  ${label.padEnd(6)} ${result.seconds.toFixed(2).padStart(7)} s ${String(result.rowsPerSecond).padStart(8)} rows/s  peak RSS ${result.peakRssMb} MB${counts}`,
  );
  return result;
}

function printTable(all: Readonly<Record<string, EngineResult>>): void {
  console.log(`\n${rows.toLocaleString('en')} rows`);
  console.log(
    'engine    floor rows/s   import rows/s   import s   ratio   peak RSS   re-import s   re-import unchanged   floor, indexes kept (ratio)',
  );
  for (const [engine, r] of Object.entries(all)) {
    console.log(
      `${engine.padEnd(9)} ${String(r.floorRowsPerSecond).padStart(12)}   ${String(r.import.rowsPerSecond).padStart(13)}   ${r.import.seconds.toFixed(2).padStart(8)}   ${r.ratio.toFixed(2).padStart(5)}   ${`${r.import.peakRssMb} MB`.padStart(8)}   ${r.reimport.seconds.toFixed(2).padStart(11)}   ${String(r.reimport.summary?.unchanged).padStart(19)}   ${`${r.floorIndexesKept.rowsPerSecond} rows/s (${r.ratioToFloorIndexesKept.toFixed(2)})`.padStart(27)}`,
    );
  }
}

function targets(all: Readonly<Record<string, EngineResult>>): Record<string, boolean> {
  const t: Record<string, boolean> = {};
  const s = all.sqlite;
  if (s) {
    t.sqliteImportUnder10sPerMillion = s.import.seconds <= (10 * rows) / 1_000_000;
    t.sqliteAtLeast100kRowsPerSecond = s.import.rowsPerSecond >= 100_000;
    t.sqlitePeakRssUnder500Mb = s.import.peakRssMb < 500;
    t.sqliteWithin2_5xFloor = s.ratio <= 2.5;
    t.sqliteReimportAllUnchanged = s.reimport.summary?.unchanged === rows;
  }
  const p = all.postgres;
  if (p) {
    t.postgresAtLeast50kRowsPerSecond = p.import.rowsPerSecond >= 50_000;
    t.postgresWithin2_5xFloor = p.ratio <= 2.5;
    t.postgresPeakRssUnder500Mb = p.import.peakRssMb < 500;
    t.postgresReimportAllUnchanged = p.reimport.summary?.unchanged === rows;
  }
  return t;
}

function mb(bytes: number): number {
  return Math.round(bytes / 1e5) / 10;
}
