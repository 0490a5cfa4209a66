import { createHash } from 'node:crypto';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseHandle } from '../packages/server/src/db/database.ts';
import { openTableFile } from '../packages/server/src/formats/tabular.ts';
import { startBulkLoad } from '../packages/server/src/use-cases/imports/bulk-load.ts';
import { createIdFactory } from '../packages/server/src/use-cases/imports/fast-ids.ts';
import { inImportTransaction } from '../packages/server/src/use-cases/imports/import-transaction.ts';
import { copyText } from '../packages/server/src/use-cases/imports/postgres-claim-store.ts';
import { base36Pair } from '../packages/server/src/use-cases/imports/row-hash.ts';

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

export type FloorResult = {
  readonly rows: number;
  readonly insertMs: number;
  /** The secondary indexes dropped before the load and rebuilt after it (empty when kept). */
  readonly rebuiltIndexes: readonly string[];
};

/** `bulk`: the import's strategy for a large load into a small table; `kept`: every index in place. */
export type FloorIndexes = 'bulk' | 'kept';

/** Rows per INSERT on SQLite, as the import writes them. */
const ROWS_PER_INSERT = 100;

/**
 * The floor: the same claim rows as the import stores, inserted bare into the same `claims` table, in
 * one transaction, the fastest way each engine offers — multi-row INSERTs of 100 rows with the values
 * common to all rows written into the statement on SQLite, COPY on PostgreSQL, as the import does. With
 * `bulk`, the secondary indexes are dropped first and rebuilt after, as the import does for a large load
 * into a small table (the rebuild is timed). Only the database work is timed: reading the file and
 * shaping the rows are not.
 */
export async function measureFloor(
  handle: DatabaseHandle,
  file: string,
  indexes: FloorIndexes = 'bulk',
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
  // The values that differ from row to row, in table order (tenant, creditor, import and the two
  // instants are the same on every row).
  const shape = (f: readonly string[]): (string | number | null)[] => {
    const amount = cents(f[3] ?? '');
    const outstanding = cents(f[4] ?? '');
    const due = iso(f[2] ?? '');
    return [
      newId(),
      idOf(`d${f[7]}`),
      idOf(`k${f[7]}`),
      f[0] ?? '',
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
      // A 64-bit digest written as the import writes its content hash.
      contentHash(f),
    ];
  };
  // Ids as long as the import's: the bench tenant 't1', UUIDs for the creditor and the import.
  const constants = { tenant: 't1', creditor: newId(), importId: newId(), now };

  let rows = 0;
  // The clock runs from the first statement to the commit, paused while rows are read and shaped.
  let paused = 0;
  let pausedAt = 0;
  const pause = (): void => {
    pausedAt = performance.now();
  };
  const resume = (): void => {
    paused += performance.now() - pausedAt;
  };
  const started = performance.now();
  const rebuilt = await inImportTransaction(handle, async (trx, client) => {
    const bulk =
      indexes === 'bulk'
        ? await startBulkLoad(trx, handle.dialect, {
            expectedRows: Number.MAX_SAFE_INTEGER,
            creditorHasClaims: false,
            minRows: 0,
          })
        : null;
    if (client === null && handle.raw.kind === 'sqlite') {
      const sqlite = handle.raw.sqlite;
      const c = constants;
      const one = `('${c.tenant}',?,'${c.creditor}',${Array.from({ length: 14 }, () => '?').join(',')},'${c.importId}',?,'${now}','${now}')`;
      const insertMany = sqlite.prepare(
        `insert into claims (${COLUMNS.join(', ')}) values ${Array.from({ length: ROWS_PER_INSERT }, () => one).join(',')}`,
      );
      const insertOne = sqlite.prepare(`insert into claims (${COLUMNS.join(', ')}) values ${one}`);
      pause();
      for await (const batch of table.batches()) {
        const params: (string | number | null)[][] = [];
        let i = 0;
        for (; i + ROWS_PER_INSERT <= batch.length; i += ROWS_PER_INSERT) {
          params.push(batch.slice(i, i + ROWS_PER_INSERT).flatMap((r) => shape(r.fields)));
        }
        const rest = batch.slice(i).map((r) => shape(r.fields));
        resume();
        for (const p of params) insertMany.run(p);
        for (const p of rest) insertOne.run(p);
        rows += batch.length;
        pause();
      }
      resume();
    } else if (client !== null) {
      let pending: string[] = [];
      const send = async (): Promise<void> => {
        const text = pending.join('');
        rows += pending.length;
        pending = [];
        resume();
        const stream = client.query(copyFrom(`copy claims (${COLUMNS.join(', ')}) from stdin`));
        await new Promise<void>((resolve, reject) => {
          stream.on('finish', resolve);
          stream.on('error', reject);
          stream.end(text);
        });
        pause();
      };
      pause();
      for await (const batch of table.batches()) {
        for (const r of batch) {
          pending.push(copyLine(shape(r.fields), constants));
          if (pending.length >= batchSize) await send();
        }
      }
      if (pending.length > 0) await send();
      resume();
    }
    await bulk?.rebuild();
    return bulk?.indexes ?? [];
  });
  return { rows, insertMs: performance.now() - started - paused, rebuiltIndexes: rebuilt };
}

/** One COPY text line: the constants put back in their columns. */
function copyLine(
  values: readonly (string | number | null)[],
  c: { tenant: string; creditor: string; importId: string; now: string },
): string {
  const text = values.map((v) => (v === null ? '\\N' : copyText(String(v))));
  const [claimId, ...rest] = text;
  const hash = rest.pop();
  return `${[c.tenant, claimId, c.creditor, ...rest, c.importId, hash, c.now, c.now].join('\t')}\n`;
}

/** '1 234,56' → 123456 (the bench file's format only). */
function cents(text: string): number {
  return Number(text.replace(/[\s,]/g, ''));
}

/** 'dd/mm/yyyy' → 'yyyy-mm-dd' (the bench file's format only). */
function iso(text: string): string {
  return `${text.slice(6, 10)}-${text.slice(3, 5)}-${text.slice(0, 2)}`;
}

function contentHash(fields: readonly string[]): string {
  const digest = createHash('md5').update(fields.join(';')).digest();
  return base36Pair(digest.readUInt32BE(0), digest.readUInt32BE(4));
}
