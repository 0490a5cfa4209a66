/** The engine (`Dialect` in `database.ts`, which imports the migrations that import this). */
type Dialect = 'sqlite' | 'postgres';

/**
 * `debtors.contact_summary` (migration 0029): what the compliance gate needs of each of a debtor's contacts —
 * `kind:validity:consent:opted-out` (`1` or `0`), comma-separated in the order of (kind, value), null when the
 * debtor has none. The daily run reads it with the debtor instead of looking the contacts up for every case
 * (at 200,000 cases that look-up was half of what the run's reader spent reading). Triggers on `contacts` keep
 * it; a bulk import sets them aside and summarises its creditor's debtors once (`use-cases/imports/bulk-load.ts`).
 */
export const CONTACT_TRIGGER_STEM = 'contacts_summary';

const ITEM =
  "kind || ':' || validity || ':' || consent || ':' || (case when opted_out_at is null then '0' else '1' end)";

/**
 * The summary of the debtor `debtor` (an alias or row with `tenant_id` and `debtor_id`), as a scalar subquery.
 * On SQLite the order comes from a subquery, not from `group_concat(… order by …)`: that form needs SQLite
 * 3.44, and a trigger using it would make the whole schema unreadable to an older `sqlite3` shell or tool.
 */
export function summaryOf(dialect: Dialect, debtor: string): string {
  const where = `s.tenant_id = ${debtor}.tenant_id and s.debtor_id = ${debtor}.debtor_id`;
  if (dialect === 'sqlite') {
    return (
      `(select group_concat(item, ',') from ` +
      `(select ${ITEM} as item from contacts s where ${where} order by kind, value))`
    );
  }
  // Ordered as SQLite compares text, byte by byte, whatever the database's collation.
  return `(select string_agg(${ITEM}, ',' order by kind collate "C", value collate "C") from contacts s where ${where})`;
}

const DONE: Record<string, string> = { insert: 'inserted', update: 'updated', delete: 'deleted' };

/** The statements that create the triggers keeping the summary. */
export function contactSummaryTriggers(dialect: Dialect): readonly string[] {
  const stem = CONTACT_TRIGGER_STEM;
  if (dialect === 'sqlite') {
    const refresh = (row: 'new' | 'old') =>
      `update debtors set contact_summary = ${summaryOf(dialect, row)} ` +
      `where tenant_id = ${row}.tenant_id and debtor_id = ${row}.debtor_id;`;
    return [
      `create trigger ${stem}_insert after insert on contacts begin ${refresh('new')} end`,
      `create trigger ${stem}_update after update of debtor_id, kind, value, validity, consent, opted_out_at ` +
        `on contacts begin ${refresh('old')} ${refresh('new')} end`,
      `create trigger ${stem}_delete after delete on contacts begin ${refresh('old')} end`,
    ];
  }
  // Statement triggers: an import of 5,000 contacts summarises each of their debtors once, not per row.
  const refresh = (rows: string) =>
    `update debtors d set contact_summary = ${summaryOf(dialect, 'd')} ` +
    `where (d.tenant_id, d.debtor_id) in (${rows});`;
  const fn = (name: string, rows: string) =>
    `create function ${name}() returns trigger language plpgsql as $$ begin ${refresh(rows)} return null; end $$`;
  const trigger = (event: string, transition: string) =>
    `create trigger ${stem}_${event} after ${event} on contacts referencing ${transition} ` +
    `for each statement execute function ${stem}_${DONE[event]}()`;
  const newRows = 'select tenant_id, debtor_id from new_rows';
  const oldRows = 'select tenant_id, debtor_id from old_rows';
  return [
    fn(`${stem}_inserted`, newRows),
    fn(`${stem}_updated`, `${oldRows} union ${newRows}`),
    fn(`${stem}_deleted`, oldRows),
    trigger('insert', 'new table as new_rows'),
    trigger('update', 'old table as old_rows new table as new_rows'),
    trigger('delete', 'old table as old_rows'),
  ];
}

/** The statements that drop them (the functions too, on PostgreSQL). */
export function dropContactSummaryTriggers(dialect: Dialect): readonly string[] {
  const events = ['insert', 'update', 'delete'];
  if (dialect === 'sqlite') return events.map((e) => `drop trigger ${CONTACT_TRIGGER_STEM}_${e}`);
  return [
    ...events.map((e) => `drop trigger ${CONTACT_TRIGGER_STEM}_${e} on contacts`),
    ...events.map((e) => `drop function ${CONTACT_TRIGGER_STEM}_${DONE[e]}()`),
  ];
}
