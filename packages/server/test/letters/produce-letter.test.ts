import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import type { Db } from '../../src/db/schema.ts';
import { readDocument, sha256Hex } from '../../src/use-cases/evidence/journal.ts';
import { defaultLetterTemplate } from '../../src/use-cases/letters/letter-content.ts';
import { produceLetter } from '../../src/use-cases/letters/produce-letter.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { pdfText } from './pdf-inspect.ts';

const input = (actionId: string, caseId: string, kind: 'letter' | 'formal_notice' = 'letter') => ({
  actionId,
  caseId,
  kind,
  template: defaultLetterTemplate[kind],
  language: 'fr' as const,
  today: '2026-03-16',
  actor: 'dispatcher',
  now: '2026-03-16T09:00:00.000Z',
});

async function count(db: Db, table: 'postal_items' | 'documents' | 'evidence', tenantId: string) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDatabase('produceLetter', (ctx) => {
  let tenant: SeededTenant;
  let other: SeededTenant;
  beforeAll(async () => {
    tenant = await seedTenant(ctx.handle.db, 'Letters');
    other = await seedTenant(ctx.handle.db, 'Other');
  });

  it('numbers, renders, stores, queues and journals a letter once per action', async () => {
    const db = ctx.handle.db;
    const caseId = tenant.debtors.D1?.caseId ?? '';
    const actionId = newId();
    const first = await db
      .transaction()
      .execute((trx) => produceLetter(trx, tenant.tenantId, input(actionId, caseId)));
    expect(first.reference).toBe('L-2026-000001');

    const item = await db
      .selectFrom('postal_items')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .where('item_id', '=', first.itemId)
      .executeTakeFirstOrThrow();
    expect(item).toMatchObject({ status: 'to_print', kind: 'letter', action_id: actionId, case_id: caseId });

    const document = await readDocument(db, tenant.tenantId, first.documentId);
    expect(document?.mediaType).toBe('application/pdf');
    expect(sha256Hex(document?.content ?? new Uint8Array())).toBe(first.sha256);
    const text = pdfText(document?.content ?? new Uint8Array());
    expect(text).toContain('Boulangerie Dupont');
    expect(text).toContain('F-1001');
    expect(text).toContain('L-2026-000001');

    const entry = await db
      .selectFrom('evidence')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .where('action_id', '=', actionId)
      .executeTakeFirstOrThrow();
    expect(entry.kind).toBe('letter_produced');
    expect(entry.document_sha256).toBe(first.sha256);
    expect(JSON.parse(entry.payload)).toMatchObject({
      reference: 'L-2026-000001',
      kind: 'letter',
      recipient: { name: 'Boulangerie Dupont' },
    });

    const before = await Promise.all([
      count(db, 'postal_items', tenant.tenantId),
      count(db, 'documents', tenant.tenantId),
      count(db, 'evidence', tenant.tenantId),
    ]);
    const again = await db
      .transaction()
      .execute((trx) => produceLetter(trx, tenant.tenantId, input(actionId, caseId)));
    expect(again).toEqual(first);
    const after = await Promise.all([
      count(db, 'postal_items', tenant.tenantId),
      count(db, 'documents', tenant.tenantId),
      count(db, 'evidence', tenant.tenantId),
    ]);
    expect(after).toEqual(before);
  });

  it('gives the next reference to the next letter, recalls the first one, and numbers each tenant apart', async () => {
    const db = ctx.handle.db;
    const caseId = tenant.debtors.D1?.caseId ?? '';
    const second = await db
      .transaction()
      .execute((trx) => produceLetter(trx, tenant.tenantId, input(newId(), caseId, 'formal_notice')));
    expect(second.reference).toBe('L-2026-000002');
    const text = pdfText(
      (await readDocument(db, tenant.tenantId, second.documentId))?.content ?? new Uint8Array(),
    );
    expect(text).toContain('premier courrier : réf. L-2026-000001 du 16 mars 2026');
    expect(text).toContain('je vous mets en demeure');
    // the body is the tenant's (here the shipped) template for formal notices
    expect(text).toContain('vaut mise en demeure de payer au sens de l’article 1344 du Code civil');

    const elsewhere = await db
      .transaction()
      .execute((trx) => produceLetter(trx, other.tenantId, input(newId(), other.debtors.D1?.caseId ?? '')));
    expect(elsewhere.reference).toBe('L-2026-000001');
  });

  it('keeps nothing when the transaction that asked for the letter rolls back', async () => {
    const db = ctx.handle.db;
    const before = await count(db, 'postal_items', tenant.tenantId);
    await expect(
      db.transaction().execute(async (trx) => {
        await produceLetter(trx, tenant.tenantId, input(newId(), tenant.debtors.D5?.caseId ?? ''));
        throw new Error('the dispatcher failed after producing the letter');
      }),
    ).rejects.toThrow('dispatcher failed');
    expect(await count(db, 'postal_items', tenant.tenantId)).toBe(before);
  });
});
