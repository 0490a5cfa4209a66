import { DomainError, minorToDecimalString } from '@relance/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/shared/actor.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { getDashboard } from '../../src/use-cases/kpis/get-dashboard.ts';
import { recordPayment } from '../../src/use-cases/payments/record-payment.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { signInAs, testDeps, testServer, today } from '../http/support.ts';
import { pdfText } from '../letters/pdf-inspect.ts';
import { describeEachDatabase } from '../support/databases.ts';

/**
 * The seeded portfolio of ACME on 2026-03-16 (test/http/seed.ts), by hand:
 *   F-1001 1,200 due −45 d → 31–60 · F-2001 300 due −900 d → 90+ · F-3001 450 due +10 d → not due
 *   F-4001 80 paid · M-1 100 due −800 d → 90+ · M-2 200 due +20 d → not due
 *   M-3 300 disputed due −70 d → 61–90 · M-4 400 due −10 d → 1–30 · L-1 700 disputed due −70 d → 61–90
 * Receivables 3,650 (8 claims): not due 650, 1–30 400, 31–60 1,200, 61–90 1,000, 90+ 400.
 * Placed 3,730 (9 claims); recovered 3,730 − 3,650 = 80 → 2.1 %; by count 1/9 → 11.1 %.
 */
describeEachDatabase('the dashboard', (ctx) => {
  let deps: Deps;
  let tenant: SeededTenant;
  let supervisor: Actor;
  let client: Actor;

  beforeAll(async () => {
    deps = testDeps(ctx.handle);
    tenant = await seedTenant(ctx.handle.db, 'K');
    const user = (role: 'supervisor' | 'client' | 'agent'): Actor => ({
      tenantId: tenant.tenantId,
      kind: 'user',
      id: tenant.users[role].id,
      role,
      creditorId: role === 'client' ? tenant.creditors.acme : null,
    });
    supervisor = user('supervisor');
    client = user('client');
  });

  it('gives ACME’s receivables by age, its recovery rate and its DSO, as computed by hand', async () => {
    const d = await getDashboard(deps, supervisor, { creditorId: tenant.creditors.acme });
    expect(d.asOf).toBe(today);
    expect(d.currency).toBe('EUR');
    expect(d.portfolio.receivables).toEqual({ count: 8, outstandingMinor: 3650_00 });
    expect(d.portfolio.ageing).toEqual([
      { bucket: 'not_due', count: 2, outstandingMinor: 650_00, share: '17.8' },
      { bucket: 'd1_30', count: 1, outstandingMinor: 400_00, share: '11.0' },
      { bucket: 'd31_60', count: 1, outstandingMinor: 1200_00, share: '32.9' },
      { bucket: 'd61_90', count: 2, outstandingMinor: 1000_00, share: '27.4' },
      { bucket: 'd90_plus', count: 2, outstandingMinor: 400_00, share: '11.0' },
    ]);
    expect(d.portfolio.overdueMinor).toBe(3000_00);
    expect(d.portfolio.disputedMinor).toBe(1000_00);
    expect(d.portfolio.recovery).toEqual({
      placedMinor: 3730_00,
      recoveredMinor: 80_00,
      collectedMinor: 0,
      placedCount: 9,
      paidCount: 1,
      byAmount: '2.1',
      byCount: '11.1',
    });
    // Countback from 3,650: March 200 (16 days), February 850 (28), January nothing (31), December 2,200
    // (31) leave 400; the months to July (80) and back to April have no more sales: 350 days, and the
    // balance still holds claims issued before the twelve months (F-2001, M-1).
    expect(d.portfolio.dso).toEqual({ days: '350.0', complete: false, monthsUsed: 12 });
  });

  it('counts what an agent collected in the period, by channel and in the league table', async () => {
    const d1 = tenant.debtors.D1;
    if (!d1) throw new Error('seed');
    const agent: Actor = {
      tenantId: tenant.tenantId,
      kind: 'user',
      id: tenant.users.agent.id,
      role: 'agent',
      creditorId: null,
    };
    await recordPayment(deps, agent, {
      caseId: d1.caseId,
      amountMinor: 300_00,
      currency: 'EUR',
      method: 'card',
      channel: 'agent',
      provider: null,
      sourceKey: 'dashboard:1',
      receivedOn: today,
      reference: null,
    });
    const d = await getDashboard(deps, supervisor, {});
    expect(d.collections).toMatchObject({
      collectedMinor: 300_00,
      paymentCount: 1,
      byChannel: [{ channel: 'agent', amountMinor: 300_00, count: 1 }],
      days: [{ day: today, channel: 'agent', amountMinor: 300_00 }],
    });
    expect(d.collections.agents).toEqual([
      expect.objectContaining({
        rank: 1,
        userId: tenant.users.agent.id,
        amountMinor: 300_00,
        share: '100.0',
      }),
    ]);
    expect(d.portfolio.recovery.collectedMinor).toBe(300_00);
    // The whole tenant: ACME and BETA (9,000 more, 100 days late).
    expect(d.portfolio.ageing.find((l) => l.bucket === 'd90_plus')?.outstandingMinor).toBe(400_00 + 9000_00);
  });

  it('shows a client its own creditor only, whatever it asks for', async () => {
    const own = await getDashboard(deps, client, {});
    const asked = await getDashboard(deps, client, { creditorId: tenant.creditors.beta });
    expect(own.creditorId).toBe(tenant.creditors.acme);
    expect(own.portfolio.ageing.find((l) => l.bucket === 'd90_plus')?.outstandingMinor).toBe(400_00);
    expect(asked.portfolio.receivables.count).toBe(0);
  });

  it('filters by segment and refuses a period the wrong way round', async () => {
    const consumers = await getDashboard(deps, supervisor, {
      creditorId: tenant.creditors.acme,
      segment: 'consumer',
    });
    // Jean Martin's 300 (F-2001); Zoé's invoice is paid.
    expect(consumers.portfolio.receivables).toEqual({ count: 1, outstandingMinor: 300_00 });
    const wrong = await getDashboard(deps, supervisor, { from: '2026-03-20', to: '2026-03-01' }).catch(
      (e) => e,
    );
    expect(wrong).toBeInstanceOf(DomainError);
    expect((wrong as DomainError).details).toMatchObject({ reason: 'dashboard_period_invalid' });
  });

  describe('over HTTP', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      ({ app } = await testServer(ctx.handle));
    });
    afterAll(async () => {
      await app?.close();
    });

    it('answers a client with its own figures and a wrong period in words', async () => {
      const { cookie } = await signInAs(app, tenant.users.client.email);
      const ok = await app.inject({ method: 'GET', url: '/api/v1/dashboard', headers: { cookie } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().creditorId).toBe(tenant.creditors.acme);
      const bad = await app.inject({
        method: 'GET',
        url: '/api/v1/dashboard?from=2026-03-20&to=2026-03-01',
        headers: { cookie, 'accept-language': 'en' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toContain('dashboard’s period');
    });

    it('exports the same figures as CSV, in the caller’s language', async () => {
      const { cookie } = await signInAs(app, tenant.users.client.email);
      const csv = await app.inject({ method: 'GET', url: '/api/v1/dashboard.csv', headers: { cookie } });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe('Rubrique;Élément;Nombre;Montant;Part (%)');
      // The same figures as the page's: the JSON answer, line by line (the agent's payment above moved F-1001).
      const json = (
        await app.inject({ method: 'GET', url: '/api/v1/dashboard', headers: { cookie } })
      ).json();
      const line = json.portfolio.ageing.find((l: { bucket: string }) => l.bucket === 'd31_60');
      const decimal = (minor: number) => minorToDecimalString(minor, 'EUR');
      expect(lines).toContain(
        `Balance âgée;31–60 jours;${line.count};${decimal(line.outstandingMinor)};${line.share}`,
      );
      expect(lines).toContain(
        `Portefeuille;Encours;${json.portfolio.receivables.count};${decimal(json.portfolio.receivables.outstandingMinor)};`,
      );
      const english = await app.inject({
        method: 'GET',
        url: '/api/v1/dashboard.csv?delimiter=,',
        headers: { cookie, 'accept-language': 'en' },
      });
      const late = json.portfolio.ageing.find((l: { bucket: string }) => l.bucket === 'd61_90');
      expect(english.body).toContain(
        `Ageing balance,61–90 days,${late.count},${decimal(late.outstandingMinor)},${late.share}`,
      );
    });

    it('gives the same figures as a PDF report titled with the creditor', async () => {
      const { cookie } = await signInAs(app, tenant.users.client.email);
      const pdf = await app.inject({ method: 'GET', url: '/api/v1/dashboard.pdf', headers: { cookie } });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
      expect(text).toContain('Rapport de recouvrement');
      expect(text).toContain('ACME');
      expect(text).toContain('Balance âgée');
      expect(text).toContain('Plus de 90 jours');
      expect(text).not.toContain('BETA');
    });

    it('states in the PDF the filters it applied, and what they leave out', async () => {
      const { cookie } = await signInAs(app, tenant.users.supervisor.email);
      const pdf = await app.inject({
        method: 'GET',
        url: '/api/v1/dashboard.pdf?strategyKey=b2b-standard&channel=statement',
        headers: { cookie },
      });
      expect(pdf.statusCode).toBe(200);
      const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
      // The portfolio (decision 0011) and the trends (decision 0014) follow the strategy, not the channel.
      expect(text).toContain('Stratégie : b2b-standard');
      expect(text).not.toContain('b2b-standard (');
      expect(text).toContain('Canal : statement (non appliqué au portefeuille ni aux tendances)');
    });
  });
});
