import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Migrator } from 'kysely/migration';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  type DatabaseHandle,
  type Dialect,
  migrateToLatest,
  migratorOf,
  openDatabase,
} from '../../src/db/database.ts';

export const testDialects: readonly Dialect[] = ['sqlite', 'postgres'];

export const testPostgresUrl =
  process.env.RELANCE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A fresh, migrated database: a new SQLite file in a temp folder, or a new schema in the test
 * PostgreSQL database. Closing it removes everything it made.
 */
export async function openTestDatabase(dialect: Dialect): Promise<DatabaseHandle> {
  const handle = await openBareDatabase(dialect);
  await migrateToLatest(handle.db);
  return handle;
}

/**
 * A fresh database with no migration applied (for the tests of an upgrade, which migrate it step by step).
 * Closing it removes everything it made.
 */
export async function openBareDatabase(dialect: Dialect, poolSize = 4): Promise<DatabaseHandle> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'relance-test-'));
    const handle = openDatabase(`sqlite:${join(dir, 'test.db')}`);
    return {
      ...handle,
      close: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase(testPostgresUrl, { schema, poolSize });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: testPostgresUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** A migrator over `handle` that can step to any migration (an upgrade's test), in the handle's schema. */
export function stepMigrator(handle: DatabaseHandle): Promise<Migrator> {
  return migratorOf(handle.db);
}

/**
 * Runs a suite once per engine, each on its own fresh database:
 *   describeEachDatabase('import', (ctx) => { it('…', async () => { ctx.handle.db … }) })
 */
export function describeEachDatabase(
  name: string,
  body: (ctx: { readonly handle: DatabaseHandle }) => void,
): void {
  describe.each(testDialects)(`${name} [%s]`, (dialect) => {
    const ctx = {} as { handle: DatabaseHandle };
    beforeAll(async () => {
      ctx.handle = await openTestDatabase(dialect);
    });
    afterAll(async () => {
      await ctx.handle?.close();
    });
    body(ctx);
  });
}
