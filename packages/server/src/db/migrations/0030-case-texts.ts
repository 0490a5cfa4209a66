import { type Kysely, sql } from 'kysely';
import { textId } from '../case-texts.ts';

/**
 * A case's next action and last notes kept once per distinct text (`db/case-texts.ts`): `case_texts`, and the
 * case row cites them by id (`next_action_text`, `notes_text`) instead of holding the JSON. What a first run
 * writes to each case shrinks from about 450 bytes to about 80, and a case's row stops outgrowing its page.
 * Existing texts move over through a table of ids made here (SQLite has no SHA-256).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_texts')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('text_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_texts_pk', ['tenant_id', 'text_id'])
    .execute();
  await db.schema.alterTable('cases').addColumn('next_action_text', 'text').execute();
  await db.schema.alterTable('cases').addColumn('notes_text', 'text').execute();
  const { rows } = await sql<{ tenant_id: string; body: string }>`
    select distinct tenant_id, next_action as body from cases where next_action is not null
    union select distinct tenant_id, last_notes as body from cases where last_notes is not null`.execute(db);
  if (rows.length > 0) {
    await db.schema
      .createTable('case_texts_moved')
      .temporary()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('text_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_texts_moved_pk', ['tenant_id', 'body'])
      .execute();
    for (let i = 0; i < rows.length; i += 500) {
      const values = rows.slice(i, i + 500).map((r) => ({ ...r, text_id: textId(r.body) }));
      await db
        .insertInto('case_texts_moved' as never)
        .values(values as never)
        .execute();
    }
    await sql`insert into case_texts (tenant_id, text_id, body)
      select distinct tenant_id, text_id, body from case_texts_moved`.execute(db);
    const idOf = (column: string) =>
      sql.raw(`(select m.text_id from case_texts_moved m
        where m.tenant_id = cases.tenant_id and m.body = cases.${column})`);
    await sql`update cases set next_action_text = ${idOf('next_action')}, notes_text = ${idOf('last_notes')}
      where next_action is not null or last_notes is not null`.execute(db);
    await db.schema.dropTable('case_texts_moved').execute();
  }
  await db.schema.alterTable('cases').dropColumn('next_action').execute();
  await db.schema.alterTable('cases').dropColumn('last_notes').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('next_action', 'text').execute();
  await db.schema.alterTable('cases').addColumn('last_notes', 'text').execute();
  const bodyOf = (column: string) =>
    sql.raw(`(select t.body from case_texts t
      where t.tenant_id = cases.tenant_id and t.text_id = cases.${column})`);
  await sql`update cases set next_action = ${bodyOf('next_action_text')}, last_notes = ${bodyOf('notes_text')}
    where next_action_text is not null or notes_text is not null`.execute(db);
  await db.schema.alterTable('cases').dropColumn('next_action_text').execute();
  await db.schema.alterTable('cases').dropColumn('notes_text').execute();
  await db.schema.dropTable('case_texts').execute();
}
