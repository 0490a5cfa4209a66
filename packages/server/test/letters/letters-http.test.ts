import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import { defaultLetterTemplate } from '../../src/use-cases/letters/letter-content.ts';
import { produceLetter } from '../../src/use-cases/letters/produce-letter.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { signInAs, testServer } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { pdfText } from './pdf-inspect.ts';

type Item = {
  itemId: string;
  reference: string;
  status: string;
  trackingNumber: string | null;
  statusOn: string | null;
};

describeEachDatabase('http letters', (ctx) => {
  let app: FastifyInstance;
  let tenant: SeededTenant;
  let other: SeededTenant;
  let references: string[] = [];
  const as = async (role: 'admin' | 'supervisor' | 'agent' | 'client', t = tenant) =>
    signInAs(app, t.users[role].email);

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    tenant = await seedTenant(ctx.handle.db, 'Mail');
    other = await seedTenant(ctx.handle.db, 'Elsewhere');
    references = [];
    for (const [debtor, kind] of [
      ['D1', 'registered_letter'],
      ['D5', 'letter'],
    ] as const) {
      const made = await ctx.handle.db.transaction().execute((trx) =>
        produceLetter(trx, tenant.tenantId, {
          actionId: newId(),
          caseId: tenant.debtors[debtor]?.caseId ?? '',
          kind,
          template: defaultLetterTemplate[kind],
          language: 'fr',
          today: '2026-03-16',
          actor: 'dispatcher',
        }),
      );
      references.push(made.reference);
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the letters to agents, builds the batch for supervisors, and serves its PDF and manifest', async () => {
    const agent = await as('agent');
    const listed = await app.inject({
      method: 'GET',
      url: '/api/v1/postal-items?status=to_print',
      headers: agent,
    });
    expect(listed.statusCode).toBe(200);
    expect((listed.json().items as Item[]).map((i) => i.reference).sort()).toEqual([...references].sort());
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/postal-items', headers: await as('client') }))
        .statusCode,
    ).toBe(403);

    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/print-batches', headers: agent, payload: {} }))
        .statusCode,
    ).toBe(403);
    const supervisor = await as('supervisor');
    const built = await app.inject({
      method: 'POST',
      url: '/api/v1/print-batches',
      headers: supervisor,
      payload: {},
    });
    expect(built.statusCode, built.body).toBe(201);
    expect(built.json().batch).toMatchObject({ on: '2026-03-16', letters: 2 });
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/print-batches',
      headers: supervisor,
      payload: {},
    });
    expect(again.json()).toEqual({ batch: null });

    const batches = await app.inject({ method: 'GET', url: '/api/v1/print-batches', headers: agent });
    const batchId = batches.json().items[0].batchId as string;
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/v1/print-batches/${batchId}/letters.pdf`,
      headers: agent,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const manifest = await app.inject({
      method: 'GET',
      url: `/api/v1/print-batches/${batchId}/manifest.csv`,
      headers: agent,
    });
    expect(manifest.headers['content-type']).toContain('text/csv');
    for (const reference of references) {
      expect(pdfText(pdf.rawPayload)).toContain(reference);
      expect(manifest.body).toContain(reference);
    }
    const elsewhere = await app.inject({
      method: 'GET',
      url: `/api/v1/print-batches/${batchId}/letters.pdf`,
      headers: await as('admin', other),
    });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('records tracking and receipt by hand and from a file, journals each change, and keeps the proof', async () => {
    const supervisor = await as('supervisor');
    const items = (
      await app.inject({ method: 'GET', url: '/api/v1/postal-items', headers: supervisor })
    ).json().items as Item[];
    const registered = items.find((i) => i.reference === references[0]) as Item;
    const plain = items.find((i) => i.reference === references[1]) as Item;

    const patch = (itemId: string, payload: object, headers = supervisor) =>
      app.inject({ method: 'PATCH', url: `/api/v1/postal-items/${itemId}`, headers, payload });
    expect((await patch(registered.itemId, { status: 'posted' }, await as('agent'))).statusCode).toBe(403);
    expect((await patch(registered.itemId, { status: 'posted' }, await as('admin', other))).statusCode).toBe(
      404,
    );
    expect((await patch(registered.itemId, { status: 'lost' })).statusCode).toBe(400);
    const posted = await patch(registered.itemId, {
      trackingNumber: '1A00112233445',
      status: 'posted',
      on: '2026-03-16',
    });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json()).toMatchObject({
      status: 'posted',
      statusOn: '2026-03-16',
      trackingNumber: '1A00112233445',
    });

    const csv = [
      'reference;status;date',
      '1A00112233445;distribué;18/03/2026',
      `${plain.reference};posted;2026-03-16`,
      'L-1999-000001;delivered;2026-03-18',
      `${plain.reference};perdu;2026-03-18`,
      `${plain.reference};delivered;31/02/2026`,
      'only-one-column',
    ].join('\n');
    const imported = await app.inject({
      method: 'POST',
      url: '/api/v1/postal-items/tracking',
      headers: supervisor,
      payload: { csv },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const result = imported.json();
    expect(result.applied).toBe(2);
    expect(result.rejected.map((r: { line: number; reason: string }) => [r.line, r.reason])).toEqual([
      [4, 'unknown_letter'],
      [5, 'status'],
      [6, 'date'],
      [7, 'columns'],
    ]);
    expect(result.rejected[0].message.fr).toContain('L-1999-000001');
    const rerun = await app.inject({
      method: 'POST',
      url: '/api/v1/postal-items/tracking',
      headers: supervisor,
      payload: { csv },
    });
    expect(rerun.json()).toMatchObject({ applied: 0, unchanged: 2 });

    const boundary = 'relance-proof';
    const proofBytes = Buffer.from('%PDF-1.4\n% proof of receipt\n');
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ar.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      proofBytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const proof = await app.inject({
      method: 'POST',
      url: `/api/v1/postal-items/${registered.itemId}/proof`,
      headers: { ...supervisor, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(proof.statusCode, proof.body).toBe(201);

    const after = (
      await app.inject({ method: 'GET', url: `/api/v1/postal-items`, headers: supervisor })
    ).json().items as (Item & { proofDocumentId: string | null })[];
    expect(after.find((i) => i.itemId === registered.itemId)).toMatchObject({
      status: 'delivered',
      statusOn: '2026-03-18',
      proofDocumentId: proof.json().documentId,
    });
    expect(after.find((i) => i.itemId === plain.itemId)?.status).toBe('posted');

    const journal = await ctx.handle.db
      .selectFrom('evidence')
      .select(['kind', 'payload', 'document_sha256'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('kind', 'in', ['letter_posted', 'proof_of_receipt'])
      .orderBy('seq')
      .execute();
    expect(journal.map((e) => e.kind)).toEqual([
      'letter_posted',
      'proof_of_receipt',
      'letter_posted',
      'proof_of_receipt',
    ]);
    expect(journal[3]?.document_sha256).toBe(proof.json().sha256);
  });
});
