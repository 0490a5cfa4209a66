import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { signInAs, testServer } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

const csv = [
  'N° facture;Raison sociale;Code client;Date d’échéance;Montant TTC',
  'PL-1;Atelier Girard SARL;C100;15/01/2026;1 234,50',
  'PL-2;Émile Roux;C200;pas une date;50,00',
].join('\r\n');

function multipart(fields: Readonly<Record<string, string>>, content: string) {
  const boundary = '----relance-portal-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="placement.csv"\r\n` +
      `Content-Type: text/csv\r\n\r\n${content}\r\n`,
  );
  return {
    payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`, 'utf8'),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describeEachDatabase('creditor portal: a client places claims', (ctx) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let client: { cookie: string };
  const upload = (fields: Record<string, string>, content = csv) => {
    const form = multipart(fields, content);
    return app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      payload: form.payload,
      headers: { ...form.headers, ...client },
    });
  };

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    t = await seedTenant(ctx.handle.db, 'A');
    client = await signInAs(app, t.users.client.email);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports a file for its own creditor without naming it, keeping the valid rows', async () => {
    const response = await upload({});
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ creditorId: t.creditors.acme, inserted: 1, rejected: 1 });
    const claim = await ctx.handle.db
      .selectFrom('claims')
      .select(['creditor_id', 'amount_minor'])
      .where('tenant_id', '=', t.tenantId)
      .where('invoice_number', '=', 'PL-1')
      .executeTakeFirstOrThrow();
    expect(claim).toEqual({ creditor_id: t.creditors.acme, amount_minor: 1234_50 });
    // Naming its own creditor, in any case, is the same.
    expect((await upload({ creditor: 'acme' })).statusCode).toBe(201);
  });

  it('refuses a file or a JSON call naming another creditor, and writes nothing', async () => {
    const other = await upload({ creditor: 'BETA' }, csv.replace(/PL-/g, 'XX-'));
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toMatchObject({
      code: 'forbidden',
      message: 'Un compte client ne place des créances que pour son propre créancier (ACME).',
    });
    // Whether the named creditor exists is not said.
    const unknown = await upload({ creditor: 'NOPE' }, csv.replace(/PL-/g, 'XX-'));
    expect(unknown.json().error.details.reason).toBe('creditor_not_own');
    const json = await app.inject({
      method: 'POST',
      url: '/api/v1/imports/json',
      headers: { ...client, 'accept-language': 'en' },
      payload: {
        creditor: 'BETA',
        claims: [
          {
            invoiceNumber: 'XX-9',
            dueDate: '2026-02-01',
            amountMinor: 10_00,
            currency: 'EUR',
            debtor: { ref: 'X9', name: 'X' },
          },
        ],
      },
    });
    expect(json.statusCode).toBe(403);
    expect(json.json().error.message).toBe(
      'A client account places claims for its own creditor (ACME) only.',
    );
    const written = await ctx.handle.db
      .selectFrom('claims')
      .select('claim_id')
      .where('tenant_id', '=', t.tenantId)
      .where('invoice_number', 'like', 'XX-%')
      .execute();
    expect(written).toEqual([]);
  });

  it('imports JSON claims for its own creditor, and lists only its own imports', async () => {
    const json = await app.inject({
      method: 'POST',
      url: '/api/v1/imports/json',
      headers: client,
      payload: {
        claims: [
          {
            invoiceNumber: 'PJ-1',
            dueDate: '2026-02-01',
            amountMinor: 75_00,
            currency: 'EUR',
            debtor: { ref: 'PJ', name: 'Placement JSON SAS' },
          },
        ],
      },
    });
    expect(json.statusCode, json.body).toBe(201);
    expect(json.json()).toMatchObject({ creditorId: t.creditors.acme, inserted: 1 });
    // A supervisor's import for BETA exists; the client does not see it.
    const supervisor = await signInAs(app, t.users.supervisor.email);
    const beta = await app.inject({
      method: 'POST',
      url: '/api/v1/imports/json',
      headers: supervisor,
      payload: {
        creditor: 'BETA',
        claims: [
          {
            invoiceNumber: 'PB-1',
            dueDate: '2026-02-01',
            amountMinor: 75_00,
            currency: 'EUR',
            debtor: { ref: 'PB', name: 'B' },
          },
        ],
      },
    });
    expect(beta.statusCode).toBe(201);
    const list = (await app.inject({ method: 'GET', url: '/api/v1/imports', headers: client })).json();
    expect(list.items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(list.items.map((i: { creditor: { id: string } }) => i.creditor.id))).toEqual(
      new Set([t.creditors.acme]),
    );
    const hidden = await app.inject({
      method: 'GET',
      url: `/api/v1/imports/${beta.json().importId}`,
      headers: client,
    });
    expect(hidden.statusCode).toBe(404);
    // The staff still name the creditor.
    const unnamed = await app.inject({
      method: 'POST',
      url: '/api/v1/imports/json',
      headers: supervisor,
      payload: {
        claims: [
          {
            invoiceNumber: 'PB-2',
            dueDate: '2026-02-01',
            amountMinor: 1,
            currency: 'EUR',
            debtor: { ref: 'PB', name: 'B' },
          },
        ],
      },
    });
    expect(unnamed.statusCode).toBe(400);
  });

  it('rejects the rows of a file or a JSON call that name another creditor, keeping the others', async () => {
    const named = [
      'N° facture;Créancier;Raison sociale;Code client;Date d’échéance;Montant TTC',
      'CR-1;ACME;Atelier Girard SARL;C100;15/01/2026;10,00',
      'CR-2;BETA;Atelier Girard SARL;C100;15/01/2026;20,00',
      'CR-3;;Atelier Girard SARL;C100;15/01/2026;30,00',
      'CR-4;acme a;Atelier Girard SARL;C100;15/01/2026;40,00',
    ].join('\r\n');
    const response = await upload({}, named);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ inserted: 3, rejected: 1 });
    expect(response.json().rejections).toEqual([
      {
        row: 3,
        column: 'Créancier',
        reason: 'other_creditor',
        message:
          'Créance d’un autre créancier : un import ne place que les créances de son créancier : « BETA »',
      },
    ]);
    const json = await app.inject({
      method: 'POST',
      url: '/api/v1/imports/json',
      headers: client,
      payload: {
        claims: ['ACME', 'BETA'].map((creditor, i) => ({
          creditor,
          invoiceNumber: `CJ-${i}`,
          dueDate: '2026-02-01',
          amountMinor: 75_00,
          currency: 'EUR',
          debtor: { ref: 'CJ', name: 'Créances JSON SAS' },
        })),
      },
    });
    expect(json.statusCode, json.body).toBe(201);
    expect(json.json()).toMatchObject({ inserted: 1, rejected: 1 });
    expect(json.json().rejections[0]).toMatchObject({ row: 2, reason: 'other_creditor' });
    const kept = await ctx.handle.db
      .selectFrom('claims')
      .select(['invoice_number', 'creditor_id'])
      .where('tenant_id', '=', t.tenantId)
      .where('invoice_number', 'in', ['CR-1', 'CR-2', 'CR-3', 'CR-4', 'CJ-0', 'CJ-1'])
      .orderBy('invoice_number')
      .execute();
    expect(kept.map((k) => k.invoice_number)).toEqual(['CJ-0', 'CR-1', 'CR-3', 'CR-4']);
    expect(new Set(kept.map((k) => k.creditor_id))).toEqual(new Set([t.creditors.acme]));
  });
});
