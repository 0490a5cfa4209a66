import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import { apiPrefix } from '../../src/http/paths.ts';
import { registeredRoutes } from '../../src/http/server.ts';
import { planDueReports } from '../../src/use-cases/creditor-portal/creditor-reports.ts';
import { buildPrintBatch } from '../../src/use-cases/letters/build-print-batch.ts';
import { produceLetter } from '../../src/use-cases/letters/produce-letter.ts';
import { storeEvidenceDocument } from '../evidence/evidence-fixtures.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { signInAs, testDeps, testServer } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

/**
 * The creditor portal's audit of what a client sees: a client of ACME walks every GET route of the API with the
 * records of BETA, the other creditor of its own tenant — and with ACME's, to tell a refusal by role (403 on
 * both) from one that would let ids be probed (BETA's must be 404). No answer may carry one of BETA's ids.
 */

/** One creditor's records, made below through the API as its staff would. */
type Owned = {
  readonly creditorId: string;
  readonly caseId: string;
  readonly debtorId: string;
  readonly claimId: string;
  readonly importId: string;
  readonly documentId: string;
  readonly planId: string;
  readonly disputeId: string;
  readonly attemptId: string;
  readonly paymentId: string;
  readonly remittanceId: string;
  readonly batchId: string;
};

const routes: Readonly<Record<string, (o: Owned, t: SeededTenant) => readonly string[]>> = {
  '/health': () => ['/health'],
  '/openapi.json': () => [],
  '/auth/me': () => ['/auth/me'],
  '/creditors': () => ['/creditors'],
  '/cases': (o) => ['/cases?pageSize=200', `/cases?creditorId=${o.creditorId}`, '/cases?q=Beta'],
  '/cases/:caseId': (o) => [`/cases/${o.caseId}`],
  '/debtors': (o) => ['/debtors?pageSize=200', `/debtors?creditorId=${o.creditorId}`, '/debtors?q=Beta'],
  '/debtors/:debtorId': (o) => [`/debtors/${o.debtorId}`],
  '/claims': (o) => ['/claims?pageSize=200', `/claims?caseId=${o.caseId}`, '/claims?q=B-'],
  '/claims/:claimId': (o) => [`/claims/${o.claimId}`],
  '/imports': (o) => ['/imports', `/imports?creditorId=${o.creditorId}`],
  '/imports/:importId': (o) => [`/imports/${o.importId}`],
  '/imports/:importId/rejections.csv': (o) => [`/imports/${o.importId}/rejections.csv`],
  '/creditors/:creditorId/report-subscription': (o) => [`/creditors/${o.creditorId}/report-subscription`],
  '/creditors/:creditorId/reports': (o) => [`/creditors/${o.creditorId}/reports`],
  '/creditors/:creditorId/report.pdf': (o) => [`/creditors/${o.creditorId}/report.pdf`],
  '/api-keys': () => ['/api-keys'],
  '/users': () => ['/users'],
  '/strategies': () => ['/strategies'],
  '/strategies/versions': () => ['/strategies/versions?key=b2b-standard'],
  '/runs': () => ['/runs'],
  '/runs/schedule': () => ['/runs/schedule'],
  '/settings/channels/sms': () => ['/settings/channels/sms'],
  '/call-tasks': () => ['/call-tasks'],
  '/queue': () => ['/queue'],
  '/queue/me': () => ['/queue/me'],
  '/queue/agents': () => ['/queue/agents'],
  '/dispositions': () => ['/dispositions'],
  '/cases/:caseId/outcomes': (o) => [`/cases/${o.caseId}/outcomes`],
  '/actions': () => ['/actions', '/actions?status=review'],
  '/cases/:caseId/engine': (o) => [`/cases/${o.caseId}/engine`],
  '/evidence/verify': () => ['/evidence/verify'],
  '/cases/:caseId/evidence': (o) => [`/cases/${o.caseId}/evidence`],
  '/documents/:documentId': (o) => [`/documents/${o.documentId}`],
  '/templates': () => ['/templates'],
  '/templates/:key/:channel/:language': () => ['/templates/reminder-1/email/fr'],
  '/template-variables': () => ['/template-variables'],
  '/settings/identity': () => ['/settings/identity'],
  '/interest-rates': () => ['/interest-rates'],
  '/creditors/:creditorId/details': (o) => [`/creditors/${o.creditorId}/details`],
  '/cases/:caseId/evidence.zip': (o) => [`/cases/${o.caseId}/evidence.zip`],
  '/postal-items': (o) => ['/postal-items', `/postal-items?caseId=${o.caseId}`],
  '/print-batches': () => ['/print-batches'],
  '/outbox': () => ['/outbox'],
  '/settings/channels/email': () => ['/settings/channels/email'],
  '/mailbox': () => ['/mailbox'],
  '/print-batches/:batchId/letters.pdf': (o) => [`/print-batches/${o.batchId}/letters.pdf`],
  '/print-batches/:batchId/manifest.csv': (o) => [`/print-batches/${o.batchId}/manifest.csv`],
  '/call-scripts': () => ['/call-scripts'],
  '/call-scripts/:key': (_o, t) => [`/call-scripts/${t.tenantId}`],
  '/cases/:caseId/script': (o) => [`/cases/${o.caseId}/script`],
  '/cases/:caseId/payment-plans': (o) => [`/cases/${o.caseId}/payment-plans`],
  '/payment-plans/:planId': (o) => [`/payment-plans/${o.planId}`],
  '/payment-plans/:planId/agreement.pdf': (o) => [`/payment-plans/${o.planId}/agreement.pdf`],
  '/creditors/:creditorId/plan-policy': (o) => [`/creditors/${o.creditorId}/plan-policy`],
  '/cases/:caseId/promises': (o) => [`/cases/${o.caseId}/promises`],
  '/cases/:caseId/payment-links': (o) => [`/cases/${o.caseId}/payment-links`],
  '/cases/:caseId/disputes': (o) => [`/cases/${o.caseId}/disputes`],
  '/disputes': () => ['/disputes'],
  '/disputes/:disputeId': (o) => [`/disputes/${o.disputeId}`],
  '/settings/channels/ivr': () => ['/settings/channels/ivr'],
  '/cases/:caseId/payment-attempts/:attemptId': (o) => [`/cases/${o.caseId}/payment-attempts/${o.attemptId}`],
  '/cases/:caseId/payments': (o) => [`/cases/${o.caseId}/payments`],
  '/payments/:paymentId/receipt': (o) => [`/payments/${o.paymentId}/receipt`],
  '/payments/funnel': () => ['/payments/funnel'],
  '/dashboard.pdf': (o) => ['/dashboard.pdf', `/dashboard.pdf?creditorId=${o.creditorId}`],
  '/dashboard.csv': (o) => ['/dashboard.csv', `/dashboard.csv?creditorId=${o.creditorId}`],
  '/dashboard': (o) => ['/dashboard', `/dashboard?creditorId=${o.creditorId}`],
  '/dashboard.xlsx': (o) => ['/dashboard.xlsx', `/dashboard.xlsx?creditorId=${o.creditorId}`],
  '/dashboard/trends': (o) => ['/dashboard/trends', `/dashboard/trends?creditorId=${o.creditorId}`],
  '/settings/payments': () => ['/settings/payments'],
  // The card page of the built-in provider answers the debtor, not staff (test/payments/cards).
  '/pay/builtin/:attemptId': () => [],
  '/statements/imports': () => ['/statements/imports'],
  '/statements/lines': () => ['/statements/lines'],
  '/mandates': () => ['/mandates'],
  '/placements': (o) => ['/placements', `/placements?creditorId=${o.creditorId}`],
  '/remittances': (o) => ['/remittances', `/remittances?creditorId=${o.creditorId}`],
  '/remittances/:remittanceId/pdf': (o) => [`/remittances/${o.remittanceId}/pdf`],
};

describeEachDatabase('creditor portal: what a client sees', (ctx) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let acme: Owned;
  let beta: Owned;
  /** Every id and name of BETA's: what ACME's client must never receive. */
  const betaSecrets = new Set<string>();

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    t = await seedTenant(ctx.handle.db, 'A');
    const admin = await signInAs(app, t.users.admin.email);
    const post = async (url: string, payload: object = {}) => {
      const response = await app.inject({
        method: 'POST',
        url: `${apiPrefix}${url}`,
        headers: admin,
        payload,
      });
      if (response.statusCode >= 300) throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`);
      return response.json();
    };
    const put = (url: string, payload: object) =>
      app.inject({ method: 'PUT', url: `${apiPrefix}${url}`, headers: admin, payload });
    await put(`/call-scripts/${t.tenantId}`, {
      language: 'fr',
      title: 'Script',
      definition: { start: 'a', nodes: { a: { say: '{{debtor.name}}' } } },
    });
    const made = new Map<string, Omit<Owned, 'batchId' | 'remittanceId'>>();
    for (const [ref, debtor] of [
      ['ACME', t.debtors.D1!],
      ['BETA', t.debtors.B1!],
    ] as const) {
      const creditorId = ref === 'ACME' ? t.creditors.acme : t.creditors.beta;
      const imported = await post('/imports/json', {
        creditor: ref,
        claims: [
          {
            invoiceNumber: `${ref}-NEW`,
            dueDate: '2026-02-01',
            amountMinor: 50_00,
            currency: 'EUR',
            debtor: { ref: `${ref}-NEW`, name: `${ref} Nouveau` },
          },
        ],
      });
      const plan = await post(`/cases/${debtor.caseId}/payment-plans`, {
        kind: 'scheduled',
        firstDueOn: '2026-04-15',
      });
      const transfer = await post(`/cases/${debtor.caseId}/ivr-transfer`);
      const cheque = await post(`/cases/${debtor.caseId}/payments`, {
        amountMinor: 10_00,
        currency: 'EUR',
        method: 'cheque',
        receivedOn: '2026-03-16',
      });
      await post(`/cases/${debtor.caseId}/payments`, {
        amountMinor: 20_00,
        currency: 'EUR',
        method: 'transfer',
        receivedOn: '2026-02-10',
      });
      await post(`/cases/${debtor.caseId}/notes`, { text: `Appel ${ref}` });
      const documentId = await storeEvidenceDocument(ctx.handle.db, t.tenantId, debtor.caseId);
      const dispute = await post(`/cases/${debtor.caseId}/disputes`, {
        reason: 'quality',
        claims: [{ claimId: debtor.claimIds[0], amountMinor: 100 }],
      });
      await ctx.handle.db.transaction().execute((trx) =>
        produceLetter(trx, t.tenantId, {
          actionId: newId(),
          caseId: debtor.caseId,
          kind: 'registered_letter',
          template: 'formal-notice',
          language: 'fr',
          today: '2026-03-16',
          actor: 'dispatcher',
        }),
      );
      const mandate = await put(`/creditors/${creditorId}/mandate`, {
        signedOn: '2026-01-05',
        commission: { kind: 'flat', rate: '15' },
        allowedStrategies: ['b2b-standard'],
        planLimits: { maxInstalments: 6, minInstalmentMinor: 0 },
        remittance: { frequency: 'monthly', delayDays: 10 },
        scope: `Mandat ${ref}`,
        powerToReceiveFunds: true,
      });
      expect(mandate.statusCode, mandate.body).toBe(200);
      await put(`/creditors/${creditorId}/report-subscription`, {
        frequency: 'monthly',
        recipients: [`direction@${ref.toLowerCase()}.example`],
        language: 'fr',
        active: true,
      });
      made.set(ref, {
        creditorId,
        caseId: debtor.caseId,
        debtorId: debtor.debtorId,
        claimId: debtor.claimIds[0]!,
        importId: imported.importId,
        documentId,
        planId: plan.id,
        disputeId: dispute.id,
        attemptId: transfer.attemptId,
        paymentId: cheque.paymentId,
      });
    }
    await post('/runs');
    await planDueReports(testDeps(ctx.handle), t.tenantId);
    const closed = await post('/remittances/close', { period: '2026-02' });
    const statements = closed.statements as { remittanceId: string; creditor: { id: string } }[];
    const batch = await buildPrintBatch(testDeps(ctx.handle), t.tenantId);
    const remittanceOf = (creditorId: string) =>
      statements.find((s) => s.creditor.id === creditorId)?.remittanceId ?? 'none';
    acme = { ...made.get('ACME')!, remittanceId: remittanceOf(t.creditors.acme), batchId: batch!.batchId };
    beta = { ...made.get('BETA')!, remittanceId: remittanceOf(t.creditors.beta), batchId: batch!.batchId };
    for (const [key, value] of Object.entries(beta)) if (key !== 'batchId') betaSecrets.add(value);
    for (const claimId of t.debtors.B1!.claimIds) betaSecrets.add(claimId);
    const db = ctx.handle.db;
    const ofBeta = async (
      table: 'cases' | 'debtors' | 'claims',
      column: 'case_id' | 'debtor_id' | 'claim_id',
    ) => {
      const rows = await db
        .selectFrom(table)
        .select(column as never)
        .where('tenant_id', '=', t.tenantId)
        .where('creditor_id', '=', t.creditors.beta)
        .execute();
      for (const row of rows as Record<string, string>[]) betaSecrets.add(row[column]!);
    };
    await ofBeta('cases', 'case_id');
    await ofBeta('debtors', 'debtor_id');
    await ofBeta('claims', 'claim_id');
    for (const r of await db
      .selectFrom('creditor_reports')
      .select('report_id')
      .where('creditor_id', '=', t.creditors.beta)
      .execute())
      betaSecrets.add(r.report_id);
    for (const name of [
      'Beta Client SARL',
      'BETA A',
      'BETA Nouveau',
      'direction@beta.example',
      'Mandat BETA',
    ])
      betaSecrets.add(name);
    expect(beta.remittanceId).not.toBe('none');
  });
  afterAll(async () => {
    await app?.close();
  });

  /** The API's GET routes (the debtor's portal aside: a signed link and cookie open one case, test/portal). */
  const registered = () =>
    registeredRoutes(app)
      .filter((r) => r.method === 'GET' && r.url.startsWith(`${apiPrefix}/`))
      .filter((r) => !r.url.startsWith(`${apiPrefix}/portal/`))
      .map((r) => r.url.slice(apiPrefix.length));
  /** A route's URLs: as listed above, or the route itself for one without parameters listed nowhere. */
  const urlsOf = (route: string, o: Owned) => routes[route]?.(o, t) ?? (route.includes(':') ? [] : [route]);

  it('knows how to fill every GET route with parameters (the others are walked as they are)', () => {
    const unknown = registered().filter((route) => route.includes(':') && !(route in routes));
    expect(unknown).toEqual([]);
  });

  it('a client gets 404 for every record of its tenant’s other creditor, and no answer carries one of its ids', async () => {
    const client = await signInAs(app, t.users.client.email);
    const get = (url: string) => app.inject({ method: 'GET', url: `${apiPrefix}${url}`, headers: client });
    const problems: string[] = [];
    for (const route of registered()) {
      const own = urlsOf(route, acme);
      const other = urlsOf(route, beta);
      for (const [i, url] of other.entries()) {
        const response = await get(url);
        const leaked = [...betaSecrets].filter((s) => response.body.includes(s) && !url.includes(s));
        if (leaked.length > 0)
          problems.push(`GET ${url}: ${response.statusCode} carries ${leaked.join(', ')}`);
        if (!route.includes(':')) {
          if (![200, 400, 403].includes(response.statusCode))
            problems.push(`GET ${url}: ${response.statusCode}`);
          continue;
        }
        if (response.statusCode === 404) continue;
        // A refusal by role is no probe: the same route refuses the client's own records the same way.
        const mine = await get(own[i]!);
        if (!(response.statusCode === 403 && mine.statusCode === 403))
          problems.push(`GET ${url}: ${response.statusCode} (own: ${mine.statusCode})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the same client does see its own creditor’s records through those routes (the check is not vacuous)', async () => {
    const client = await signInAs(app, t.users.client.email);
    const seen: string[] = [];
    for (const route of [
      '/cases/:caseId',
      '/debtors/:debtorId',
      '/claims/:claimId',
      '/imports/:importId',
      '/cases/:caseId/evidence',
      '/cases/:caseId/evidence.zip',
      '/documents/:documentId',
      '/cases/:caseId/payments',
      '/creditors/:creditorId/reports',
    ]) {
      for (const url of routes[route]!(acme, t)) {
        const response = await app.inject({ method: 'GET', url: `${apiPrefix}${url}`, headers: client });
        seen.push(`${url.split('/')[1]} ${response.statusCode}`);
      }
    }
    expect(seen.filter((s) => !s.endsWith(' 200'))).toEqual([]);
  });

  it('a supervisor does receive BETA’s records on the same routes (what is looked for is really there)', async () => {
    const supervisor = await signInAs(app, t.users.supervisor.email);
    for (const url of [
      '/cases?pageSize=200',
      `/cases/${beta.caseId}`,
      `/imports/${beta.importId}`,
      '/remittances',
    ]) {
      const response = await app.inject({ method: 'GET', url: `${apiPrefix}${url}`, headers: supervisor });
      expect(response.statusCode, url).toBe(200);
      expect([...betaSecrets].filter((id) => response.body.includes(id)).length, url).toBeGreaterThan(0);
    }
  });
});
