import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, testPostgresUrl } from '../../test/support/databases.ts';
import { migrateToLatest, openDatabase } from './database.ts';

describeEachDatabase('migrations', (ctx) => {
  it('creates every table with tenant_id leading its primary key', async () => {
    const { db, dialect } = ctx.handle;
    const tables = [
      'tenants',
      'users',
      'sessions',
      'api_keys',
      'creditors',
      'debtors',
      'contacts',
      'cases',
      'claims',
      'imports',
      'import_rejections',
      'audit_log',
      'strategies',
      'tenant_settings',
      'case_events',
      'actions',
      'compliance_log',
      'runs',
      'run_batches',
      'templates',
      'message_events',
      'documents',
      'evidence',
      'evidence_heads',
      'evidence_pending',
      'print_batches',
      'postal_items',
      'call_tasks',
      'builtin_sms',
    ];
    for (const table of tables) {
      const first =
        dialect === 'sqlite'
          ? (
              await sql<{ name: string }>`select name from pragma_table_info(${table}) where pk = 1`.execute(
                db,
              )
            ).rows[0]?.name
          : (
              await sql<{ name: string }>`
                select a.attname as name from pg_index i
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                where i.indrelid = ${table}::regclass and i.indisprimary`.execute(db)
            ).rows[0]?.name;
      expect(first, table).toBe('tenant_id');
    }
  });

  it('applies a migration written after a later one was already applied (0002 after 0003)', async () => {
    const db = ctx.handle.db;
    await sql`delete from kysely_migration where name = '0002-import-speed'`.execute(db);
    await sql`create index claims_by_debtor on claims (tenant_id, debtor_id)`.execute(db);
    expect(await migrateToLatest(db)).toEqual(['0002-import-speed']);
  });

  it('is idempotent: a second run applies nothing', async () => {
    expect(await migrateToLatest(ctx.handle.db)).toEqual([]);
  });

  it('stores money beyond 2^31 exactly and reads it back as a number', async () => {
    const { db } = ctx.handle;
    await db
      .insertInto('tenants')
      .values({
        tenant_id: 't1',
        name: 'T',
        kind: 'creditor',
        locale: 'fr',
        created_at: '2026-01-01T00:00:00Z',
      })
      .execute();
    await db
      .insertInto('cases')
      .values({
        tenant_id: 't1',
        case_id: 'c1',
        creditor_id: 'cr',
        debtor_id: 'd',
        currency: 'EUR',
        status: 'open',
        outstanding_minor: 9_007_199_254_740_991,
        disputed_minor: 0,
        claim_count: 1,
        open_claim_count: 1,
        opened_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
      })
      .execute();
    const row = await db
      .selectFrom('cases')
      .select(['outstanding_minor'])
      .where('tenant_id', '=', 't1')
      .executeTakeFirstOrThrow();
    expect(row.outstanding_minor).toBe(9_007_199_254_740_991);
    expect(typeof row.outstanding_minor).toBe('number');
  });
});

describe('the PostgreSQL pool', () => {
  it('keeps an idle connection past pg’s ten seconds, so that its prepared statements stay warm', async () => {
    const handle = openDatabase(testPostgresUrl, { poolSize: 1 });
    try {
      const pid = async () =>
        (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db)).rows[0]?.pid;
      const first = await pid();
      await new Promise((resolve) => setTimeout(resolve, 10_500));
      expect(await pid()).toBe(first);
    } finally {
      await handle.close();
    }
  }, 20_000);
});

describe('migrating on a shared PostgreSQL', () => {
  it('is not upset by other schemas created and dropped meanwhile (another app’s, a parallel test’s)', async () => {
    const handle = await openTestDatabase('postgres');
    const admin = new pg.Client({ connectionString: testPostgresUrl });
    await admin.connect();
    let stop = false;
    // Another schema of a few tables, created and dropped over and over while the database is migrated.
    const churn = (async () => {
      for (let i = 0; !stop; i++) {
        const schema = `churn_${process.pid}_${i}`;
        await admin.query(`create schema ${schema}`);
        for (let t = 0; t < 20; t++) await admin.query(`create table ${schema}.t${t} (a int, b text)`);
        await admin.query(`drop schema ${schema} cascade`);
      }
    })();
    const failures: string[] = [];
    try {
      const until = Date.now() + 3000;
      while (Date.now() < until) {
        await migrateToLatest(handle.db).catch((e: unknown) => failures.push(String(e)));
      }
    } finally {
      stop = true;
      await churn;
      await admin.end();
      await handle.close();
    }
    expect(failures).toEqual([]);
  }, 30_000);
});
