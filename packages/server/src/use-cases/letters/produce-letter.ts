import type { Transaction } from 'kysely';
import type { LetterKind } from '../../channels/letters/letter-model.ts';
import { renderLetter } from '../../channels/letters/render-letter.ts';
import { newId } from '../../db/ids.ts';
import type { Database } from '../../db/schema.ts';
import { appendEvidence, storeDocument } from '../evidence/journal.ts';
import { letterContent } from './letter-content.ts';
import { caseLetterHistory } from './letter-history.ts';
import { lockTenantLetters } from './letter-lock.ts';

export type ProducedLetter = {
  readonly itemId: string;
  readonly reference: string;
  readonly documentId: string;
  readonly sha256: string;
};

export type ProduceLetterInput = {
  readonly actionId: string;
  readonly caseId: string;
  readonly kind: LetterKind;
  /** The template key (the strategy step's template). */
  readonly template: string;
  readonly language: 'fr' | 'en';
  /** The letter's date (YYYY-MM-DD). */
  readonly today: string;
  /** Who asks: 'dispatcher', 'user:<id>'… (the evidence journal's actor). */
  readonly actor: string;
  /** The instant recorded on the document and the journal entry; by default now. */
  readonly now?: string;
};

/**
 * Produces the letter of an outbox action, inside the caller's transaction: gives it the tenant's next
 * reference (L-2026-000123), renders the PDF, keeps it as a document, queues it for printing (postal item
 * `to_print`) and journals `letter_produced`. Idempotent per action: a second call for the same action
 * returns the letter already produced, never a second one.
 */
export async function produceLetter(
  trx: Transaction<Database>,
  tenantId: string,
  input: ProduceLetterInput,
): Promise<ProducedLetter> {
  await lockTenantLetters(trx, tenantId);
  const existing = await trx
    .selectFrom('postal_items as p')
    .innerJoin('documents as d', (j) =>
      j.onRef('d.tenant_id', '=', 'p.tenant_id').onRef('d.document_id', '=', 'p.document_id'),
    )
    .select(['p.item_id', 'p.reference', 'p.document_id', 'd.sha256'])
    .where('p.tenant_id', '=', tenantId)
    .where('p.action_id', '=', input.actionId)
    .executeTakeFirst();
  if (existing)
    return {
      itemId: existing.item_id,
      reference: existing.reference,
      documentId: existing.document_id,
      sha256: existing.sha256,
    };

  const now = input.now ?? new Date().toISOString();
  const reference = await nextReference(trx, tenantId, input.today.slice(0, 4));
  const content = await letterContent(trx, tenantId, {
    caseId: input.caseId,
    template: input.template,
    language: input.language,
    today: input.today,
    letter: { reference, date: input.today },
  });
  const history = await caseLetterHistory(trx, tenantId, input.caseId, input.language);
  const variables = {
    ...content.variables,
    firstLetter: content.variables.firstLetter ?? history.first,
    previousLetter: content.variables.previousLetter ?? history.previous,
  };
  const pdf = await renderLetter({ kind: input.kind, variables, body: content.body });
  const document = await storeDocument(trx, {
    tenantId,
    caseId: input.caseId,
    kind: 'letter',
    mediaType: 'application/pdf',
    fileName: `${reference}.pdf`,
    content: pdf,
    createdAt: now,
  });
  const itemId = newId();
  await trx
    .insertInto('postal_items')
    .values({
      tenant_id: tenantId,
      item_id: itemId,
      action_id: input.actionId,
      case_id: input.caseId,
      kind: input.kind,
      reference,
      document_id: document.documentId,
      status: 'to_print',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await appendEvidence(trx, {
    tenantId,
    caseId: input.caseId,
    actionId: input.actionId,
    at: now,
    kind: 'letter_produced',
    actor: input.actor,
    payload: {
      itemId,
      reference,
      kind: input.kind,
      date: input.today,
      language: input.language,
      template: input.template,
      templateVersion: content.templateVersion,
      recipient: { name: variables.debtor.name, address: variables.debtor.address?.lines ?? [] },
      sha256: document.sha256,
    },
    document: { documentId: document.documentId, sha256: document.sha256 },
  });
  return { itemId, reference, documentId: document.documentId, sha256: document.sha256 };
}

async function nextReference(trx: Transaction<Database>, tenantId: string, year: string): Promise<string> {
  const prefix = `L-${year}-`;
  const last = await trx
    .selectFrom('postal_items')
    .select('reference')
    .where('tenant_id', '=', tenantId)
    .where('reference', 'like', `${prefix}%`)
    .orderBy('reference', 'desc')
    .limit(1)
    .executeTakeFirst();
  const n = last ? Number(last.reference.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(6, '0')}`;
}
