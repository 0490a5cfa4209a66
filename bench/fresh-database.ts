import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../packages/server/src/db/database.ts';

/**
 * Runs `measure` on a fresh, migrated database of `engine` — a SQLite file in a temporary folder, or a new
 * schema of the PostgreSQL server — and removes it afterwards, whatever happens. `measure` gets its URL too,
 * for the processes it starts on the same database.
 */
export async function onFreshDatabase<T>(
  engine: string,
  postgresUrl: string,
  label: string,
  measure: (handle: DatabaseHandle, dir: string, url: string) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `relance-${label}-bench-`));
  let url = `sqlite:${join(dir, 'bench.db')}`;
  let drop = async () => {};
  if (engine === 'postgres') {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    url = `${postgresUrl}${postgresUrl.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
    drop = async () => {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  }
  const handle = openDatabase(url);
  try {
    await migrateToLatest(handle.db);
    return await measure(handle, dir, url);
  } finally {
    await handle.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
