import type { FastifyInstance } from 'fastify';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import type { Actor } from '../../src/shared/actor.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { getTrends, type Trends } from '../../src/use-cases/kpis/history/get-trends.ts';
import { recordFigureHistory } from '../../src/use-cases/kpis/history/record-figure-history.ts';
import { recordPayment } from '../../src/use-cases/payments/record-payment.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { now, signInAs, testDeps, testServer, today } from '../http/support.ts';
import { pdfText } from '../letters/pdf-inspect.ts';
import { describeEachDatabase } from '../support/databases.ts';

/**
 * ACME's seeded claims on 2026-03-16 (test/http/seed.ts), issued 30 days before they fall due:
 *   F-2001 300 (2023) · M-1 100 (2024) · F-4001 80 paid (issued 2025-07) · F-1001 1,200, M-3 300, L-1 700
 *   (issued 2025-12) · M-4 400, F-3001 450 (2026-02) · M-2 200 (2026-03-06).
 * End of February: placed 3,730 − 200 = 3,530, owed 3,450 → recovered 80 = 2.3 %. Its DSO counts back from
 * 3,450 through February 850 (28 d), January 0 (31), December 2,200 (31), and the months to March 2025
 * (July's 80 included) without reaching the end: 365 days. End of January: placed 2,680, owed 2,600; February
 * added 850 and nothing came in: CEI 0 / (2,600 + 850 − 850 not due on 28 February) = 0.0 %.
 * April 2025: F-2001 and M-1 only, 400 placed and owed.
 */
describeEachDatabase('the dashboard’s trends', (ctx) => {
  let deps: Deps;
  let tenant: SeededTenant;
  let supervisor: Actor;
  let client: Actor;

  const month = (t: Trends, m: string) => t.months.find((x) => x.month === m);

  beforeAll(async () => {
    deps = testDeps(ctx.handle);
    tenant = await seedTenant(ctx.handle.db, 'T');
    const user = (role: 'supervisor' | 'client'): Actor => ({
      tenantId: tenant.tenantId,
      kind: 'user',
      id: tenant.users[role].id,
      role,
      creditorId: role === 'client' ? tenant.creditors.acme : null,
    });
    supervisor = user('supervisor');
    client = user('client');
    await recordFigureHistory(deps, tenant.tenantId);
  });

  it('gives each month-end’s recovery rate, DSO and CEI as computed by hand', async () => {
    const t = await getTrends(deps, supervisor, { creditorId: tenant.creditors.acme });
    expect(t.months.map((m) => m.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(month(t, '2026-03')).toEqual({
      month: '2026-03',
      asOf: today,
      partial: true,
      recorded: true,
      placedMinor: 3730_00,
      receivableMinor: 3650_00,
      overdueMinor: 3000_00,
      collectedMinor: 0,
      recoveryRate: '2.1',
      dsoDays: '350.0',
      cei: '0.0',
    });
    expect(month(t, '2026-02')).toMatchObject({
      asOf: '2026-02-28',
      partial: false,
      placedMinor: 3530_00,
      receivableMinor: 3450_00,
      recoveryRate: '2.3',
      dsoDays: '365.0',
      cei: '0.0',
    });
    expect(month(t, '2026-01')).toMatchObject({ placedMinor: 2680_00, receivableMinor: 2600_00 });
    expect(month(t, '2025-04')).toMatchObject({
      placedMinor: 400_00,
      receivableMinor: 400_00,
      recoveryRate: '0.0',
    });
    expect(t.liquidation.map((c) => [c.cohort, c.placedMinor, c.placedCount])).toEqual([
      ['2025-07', 80_00, 1],
      ['2025-12', 2200_00, 3],
      ['2026-02', 850_00, 2],
      ['2026-03', 200_00, 1],
    ]);
  });

  it('a client sees its creditor’s trends and nothing of another’s', async () => {
    const own = await getTrends(deps, client, {});
    const acme = await getTrends(deps, supervisor, { creditorId: tenant.creditors.acme });
    expect(own.months).toEqual(acme.months);
    const other = await getTrends(deps, client, { creditorId: tenant.creditors.beta });
    expect(other.months.every((m) => !m.placedMinor)).toBe(true);
    expect(other.liquidation).toEqual([]);
  });

  it('moves the current month, the cohort’s curve, the funnel and the channels with a payment', async () => {
    const d1 = tenant.debtors.D1;
    if (!d1) throw new Error('seed');
    const db = ctx.handle.db;
    // An e-mail sent on 5 March, a card attempt abandoned and one that went through, then the payment.
    await db
      .insertInto('actions')
      .values({
        tenant_id: tenant.tenantId,
        action_id: newId(),
        case_id: d1.caseId,
        action_key: 'trends:1',
        planned_on: '2026-03-05',
        channel: 'email',
        template: 'reminder',
        language: 'fr',
        purpose: 'reminder',
        status: 'delivered',
        reason: '{}',
        gate: '{}',
        created_at: now,
        sent_at: '2026-03-05T09:00:00.000Z',
      })
      .execute();
    for (const [status, errors] of [
      ['abandoned', 2],
      ['succeeded', 0],
    ] as const) {
      await db
        .insertInto('payment_attempts')
        .values({
          tenant_id: tenant.tenantId,
          attempt_id: newId(),
          case_id: d1.caseId,
          channel: 'portal',
          provider: 'builtin',
          amount_minor: 100_00,
          currency: 'EUR',
          status,
          input_errors: errors,
          started_at: '2026-03-10T10:00:00.000Z',
          updated_at: '2026-03-10T10:05:00.000Z',
        })
        .execute();
    }
    await recordPayment(deps, supervisor, {
      caseId: d1.caseId,
      amountMinor: 100_00,
      currency: 'EUR',
      method: 'card',
      channel: 'portal',
      provider: 'builtin',
      sourceKey: 'trends:1',
      receivedOn: '2026-03-10',
      reference: null,
    });
    const principal = await db
      .selectFrom('payment_allocations')
      .select((eb) => eb.fn.sum<number>('amount_minor').as('paid'))
      .where('tenant_id', '=', tenant.tenantId)
      .where('part', '=', 'principal')
      .executeTakeFirstOrThrow();
    const t = await getTrends(deps, supervisor, { creditorId: tenant.creditors.acme });
    expect(month(t, '2026-03')).toMatchObject({
      collectedMinor: 100_00,
      receivableMinor: 3650_00 - Number(principal.paid),
    });
    // The history of February does not move.
    expect(month(t, '2026-02')).toMatchObject({ receivableMinor: 3450_00 });
    const december = t.liquidation.find((c) => c.cohort === '2025-12');
    expect(december?.points.map((p) => [p.month, p.collectedMinor, p.share, p.partial])).toEqual([
      ['2025-12', 0, '0.0', false],
      ['2026-01', 0, '0.0', false],
      ['2026-02', 0, '0.0', false],
      ['2026-03', 100_00, '4.5', true],
    ]);
    expect(t.funnel.total).toMatchObject({ started: 2, completed: 1, abandoned: 1, inputErrors: 2 });
    expect(t.funnel.channels.map((c) => c.channel)).toEqual(['portal']);
    expect(t.channels.channels).toEqual([
      {
        channel: 'email',
        sent: 1,
        responded: 1,
        rate: { numerator: 1, denominator: 1 },
        byKind: { payment: 1, promise: 0, dispute: 0, inbound: 0 },
      },
    ]);
  });

  describe('over HTTP', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      ({ app } = await testServer(ctx.handle));
    });
    afterAll(async () => {
      await app?.close();
    });

    it('answers the trends to a client, and refuses months out of 3..24', async () => {
      const { cookie } = await signInAs(app, tenant.users.client.email);
      const ok = await app.inject({
        method: 'GET',
        url: '/api/v1/dashboard/trends?months=6',
        headers: { cookie },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().months).toHaveLength(6);
      expect(ok.json().creditorId).toBe(tenant.creditors.acme);
      const bad = await app.inject({
        method: 'GET',
        url: '/api/v1/dashboard/trends?months=30',
        headers: { cookie },
      });
      expect(bad.statusCode).toBe(400);
    });

    it('gives the dashboard and its trends as a workbook, one sheet per section', async () => {
      const { cookie } = await signInAs(app, tenant.users.supervisor.email);
      const url = `/api/v1/dashboard.xlsx?creditorId=${tenant.creditors.acme}`;
      const file = await app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': 'en' } });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-disposition']).toContain('dashboard-2026-03-16.xlsx');
      const sheets = await readXlsxFile(file.rawPayload);
      const names = sheets.map((s) => s.sheet);
      expect(names).toEqual(
        expect.arrayContaining(['Portfolio', 'Ageing balance', 'Trends', 'Liquidation curves']),
      );
      const trends = sheets.find((s) => s.sheet === 'Trends')?.data ?? [];
      expect(trends[0]?.[0]).toBe('Month');
      const february = trends.find((row) => row[0] === '2026-02');
      expect(february?.slice(2, 4)).toEqual([3530, 3450]);
      expect(february?.[7]).toBe(365);
      const portfolio = sheets.find((s) => s.sheet === 'Portfolio')?.data ?? [];
      expect(portfolio.find((row) => row[0] === 'Placed')?.[2]).toBe(3730);
    });

    it('puts the DSO and recovery trend in the PDF report', async () => {
      const { cookie } = await signInAs(app, tenant.users.client.email);
      const pdf = await app.inject({ method: 'GET', url: '/api/v1/dashboard.pdf', headers: { cookie } });
      expect(pdf.statusCode).toBe(200);
      const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
      expect(text).toContain('Tendance DSO (jours)');
      expect(text).toContain('365,0');
    });
  });
});
