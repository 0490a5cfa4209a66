import { stringify } from 'csv-stringify/sync';
import type { Transaction } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import { isRegistered } from '../../channels/letters/letter-model.ts';
import { newId } from '../../db/ids.ts';
import type { Database, PostalKind } from '../../db/schema.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendEvidence, readDocument, storeDocument } from '../evidence/journal.ts';
import { lockTenantLetters } from './letter-lock.ts';

export type PrintBatch = {
  readonly batchId: string;
  readonly on: string;
  readonly letters: number;
  /** Pages of the PDF, blank backs included. */
  readonly pages: number;
  readonly pdfDocumentId: string;
  readonly manifestDocumentId: string;
};

type Waiting = {
  readonly itemId: string;
  readonly actionId: string;
  readonly caseId: string;
  readonly kind: PostalKind;
  readonly reference: string;
  readonly documentId: string;
};

/** The manifest's columns, for the mail house (one line per letter). */
export const MANIFEST_COLUMNS = [
  'sequence',
  'reference',
  'kind',
  'registered',
  'recipient_name',
  'address_line_1',
  'address_line_2',
  'address_line_3',
  'address_line_4',
  'address_line_5',
  'pages',
  'first_page',
  'last_page',
  'sha256',
] as const;

/**
 * The day's print batch: every letter waiting to be printed, merged into one PDF for duplex printing (each
 * letter starts on a front side: a blank back is added after a letter with an odd number of pages), plus a
 * manifest CSV for the mail house. Both are kept as documents, the letters move to `printed` and each gets a
 * `letter_printed` entry. A second call the same day takes only the letters produced since; none: null.
 */
export async function buildPrintBatch(
  deps: Deps,
  tenantId: string,
  input: { readonly on?: string } = {},
): Promise<PrintBatch | null> {
  const on = input.on ?? deps.clock.today();
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    await lockTenantLetters(trx, tenantId);
    const waiting: readonly Waiting[] = await trx
      .selectFrom('postal_items')
      .select([
        'item_id as itemId',
        'action_id as actionId',
        'case_id as caseId',
        'kind',
        'reference',
        'document_id as documentId',
      ])
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'to_print')
      .where('batch_id', 'is', null)
      .orderBy('reference')
      .execute();
    if (waiting.length === 0) return null;

    const batchId = newId();
    const merged = await PDFDocument.create();
    merged.setTitle(`Relance — ${on}`);
    merged.setCreationDate(new Date(`${on}T00:00:00Z`));
    merged.setModificationDate(new Date(`${on}T00:00:00Z`));
    const rows: string[][] = [];
    const placed: { item: Waiting; first: number; last: number; sha256: string }[] = [];
    for (const [index, item] of waiting.entries()) {
      const letter = await readDocument(trx, tenantId, item.documentId);
      if (!letter) throw new Error(`Letter ${item.reference} has no document ${item.documentId}`);
      const source = await PDFDocument.load(letter.content);
      const first = merged.getPageCount() + 1;
      for (const page of await merged.copyPages(source, source.getPageIndices())) merged.addPage(page);
      const last = merged.getPageCount();
      if ((last - first + 1) % 2 === 1) {
        const { width, height } = merged.getPage(last - 1).getSize();
        merged.addPage([width, height]);
      }
      const recipient = await recipientOf(trx, tenantId, item.actionId);
      const lines = [...recipient.address, '', '', '', '', ''].slice(0, 5);
      rows.push([
        String(index + 1),
        item.reference,
        item.kind,
        isRegistered(item.kind) ? 'yes' : 'no',
        recipient.name,
        ...lines,
        String(last - first + 1),
        String(first),
        String(last),
        letter.sha256,
      ]);
      placed.push({ item, first, last, sha256: letter.sha256 });
    }
    const pdf = await merged.save({ useObjectStreams: false });
    const manifest = stringify([[...MANIFEST_COLUMNS], ...rows]);
    const pdfDocument = await storeDocument(trx, {
      tenantId,
      caseId: null,
      kind: 'print_batch',
      mediaType: 'application/pdf',
      fileName: `letters-${on}-${batchId.slice(-6)}.pdf`,
      content: pdf,
      createdAt: now,
    });
    const manifestDocument = await storeDocument(trx, {
      tenantId,
      caseId: null,
      kind: 'manifest',
      mediaType: 'text/csv',
      fileName: `manifest-${on}-${batchId.slice(-6)}.csv`,
      content: new TextEncoder().encode(manifest),
      createdAt: now,
    });
    await trx
      .insertInto('print_batches')
      .values({
        tenant_id: tenantId,
        batch_id: batchId,
        batch_on: on,
        letters: waiting.length,
        pdf_document_id: pdfDocument.documentId,
        manifest_document_id: manifestDocument.documentId,
        created_at: now,
      })
      .execute();
    for (const [index, { item, first, last, sha256 }] of placed.entries()) {
      await trx
        .updateTable('postal_items')
        .set({ status: 'printed', batch_id: batchId, status_on: on, updated_at: now })
        .where('tenant_id', '=', tenantId)
        .where('item_id', '=', item.itemId)
        .execute();
      await appendEvidence(trx, {
        tenantId,
        caseId: item.caseId,
        actionId: item.actionId,
        at: now,
        kind: 'letter_printed',
        actor: 'system',
        payload: {
          itemId: item.itemId,
          reference: item.reference,
          batchId,
          on,
          sequence: index + 1,
          first,
          last,
        },
        document: { documentId: item.documentId, sha256 },
      });
    }
    return {
      batchId,
      on,
      letters: waiting.length,
      pages: merged.getPageCount(),
      pdfDocumentId: pdfDocument.documentId,
      manifestDocumentId: manifestDocument.documentId,
    };
  });
}

/** The recipient as printed on the letter: kept in the letter's `letter_produced` journal entry. */
async function recipientOf(
  trx: Transaction<Database>,
  tenantId: string,
  actionId: string,
): Promise<{ readonly name: string; readonly address: readonly string[] }> {
  const entry = await trx
    .selectFrom('evidence')
    .select('payload')
    .where('tenant_id', '=', tenantId)
    .where('action_id', '=', actionId)
    .where('kind', '=', 'letter_produced')
    .orderBy('seq')
    .executeTakeFirst();
  const payload = entry
    ? (JSON.parse(entry.payload) as { recipient?: { name?: string; address?: string[] } })
    : {};
  return { name: payload.recipient?.name ?? '', address: payload.recipient?.address ?? [] };
}
