import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { buildHttpServer } from '../../src/http/server.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { now, testDeps, testServer } from './support.ts';

describeEachDatabase('http server', (ctx) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('GET /health answers without authentication, after asking the database', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: ctx.handle.dialect,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('serves the OpenAPI document listing every API path, and the docs page', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/actions',
      '/api/v1/actions/{actionId}/confirm',
      '/api/v1/actions/{actionId}/retry',
      '/api/v1/actions/{actionId}/review',
      '/api/v1/agencies',
      '/api/v1/agencies/comparison',
      '/api/v1/agencies/{agencyId}/collections',
      '/api/v1/agencies/{agencyId}/collections/csv',
      '/api/v1/agency-handovers',
      '/api/v1/agency-handovers/{handoverId}/recall',
      '/api/v1/api-keys',
      '/api/v1/api-keys/{id}',
      '/api/v1/auth/me',
      '/api/v1/auth/sign-in',
      '/api/v1/auth/sign-out',
      '/api/v1/call-scripts',
      '/api/v1/call-scripts/{key}',
      '/api/v1/call-tasks',
      '/api/v1/call-tasks/{taskId}/assign',
      '/api/v1/call-tasks/{taskId}/outcome',
      '/api/v1/cases',
      '/api/v1/cases/{caseId}',
      '/api/v1/cases/{caseId}/agency-handover',
      '/api/v1/cases/{caseId}/contact-check',
      '/api/v1/cases/{caseId}/disputes',
      '/api/v1/cases/{caseId}/engine',
      '/api/v1/cases/{caseId}/events',
      '/api/v1/cases/{caseId}/evidence',
      '/api/v1/cases/{caseId}/evidence.zip',
      '/api/v1/cases/{caseId}/hold',
      '/api/v1/cases/{caseId}/ivr-transfer',
      '/api/v1/cases/{caseId}/lock',
      '/api/v1/cases/{caseId}/notes',
      '/api/v1/cases/{caseId}/outcomes',
      '/api/v1/cases/{caseId}/payment-attempts/{attemptId}',
      '/api/v1/cases/{caseId}/payment-link',
      '/api/v1/cases/{caseId}/payment-links',
      '/api/v1/cases/{caseId}/payment-plans',
      '/api/v1/cases/{caseId}/payment-plans/preview',
      '/api/v1/cases/{caseId}/payments',
      '/api/v1/cases/{caseId}/promises',
      '/api/v1/cases/{caseId}/release',
      '/api/v1/cases/{caseId}/script',
      '/api/v1/cases/{caseId}/withdraw',
      '/api/v1/claims',
      '/api/v1/claims/{claimId}',
      '/api/v1/creditors',
      '/api/v1/creditors/{creditorId}/charges',
      '/api/v1/creditors/{creditorId}/details',
      '/api/v1/creditors/{creditorId}/mandate',
      '/api/v1/creditors/{creditorId}/plan-policy',
      '/api/v1/creditors/{creditorId}/report-subscription',
      '/api/v1/creditors/{creditorId}/report.pdf',
      '/api/v1/creditors/{creditorId}/reports',
      '/api/v1/creditors/{creditorId}/reports/send',
      '/api/v1/dashboard',
      '/api/v1/dashboard.csv',
      '/api/v1/dashboard.pdf',
      '/api/v1/dashboard.xlsx',
      '/api/v1/dashboard/trends',
      '/api/v1/debtors',
      '/api/v1/debtors/{debtorId}',
      '/api/v1/dispositions',
      '/api/v1/disputes',
      '/api/v1/disputes/{disputeId}',
      '/api/v1/disputes/{disputeId}/documents',
      '/api/v1/disputes/{disputeId}/resolve',
      '/api/v1/documents/{documentId}',
      '/api/v1/evidence/verify',
      '/api/v1/health',
      '/api/v1/imports',
      '/api/v1/imports/json',
      '/api/v1/imports/preview',
      '/api/v1/imports/{importId}',
      '/api/v1/imports/{importId}/rejections.csv',
      '/api/v1/inbound/email',
      '/api/v1/interest-rates',
      '/api/v1/interest-rates/{table}/{period}',
      '/api/v1/ivr/simulator',
      '/api/v1/live',
      '/api/v1/mailbox',
      '/api/v1/mandates',
      '/api/v1/outbox',
      '/api/v1/pay/builtin/{attemptId}',
      '/api/v1/payment-links/{linkId}/revoke',
      '/api/v1/payment-plans/{planId}',
      '/api/v1/payment-plans/{planId}/agreement.pdf',
      '/api/v1/payment-plans/{planId}/cancel',
      '/api/v1/payments/funnel',
      '/api/v1/payments/{paymentId}/receipt',
      '/api/v1/payments/{paymentId}/reverse',
      '/api/v1/placements',
      '/api/v1/portal/links/{key}',
      '/api/v1/portal/links/{key}/callback-slots',
      '/api/v1/portal/links/{key}/callbacks',
      '/api/v1/portal/links/{key}/case',
      '/api/v1/portal/links/{key}/check',
      '/api/v1/portal/links/{key}/contacts/{contactId}',
      '/api/v1/portal/links/{key}/disputes',
      '/api/v1/portal/links/{key}/disputes/{disputeId}/documents',
      '/api/v1/portal/links/{key}/payments',
      '/api/v1/portal/links/{key}/payments/{attemptId}',
      '/api/v1/portal/links/{key}/payments/{attemptId}/cancel',
      '/api/v1/portal/links/{key}/plans',
      '/api/v1/portal/links/{key}/plans/preview',
      '/api/v1/portal/links/{key}/promises',
      '/api/v1/postal-items',
      '/api/v1/postal-items/tracking',
      '/api/v1/postal-items/{itemId}',
      '/api/v1/postal-items/{itemId}/proof',
      '/api/v1/print-batches',
      '/api/v1/print-batches/{batchId}/letters.pdf',
      '/api/v1/print-batches/{batchId}/manifest.csv',
      '/api/v1/promises/{promiseId}/cancel',
      '/api/v1/queue',
      '/api/v1/queue/agents',
      '/api/v1/queue/me',
      '/api/v1/queue/next',
      '/api/v1/remittances',
      '/api/v1/remittances/close',
      '/api/v1/remittances/{remittanceId}/email',
      '/api/v1/remittances/{remittanceId}/paid',
      '/api/v1/remittances/{remittanceId}/pdf',
      '/api/v1/runs',
      '/api/v1/runs/schedule',
      '/api/v1/settings/channels/email',
      '/api/v1/settings/channels/ivr',
      '/api/v1/settings/channels/sms',
      '/api/v1/settings/identity',
      '/api/v1/settings/payments',
      '/api/v1/sms/builtin/inbound',
      '/api/v1/statements/imports',
      '/api/v1/statements/lines',
      '/api/v1/statements/lines/{lineId}/ignore',
      '/api/v1/statements/lines/{lineId}/match',
      '/api/v1/strategies',
      '/api/v1/strategies/assignment',
      '/api/v1/strategies/versions',
      '/api/v1/template-variables',
      '/api/v1/templates',
      '/api/v1/templates/preview',
      '/api/v1/templates/{key}/{channel}/{language}',
      '/api/v1/users',
      '/api/v1/users/{userId}',
      '/api/v1/webhooks/ivr/{tenantId}/{step}',
      '/api/v1/webhooks/payments/{provider}/{tenantId}',
      '/api/v1/webhooks/twilio/{tenantId}/inbound',
      '/api/v1/webhooks/twilio/{tenantId}/status',
    ]);
    const listCases = doc.paths['/api/v1/cases'].get;
    expect(listCases.tags).toEqual(['portfolio']);
    expect(listCases.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'collectability', 'age', 'minBalance', 'sort', 'page', 'pageSize']),
    );
    expect(listCases.responses['200']).toBeDefined();
    expect(
      doc.paths['/api/v1/auth/sign-in'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['email', 'password']);

    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers 404 not_found in the error shape for an unknown route', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here?x=1',
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: {
        code: 'not_found',
        message: 'There is nothing at this address.',
        details: { method: 'GET', url: '/api/v1/nothing-here' },
      },
    });
    const post = await app.inject({ method: 'DELETE', url: '/api/v1/cases' });
    expect(post.statusCode).toBe(404);
    expect(post.json().error.code).toBe('not_found');
  });

  it('answers 400 invalid_input for a malformed JSON body', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_input');
    const missing = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'a@b.example' },
    });
    expect(missing.json().error.details.issues).toEqual([
      { path: 'body.password', code: 'invalid_type', message: expect.any(String) },
    ]);
  });
});

describe('http server failures', () => {
  it('answers 500 internal without the stack when something unexpected breaks, and 503 from /health', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relance-broken-'));
    const handle = openDatabase(`sqlite:${join(dir, 'never-migrated.db')}`);
    const app = await buildHttpServer({ database: handle, clock: fixedClock(now), dataDir: dir });
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/cases',
      headers: { authorization: 'Bearer rk_live_whatever' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'internal', message: 'Erreur interne du serveur. L’incident a été journalisé.' },
    });
    expect(response.body).not.toMatch(/api_keys|sqlite|at .*\.ts/i);
    await handle.close();
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'unavailable', database: 'sqlite' });
    await app.close();
  });
});

describe('http server with the web app', () => {
  let app: FastifyInstance;
  const handle = openDatabase('sqlite::memory:');

  beforeAll(async () => {
    const webDist = mkdtempSync(join(tmpdir(), 'relance-web-'));
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(webDist, 'assets', 'app.js'), 'console.log(1)');
    app = await buildHttpServer({ ...testDeps(handle) }, { webDist });
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('serves the files, and index.html for the app’s own paths', async () => {
    const home = await app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<div id="root">');
    const deep = await app.inject({ method: 'GET', url: '/cases/0190?tab=claims' });
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['content-type']).toMatch(/text\/html/);
    expect(deep.body).toContain('<div id="root">');
    const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(1)');
  });

  it('keeps 404 for a missing file and for unknown API paths', async () => {
    const missing = await app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const api = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
  });
});
