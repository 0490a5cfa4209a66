import type { Db } from '../../src/db/schema.ts';
import { appendEvidence, storeDocument } from '../../src/use-cases/evidence/journal.ts';

/** A letter kept for a case, with its journal entry, as the letters part writes them. */
export async function storeEvidenceDocument(
  db: Db,
  tenantId: string,
  caseId: string,
  options: { readonly at?: string; readonly reference?: string; readonly text?: string } = {},
): Promise<string> {
  const at = options.at ?? '2026-03-16T09:00:00.000Z';
  const reference = options.reference ?? 'L-0001';
  return db.transaction().execute(async (trx) => {
    const document = await storeDocument(trx, {
      tenantId,
      caseId,
      kind: 'letter',
      mediaType: 'application/pdf',
      fileName: `${reference}.pdf`,
      content: new TextEncoder().encode(options.text ?? `%PDF-1.4 letter ${reference}`),
      createdAt: at,
    });
    await appendEvidence(trx, {
      tenantId,
      caseId,
      at,
      kind: 'letter_produced',
      actor: 'system',
      payload: { reference, kind: 'letter' },
      document,
    });
    return document.documentId;
  });
}
