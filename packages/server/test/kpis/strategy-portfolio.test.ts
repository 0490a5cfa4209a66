import { beforeAll, expect, it } from 'vitest';
import { compactFigures } from '../../src/db/figures/compact-figures.ts';
import type { Actor } from '../../src/shared/actor.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { importClaims } from '../../src/use-cases/imports/import-claims.ts';
import { getDashboard } from '../../src/use-cases/kpis/get-dashboard.ts';
import { recordPayment } from '../../src/use-cases/payments/record-payment.ts';
import { openDispute } from '../../src/use-cases/workspace/disputes/open-dispute.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { signInAs, testDeps, testServer, today } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { expectStrategiesInStep, leftToFold } from './strategy-figures-check.ts';

/**
 * The portfolio section by strategy (issue #7, decision 0011), on the seeded portfolio of 2026-03-16
 * (test/http/seed.ts). D1 and D3 follow 'alpha', D4 and D5 'beta'; D2, D6 and BETA's B1 none yet.
 *   alpha: F-1001 1,200 due −45 d → 31–60, issued 2025-12-31 · F-3001 450 due +10 d → not due, issued 2026-02-24
 *   beta:  M-1 100 → 90+ (issued 2023) · M-2 200 → not due (issued 2026-03-06) · M-3 300 disputed → 61–90
 *          (issued 2025-12-06) · M-4 400 → 1–30 (issued 2026-02-04) · F-4001 80 paid (issued 2025-07-29)
 */
describeEachDatabase('the portfolio by strategy', (ctx) => {
  let deps: Deps;
  let tenant: SeededTenant;
  let supervisor: Actor;
  const caseOf = (ref: string) => {
    const d = tenant.debtors[ref];
    if (!d) throw new Error(`seed ${ref}`);
    return d;
  };
  const assign = (strategyKey: string | null, refs: readonly string[]) =>
    ctx.handle.db
      .updateTable('cases')
      .set({ strategy_key: strategyKey })
      .where('tenant_id', '=', tenant.tenantId)
      .where(
        'case_id',
        'in',
        refs.map((r) => caseOf(r).caseId),
      )
      .execute();
  const portfolio = async (strategyKey: string, more: { segment?: 'consumer'; creditorId?: string } = {}) =>
    (await getDashboard(deps, supervisor, { strategyKey, ...more })).portfolio;

  beforeAll(async () => {
    deps = testDeps(ctx.handle);
    tenant = await seedTenant(ctx.handle.db, 'SP');
    supervisor = {
      tenantId: tenant.tenantId,
      kind: 'user',
      id: tenant.users.supervisor.id,
      role: 'supervisor',
      creditorId: null,
    };
    // As the daily run does: the cases' strategies written, nothing else.
    await assign('alpha', ['D1', 'D3']);
    await assign('beta', ['D4', 'D5']);
  });

  it('gives each strategy’s receivables, ageing, recovery and DSO as computed by hand, folded or not', async () => {
    expect((await leftToFold(ctx.handle, tenant.tenantId)).cases).toBe(4);
    for (const fold of [false, true]) {
      if (fold) {
        await compactFigures(ctx.handle.db, ctx.handle.dialect, tenant.tenantId);
        expect(await leftToFold(ctx.handle, tenant.tenantId)).toEqual({ deltas: 0, cases: 0 });
      }
      const alpha = await portfolio('alpha');
      expect(alpha.receivables).toEqual({ count: 2, outstandingMinor: 1650_00 });
      expect(alpha.ageing).toEqual([
        { bucket: 'not_due', count: 1, outstandingMinor: 450_00, share: '27.3' },
        { bucket: 'd1_30', count: 0, outstandingMinor: 0, share: '0.0' },
        { bucket: 'd31_60', count: 1, outstandingMinor: 1200_00, share: '72.7' },
        { bucket: 'd61_90', count: 0, outstandingMinor: 0, share: '0.0' },
        { bucket: 'd90_plus', count: 0, outstandingMinor: 0, share: '0.0' },
      ]);
      expect([alpha.overdueMinor, alpha.disputedMinor]).toEqual([1200_00, 0]);
      expect(alpha.recovery).toEqual({
        placedMinor: 1650_00,
        recoveredMinor: 0,
        collectedMinor: 0,
        placedCount: 2,
        paidCount: 0,
        byAmount: '0.0',
        byCount: '0.0',
      });
      // Countback from 1,650: March nothing (16 days), February 450 (28), January nothing (31), December
      // 1,200 (31): 106 days.
      expect(alpha.dso).toEqual({ days: '106.0', complete: true, monthsUsed: 4 });

      const beta = await portfolio('beta');
      expect(beta.receivables).toEqual({ count: 4, outstandingMinor: 1000_00 });
      expect(beta.ageing.map((l) => [l.bucket, l.count, l.outstandingMinor, l.share])).toEqual([
        ['not_due', 1, 200_00, '20.0'],
        ['d1_30', 1, 400_00, '40.0'],
        ['d31_60', 0, 0, '0.0'],
        ['d61_90', 1, 300_00, '30.0'],
        ['d90_plus', 1, 100_00, '10.0'],
      ]);
      expect([beta.overdueMinor, beta.disputedMinor]).toEqual([800_00, 300_00]);
      expect(beta.recovery).toMatchObject({
        placedMinor: 1080_00,
        recoveredMinor: 80_00,
        placedCount: 5,
        paidCount: 1,
        byAmount: '7.4',
        byCount: '20.0',
      });
      // March 200 (16 days), February 400 (28), January (31), December 300 (31) leave 100; November to
      // August (122), July 80 (31) leave 20; June to April (91): 350 days, M-1 older than the twelve months.
      expect(beta.dso).toEqual({ days: '350.0', complete: false, monthsUsed: 12 });
      // A strategy no case follows has nothing; ACME's cases are all of alpha's, BETA has none of them.
      expect((await portfolio('gamma')).receivables).toEqual({ count: 0, outstandingMinor: 0 });
      expect(await portfolio('alpha', { creditorId: tenant.creditors.acme })).toEqual(alpha);
      const beta0 = await portfolio('alpha', { creditorId: tenant.creditors.beta });
      expect(beta0.receivables).toEqual({ count: 0, outstandingMinor: 0 });
      expect(await expectStrategiesInStep(ctx.handle, tenant.tenantId)).toBe(2);
    }
  });

  it('moves at once with a strategy change, a payment, a dispute, an import and a debtor’s kind', async () => {
    const system: Actor = { ...supervisor, kind: 'system', id: 'test', role: 'admin' };
    await assign('beta', ['D3']);
    expect((await portfolio('alpha')).receivables).toEqual({ count: 1, outstandingMinor: 1200_00 });
    expect((await portfolio('beta')).receivables).toEqual({ count: 5, outstandingMinor: 1450_00 });
    await expectStrategiesInStep(ctx.handle, tenant.tenantId);

    await recordPayment(deps, system, {
      caseId: caseOf('D1').caseId,
      amountMinor: 200_00,
      currency: 'EUR',
      method: 'transfer',
      channel: 'manual',
      provider: null,
      sourceKey: 'strategy:1',
      receivedOn: today,
      reference: null,
    });
    expect((await portfolio('alpha')).recovery.collectedMinor).toBe(200_00);
    expect((await portfolio('beta')).recovery.collectedMinor).toBe(0);
    await expectStrategiesInStep(ctx.handle, tenant.tenantId);

    await openDispute(deps, supervisor, caseOf('D5').caseId, {
      reason: 'quality',
      claims: [{ claimId: caseOf('D5').claimIds[3] ?? '' }],
    });
    expect((await portfolio('beta')).disputedMinor).toBe(700_00);
    await expectStrategiesInStep(ctx.handle, tenant.tenantId);

    // A new invoice of D1's in an import lands in D1's case, and so in 'alpha'.
    const admin: Actor = { ...supervisor, role: 'admin' };
    const imported = await importClaims(deps, admin, {
      creditorRef: 'ACME',
      source: {
        kind: 'rows',
        fileName: 'more.json',
        rows: [
          {
            'Invoice number': 'F-1002',
            Customer: 'Boulangerie Dupont',
            'Customer code': 'D1',
            SIREN: '123456782',
            'Due date': '2026-03-01',
            Amount: '250.00',
          },
        ],
      },
    });
    expect(imported).toMatchObject({ inserted: 1 });
    const landed = await ctx.handle.db
      .selectFrom('claims')
      .select('case_id')
      .where('tenant_id', '=', tenant.tenantId)
      .where('invoice_number', '=', 'F-1002')
      .executeTakeFirstOrThrow();
    expect(landed.case_id).toBe(caseOf('D1').caseId);
    expect((await portfolio('alpha')).ageing.find((l) => l.bucket === 'd1_30')).toMatchObject({
      count: 1,
      outstandingMinor: 250_00,
    });
    await expectStrategiesInStep(ctx.handle, tenant.tenantId);

    await ctx.handle.db
      .updateTable('debtors')
      .set({ kind: 'consumer' })
      .where('tenant_id', '=', tenant.tenantId)
      .where('debtor_id', '=', caseOf('D1').debtorId)
      .execute();
    const consumers = await portfolio('alpha', { segment: 'consumer' });
    expect(consumers.receivables.count).toBe(2);
    await expectStrategiesInStep(ctx.handle, tenant.tenantId);

    // A case leaving every strategy, then everything folded: the same figures, nothing left to fold.
    await assign(null, ['D4']);
    const before = [await portfolio('alpha'), await portfolio('beta')];
    expect(before[1]?.recovery.paidCount).toBe(0);
    expect((await leftToFold(ctx.handle, tenant.tenantId)).deltas).toBeGreaterThan(0);
    expect(await compactFigures(ctx.handle.db, ctx.handle.dialect, tenant.tenantId)).toBeGreaterThan(0);
    expect(await leftToFold(ctx.handle, tenant.tenantId)).toEqual({ deltas: 0, cases: 0 });
    expect([await portfolio('alpha'), await portfolio('beta')]).toEqual(before);
    await expectStrategiesInStep(ctx.handle, tenant.tenantId);
    const zero = await ctx.handle.db
      .selectFrom('strategy_figures')
      .select('strategy_key')
      .where('tenant_id', '=', tenant.tenantId)
      .where('claim_count', '=', 0)
      .where('amount_minor', '=', 0)
      .where('collected_minor', '=', 0)
      .where('receivable_minor', '=', 0)
      .execute();
    expect(zero).toEqual([]);
  });

  it('answers over HTTP with the portfolio filtered, and lists only channel and agent as not followed', async () => {
    const { app } = await testServer(ctx.handle);
    try {
      const { cookie } = await signInAs(app, tenant.users.supervisor.email);
      const get = (url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });
      const alpha = await get('/dashboard?strategyKey=alpha&channel=portal');
      expect(alpha.statusCode).toBe(200);
      expect(alpha.json()).toMatchObject({
        strategyKey: 'alpha',
        unfiltered: { portfolio: ['channel'] },
        portfolio: { receivables: (await portfolio('alpha')).receivables },
      });
      const csv = await get('/dashboard.csv?strategyKey=alpha');
      expect(csv.body).toContain('Stratégie;alpha;;;\n');
    } finally {
      await app.close();
    }
  });
});
