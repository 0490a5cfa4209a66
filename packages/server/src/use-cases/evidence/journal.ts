import { createHash } from 'node:crypto';
import { type Kysely, PostgresAdapter, type Transaction } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { Database } from '../../db/schema.ts';

/** The hash a tenant's chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

/** What kind of contact or fact an entry records; the journal keeps the words, the export names them. */
export type EvidenceKind =
  | 'email_sent'
  | 'sms_sent'
  | 'letter_produced'
  | 'letter_printed'
  | 'letter_posted'
  | 'proof_of_receipt'
  | 'call_task_created'
  | 'call_outcome'
  | 'delivery_event'
  | 'dispatch_failed'
  | 'handover'
  | 'inbound_message'
  | 'opt_out'
  | 'agent_note'
  | 'document_added'
  // Agreements and disputes (issue #5, promises-disputes): what the debtor agreed to or contested.
  | 'promise_recorded'
  | 'promise_cancelled'
  | 'dispute_opened'
  | 'dispute_resolved'
  // Payment plans: the terms agreed (the agreement PDF linked), and a plan ended by a person.
  | 'plan_agreed'
  | 'plan_cancelled'
  // A step of a call to the payment IVR (identified, option, payment started / succeeded / failed, hang-up).
  | 'ivr_call'
  // The payment link a debtor asked for during a call (the message itself is its own dispatch entry).
  | 'payment_link_requested'
  // Payments (issue #6): money booked on the case (with where it went and its receipt), or a booking undone.
  | 'payment_received'
  | 'payment_reversed'
  // The debtor on the payment portal (issue #6): identity checks, contact preferences, a callback asked for.
  | 'portal_identity_check'
  | 'contact_preference'
  | 'callback_requested'
  // The creditor portal (issue #7): a case put on hold, released, or withdrawn by its creditor.
  | 'case_held'
  | 'case_released'
  | 'case_withdrawn';

export type EvidenceInput = {
  readonly tenantId: string;
  readonly caseId: string | null;
  readonly actionId?: string | null;
  readonly at: string;
  readonly kind: EvidenceKind;
  /** 'system', 'dispatcher', 'user:<id>', 'provider:<name>'. */
  readonly actor: string;
  /** Recipients, provider ids, the text as sent, outcomes… kept as JSON; must be JSON-serialisable. */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly document?: { readonly documentId: string; readonly sha256: string } | null;
};

export type EvidenceEntry = {
  readonly tenantId: string;
  readonly seq: number;
  readonly entryId: string;
  readonly caseId: string | null;
  readonly actionId: string | null;
  readonly at: string;
  readonly kind: string;
  readonly actor: string;
  /** The payload exactly as stored (JSON text). */
  readonly payload: string;
  readonly documentSha256: string | null;
  readonly prevHash: string;
};

/**
 * The hash of an entry: sha256 over the previous hash and every field of the entry, as a JSON array so that
 * no two different entries serialise alike. Changing any stored field, deleting or reordering entries breaks
 * the chain from there on.
 */
export function entryHash(e: EvidenceEntry): string {
  const fields = [
    e.prevHash,
    e.tenantId,
    e.seq,
    e.entryId,
    e.caseId,
    e.actionId,
    e.at,
    e.kind,
    e.actor,
    e.payload,
    e.documentSha256,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** The fields of an entry that `fieldDigests` fingerprints, one by one. */
export const DIGESTED_FIELDS = [
  'caseId',
  'actionId',
  'at',
  'kind',
  'actor',
  'payload',
  'documentSha256',
] as const satisfies readonly (keyof EvidenceEntry)[];

export type DigestedField = (typeof DIGESTED_FIELDS)[number];

/**
 * A short digest of each field (16 hex digits of its sha256), kept beside the entry so that verification
 * can say which field was altered. Diagnostic only: the entry's hash is the proof.
 */
export function fieldDigests(e: EvidenceEntry): Record<DigestedField, string> {
  const digest = (value: string | null) =>
    createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
  return {
    caseId: digest(e.caseId),
    actionId: digest(e.actionId),
    at: digest(e.at),
    kind: digest(e.kind),
    actor: digest(e.actor),
    payload: digest(e.payload),
    documentSha256: digest(e.documentSha256),
  };
}

export function sha256Hex(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Appends one entry to the tenant's chain, inside the caller's transaction (beside the state change it
 * records). The tenant's head row is locked (FOR UPDATE on PostgreSQL; SQLite has one writer), so
 * concurrent dispatchers append one after the other.
 */
export async function appendEvidence(
  trx: Transaction<Database>,
  input: EvidenceInput,
): Promise<{ readonly seq: number; readonly hash: string; readonly entryId: string }> {
  const head = await lockHead(trx, input.tenantId);
  const row = chainedRow(head, { ...unchainedFields(input), entryId: newId() });
  await trx.insertInto('evidence').values(row).execute();
  await trx
    .updateTable('evidence_heads')
    .set({ seq: row.seq, hash: row.hash })
    .where('tenant_id', '=', input.tenantId)
    .execute();
  return { seq: row.seq, hash: row.hash, entryId: row.entry_id };
}

/** What an entry holds before it takes its place in the chain (queued entries are stored so). */
export type UnchainedEntry = {
  readonly tenantId: string;
  readonly entryId: string;
  readonly caseId: string | null;
  readonly actionId: string | null;
  readonly at: string;
  readonly kind: string;
  readonly actor: string;
  /** JSON text, exactly as it will be hashed. */
  readonly payload: string;
  readonly documentId: string | null;
  readonly documentSha256: string | null;
};

export function unchainedFields(input: EvidenceInput): Omit<UnchainedEntry, 'entryId'> {
  return {
    tenantId: input.tenantId,
    caseId: input.caseId,
    actionId: input.actionId ?? null,
    at: input.at,
    kind: input.kind,
    actor: input.actor,
    payload: JSON.stringify(input.payload),
    documentId: input.document?.documentId ?? null,
    documentSha256: input.document?.sha256 ?? null,
  };
}

/** The `evidence` row of an entry placed right after `head`: its sequence number, hashes and digests. */
export function chainedRow(head: { readonly seq: number; readonly hash: string }, e: UnchainedEntry) {
  const entry: EvidenceEntry = {
    tenantId: e.tenantId,
    seq: head.seq + 1,
    entryId: e.entryId,
    caseId: e.caseId,
    actionId: e.actionId,
    at: e.at,
    kind: e.kind,
    actor: e.actor,
    payload: e.payload,
    documentSha256: e.documentSha256,
    prevHash: head.hash,
  };
  return {
    tenant_id: entry.tenantId,
    seq: entry.seq,
    entry_id: entry.entryId,
    case_id: entry.caseId,
    action_id: entry.actionId,
    at: entry.at,
    kind: entry.kind,
    actor: entry.actor,
    payload: entry.payload,
    document_id: e.documentId,
    document_sha256: entry.documentSha256,
    prev_hash: entry.prevHash,
    hash: entryHash(entry),
    field_digests: JSON.stringify(fieldDigests(entry)),
  };
}

/**
 * Locks the tenant's head (creating it at the genesis hash the first time) until the transaction ends:
 * FOR UPDATE on PostgreSQL; SQLite has one writer.
 */
export async function lockHead(
  trx: Transaction<Database>,
  tenantId: string,
): Promise<{ seq: number; hash: string }> {
  await trx
    .insertInto('evidence_heads')
    .values({ tenant_id: tenantId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  const query = trx.selectFrom('evidence_heads').select(['seq', 'hash']).where('tenant_id', '=', tenantId);
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  const head = await (postgres ? query.forUpdate() : query).executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

export type StoredDocument = {
  readonly documentId: string;
  readonly sha256: string;
  readonly size: number;
};

export type DocumentInput = {
  readonly tenantId: string;
  readonly caseId: string | null;
  /** 'letter', 'email', 'sms', 'proof', 'print_batch', 'manifest', 'claim_document', 'evidence_export'… */
  readonly kind: string;
  readonly mediaType: string;
  readonly fileName: string;
  readonly content: Uint8Array;
  readonly createdAt: string;
};

/** Keeps a file (a letter as sent, an e-mail's source, a proof) in the database, beside its journal entry. */
export async function storeDocument(
  trx: Transaction<Database>,
  input: DocumentInput,
): Promise<StoredDocument> {
  const documentId = newId();
  const sha256 = sha256Hex(input.content);
  await trx
    .insertInto('documents')
    .values({
      tenant_id: input.tenantId,
      document_id: documentId,
      case_id: input.caseId,
      kind: input.kind,
      media_type: input.mediaType,
      file_name: input.fileName,
      sha256,
      size: input.content.byteLength,
      content: input.content,
      created_at: input.createdAt,
    })
    .execute();
  return { documentId, sha256, size: input.content.byteLength };
}

/** Reads a stored document back (the bytes as kept). */
export async function readDocument(
  db: Transaction<Database> | Kysely<Database>,
  tenantId: string,
  documentId: string,
): Promise<{
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Buffer;
  readonly sha256: string;
} | null> {
  const row = await db
    .selectFrom('documents')
    .select(['file_name', 'media_type', 'content', 'sha256'])
    .where('tenant_id', '=', tenantId)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    fileName: row.file_name,
    mediaType: row.media_type,
    content: Buffer.from(row.content),
    sha256: row.sha256,
  };
}
