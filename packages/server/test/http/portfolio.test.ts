import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { type SeededTenant, seedTenant } from './seed.ts';
import { signInAs, testServer } from './support.ts';

describeEachDatabase('http debtors, claims, creditors, imports', (ctx) => {
  let app: FastifyInstance;
  let tenant: SeededTenant;
  let agent: { cookie: string };

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    tenant = await seedTenant(ctx.handle.db, 'A');
    agent = await signInAs(app, 'agent@a.example');
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { ...agent, ...headers } });

  describe('debtors', () => {
    it('lists with counts, filters and searches', async () => {
      const body = (await get('/debtors')).json();
      expect(body.total).toBe(7);
      expect(body.items[0]).toMatchObject({
        name: 'Beta Client SARL',
        caseCount: 1,
        claimCount: 1,
        creditor: { ref: 'BETA' },
      });
      expect((await get('/debtors?kind=consumer')).json().items.map((d: { ref: string }) => d.ref)).toEqual([
        'D2',
        'D4',
      ]);
      expect((await get('/debtors?q=987654321')).json().items.map((d: { ref: string }) => d.ref)).toEqual([
        'B1',
      ]);
    });

    it('shows one debtor with its contacts and cases', async () => {
      const body = (await get(`/debtors/${tenant.debtors.D1!.debtorId}`)).json();
      expect(body).toMatchObject({ ref: 'D1', name: 'Boulangerie Dupont', language: 'fr', tags: [] });
      expect(body.contacts.map((c: { kind: string }) => c.kind)).toEqual(['email', 'postal']);
      expect(body.cases).toHaveLength(1);
      expect(body.cases[0]).toMatchObject({ id: tenant.debtors.D1!.caseId, collectability: 'collectable' });
      expect((await get('/debtors/unknown')).statusCode).toBe(404);
    });
  });

  describe('claims', () => {
    it('lists with the verdict of each claim, filters and sorts', async () => {
      const all = (await get('/claims?pageSize=200')).json();
      expect(all.total).toBe(10);
      const disputed = (await get('/claims?status=disputed&sort=outstanding&order=desc')).json();
      expect(disputed.items.map((c: { invoiceNumber: string }) => c.invoiceNumber)).toEqual(['L-1', 'M-3']);
      expect(disputed.items[0]).toMatchObject({
        verdict: 'blocked',
        settled: false,
        debtor: { name: 'Litige Total SARL' },
        creditor: { ref: 'ACME' },
      });
      const inCase = (await get(`/claims?caseId=${tenant.debtors.D5!.caseId}&sort=invoiceNumber`)).json();
      expect(inCase.items.map((c: { invoiceNumber: string }) => c.invoiceNumber)).toEqual([
        'M-1',
        'M-2',
        'M-3',
        'M-4',
      ]);
      const due = (await get('/claims?dueFrom=2026-03-01&dueTo=2026-04-30')).json();
      expect(due.items.map((c: { invoiceNumber: string }) => c.invoiceNumber)).toEqual([
        'M-4',
        'F-3001',
        'M-2',
      ]);
      const paid = (await get('/claims?q=f-4001')).json();
      expect(paid.items[0]).toMatchObject({
        status: 'paid',
        outstandingMinor: 0,
        verdict: 'blocked',
        settled: true,
      });
    });

    it('shows one claim with its assessment', async () => {
      const response = await get(`/claims/${tenant.debtors.D2!.claimIds[0]}`, { 'accept-language': 'en' });
      const body = response.json();
      expect(body).toMatchObject({
        invoiceNumber: 'F-2001',
        amountMinor: 300_00,
        prescriptionBasis: 'consumer_2y',
        debtor: { name: 'Jean Martin', kind: 'consumer', contacts: [] },
        assessment: {
          verdict: 'blocked',
          blocks: [{ code: 'time_barred' }],
          warnings: [{ code: 'no_contact' }],
        },
      });
      expect(body.assessment.blocks[0].message).toMatch(
        /^Time-barred since 7 Dec 2025 \(2-year limitation period/,
      );
    });
  });

  describe('creditors and imports', () => {
    it('lists the creditors', async () => {
      const body = (await get('/creditors')).json();
      expect(body.items.map((c: { ref: string }) => c.ref)).toEqual(['ACME', 'BETA']);
      expect(body.items[0]).toMatchObject({ isProfessional: true, currency: 'EUR', country: 'FR' });
    });

    it('lists imports and shows one with its rejections; downloads them as CSV', async () => {
      const supervisor = await signInAs(app, 'supervisor@a.example');
      const list = (await get('/imports', supervisor)).json();
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({
        id: tenant.importId,
        fileName: 'créances mars.csv',
        rejected: 2,
        status: 'completed',
        creditor: { ref: 'ACME' },
      });
      const detail = (await get(`/imports/${tenant.importId}`, supervisor)).json();
      expect(detail.mapping).toEqual({ invoiceNumber: 'Facture' });
      expect(detail.rejectionsTruncated).toBe(false);
      expect(detail.rejections).toEqual([
        {
          row: 3,
          column: 'dueDate',
          reason: 'invalid_date',
          message: 'Ligne 3 : invalid_date',
          raw: 'x;y;"z 3"',
        },
        {
          row: 7,
          column: 'amount',
          reason: 'invalid_amount',
          message: 'Ligne 7 : invalid_amount',
          raw: 'x;y;"z 7"',
        },
      ]);
      const csv = await get(`/imports/${tenant.importId}/rejections.csv`, supervisor);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(
        `attachment; filename="cr_ances mars-rejections.csv"; filename*=UTF-8''${encodeURIComponent('créances mars-rejections.csv')}`,
      );
      expect(csv.body).toBe(
        '\ufeffrow;column;reason;message;raw\n3;dueDate;invalid_date;Ligne 3 : invalid_date;"x;y;""z 3"""\n7;amount;invalid_amount;Ligne 7 : invalid_amount;"x;y;""z 7"""\n',
      );
      const commas = await get(`/imports/${tenant.importId}/rejections.csv?delimiter=,`, supervisor);
      expect(commas.body.split('\n')[0]).toBe('\ufeffrow,column,reason,message,raw');
      expect((await get('/imports/unknown', supervisor)).statusCode).toBe(404);
      expect((await get('/imports/unknown/rejections.csv', supervisor)).json().error.code).toBe('not_found');
    });
  });
});
