import type { Transaction } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { Database, Db } from '../../db/schema.ts';
import { chainedRow, type EvidenceInput, lockHead, type UnchainedEntry, unchainedFields } from './journal.ts';

/** Entries chained per transaction by the sealer, and per insert statement (SQLite's variables). */
const SEAL_BATCH = 500;
const INSERT_CHUNK = 50;

/**
 * Queues an evidence entry inside the caller's transaction (beside the state change it records) without
 * taking the tenant's journal head (decision 0015). The entry is kept from that commit on; `sealQueued`,
 * called by the writer once committed, chains it with every other entry queued meanwhile, in one
 * transaction. For the paths many people take at once (an agent's call outcome): with `appendEvidence`, each
 * of them would hold the head from its entry to its commit, and the tenant's outcomes would queue behind
 * one another, holding database connections that "next case" then waits for.
 */
export async function queueEvidence(
  trx: Transaction<Database>,
  input: EvidenceInput,
  queuedAt: string,
): Promise<{ readonly entryId: string }> {
  const e: UnchainedEntry = { ...unchainedFields(input), entryId: newId() };
  await trx
    .insertInto('evidence_pending')
    .values({
      tenant_id: e.tenantId,
      entry_id: e.entryId,
      queued_at: queuedAt,
      case_id: e.caseId,
      action_id: e.actionId,
      at: e.at,
      kind: e.kind,
      actor: e.actor,
      payload: e.payload,
      document_id: e.documentId,
      document_sha256: e.documentSha256,
    })
    .execute();
  return { entryId: e.entryId };
}

/**
 * Chains the tenant's queued entries, oldest first, `SEAL_BATCH` to a transaction: the head is locked, the
 * entries are inserted into `evidence` with their sequence numbers and hashes, removed from the queue, and
 * the head moves, all in one commit. Two sealers (two processes) take turns on the head; the second finds
 * the queue as the first left it. Returns how many entries were chained.
 */
export async function sealEvidence(db: Db, tenantId: string): Promise<number> {
  let sealed = 0;
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      let head = await lockHead(trx, tenantId);
      const queued = await trx
        .selectFrom('evidence_pending')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .orderBy('queued_at')
        .orderBy('entry_id')
        .limit(SEAL_BATCH)
        .execute();
      if (queued.length === 0) return 0;
      const rows = queued.map((q) => {
        const row = chainedRow(head, {
          tenantId,
          entryId: q.entry_id,
          caseId: q.case_id,
          actionId: q.action_id,
          at: q.at,
          kind: q.kind,
          actor: q.actor,
          payload: q.payload,
          documentId: q.document_id,
          documentSha256: q.document_sha256,
        });
        head = { seq: row.seq, hash: row.hash };
        return row;
      });
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await trx
          .insertInto('evidence')
          .values(rows.slice(i, i + INSERT_CHUNK))
          .execute();
      }
      const ids = queued.map((q) => q.entry_id);
      for (let i = 0; i < ids.length; i += INSERT_CHUNK * 10) {
        await trx
          .deleteFrom('evidence_pending')
          .where('tenant_id', '=', tenantId)
          .where('entry_id', 'in', ids.slice(i, i + INSERT_CHUNK * 10))
          .execute();
      }
      await trx
        .updateTable('evidence_heads')
        .set({ seq: head.seq, hash: head.hash })
        .where('tenant_id', '=', tenantId)
        .execute();
      return queued.length;
    });
    sealed += count;
    if (count < SEAL_BATCH) return sealed;
  }
}

type Sealer = { running: boolean; waiting: Array<{ resolve: () => void; reject: (e: unknown) => void }> };
const sealers = new WeakMap<Db, Map<string, Sealer>>();

/**
 * Chains what the tenant has queued, once the caller's own entry is committed: resolves when a seal that
 * began after the call has finished. Callers arriving while a seal runs share the next one, so a burst of
 * outcomes costs a few seals, not one each, and one connection per process waits on the head.
 */
export function sealQueued(db: Db, tenantId: string): Promise<void> {
  let byTenant = sealers.get(db);
  if (!byTenant) {
    byTenant = new Map();
    sealers.set(db, byTenant);
  }
  let sealer = byTenant.get(tenantId);
  if (!sealer) {
    sealer = { running: false, waiting: [] };
    byTenant.set(tenantId, sealer);
  }
  const done = new Promise<void>((resolve, reject) => sealer.waiting.push({ resolve, reject }));
  if (!sealer.running) void drain(db, tenantId, sealer, byTenant);
  return done;
}

async function drain(db: Db, tenantId: string, sealer: Sealer, byTenant: Map<string, Sealer>): Promise<void> {
  sealer.running = true;
  try {
    while (sealer.waiting.length > 0) {
      // Those waiting now committed before this seal begins: it chains their entries.
      const served = sealer.waiting.splice(0);
      try {
        await sealEvidence(db, tenantId);
        for (const w of served) w.resolve();
      } catch (error) {
        for (const w of served) w.reject(error);
      }
    }
  } finally {
    sealer.running = false;
    byTenant.delete(tenantId);
  }
}

/** Whether the tenant has entries waiting to be chained (cheap: the queue's index). */
export async function hasQueuedEvidence(db: Db, tenantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('evidence_pending')
    .select('entry_id')
    .where('tenant_id', '=', tenantId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Chains what the tenant has queued, if anything: before a reader needs the whole journal (the timeline, the
 * export), and at every dispatcher tick, for entries a process queued and could not seal (it crashed, or
 * the database refused the seal).
 */
export async function sealIfQueued(db: Db, tenantId: string): Promise<void> {
  if (await hasQueuedEvidence(db, tenantId)) await sealQueued(db, tenantId);
}
