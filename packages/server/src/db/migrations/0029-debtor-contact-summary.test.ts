import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedTenant } from '../../../test/http/seed.ts';
import { now } from '../../../test/http/support.ts';
import { openBareDatabase, stepMigrator, testDialects } from '../../../test/support/databases.ts';
import { migrateToLatest } from '../database.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';

/** Each debtor's stored summary, by debtor id. */
async function summaries(db: Kysely<Database>, tenantId: string): Promise<Record<string, string | null>> {
  const rows = await db
    .selectFrom('debtors')
    .select(['debtor_id', 'contact_summary'])
    .where('tenant_id', '=', tenantId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.debtor_id, r.contact_summary]));
}

describe.each(testDialects)('migration 0029: a summary of the contacts on the debtor [%s]', (dialect) => {
  it('summarises the contacts already there, follows every change to them, and goes back', async () => {
    const handle = await openBareDatabase(dialect, 2);
    try {
      const db = handle.db as Kysely<Database>;
      const migrator = await stepMigrator(handle);
      expect((await migrator.migrateTo('0028-one-run-queue-index')).error).toBeUndefined();
      const tenant = await seedTenant(db, 'S');
      const { D1, D2, D3, D5 } = tenant.debtors as Record<string, { debtorId: string }>;
      if (!D1 || !D2 || !D3 || !D5) throw new Error('seed');

      expect((await migrateToLatest(db)).at(0)).toBe('0029-debtor-contact-summary');
      if (dialect === 'sqlite') {
        // No `group_concat(… order by …)` (SQLite 3.44): an older sqlite3 shell could not read the schema.
        const { rows } = await sql<{ sql: string }>`select sql from sqlite_master
          where type = 'trigger' and name like 'contacts_summary_%'`.execute(db);
        expect(rows).toHaveLength(3);
        for (const r of rows) expect(r.sql).not.toMatch(/group_concat\([^()]*(\([^()]*\)[^()]*)*order by/i);
      }
      // Made from what was there: in the order of (kind, value), the opt-out as 0 or 1.
      const before = await summaries(db, tenant.tenantId);
      expect(before[D1.debtorId]).toBe('email:valid:unknown:0,postal:valid:unknown:0');
      expect(before[D5.debtorId]).toBe('phone:valid:unknown:0');
      expect(before[D3.debtorId]).toBe('email:invalid:unknown:0');
      expect(before[D2.debtorId]).toBeNull();

      // Two debtors' contacts in one statement (PostgreSQL's statement trigger sees both).
      const contact = (debtorId: string, kind: 'email' | 'phone', value: string) => ({
        tenant_id: tenant.tenantId,
        contact_id: newId(),
        debtor_id: debtorId,
        kind,
        value,
        validity: 'unverified' as const,
        consent: 'granted' as const,
        source: 'test',
        created_at: now,
        updated_at: now,
      });
      const added = contact(D2.debtorId, 'email', 'a@martin.example');
      await db
        .insertInto('contacts')
        .values([
          added,
          contact(D1.debtorId, 'phone', '+33600000001'),
          contact(D1.debtorId, 'email', 'a@dupont.example'),
        ])
        .execute();
      let s = await summaries(db, tenant.tenantId);
      expect(s[D1.debtorId]).toBe(
        'email:unverified:granted:0,email:valid:unknown:0,phone:unverified:granted:0,postal:valid:unknown:0',
      );
      expect(s[D2.debtorId]).toBe('email:unverified:granted:0');

      // A bounce, an opt-out, a contact moved to another debtor, a contact removed.
      await db
        .updateTable('contacts')
        .set({ validity: 'invalid', opted_out_at: now })
        .where('contact_id', '=', added.contact_id)
        .execute();
      expect((await summaries(db, tenant.tenantId))[D2.debtorId]).toBe('email:invalid:granted:1');
      await db
        .updateTable('contacts')
        .set({ debtor_id: D3.debtorId })
        .where('contact_id', '=', added.contact_id)
        .execute();
      s = await summaries(db, tenant.tenantId);
      expect(s[D2.debtorId]).toBeNull();
      expect(s[D3.debtorId]).toBe('email:invalid:granted:1,email:invalid:unknown:0');
      await db.deleteFrom('contacts').where('value', '=', 'bad@@lumiere').execute();
      expect((await summaries(db, tenant.tenantId))[D3.debtorId]).toBe('email:invalid:granted:1');
      await db.deleteFrom('contacts').where('debtor_id', '=', D3.debtorId).execute();
      expect((await summaries(db, tenant.tenantId))[D3.debtorId]).toBeNull();
      // A change the summary does not show leaves it as it was.
      await db
        .updateTable('contacts')
        .set({ label: 'compta' })
        .where('debtor_id', '=', D1.debtorId)
        .execute();
      expect((await summaries(db, tenant.tenantId))[D1.debtorId]).toBe(s[D1.debtorId]);

      expect((await migrator.migrateTo('0028-one-run-queue-index')).error).toBeUndefined();
      const columns = await sql<{ name: string }>`select ${sql.raw(
        dialect === 'sqlite'
          ? "name from pragma_table_info('debtors')"
          : "column_name as name from information_schema.columns where table_schema = current_schema() and table_name = 'debtors'",
      )}`.execute(db);
      expect(columns.rows.map((r) => r.name)).not.toContain('contact_summary');
      // The triggers went with the column: contacts can still be written.
      await db
        .insertInto('contacts')
        .values(contact(D2.debtorId, 'phone', '+33600000002'))
        .execute();
    } finally {
      await handle.close();
    }
  });
});
