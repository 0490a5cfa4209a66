import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, EvidenceTable } from '../../db/schema.ts';
import {
  DIGESTED_FIELDS,
  type EvidenceEntry,
  entryHash,
  fieldDigests,
  GENESIS_HASH,
  sha256Hex,
} from './journal.ts';

/** Why a chain does not verify, from the most to the least specific. */
export type ChainProblemKind =
  | 'payload_altered'
  | 'date_altered'
  | 'entry_altered'
  | 'entry_deleted'
  | 'entries_reordered'
  | 'link_broken'
  | 'document_altered'
  | 'document_missing'
  | 'head_mismatch';

export type ChainProblem = {
  readonly kind: ChainProblemKind;
  /** The entry where the break shows (for a deletion: the first missing seq). */
  readonly seq: number;
  readonly entryId: string | null;
  /** What else is known: the field altered, the seq the entry was written at, the document… */
  readonly detail: Readonly<Record<string, string | number>>;
};

export type TenantChainReport = {
  readonly tenantId: string;
  readonly ok: boolean;
  readonly entriesChecked: number;
  readonly documentsChecked: number;
  /** The head row as stored (null: the tenant never appended). */
  readonly head: { readonly seq: number; readonly hash: string } | null;
  /** Every problem found, first break first (at most `maxProblems`). */
  readonly problems: readonly ChainProblem[];
};

export type EvidenceReport = {
  readonly ok: boolean;
  readonly entriesChecked: number;
  readonly documentsChecked: number;
  readonly tenants: readonly TenantChainReport[];
};

const pageSize = 500;
const maxProblems = 100;
/** How far away an entry moved by a reordering is looked for. */
const reorderWindow = 50;

type Db = Kysely<Database> | Transaction<Database>;
type Row = Selectable<EvidenceTable>;

/**
 * Walks each tenant's evidence chain in seq order and checks everything that can be checked: every
 * entry's hash recomputed from its fields, every link to the previous hash, no seq missing, the head row
 * matching the last entry, and every document kept beside an entry still hashing to what the entry says.
 * Reads only; the answer lists where the chain breaks and why.
 */
export async function verifyEvidence(db: Db, tenant: string | 'all'): Promise<EvidenceReport> {
  const tenantIds = tenant === 'all' ? await tenantsWithEvidence(db) : [tenant];
  const tenants: TenantChainReport[] = [];
  for (const tenantId of tenantIds) tenants.push(await verifyTenant(db, tenantId));
  return {
    ok: tenants.every((t) => t.ok),
    entriesChecked: tenants.reduce((n, t) => n + t.entriesChecked, 0),
    documentsChecked: tenants.reduce((n, t) => n + t.documentsChecked, 0),
    tenants,
  };
}

async function tenantsWithEvidence(db: Db): Promise<string[]> {
  const [tenants, heads, entries] = await Promise.all([
    db.selectFrom('tenants').select('tenant_id').execute(),
    db.selectFrom('evidence_heads').select('tenant_id').execute(),
    db.selectFrom('evidence').select('tenant_id').distinct().execute(),
  ]);
  const ids = new Set([...tenants, ...heads, ...entries].map((r) => r.tenant_id));
  return [...ids].sort();
}

/** One tenant's chain: what a chain of that tenant must satisfy, entry by entry, then its head. */
export async function verifyTenant(db: Db, tenantId: string): Promise<TenantChainReport> {
  const problems: ChainProblem[] = [];
  const report = (problem: ChainProblem) => {
    if (problems.length < maxProblems) problems.push(problem);
  };
  let expectedSeq = 1;
  let expectedPrev = GENESIS_HASH;
  let entriesChecked = 0;
  let documentsChecked = 0;
  let last: Row | null = null;
  // Read before and after the walk: an entry appended meanwhile is not a broken head.
  const headBefore = await readHead(db, tenantId);
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('evidence')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    const documents = await documentHashes(db, tenantId, rows);
    for (const row of rows) {
      const seq = Number(row.seq);
      const gap = seq !== expectedSeq;
      if (gap)
        report({ kind: 'entry_deleted', seq: expectedSeq, entryId: null, detail: { missingTo: seq - 1 } });
      const content = checkContent(row);
      if (content) report(content);
      else if (!gap && row.prev_hash !== expectedPrev) report(await checkLink(db, row));
      if (row.document_id !== null) {
        documentsChecked += 1;
        const stored = documents.get(row.document_id);
        const detail = { documentId: row.document_id };
        if (stored === undefined) report({ kind: 'document_missing', seq, entryId: row.entry_id, detail });
        else if (stored !== row.document_sha256)
          report({ kind: 'document_altered', seq, entryId: row.entry_id, detail });
      }
      expectedSeq = seq + 1;
      expectedPrev = row.hash;
      entriesChecked += 1;
      last = row;
    }
    after = Number(rows[rows.length - 1]?.seq ?? after);
  }
  const head = await readHead(db, tenantId);
  const lastSeq = last ? Number(last.seq) : 0;
  const lastHash = last ? last.hash : GENESIS_HASH;
  if ((headBefore?.seq ?? 0) > lastSeq) {
    // The last entries are gone: the head still counts them.
    report({
      kind: 'entry_deleted',
      seq: lastSeq + 1,
      entryId: null,
      detail: { missingTo: headBefore?.seq ?? 0 },
    });
  } else if ((head?.seq ?? 0) > lastSeq) {
    // Appended while we walked: checked next time.
  } else if ((head?.seq ?? 0) !== lastSeq || (head?.hash ?? GENESIS_HASH) !== lastHash) {
    report({
      kind: 'head_mismatch',
      seq: lastSeq,
      entryId: last?.entry_id ?? null,
      detail: { headSeq: head?.seq ?? 0, headHash: head?.hash ?? '', lastHash },
    });
  }
  return { tenantId, ok: problems.length === 0, entriesChecked, documentsChecked, head, problems };
}

function entryOf(row: Row, seq = Number(row.seq)): EvidenceEntry {
  return {
    tenantId: row.tenant_id,
    seq,
    entryId: row.entry_id,
    caseId: row.case_id,
    actionId: row.action_id,
    at: row.at,
    kind: row.kind,
    actor: row.actor,
    payload: row.payload,
    documentSha256: row.document_sha256,
    prevHash: row.prev_hash,
  };
}

/** The entry's own fields against its hash; when they differ, which field (from its digest) or its place. */
function checkContent(row: Row): ChainProblem | null {
  const seq = Number(row.seq);
  const entry = entryOf(row);
  if (entryHash(entry) === row.hash) return null;
  const base = { seq, entryId: row.entry_id };
  // Written at another seq and moved here?
  for (let delta = 1; delta <= reorderWindow; delta += 1) {
    for (const at of [seq - delta, seq + delta]) {
      if (at > 0 && entryHash(entryOf(row, at)) === row.hash)
        return { ...base, kind: 'entries_reordered', detail: { writtenAt: at } };
    }
  }
  const altered = alteredFields(row, entry);
  if (altered.includes('payload')) return { ...base, kind: 'payload_altered', detail: { field: 'payload' } };
  if (altered.includes('at')) return { ...base, kind: 'date_altered', detail: { field: 'at' } };
  return {
    ...base,
    kind: 'entry_altered',
    detail: altered.length > 0 ? { field: altered.join(',') } : {},
  };
}

function alteredFields(row: Row, entry: EvidenceEntry): string[] {
  if (row.field_digests === null) return [];
  let kept: Record<string, unknown>;
  try {
    kept = JSON.parse(row.field_digests) as Record<string, unknown>;
  } catch {
    return [];
  }
  const now = fieldDigests(entry);
  return DIGESTED_FIELDS.filter((field) => kept[field] !== now[field]);
}

async function readHead(db: Db, tenantId: string): Promise<{ seq: number; hash: string } | null> {
  const row = await db
    .selectFrom('evidence_heads')
    .select(['seq', 'hash'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

/** The entry is intact but does not follow the one before it: some were removed (and the rest renumbered), or moved. */
async function checkLink(db: Db, row: Row): Promise<ChainProblem> {
  const seq = Number(row.seq);
  const linked =
    row.prev_hash === GENESIS_HASH
      ? { seq: 0 }
      : await db
          .selectFrom('evidence')
          .select('seq')
          .where('tenant_id', '=', row.tenant_id)
          .where('hash', '=', row.prev_hash)
          .executeTakeFirst();
  const linkedTo = linked ? Number(linked.seq) : undefined;
  if (linkedTo !== undefined && linkedTo < seq - 1) {
    return {
      kind: 'entry_deleted',
      seq: linkedTo + 1,
      entryId: row.entry_id,
      detail: { missingTo: seq - 1 },
    };
  }
  return { kind: 'link_broken', seq, entryId: row.entry_id, detail: { prevHash: row.prev_hash } };
}

/** The sha256 of each document's bytes as stored now, recomputed (not the column: it can be altered too). */
async function documentHashes(db: Db, tenantId: string, rows: readonly Row[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.document_id).filter((id): id is string => id !== null))];
  const hashes = new Map<string, string>();
  if (ids.length === 0) return hashes;
  const documents = await db
    .selectFrom('documents')
    .select(['document_id', 'content'])
    .where('tenant_id', '=', tenantId)
    .where('document_id', 'in', ids)
    .execute();
  for (const d of documents) hashes.set(d.document_id, sha256Hex(d.content));
  return hashes;
}
