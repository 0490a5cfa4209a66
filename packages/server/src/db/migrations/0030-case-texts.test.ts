import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedTenant } from '../../../test/http/seed.ts';
import { openBareDatabase, stepMigrator, testDialects } from '../../../test/support/databases.ts';
import { textId } from '../case-texts.ts';
import { migrateToLatest } from '../database.ts';
import type { Database } from '../schema.ts';

const next = '{"on":"2026-03-20","kind":"step","stepKey":"call","stepName":null,"channels":["call_task"]}';
const notes = '[{"code":"assigned","params":{"strategy":"b2b-standard"}}]';

describe.each(testDialects)('migration 0030: texts kept once per tenant [%s]', (dialect) => {
  it("moves the cases' next actions and notes into case_texts, cites them by id, and goes back", async () => {
    const handle = await openBareDatabase(dialect, 2);
    try {
      const db = handle.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
      const migrator = await stepMigrator(handle);
      expect((await migrator.migrateTo('0029-debtor-contact-summary')).error).toBeUndefined();
      const one = await seedTenant(handle.db, 'T1');
      const two = await seedTenant(handle.db, 'T2');
      // Every case of the first tenant shares one next action; one case of each has notes.
      await sql`update cases set next_action = ${next} where tenant_id = ${one.tenantId}`.execute(db);
      const noted = [one, two].map((t) => Object.values(t.debtors)[0]?.caseId ?? '');
      await sql`update cases set last_notes = ${notes} where case_id in (${sql.join(noted)})`.execute(db);

      expect((await migrateToLatest(handle.db)).at(0)).toBe('0030-case-texts');
      const typed = handle.db as Kysely<Database>;
      const texts = await typed
        .selectFrom('case_texts')
        .select(['tenant_id', 'text_id', 'body'])
        .orderBy('tenant_id')
        .orderBy('body')
        .execute();
      const expected = [
        { tenant_id: one.tenantId, text_id: textId(notes), body: notes },
        { tenant_id: one.tenantId, text_id: textId(next), body: next },
        { tenant_id: two.tenantId, text_id: textId(notes), body: notes },
      ].sort((a, b) => (a.tenant_id + a.body < b.tenant_id + b.body ? -1 : 1));
      expect(texts).toEqual(expected);
      const cases = await typed
        .selectFrom('cases')
        .select(['tenant_id', 'case_id', 'next_action_text', 'notes_text'])
        .execute();
      for (const c of cases) {
        expect(c.next_action_text, c.case_id).toBe(c.tenant_id === one.tenantId ? textId(next) : null);
        expect(c.notes_text, c.case_id).toBe(noted.includes(c.case_id) ? textId(notes) : null);
      }

      expect((await migrator.migrateTo('0029-debtor-contact-summary')).error).toBeUndefined();
      const back = await sql<{
        case_id: string;
        tenant_id: string;
        next_action: string | null;
        last_notes: string | null;
      }>`
        select case_id, tenant_id, next_action, last_notes from cases`.execute(db);
      for (const c of back.rows) {
        expect(c.next_action, c.case_id).toBe(c.tenant_id === one.tenantId ? next : null);
        expect(c.last_notes, c.case_id).toBe(noted.includes(c.case_id) ? notes : null);
      }
    } finally {
      await handle.close();
    }
  });

  it('gives a text the same id whoever makes it, and different texts different ids', () => {
    expect(textId(next)).toBe(textId(`${next}`));
    expect(textId(next)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(textId(next)).not.toBe(textId(notes));
  });
});
