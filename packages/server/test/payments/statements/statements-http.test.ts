import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { ensurePaymentReference } from '../../../src/use-cases/templates/payment-reference.ts';
import { type SeededTenant, seedTenant } from '../../http/seed.ts';
import { signInAs, testServer } from '../../http/support.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { buildCamt } from './camt053-builder.ts';

/** A multipart/form-data body with one file, as the web page sends it. */
function upload(name: string, content: string) {
  const boundary = '----relance-statement-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/xml\r\n\r\n`;
  return {
    payload: Buffer.from(`${head}${content}\r\n--${boundary}--\r\n`, 'utf8'),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describeEachDatabase('statements over HTTP', (ctx) => {
  let app: FastifyInstance;
  let tenant: SeededTenant;
  let supervisor: { cookie: string };
  let statement: string;

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    tenant = await seedTenant(ctx.handle.db, 'H');
    supervisor = await signInAs(app, tenant.users.supervisor.email);
    const rf = await ensurePaymentReference(ctx.handle.db, tenant.tenantId, tenant.debtors.D1?.caseId ?? '');
    statement = buildCamt({
      messageId: 'HTTP-1',
      entries: [
        { amountMinor: 200_00, creditorReference: rf, endToEndId: 'E-RF' },
        { amountMinor: 450_00, payerName: 'Cafe Lumiere', endToEndId: 'E-NAME' },
        { amountMinor: 33_33, remittance: 'Merci', endToEndId: 'E-NONE' },
      ],
    });
  });

  const post = (url: string, form: ReturnType<typeof upload>, headers = supervisor) =>
    app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      payload: form.payload,
      headers: { ...form.headers, ...headers },
    });

  it('imports an uploaded statement, once', async () => {
    const first = await post('/statements/imports', upload('releve.xml', statement));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      format: 'camt.053',
      lineCount: 3,
      newCount: 3,
      booked: 1,
      statuses: { matched: 1, review: 1, unmatched: 1 },
    });
    const again = await post('/statements/imports', upload('releve.xml', statement));
    expect(again.json()).toMatchObject({ importId: null, newCount: 0, knownCount: 3, booked: 0 });
    const imports = await app.inject({
      method: 'GET',
      url: '/api/v1/statements/imports',
      headers: supervisor,
    });
    expect(imports.json().imports).toMatchObject([
      { fileName: 'releve.xml', lineCount: 3, newCount: 3, matchedCount: 1, reviewCount: 1 },
    ]);
  });

  it('refuses a file that is no statement in the caller’s language', async () => {
    const response = await post('/statements/imports', upload('notes.txt', 'bonjour'), {
      ...supervisor,
      'accept-language': 'fr',
    } as { cookie: string });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.message).toMatch(/^Relevé illisible : /);
  });

  it('lists the lines to finish, matches one by hand and sets one aside', async () => {
    const queue = await app.inject({
      method: 'GET',
      url: '/api/v1/statements/lines',
      headers: { ...supervisor, 'accept-language': 'en' },
    });
    expect(queue.statusCode).toBe(200);
    const { lines, toFinish } = queue.json();
    expect(toFinish).toEqual({ review: 1, ambiguous: 0, unmatched: 1 });
    const byName = lines.find((l: { endToEndId: string }) => l.endToEndId === 'E-NAME');
    expect(byName.candidates[0]).toMatchObject({
      caseId: tenant.debtors.D3?.caseId,
      rule: 'amount_name',
      debtorName: 'Café Lumière',
    });
    expect(byName.candidates[0].reason).toContain('close to the debtor');

    const matched = await app.inject({
      method: 'POST',
      url: `/api/v1/statements/lines/${byName.lineId}/match`,
      headers: supervisor,
      payload: { caseId: tenant.debtors.D3?.caseId },
    });
    expect(matched.statusCode).toBe(200);
    expect(matched.json()).toMatchObject({ lineId: byName.lineId, caseId: tenant.debtors.D3?.caseId });
    const twice = await app.inject({
      method: 'POST',
      url: `/api/v1/statements/lines/${byName.lineId}/match`,
      headers: supervisor,
      payload: { caseId: tenant.debtors.D3?.caseId },
    });
    expect(twice.statusCode).toBe(409);

    const none = lines.find((l: { endToEndId: string }) => l.endToEndId === 'E-NONE');
    const ignored = await app.inject({
      method: 'POST',
      url: `/api/v1/statements/lines/${none.lineId}/ignore`,
      headers: supervisor,
      payload: { reason: 'Virement interne' },
    });
    expect(ignored.statusCode).toBe(200);
    const left = await app.inject({ method: 'GET', url: '/api/v1/statements/lines', headers: supervisor });
    expect(left.json().lines).toEqual([]);
    const matchedNow = await app.inject({
      method: 'GET',
      url: '/api/v1/statements/lines?status=matched',
      headers: supervisor,
    });
    expect(matchedNow.json().lines).toHaveLength(2);
  });

  it('keeps agents and clients out', async () => {
    const agent = await signInAs(app, tenant.users.agent.email);
    expect((await post('/statements/imports', upload('releve.xml', statement), agent)).statusCode).toBe(403);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/statements/lines', headers: agent })).statusCode,
    ).toBe(403);
  });
});
