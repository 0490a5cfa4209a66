import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { type SeededTenant, seedTenant } from './seed.ts';
import { signInAs, testServer } from './support.ts';

type CaseItem = { id: string; debtor: { name: string }; collectability: string; ageBucket: string | null };

describeEachDatabase('http cases', (ctx) => {
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
  const names = async (url: string) => {
    const response = await get(url);
    expect(response.statusCode, url).toBe(200);
    return (response.json().items as CaseItem[]).map((i) => i.debtor.name);
  };

  describe('GET /cases', () => {
    it('sorts by balance, largest first, by default, with collectability and age computed for today', async () => {
      const response = await get('/cases');
      const body = response.json();
      expect(body).toMatchObject({ total: 7, page: 1, pageSize: 50 });
      expect(body.items.map((i: CaseItem) => i.debtor.name)).toEqual([
        'Beta Client SARL',
        'Boulangerie Dupont',
        'Mixte SAS',
        'Litige Total SARL',
        'Café Lumière',
        'Jean Martin',
        'Zoé Payée',
      ]);
      const dupont = body.items[1];
      expect(dupont).toMatchObject({
        outstandingMinor: 1200_00,
        currency: 'EUR',
        oldestDueDate: '2026-01-30',
        daysPastDue: 45,
        ageBucket: '31-60',
        collectability: 'collectable',
        creditor: { id: tenant.creditors.acme, ref: 'ACME' },
        debtor: { id: tenant.debtors.D1!.debtorId, kind: 'business', siren: '123456782' },
      });
      expect(body.items[6]).toMatchObject({ collectability: 'settled', ageBucket: null, daysPastDue: null });
    });

    it.each([
      // Mixte SAS has a time-barred claim but also a collectable one: the case is collectable.
      ['collectability=collectable', ['Beta Client SARL', 'Boulangerie Dupont', 'Mixte SAS']],
      ['collectability=blocked', ['Litige Total SARL', 'Jean Martin']],
      ['collectability=pre_due', ['Café Lumière']],
      ['collectability=settled', ['Zoé Payée']],
      ['age=not_due', ['Café Lumière']],
      ['age=31-60', ['Boulangerie Dupont']],
      ['age=61-90', ['Litige Total SARL']],
      ['age=91-180', ['Beta Client SARL']],
      ['age=365%2B', ['Mixte SAS', 'Jean Martin']],
      ['minBalance=70000&maxBalance=120000', ['Boulangerie Dupont', 'Mixte SAS', 'Litige Total SARL']],
      ['debtorKind=consumer', ['Jean Martin', 'Zoé Payée']],
      ['q=dupont', ['Boulangerie Dupont']],
      ['q=LUMI', ['Café Lumière']],
      ['q=m-3', ['Mixte SAS']],
      ['q=123%20456%20782', ['Boulangerie Dupont']],
      ['q=d6', ['Litige Total SARL']],
      ['q=100%25', []],
      ['status=closed', ['Zoé Payée']],
    ])('filters on %s', async (query, expected) => {
      expect(await names(`/cases?${query}`)).toEqual(expected);
    });

    it('filters on creditor', async () => {
      expect(await names(`/cases?creditorId=${tenant.creditors.beta}`)).toEqual(['Beta Client SARL']);
    });

    it.each([
      [
        'sort=debtorName&order=asc',
        [
          'Beta Client SARL',
          'Boulangerie Dupont',
          'Café Lumière',
          'Jean Martin',
          'Litige Total SARL',
          'Mixte SAS',
          'Zoé Payée',
        ],
      ],
      [
        'sort=age&order=desc',
        [
          'Jean Martin',
          'Mixte SAS',
          'Beta Client SARL',
          'Litige Total SARL',
          'Boulangerie Dupont',
          'Café Lumière',
          'Zoé Payée',
        ],
      ],
      [
        'sort=age&order=asc',
        [
          'Café Lumière',
          'Boulangerie Dupont',
          'Litige Total SARL',
          'Beta Client SARL',
          'Mixte SAS',
          'Jean Martin',
          'Zoé Payée',
        ],
      ],
      [
        'sort=balance&order=asc',
        [
          'Zoé Payée',
          'Jean Martin',
          'Café Lumière',
          'Litige Total SARL',
          'Mixte SAS',
          'Boulangerie Dupont',
          'Beta Client SARL',
        ],
      ],
    ])('sorts with %s', async (query, expected) => {
      expect(await names(`/cases?${query}`)).toEqual(expected);
    });

    it('pages', async () => {
      const body = (await get('/cases?pageSize=3&page=2')).json();
      expect(body).toMatchObject({ total: 7, page: 2, pageSize: 3 });
      expect(body.items.map((i: CaseItem) => i.debtor.name)).toEqual([
        'Litige Total SARL',
        'Café Lumière',
        'Jean Martin',
      ]);
      expect((await get('/cases?pageSize=3&page=9')).json()).toMatchObject({ items: [], total: 7 });
    });

    it('answers 400 invalid_input listing each bad parameter', async () => {
      const response = await get('/cases?pageSize=500&sort=bogus&minBalance=abc', {
        'accept-language': 'en',
      });
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe('invalid_input');
      expect(error.message).toBe('The request is invalid.');
      const paths = error.details.issues.map((i: { path: string }) => i.path).sort();
      expect(paths).toEqual(['querystring.minBalance', 'querystring.pageSize', 'querystring.sort']);
      for (const issue of error.details.issues) expect(issue.message).toEqual(expect.any(String));
    });
  });

  describe('GET /cases/:caseId', () => {
    it('assesses each claim: time-barred, disputed, collectable, pre-due — with reasons in French', async () => {
      const response = await get(`/cases/${tenant.debtors.D5!.caseId}`);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.case).toMatchObject({
        id: tenant.debtors.D5!.caseId,
        collectability: 'collectable',
        outstandingMinor: 1000_00,
      });
      expect(body.debtor).toMatchObject({
        name: 'Mixte SAS',
        contacts: [{ kind: 'phone', value: '+33612345678', validity: 'valid' }],
      });
      expect(body.claims.map((c: { invoiceNumber: string }) => c.invoiceNumber)).toEqual([
        'M-1',
        'M-3',
        'M-4',
        'M-2',
      ]);
      const [timeBarred, disputed, collectable, preDue] = body.claims;
      expect(timeBarred.assessment.verdict).toBe('blocked');
      expect(timeBarred.assessment.blocks).toEqual([
        {
          code: 'time_barred',
          data: { prescriptionEnd: '2026-02-14', basis: 'commercial_5y' },
          message: expect.stringMatching(/^Prescrite depuis le 15\/02\/2026 \(délai de 5 ans/),
        },
      ]);
      expect(disputed.assessment).toMatchObject({
        verdict: 'blocked',
        blocks: [{ code: 'disputed', message: expect.stringMatching(/^Contestée par le débiteur/) }],
      });
      expect(collectable.assessment).toMatchObject({ verdict: 'collectable', blocks: [], settled: false });
      expect(preDue.assessment).toMatchObject({
        verdict: 'pre_due',
        blocks: [
          {
            code: 'not_yet_due',
            data: { dueDate: '2026-04-05', daysToDue: 20 },
            message: expect.stringMatching(/^Pas encore échue/),
          },
        ],
      });
      expect(collectable.assessment.warnings.map((w: { code: string }) => w.code)).toEqual([
        'no_valid_email',
        'no_postal_address',
      ]);
      expect(body.totals).toEqual({
        currency: 'EUR',
        amountMinor: 1000_00,
        outstandingMinor: 1000_00,
        disputedMinor: 300_00,
        byVerdict: {
          collectable: { count: 1, outstandingMinor: 400_00 },
          pre_due: { count: 1, outstandingMinor: 200_00 },
          blocked: { count: 2, outstandingMinor: 400_00 },
          settled: { count: 0, outstandingMinor: 0 },
        },
      });
    });

    it('writes the reasons in English when asked', async () => {
      const body = (
        await get(`/cases/${tenant.debtors.D5!.caseId}`, { 'accept-language': 'en-US,en;q=0.8' })
      ).json();
      const messages = body.claims.flatMap((c: { assessment: { blocks: { message: string }[] } }) =>
        c.assessment.blocks.map((b) => b.message),
      );
      expect(messages[0]).toMatch(/^Time-barred since 15 Feb 2026 \(5-year limitation period/);
      expect(messages[1]).toMatch(/^Disputed by the debtor/);
      expect(messages[2]).toMatch(/^Not yet due: due on 5 Apr 2026 \(in 20 days\)/);
    });

    it('answers 404 in the caller’s language for an unknown case', async () => {
      const response = await get('/cases/01900000-0000-7000-8000-000000000000');
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error: { code: 'not_found', message: 'Dossier introuvable.', details: { reason: 'case_not_found' } },
      });
      const english = await get('/cases/nope', { 'accept-language': 'en' });
      expect(english.json().error.message).toBe('Case not found.');
    });
  });
});
