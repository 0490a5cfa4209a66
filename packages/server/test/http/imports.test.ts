import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpServer } from '../../src/http/server.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { type SeededTenant, seedTenant } from './seed.ts';
import { signInAs, testServer } from './support.ts';

const csv = [
  'N° facture;Raison sociale;Code client;Date d’échéance;Montant TTC;E-mail',
  'NEW-1;Atelier Girard SARL;C100;15/01/2026;1 234,50;compta@girard.example',
  'NEW-2;Atelier Girard SARL;C100;15/02/2026;100,00;compta@girard.example',
  'NEW-3;Émile Roux;C200;pas une date;50,00;',
].join('\r\n');

/** A multipart/form-data body as a browser sends it. */
function multipart(fields: Readonly<Record<string, string>>, file?: { name: string; content: string }) {
  const boundary = '----relance-test-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  if (file) {
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        `Content-Type: text/csv\r\n\r\n${file.content}\r\n`,
    );
  }
  return {
    payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`, 'utf8'),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describeEachDatabase('http imports', (ctx) => {
  let app: FastifyInstance;
  let deps: Deps;
  let tenant: SeededTenant;
  let supervisor: { cookie: string };

  beforeAll(async () => {
    ({ app, deps } = await testServer(ctx.handle));
    tenant = await seedTenant(ctx.handle.db, 'A');
    supervisor = await signInAs(app, 'supervisor@a.example');
  });
  afterAll(async () => {
    await app?.close();
  });

  const post = (
    url: string,
    form: ReturnType<typeof multipart>,
    headers: Record<string, string> = supervisor,
  ) =>
    app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      payload: form.payload,
      headers: { ...form.headers, ...headers },
    });

  describe('POST /imports/preview', () => {
    it('shows how the file would be read, without importing nor keeping it', async () => {
      const response = await post('/imports/preview', multipart({}, { name: 'créances.csv', content: csv }));
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        format: 'csv',
        delimiter: ';',
        headers: ['N° facture', 'Raison sociale', 'Code client', 'Date d’échéance', 'Montant TTC', 'E-mail'],
        mapping: { invoice_number: 'N° facture', debtor_name: 'Raison sociale', amount: 'Montant TTC' },
        missingRequired: [],
        dateOrder: 'dmy',
        decimalSeparator: ',',
      });
      expect(response.json().sampleRows[0]).toMatchObject({ 'N° facture': 'NEW-1' });
      expect(readdirSync(join(deps.dataDir, 'uploads'))).toEqual([]);
      const claims = await ctx.handle.db
        .selectFrom('claims')
        .select('claim_id')
        .where('invoice_number', '=', 'NEW-1')
        .execute();
      expect(claims).toEqual([]);
    });
  });

  describe('POST /imports', () => {
    it('streams the upload to disk, imports it and answers 201 with the summary', async () => {
      const form = multipart({ creditor: 'ACME' }, { name: '../../créances mars.csv', content: csv });
      const response = await post('/imports', form);
      expect(response.statusCode).toBe(201);
      const summary = response.json();
      expect(summary).toMatchObject({
        creditorId: tenant.creditors.acme,
        fileName: 'créances mars.csv',
        format: 'csv',
        totalRows: 3,
        inserted: 2,
        rejected: 1,
        rejections: [{ row: 4, reason: 'invalid_date' }],
        rejectionsCsvUrl: `/api/v1/imports/${summary.importId}/rejections.csv`,
      });
      expect(summary.errorFile).toBeUndefined();
      const uploads = readdirSync(join(deps.dataDir, 'uploads'));
      expect(uploads.some((f) => /^[0-9a-f-]{36}-creances_mars\.csv$/.test(f))).toBe(true);

      const cases = (
        await app.inject({ method: 'GET', url: '/api/v1/cases?q=girard', headers: supervisor })
      ).json();
      expect(cases.items).toHaveLength(1);
      expect(cases.items[0]).toMatchObject({ outstandingMinor: 1334_50, claimCount: 2 });
      const listed = (
        await app.inject({ method: 'GET', url: `/api/v1/imports/${summary.importId}`, headers: supervisor })
      ).json();
      expect(listed).toMatchObject({
        rejected: 1,
        hasErrorFile: true,
        rejections: [{ row: 4, reason: 'invalid_date' }],
      });
      const download = await app.inject({
        method: 'GET',
        url: summary.rejectionsCsvUrl,
        headers: supervisor,
      });
      expect(download.statusCode).toBe(200);
      expect(download.body).toContain('invalid_date');

      const again = await post('/imports', form);
      expect(again.json()).toMatchObject({ inserted: 0, unchanged: 2, rejected: 1 });
    });

    it('takes a stated mapping', async () => {
      const content = 'Ref;Qui;Quand;Combien\nMAP-1;Mapping SAS;2026-01-10;10.00\n';
      const mapping = JSON.stringify({
        columns: { invoice_number: 'Ref', debtor_name: 'Qui', due_date: 'Quand', amount: 'Combien' },
        dateOrder: 'ymd',
        decimalSeparator: '.',
      });
      const response = await post(
        '/imports',
        multipart({ mapping, creditor: 'BETA' }, { name: 'x.csv', content }),
      );
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        inserted: 1,
        creditorId: tenant.creditors.beta,
        rejectionsCsvUrl: null,
      });
    });

    it('refuses a missing file, a missing or unknown creditor, a bad mapping — and removes the upload', async () => {
      const before = readdirSync(join(deps.dataDir, 'uploads')).length;
      const noFile = await post('/imports', multipart({ creditor: 'ACME' }));
      expect(noFile.statusCode).toBe(400);
      expect(noFile.json().error.details.reason).toBe('upload_file_missing');
      const noCreditor = await post('/imports', multipart({}, { name: 'a.csv', content: csv }));
      expect(noCreditor.json().error).toMatchObject({
        code: 'invalid_input',
        details: { reason: 'upload_creditor_missing' },
      });
      const unknown = await post(
        '/imports',
        multipart({ creditor: 'NOPE' }, { name: 'a.csv', content: csv }),
      );
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.message).toBe('Aucun créancier « NOPE » dans cet espace.');
      const badMapping = await post(
        '/imports',
        multipart({ creditor: 'ACME', mapping: '[1,2' }, { name: 'a.csv', content: csv }),
      );
      expect(badMapping.json().error.details.reason).toBe('upload_mapping_invalid');
      const unreadable = await post(
        '/imports',
        multipart({ creditor: 'ACME' }, { name: 'a.csv', content: '' }),
      );
      expect(unreadable.statusCode).toBe(422);
      expect(unreadable.json().error.code).toBe('import_unreadable');
      const incomplete = await post(
        '/imports',
        multipart({ creditor: 'ACME' }, { name: 'a.csv', content: 'Foo;Bar\n1;2\n' }),
      );
      expect(incomplete.statusCode).toBe(422);
      expect(incomplete.json().error.code).toBe('import_mapping_incomplete');
      expect(readdirSync(join(deps.dataDir, 'uploads')).length).toBe(before);
    });

    it('answers 413 for a file over the limit and keeps nothing of it', async () => {
      const small = await buildHttpServer(deps, { maxUploadBytes: 1024 });
      const before = readdirSync(join(deps.dataDir, 'uploads')).length;
      const big = multipart(
        { creditor: 'ACME' },
        { name: 'big.csv', content: `${csv}\n${'x;'.repeat(2000)}` },
      );
      const response = await small.inject({
        method: 'POST',
        url: '/api/v1/imports',
        payload: big.payload,
        headers: { ...big.headers, ...supervisor },
      });
      expect(response.statusCode).toBe(413);
      expect(response.json().error).toMatchObject({
        code: 'invalid_input',
        message: 'Le fichier est trop volumineux.',
      });
      expect(readdirSync(join(deps.dataDir, 'uploads')).length).toBe(before);
      await small.close();
    });

    it('answers in the error shape when the body is not multipart', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/imports',
        headers: supervisor,
        payload: { creditor: 'ACME' },
      });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.json().error.code).toBe('invalid_input');
    });

    it('is refused to agents before anything is written (clients place their own: test/creditor-portal)', async () => {
      const before = readdirSync(join(deps.dataDir, 'uploads')).length;
      for (const role of ['agent'] as const) {
        const caller = await signInAs(app, tenant.users[role].email);
        const response = await post(
          '/imports',
          multipart({ creditor: 'ACME' }, { name: 'a.csv', content: csv }),
          caller,
        );
        expect(response.statusCode, role).toBe(403);
        const json = await app.inject({
          method: 'POST',
          url: '/api/v1/imports/json',
          headers: caller,
          payload: { creditor: 'ACME', claims: [] },
        });
        expect(json.statusCode, role).toBe(403);
      }
      expect(readdirSync(join(deps.dataDir, 'uploads')).length).toBe(before);
    });
  });

  describe('POST /imports/json', () => {
    const claim = {
      invoiceNumber: 'API-1',
      dueDate: '2026-02-01',
      amountMinor: 250_00,
      outstandingMinor: 200_00,
      currency: 'EUR',
      debtor: {
        ref: 'API-C1',
        name: 'Intégration SAS',
        email: 'paie@integration.example',
        address: { city: 'Lyon', postalCode: '69002' },
      },
    };

    it('imports claims given as JSON with an API key', async () => {
      const admin = await signInAs(app, 'admin@a.example');
      const key = (
        await app.inject({
          method: 'POST',
          url: '/api/v1/api-keys',
          headers: admin,
          payload: { name: 'erp', role: 'supervisor' },
        })
      ).json();
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/imports/json',
        headers: { authorization: `Bearer ${key.token}` },
        payload: {
          creditor: 'ACME',
          claims: [claim, { ...claim, invoiceNumber: 'API-2', dueDate: '2026-02-30' }],
        },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.issues).toEqual([
        { path: 'body.claims.1.dueDate', code: 'invalid_format', message: expect.any(String) },
      ]);

      const ok = await app.inject({
        method: 'POST',
        url: '/api/v1/imports/json',
        headers: { authorization: `Bearer ${key.token}` },
        payload: {
          creditor: 'ACME',
          claims: [
            claim,
            { ...claim, invoiceNumber: 'API-2', amountMinor: 99_99, outstandingMinor: undefined },
          ],
        },
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({
        format: 'json',
        fileName: 'api.json',
        totalRows: 2,
        inserted: 2,
        rejected: 0,
      });
      const found = (
        await app.inject({ method: 'GET', url: '/api/v1/claims?q=API-&sort=invoiceNumber', headers: admin })
      ).json();
      expect(
        found.items.map((c: { invoiceNumber: string; outstandingMinor: number }) => [
          c.invoiceNumber,
          c.outstandingMinor,
        ]),
      ).toEqual([
        ['API-1', 200_00],
        ['API-2', 99_99],
      ]);
      const debtor = (
        await app.inject({
          method: 'GET',
          url: `/api/v1/debtors/${found.items[0].debtor.id}`,
          headers: admin,
        })
      ).json();
      expect(debtor).toMatchObject({ ref: 'API-C1', name: 'Intégration SAS', tags: [] });
      expect(debtor.contacts.map((c: { kind: string }) => c.kind)).toEqual(['email', 'postal']);
    });

    it('sets a debtor’s tags when the claim gives them, and keeps them when it does not', async () => {
      const send = (claims: readonly object[]) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/imports/json',
          headers: supervisor,
          payload: { creditor: 'ACME', claims },
        });
      const tagged = { ...claim, invoiceNumber: 'API-T1', debtor: { ...claim.debtor, ref: 'API-T' } };
      const bad = await send([{ ...tagged, debtor: { ...tagged.debtor, tags: ['senior, vip'] } }]);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.issues[0].path).toBe('body.claims.0.debtor.tags.0');
      const set = await send([{ ...tagged, debtor: { ...tagged.debtor, tags: ['Sénior', 'VIP'] } }]);
      expect(set.statusCode).toBe(201);
      const tagsOf = async () =>
        (
          await ctx.handle.db
            .selectFrom('debtors')
            .select('tags')
            .where('tenant_id', '=', tenant.tenantId)
            .where('ref', '=', 'API-T')
            .executeTakeFirstOrThrow()
        ).tags;
      expect(JSON.parse(await tagsOf())).toEqual(['sénior', 'vip']);
      const kept = await send([{ ...tagged, amountMinor: 300_00, outstandingMinor: 300_00 }]);
      expect(kept.json()).toMatchObject({ updated: 1 });
      expect(JSON.parse(await tagsOf())).toEqual(['sénior', 'vip']);
    });
  });
});
