import { createHash } from 'node:crypto';
import type { DatabaseHandle } from '../packages/server/src/db/database.ts';
import { openTableFile } from '../packages/server/src/formats/tabular.ts';
import { createIdFactory } from '../packages/server/src/use-cases/imports/fast-ids.ts';

/** The claims table's columns, in the order the floor inserts them. */
const COLUMNS = [
  'tenant_id',
  'claim_id',
  'creditor_id',
  'debtor_id',
  'case_id',
  'invoice_number',
  'issue_date',
  'due_date',
  'amount_minor',
  'outstanding_minor',
  'currency',
  'status',
  'dispute_reason',
  'prescription_basis',
  'prescription_end',
  'external_ref',
  'description',
  'import_id',
  'content_hash',
  'created_at',
  'updated_at',
] as const;
const BIGINT = new Set(['amount_minor', 'outstanding_minor']);

export type FloorResult = { readonly rows: number; readonly insertMs: number };

/**
 * The floor: the same claim rows as the import stores, inserted bare into the same `claims` table, in
 * one transaction — a prepared statement per row on SQLite, `insert … select * from unnest(…)` batches
 * on PostgreSQL. Only the inserts are timed: reading the file and shaping the rows are not.
 */
export async function measureFloor(
  handle: DatabaseHandle,
  file: string,
  batchSize = 5000,
): Promise<FloorResult> {
  const table = await openTableFile(file);
  const newId = createIdFactory();
  const now = new Date().toISOString();
  const ids = new Map<string, string>();
  const idOf = (key: string): string => {
    let id = ids.get(key);
    if (id === undefined) {
      id = newId();
      ids.set(key, id);
    }
    return id;
  };
  const shape = (f: readonly string[]): unknown[] => {
    const amount = cents(f[3] ?? '');
    const outstanding = cents(f[4] ?? '');
    const due = iso(f[2] ?? '');
    return [
      't1',
      newId(),
      'c1',
      idOf(`d${f[7]}`),
      idOf(`k${f[7]}`),
      f[0],
      iso(f[1] ?? ''),
      due,
      amount,
      outstanding,
      'EUR',
      outstanding === 0 ? 'paid' : 'open',
      null,
      'commercial_5y',
      `${Number(due.slice(0, 4)) + 5}${due.slice(4)}`,
      null,
      null,
      'i1',
      createHash('md5').update(f.join(';')).digest('base64url'),
      now,
      now,
    ];
  };

  let rows = 0;
  let insertMs = 0;
  const timed = async (work: () => unknown): Promise<void> => {
    const t = performance.now();
    await work();
    insertMs += performance.now() - t;
  };

  if (handle.raw.kind === 'sqlite') {
    const sqlite = handle.raw.sqlite;
    const insert = sqlite.prepare(
      `insert into claims (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`,
    );
    await timed(() => sqlite.exec('begin'));
    for await (const batch of table.batches()) {
      const tuples = batch.map((r) => shape(r.fields));
      await timed(() => {
        for (const t of tuples) insert.run(t);
      });
      rows += tuples.length;
    }
    await timed(() => sqlite.exec('commit'));
    return { rows, insertMs };
  }

  const client = await handle.raw.pool.connect();
  try {
    const sqlText =
      `insert into claims (${COLUMNS.join(', ')}) select * from unnest(` +
      COLUMNS.map((c, i) => `$${i + 1}::${BIGINT.has(c) ? 'bigint' : 'text'}[]`).join(', ') +
      ')';
    await timed(() => client.query('begin'));
    let pending: unknown[][] = [];
    const send = async (): Promise<void> => {
      const columns = COLUMNS.map((_, i) => pending.map((t) => t[i]));
      await timed(() => client.query(sqlText, columns));
      rows += pending.length;
      pending = [];
    };
    for await (const batch of table.batches()) {
      for (const r of batch) {
        pending.push(shape(r.fields));
        if (pending.length >= batchSize) await send();
      }
    }
    if (pending.length > 0) await send();
    await timed(() => client.query('commit'));
  } finally {
    client.release();
  }
  return { rows, insertMs };
}

/** '1 234,56' → 123456 (the bench file's format only). */
function cents(text: string): number {
  return Number(text.replace(/[\s,]/g, ''));
}

/** 'dd/mm/yyyy' → 'yyyy-mm-dd' (the bench file's format only). */
function iso(text: string): string {
  return `${text.slice(6, 10)}-${text.slice(3, 5)}-${text.slice(0, 2)}`;
}
