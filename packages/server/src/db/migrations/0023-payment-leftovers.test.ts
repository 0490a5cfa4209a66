import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openBareDatabase, stepMigrator, testDialects } from '../../../test/support/databases.ts';
import { migrateToLatest } from '../database.ts';

const INDEXES = [
  'payment_attempts_by_case',
  'payment_attempts_by_day',
  'payment_attempts_open',
  'payment_attempts_provider_ref',
];

describe.each(testDialects)('migration 0023: attempts of no case [%s]', (dialect) => {
  it('turns the empty placeholder into null, keeps every attempt and index, and takes a null case', async () => {
    const handle = await openBareDatabase(dialect, 2);
    try {
      const db = handle.db;
      const migrator = await stepMigrator(handle);
      const before = await migrator.migrateTo('0022-webhook-queue');
      expect(before.error).toBeUndefined();
      const row = (attempt: string, caseId: string) => ({
        tenant_id: 't1',
        attempt_id: attempt,
        case_id: caseId,
        channel: 'ivr' as const,
        provider: 'twilio',
        provider_ref: `CA${attempt}`,
        amount_minor: 0,
        currency: 'EUR',
        status: 'failed' as const,
        input_errors: 3,
        started_at: '2026-03-16T10:00:00.000Z',
        updated_at: '2026-03-16T10:01:00.000Z',
      });
      await db
        .insertInto('payment_attempts')
        .values([row('a1', ''), row('a2', 'case-2')])
        .execute();

      expect(await migrateToLatest(db)).toContain('0023-payment-leftovers');

      const rows = await db
        .selectFrom('payment_attempts')
        .select(['attempt_id', 'case_id', 'input_errors', 'provider_ref'])
        .orderBy('attempt_id')
        .execute();
      expect(rows.map((r) => [r.attempt_id, r.case_id, Number(r.input_errors), r.provider_ref])).toEqual([
        ['a1', null, 3, 'CAa1'],
        ['a2', 'case-2', 3, 'CAa2'],
      ]);
      await db
        .insertInto('payment_attempts')
        .values({ ...row('a3', ''), case_id: null })
        .execute();
      // The unique provider reference still holds.
      await expect(db.insertInto('payment_attempts').values(row('a4', 'x')).execute()).resolves.toBeDefined();
      await expect(
        db
          .insertInto('payment_attempts')
          .values({ ...row('a5', 'x'), provider_ref: 'CAa1' })
          .execute(),
      ).rejects.toThrow();
      const indexes =
        dialect === 'sqlite'
          ? await sql<{ name: string }>`select name from sqlite_master
              where type = 'index' and tbl_name = 'payment_attempts' and name not like 'sqlite_%'`.execute(db)
          : await sql<{ name: string }>`select indexname as name from pg_indexes
              where tablename = 'payment_attempts' and schemaname = current_schema()
                and indexname <> 'payment_attempts_pk'`.execute(db);
      expect(indexes.rows.map((r) => r.name).sort()).toEqual(INDEXES);
    } finally {
      await handle.close();
    }
  });
});
