import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import { apiPrefix } from '../../src/http/paths.ts';
import { registeredRoutes } from '../../src/http/server.ts';
import { buildPrintBatch } from '../../src/use-cases/letters/build-print-batch.ts';
import { produceLetter } from '../../src/use-cases/letters/produce-letter.ts';
import { storeEvidenceDocument } from '../evidence/evidence-fixtures.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { type SeededTenant, seedTenant } from './seed.ts';
import { idsOfTenant, signInAs, testDeps, testServer } from './support.ts';

/**
 * Every GET route of the API, with how to fill its path parameters from a tenant's data. The test
 * below fails when a GET route is added without being listed here, so no endpoint escapes the check.
 */
const getRoutes: Readonly<Record<string, (t: SeededTenant) => readonly string[]>> = {
  '/health': () => ['/health'],
  '/openapi.json': () => ['/openapi.json'],
  '/auth/me': () => ['/auth/me'],
  '/creditors': () => ['/creditors'],
  '/cases': (t) => [
    '/cases',
    `/cases?pageSize=200&creditorId=${t.creditors.acme}`,
    '/cases?q=SARL',
    '/cases?collectability=blocked',
  ],
  '/cases/:caseId': (t) => Object.values(t.debtors).map((d) => `/cases/${d.caseId}`),
  '/debtors': (t) => [
    '/debtors?pageSize=200',
    `/debtors?creditorId=${t.creditors.beta}`,
    '/debtors?q=dupont',
  ],
  '/debtors/:debtorId': (t) => Object.values(t.debtors).map((d) => `/debtors/${d.debtorId}`),
  '/claims': (t) => ['/claims?pageSize=200', `/claims?caseId=${t.debtors.D5!.caseId}`, '/claims?q=F-'],
  '/claims/:claimId': (t) => Object.values(t.debtors).flatMap((d) => d.claimIds.map((id) => `/claims/${id}`)),
  '/imports': () => ['/imports'],
  '/imports/:importId': (t) => [`/imports/${t.importId}`],
  '/imports/:importId/rejections.csv': (t) => [`/imports/${t.importId}/rejections.csv`],
  '/creditors/:creditorId/report-subscription': (t) => [`/creditors/${t.creditors.acme}/report-subscription`],
  '/creditors/:creditorId/reports': (t) => [`/creditors/${t.creditors.acme}/reports`],
  '/creditors/:creditorId/report.pdf': (t) => [`/creditors/${t.creditors.acme}/report.pdf?language=en`],
  '/api-keys': () => ['/api-keys'],
  '/users': () => ['/users'],
  '/strategies': () => ['/strategies'],
  '/strategies/versions': () => ['/strategies/versions?key=b2b-standard'],
  '/runs': () => ['/runs'],
  '/live': () => ['/live'],
  '/runs/schedule': () => ['/runs/schedule'],
  '/settings/channels/sms': () => ['/settings/channels/sms'],
  '/call-tasks': () => ['/call-tasks', '/call-tasks?status=done&kind=agent_call'],
  '/queue': () => ['/queue', '/queue?status=done', '/queue?team=A'],
  '/queue/me': () => ['/queue/me'],
  '/queue/agents': () => ['/queue/agents'],
  '/dispositions': () => ['/dispositions'],
  '/cases/:caseId/outcomes': (t) => Object.values(t.debtors).map((d) => `/cases/${d.caseId}/outcomes`),
  '/actions': () => ['/actions', '/actions?status=review'],
  '/cases/:caseId/engine': (t) => Object.values(t.debtors).map((d) => `/cases/${d.caseId}/engine`),
  '/evidence/verify': () => ['/evidence/verify'],
  '/cases/:caseId/evidence': (t) => Object.values(t.debtors).map((d) => `/cases/${d.caseId}/evidence`),
  '/documents/:documentId': (t) => (documentsOf.get(t.tenantId) ?? []).map((id) => `/documents/${id}`),
  '/templates': () => ['/templates'],
  // A tenant's own template, keyed by the tenant's id so that the key is one of its ids.
  '/templates/:key/:channel/:language': (t) => [`/templates/${t.tenantId}/sms/fr`],
  '/template-variables': () => ['/template-variables'],
  '/settings/identity': () => ['/settings/identity'],
  '/interest-rates': () => ['/interest-rates'],
  '/creditors/:creditorId/details': (t) => [
    `/creditors/${t.creditors.acme}/details`,
    `/creditors/${t.creditors.beta}/details`,
  ],
  '/cases/:caseId/evidence.zip': (t) =>
    Object.values(t.debtors).map((d) => `/cases/${d.caseId}/evidence.zip`),
  '/postal-items': (t) => ['/postal-items', `/postal-items?caseId=${t.debtors.D1!.caseId}&status=printed`],
  '/print-batches': () => ['/print-batches'],
  '/outbox': () => ['/outbox', '/outbox?status=sent', '/outbox?status=unconfirmed&limit=5&offset=0'],
  '/settings/channels/email': () => ['/settings/channels/email'],
  '/mailbox': () => ['/mailbox', '/mailbox?id=1-1-1'],
  '/print-batches/:batchId/letters.pdf': (t) =>
    (lettersOf.get(t.tenantId) ?? []).map((id) => `/print-batches/${id}/letters.pdf`),
  '/print-batches/:batchId/manifest.csv': (t) =>
    (lettersOf.get(t.tenantId) ?? []).map((id) => `/print-batches/${id}/manifest.csv`),
  '/call-scripts': () => ['/call-scripts'],
  // A script saved in each tenant under the tenant's id as its key.
  '/call-scripts/:key': (t) => [`/call-scripts/${t.tenantId}`],
  '/cases/:caseId/script': (t) => Object.values(t.debtors).map((d) => `/cases/${d.caseId}/script`),
  '/cases/:caseId/payment-plans': (t) =>
    Object.values(t.debtors).map((d) => `/cases/${d.caseId}/payment-plans`),
  '/payment-plans/:planId': (t) => (plansOf.get(t.tenantId) ?? []).map((id) => `/payment-plans/${id}`),
  '/payment-plans/:planId/agreement.pdf': (t) =>
    (plansOf.get(t.tenantId) ?? []).map((id) => `/payment-plans/${id}/agreement.pdf`),
  '/creditors/:creditorId/plan-policy': (t) => [
    `/creditors/${t.creditors.acme}/plan-policy`,
    `/creditors/${t.creditors.beta}/plan-policy`,
  ],
  '/cases/:caseId/promises': (t) => Object.values(t.debtors).map((d) => `/cases/${d.caseId}/promises`),
  '/cases/:caseId/payment-links': (t) =>
    Object.values(t.debtors).map((d) => `/cases/${d.caseId}/payment-links`),
  '/cases/:caseId/disputes': (t) => Object.values(t.debtors).map((d) => `/cases/${d.caseId}/disputes`),
  '/disputes': () => ['/disputes', '/disputes?status=resolved'],
  '/disputes/:disputeId': (t) => (disputesOf.get(t.tenantId) ?? []).map((id) => `/disputes/${id}`),
  '/settings/channels/ivr': () => ['/settings/channels/ivr'],
  '/cases/:caseId/payment-attempts/:attemptId': (t) =>
    (ivrAttemptsOf.get(t.tenantId) ?? []).map(
      (id) => `/cases/${t.debtors.D1!.caseId}/payment-attempts/${id}`,
    ),
  '/cases/:caseId/payments': (t) => Object.values(t.debtors).map((d) => `/cases/${d.caseId}/payments`),
  '/payments/:paymentId/receipt': (t) =>
    (paymentsOf.get(t.tenantId) ?? []).map((id) => `/payments/${id}/receipt`),
  '/payments/funnel': () => ['/payments/funnel'],
  '/dashboard.pdf': () => ['/dashboard.pdf'],
  '/dashboard.csv': (t) => ['/dashboard.csv', `/dashboard.csv?creditorId=${t.creditors.acme}`],
  '/dashboard': (t) => ['/dashboard', `/dashboard?creditorId=${t.creditors.acme}&segment=business`],
  '/dashboard/trends': (t) => [
    '/dashboard/trends',
    `/dashboard/trends?creditorId=${t.creditors.acme}&months=24`,
  ],
  '/dashboard.xlsx': () => ['/dashboard.xlsx'],
  '/settings/payments': () => ['/settings/payments'],
  // The built-in provider's card page answers the debtor (no staff session), keyed by an unguessable attempt
  // id; its scoping is tested with the card payments (test/payments/cards).
  '/pay/builtin/:attemptId': () => [],
  '/statements/imports': () => ['/statements/imports'],
  '/statements/lines': () => ['/statements/lines', '/statements/lines?status=matched'],
  '/mandates': () => ['/mandates'],
  '/placements': (t) => ['/placements', `/placements?creditorId=${t.creditors.acme}`],
  '/remittances': (t) => ['/remittances', `/remittances?creditorId=${t.creditors.acme}&period=2026-02`],
  '/remittances/:remittanceId/pdf': (t) =>
    (remittancesOf.get(t.tenantId) ?? []).map((id) => `/remittances/${id}/pdf`),
  '/agencies': () => ['/agencies'],
  '/agencies/comparison': (t) => [
    '/agencies/comparison',
    `/agencies/comparison?creditorId=${t.creditors.acme}`,
  ],
  '/agency-handovers': (t) => [
    '/agency-handovers',
    `/agency-handovers?creditorId=${t.creditors.acme}`,
    '/agency-handovers?status=open',
  ],
};

const parameterised = (route: string) => route.includes(':');
/** The evidence documents stored for each tenant in beforeAll (one per case, with a journal entry). */
const documentsOf = new Map<string, string[]>();
/** The print batch of each tenant (one letter produced on D1, then batched). */
const lettersOf = new Map<string, string[]>();
const letterIdsOf = new Map<string, string[]>();
/** A payment plan on D5 of each tenant. */
const plansOf = new Map<string, string[]>();
/** A promise and a dispute on D1 of each tenant (their ids, to be leaked or found). */
const disputesOf = new Map<string, string[]>();
const workspaceIdsOf = new Map<string, string[]>();
/** A cheque recorded on D1 of each tenant (its payment id). */
const paymentsOf = new Map<string, string[]>();
/** An IVR transfer on D1 of each tenant (its payment attempt). */
const ivrAttemptsOf = new Map<string, string[]>();
/** A mandate for ACME, a placement, a February cheque and February's statement in each tenant (agency mode). */
const remittancesOf = new Map<string, string[]>();
const agencyIdsOf = new Map<string, string[]>();

describeEachDatabase('tenant isolation', (ctx) => {
  let app: FastifyInstance;
  let a: SeededTenant;
  let b: SeededTenant;
  let idsOfB: Set<string>;
  let idsOfA: Set<string>;

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    a = await seedTenant(ctx.handle.db, 'A');
    b = await seedTenant(ctx.handle.db, 'B');
    // Both tenants have an API key and sessions, so that those ids exist to be leaked.
    for (const t of [a, b]) {
      const admin = await signInAs(app, t.users.admin.email);
      await app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: admin,
        payload: { name: 'sync', role: 'agent' },
      });
      // A template of its own in each tenant, found only there.
      await app.inject({
        method: 'PUT',
        url: `/api/v1/templates/${t.tenantId}/sms/fr`,
        headers: admin,
        payload: { body: 'Note {{debtor.name}}' },
      });
      // A call script and a payment plan of its own in each tenant.
      await app.inject({
        method: 'PUT',
        url: `/api/v1/call-scripts/${t.tenantId}`,
        headers: admin,
        payload: {
          language: 'fr',
          title: 'Script',
          definition: { start: 'a', nodes: { a: { say: '{{debtor.name}}' } } },
        },
      });
      const plan = await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${t.debtors.D5!.caseId}/payment-plans`,
        headers: admin,
        payload: { kind: 'scheduled', firstDueOn: '2026-04-15' },
      });
      plansOf.set(t.tenantId, [plan.json().id]);
      const transfer = await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${t.debtors.D1!.caseId}/ivr-transfer`,
        headers: admin,
      });
      ivrAttemptsOf.set(t.tenantId, [transfer.json().attemptId]);
      const cheque = await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${t.debtors.D1!.caseId}/payments`,
        headers: admin,
        payload: { amountMinor: 10_00, currency: 'EUR', method: 'cheque', receivedOn: '2026-03-16' },
      });
      paymentsOf.set(t.tenantId, [cheque.json().paymentId]);
      await app.inject({
        method: 'PUT',
        url: `/api/v1/creditors/${t.creditors.acme}/mandate`,
        headers: admin,
        payload: {
          signedOn: '2026-01-05',
          commission: { kind: 'flat', rate: '15' },
          allowedStrategies: ['b2b-standard'],
          planLimits: { maxInstalments: 6, minInstalmentMinor: 0 },
          remittance: { frequency: 'monthly', delayDays: 10 },
          scope: `Mandat ${t.label}`,
          powerToReceiveFunds: true,
        },
      });
      // A placement of ACME's claims (written as an import would, without adding a case).
      const placementId = newId();
      await ctx.handle.db
        .insertInto('placements')
        .values({
          tenant_id: t.tenantId,
          placement_id: placementId,
          creditor_id: t.creditors.acme,
          label: `Lot ${t.label}`,
          placed_on: '2026-01-10',
          claim_count: 1,
          amount_minor: 1200_00,
          currency: 'EUR',
          import_id: t.importId,
          created_at: '2026-01-10T09:00:00.000Z',
          updated_at: '2026-01-10T09:00:00.000Z',
        })
        .execute();
      await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${t.debtors.D1!.caseId}/payments`,
        headers: admin,
        payload: { amountMinor: 20_00, currency: 'EUR', method: 'transfer', receivedOn: '2026-02-10' },
      });
      const closed = await app.inject({
        method: 'POST',
        url: '/api/v1/remittances/close',
        headers: admin,
        payload: { period: '2026-02' },
      });
      const statements = closed.json().statements.map((r: { remittanceId: string }) => r.remittanceId);
      remittancesOf.set(t.tenantId, statements);
      agencyIdsOf.set(t.tenantId, [...statements, placementId]);
      // An outside agency and a case handed to it (agencies compared).
      const outsideAgency = await app.inject({
        method: 'POST',
        url: '/api/v1/agencies',
        headers: admin,
        payload: { key: 'recouvra', name: `Recouvra ${t.label}`, commissionRate: '18' },
      });
      const agencyHandover = await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${t.debtors.D2!.caseId}/agency-handover`,
        headers: admin,
        payload: { agencyId: outsideAgency.json().agencyId, handedOn: '2026-03-01' },
      });
      agencyIdsOf.get(t.tenantId)?.push(outsideAgency.json().agencyId, agencyHandover.json().handoverId);
      // A run, so that strategies, actions and runs exist in both tenants, to be leaked.
      await app.inject({ method: 'POST', url: '/api/v1/runs', headers: admin, payload: {} });
      // Evidence: a note and a stored document on every case.
      for (const d of Object.values(t.debtors)) {
        await app.inject({
          method: 'POST',
          url: `/api/v1/cases/${d.caseId}/notes`,
          headers: admin,
          payload: { text: `Appel ${t.label}` },
        });
        const documentId = await storeEvidenceDocument(ctx.handle.db, t.tenantId, d.caseId);
        documentsOf.set(t.tenantId, [...(documentsOf.get(t.tenantId) ?? []), documentId]);
      }
      const letter = await ctx.handle.db.transaction().execute((trx) =>
        produceLetter(trx, t.tenantId, {
          actionId: newId(),
          caseId: t.debtors.D1!.caseId,
          kind: 'registered_letter',
          template: 'formal-notice',
          language: 'fr',
          today: '2026-03-16',
          actor: 'dispatcher',
        }),
      );
      const d1 = t.debtors.D1!;
      const promise = await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${d1.caseId}/promises`,
        headers: admin,
        payload: {
          schedule: [{ dueOn: testDeps(ctx.handle).clock.today(), amountMinor: 100 }],
          channel: 'call',
        },
      });
      const dispute = await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${d1.caseId}/disputes`,
        headers: admin,
        payload: { reason: 'quality', claims: [{ claimId: d1.claimIds[0], amountMinor: 100 }] },
      });
      disputesOf.set(t.tenantId, [dispute.json().id]);
      workspaceIdsOf.set(t.tenantId, [promise.json().id, dispute.json().id]);
      const batch = await buildPrintBatch(testDeps(ctx.handle), t.tenantId);
      lettersOf.set(t.tenantId, [batch!.batchId]);
      letterIdsOf.set(t.tenantId, [batch!.batchId, letter.itemId, letter.documentId]);
    }
    idsOfA = await idsOfTenant(ctx.handle.db, a.tenantId);
    idsOfB = await idsOfTenant(ctx.handle.db, b.tenantId);
    for (const id of letterIdsOf.get(a.tenantId) ?? []) idsOfA.add(id);
    for (const id of letterIdsOf.get(b.tenantId) ?? []) idsOfB.add(id);
    for (const id of plansOf.get(a.tenantId) ?? []) idsOfA.add(id);
    for (const id of plansOf.get(b.tenantId) ?? []) idsOfB.add(id);
    for (const id of workspaceIdsOf.get(a.tenantId) ?? []) idsOfA.add(id);
    for (const id of workspaceIdsOf.get(b.tenantId) ?? []) idsOfB.add(id);
    for (const id of ivrAttemptsOf.get(a.tenantId) ?? []) idsOfA.add(id);
    for (const id of ivrAttemptsOf.get(b.tenantId) ?? []) idsOfB.add(id);
    for (const id of paymentsOf.get(a.tenantId) ?? []) idsOfA.add(id);
    for (const id of paymentsOf.get(b.tenantId) ?? []) idsOfB.add(id);
    for (const id of agencyIdsOf.get(a.tenantId) ?? []) idsOfA.add(id);
    for (const id of agencyIdsOf.get(b.tenantId) ?? []) idsOfB.add(id);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists every GET route of the API', () => {
    // The debtor's portal has no staff session: one signed link and cookie open one case (test/portal).
    const registered = registeredRoutes(app)
      .filter((r) => r.method === 'GET' && r.url.startsWith(`${apiPrefix}/`))
      .filter((r) => !r.url.startsWith(`${apiPrefix}/portal/`))
      .map((r) => r.url.slice(apiPrefix.length));
    expect(new Set(registered)).toEqual(new Set(Object.keys(getRoutes)));
  });

  it.each(['admin', 'supervisor', 'agent', 'client'] as const)(
    'a %s of tenant A never receives an id of tenant B, and gets 404 for B’s records',
    async (role) => {
      const caller = await signInAs(app, a.users[role].email);
      for (const [route, urls] of Object.entries(getRoutes)) {
        for (const url of urls(a)) {
          const response = await app.inject({ method: 'GET', url: `${apiPrefix}${url}`, headers: caller });
          // A client also gets 404 for the records of its tenant's other creditor.
          const allowed = role === 'client' ? [200, 403, 404] : [200, 403];
          expect(allowed, `${role} GET ${url}`).toContain(response.statusCode);
          const leaked = [...idsOfB].filter((id) => response.body.includes(id));
          expect(leaked, `${role} GET ${url}`).toEqual([]);
        }
        if (!parameterised(route)) continue;
        for (const url of urls(b)) {
          const response = await app.inject({ method: 'GET', url: `${apiPrefix}${url}`, headers: caller });
          expect([403, 404], `${role} GET ${url} (tenant B)`).toContain(response.statusCode);
          const leaked = [...idsOfB].filter((id) => response.body.includes(id) && !url.includes(id));
          expect(leaked, `${role} GET ${url} (tenant B)`).toEqual([]);
        }
      }
    },
  );

  it('an admin of A does see A’s own records through the same routes (the check above is not vacuous)', async () => {
    const caller = await signInAs(app, a.users.admin.email);
    for (const [route, urls] of Object.entries(getRoutes)) {
      for (const url of urls(a)) {
        const response = await app.inject({ method: 'GET', url: `${apiPrefix}${url}`, headers: caller });
        expect(response.statusCode, url).toBe(200);
        if (parameterised(route))
          expect(
            url.split('/').some((part) => idsOfA.has(part)),
            url,
          ).toBe(true);
      }
    }
    const cases = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/cases?pageSize=200`,
      headers: caller,
    });
    expect(cases.json().total).toBe(Object.keys(a.debtors).length);
  });

  it('an API key of A sees nothing of B either', async () => {
    const admin = await signInAs(app, a.users.admin.email);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: admin,
      payload: { name: 'x', role: 'admin' },
    });
    const bearer = { authorization: `Bearer ${created.json().token}` };
    for (const url of getRoutes['/cases/:caseId']!(b)) {
      expect(
        (await app.inject({ method: 'GET', url: `${apiPrefix}${url}`, headers: bearer })).statusCode,
      ).toBe(404);
    }
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${[...idsOfB].find((id) => id !== b.tenantId)}`,
      headers: bearer,
    });
    expect(revoke.statusCode).toBe(404);
    const keys = await app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer });
    expect([...idsOfB].filter((id) => keys.body.includes(id))).toEqual([]);
  });
});
