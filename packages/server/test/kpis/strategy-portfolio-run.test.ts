import { addDays } from '@relance/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { compactFigures } from '../../src/db/figures/compact-figures.ts';
import { foldStrategyFigures } from '../../src/db/figures/fold-strategy-figures.ts';
import { newId } from '../../src/db/ids.ts';
import type { Actor } from '../../src/shared/actor.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { runDailyDunning } from '../../src/use-cases/dunning/run-daily-dunning.ts';
import { importClaims } from '../../src/use-cases/imports/import-claims.ts';
import { getDashboard } from '../../src/use-cases/kpis/get-dashboard.ts';
import { type CaseFilters, listCases } from '../../src/use-cases/portfolio/list-cases.ts';
import { importWorld } from '../fixtures/import-world.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { now, testDeps, today } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { expectStrategiesInStep, leftToFold } from './strategy-figures-check.ts';

const row = (invoice: string, due: string, amount: string, name: string) => ({
  'N° facture': invoice,
  'Date facture': addDays(due, -30),
  "Date d'échéance": due,
  'Montant TTC': amount,
  'Reste à payer': amount,
  'Raison sociale': name,
  'E-mail': `${invoice.toLowerCase()}@exemple.fr`,
  Adresse: '12 rue de la Paix',
  'Code postal': '75002',
  Ville: 'Paris',
});

describeEachDatabase('the portfolio by strategy after the daily run', (ctx) => {
  it('follows the strategies the first run assigns, before and after they are folded', async () => {
    const w = await importWorld(ctx.handle);
    const on: Deps = { ...w.deps, clock: fixedClock('2026-03-02T05:00:00.000Z') };
    await importClaims(on, w.actor, {
      creditorRef: 'ACME',
      source: {
        kind: 'rows',
        rows: [
          row('R-1', '2026-01-10', '1200,00', 'Dupont SARL'),
          row('R-2', '2026-02-15', '300,00', 'Martin SAS'),
          row('R-3', '2026-02-20', '80,00', 'Jeanne Roe'),
          row('R-4', '2025-12-01', '55,50', 'Jeanne Roe'),
        ],
      },
    });
    expect(await expectStrategiesInStep(ctx.handle, w.tenantId)).toBe(0);
    await runDailyDunning(on, w.tenantId, { runOn: '2026-03-02' });
    const cases = await ctx.handle.db
      .selectFrom('cases')
      .select(['strategy_key', 'outstanding_minor'])
      .where('tenant_id', '=', w.tenantId)
      .execute();
    const strategies = new Set(cases.map((c) => c.strategy_key));
    expect(strategies.has(null)).toBe(false);
    expect(strategies.size).toBeGreaterThan(1);
    // Nothing folded yet: every case is pending, and every strategy's figures are already its cases'.
    expect(await leftToFold(ctx.handle, w.tenantId)).toMatchObject({ cases: cases.length });
    const receivables = async () => {
      let total = 0;
      for (const strategyKey of strategies) {
        const d = await getDashboard(on, w.actor, { strategyKey: strategyKey ?? '' });
        const mine = cases.filter((c) => c.strategy_key === strategyKey);
        expect(d.portfolio.receivables.outstandingMinor).toBe(
          mine.reduce((s, c) => s + Number(c.outstanding_minor), 0),
        );
        total += d.portfolio.receivables.outstandingMinor;
      }
      return total;
    };
    expect(await receivables()).toBe(1635_50);
    expect(await expectStrategiesInStep(ctx.handle, w.tenantId)).toBe(strategies.size);
    await compactFigures(ctx.handle.db, ctx.handle.dialect, w.tenantId);
    expect(await leftToFold(ctx.handle, w.tenantId)).toEqual({ deltas: 0, cases: 0 });
    expect(await receivables()).toBe(1635_50);
    await expectStrategiesInStep(ctx.handle, w.tenantId);
    // A second run the same day changes no strategy: nothing to fold.
    await runDailyDunning(on, w.tenantId, { runOn: '2026-03-02' });
    expect(await leftToFold(ctx.handle, w.tenantId)).toEqual({ deltas: 0, cases: 0 });
  });

  describe('drill-down and concurrent writes', () => {
    let deps: Deps;
    let tenant: SeededTenant;
    let supervisor: Actor;
    const caseOf = (ref: string) => tenant.debtors[ref]?.caseId ?? '';

    beforeAll(async () => {
      deps = testDeps(ctx.handle);
      tenant = await seedTenant(ctx.handle.db, 'SD');
      supervisor = {
        tenantId: tenant.tenantId,
        kind: 'user',
        id: tenant.users.supervisor.id,
        role: 'supervisor',
        creditorId: null,
      };
      await ctx.handle.db
        .updateTable('cases')
        .set({ strategy_key: 'alpha' })
        .where('tenant_id', '=', tenant.tenantId)
        .where('case_id', 'in', [caseOf('D1'), caseOf('D5'), caseOf('D6')])
        .execute();
    });

    it('lists the cases of the strategy whose claims make each portfolio figure', async () => {
      const d = await getDashboard(deps, supervisor, { strategyKey: 'alpha' });
      const drill = async (filters: CaseFilters) => {
        const page = await listCases(deps, supervisor, { ...filters, strategyKey: 'alpha', pageSize: 100 });
        const ids = page.items.map((c) => c.id);
        const claims = await ctx.handle.db
          .selectFrom('claims')
          .select(['case_id', 'status', 'outstanding_minor', 'disputed_minor', 'due_date'])
          .where('tenant_id', '=', tenant.tenantId)
          .where('case_id', 'in', ids.length > 0 ? ids : [''])
          .where('status', 'in', ['open', 'disputed'])
          .where('outstanding_minor', '>', 0)
          .execute();
        return { ids: ids.sort(), claims };
      };
      const sum = (rows: readonly { outstanding_minor: number }[]) =>
        rows.reduce((s, r) => s + Number(r.outstanding_minor), 0);
      const receivable = await drill({ receivable: true });
      expect(receivable.ids).toEqual([caseOf('D1'), caseOf('D5'), caseOf('D6')].sort());
      expect(sum(receivable.claims)).toBe(d.portfolio.receivables.outstandingMinor);
      const overdue = await drill({ overdue: true });
      expect(sum(overdue.claims.filter((c) => c.due_date < today))).toBe(d.portfolio.overdueMinor);
      const disputed = await drill({ disputed: true });
      expect(disputed.ids).toEqual([caseOf('D5'), caseOf('D6')].sort());
      expect(sum(disputed.claims.filter((c) => c.status === 'disputed'))).toBe(d.portfolio.disputedMinor);
      for (const line of d.portfolio.ageing) {
        const listed = await drill({ dueBucket: line.bucket });
        expect(listed.ids.length > 0).toBe(line.count > 0);
      }
      // D3's not-due claim is not alpha's: the not-due drill-down lists D5 (M-2) only.
      expect((await drill({ dueBucket: 'not_due' })).ids).toEqual([caseOf('D5')]);
    });

    it('stays exact when a fold meets uncommitted claim writes and a strategy change (PostgreSQL)', async () => {
      // SQLite has one writer at a time: these interleavings cannot happen there.
      if (ctx.handle.dialect !== 'postgres') return;
      const db = ctx.handle.db;
      await foldStrategyFigures(db, 'postgres', tenant.tenantId);
      await db
        .updateTable('cases')
        .set({ strategy_key: 'beta' })
        .where('case_id', '=', caseOf('D3'))
        .execute();
      await db.transaction().execute(async (trx) => {
        // A new invoice in D3's case (pending: not counted yet) and a change to D1's (counted under alpha).
        await trx
          .insertInto('claims')
          .values({
            tenant_id: tenant.tenantId,
            claim_id: newId(),
            creditor_id: tenant.creditors.acme,
            debtor_id: tenant.debtors.D3?.debtorId ?? '',
            case_id: caseOf('D3'),
            invoice_number: 'F-3002',
            issue_date: '2026-02-01',
            due_date: '2026-03-01',
            amount_minor: 77_00,
            outstanding_minor: 77_00,
            currency: 'EUR',
            status: 'open',
            prescription_basis: 'commercial_5y',
            prescription_end: '2031-03-01',
            content_hash: newId(),
            created_at: now,
            updated_at: now,
          })
          .execute();
        await trx
          .updateTable('claims')
          .set({ outstanding_minor: 1000_00 })
          .where('tenant_id', '=', tenant.tenantId)
          .where('claim_id', '=', tenant.debtors.D1?.claimIds[0] ?? '')
          .execute();
        // Meanwhile D1 moves to beta (committed), and a fold settles D1 and D3 without seeing either write.
        await db
          .updateTable('cases')
          .set({ strategy_key: 'beta' })
          .where('case_id', '=', caseOf('D1'))
          .execute();
        const folded = await foldStrategyFigures(db, 'postgres', tenant.tenantId);
        expect(folded.cases).toBeGreaterThanOrEqual(2);
      });
      await expectStrategiesInStep(ctx.handle, tenant.tenantId);
      const beta = await getDashboard(deps, supervisor, { strategyKey: 'beta' });
      expect(beta.portfolio.receivables).toEqual({ count: 3, outstandingMinor: (450 + 77 + 1000) * 100 });
      await foldStrategyFigures(db, 'postgres', tenant.tenantId);
      expect(await leftToFold(ctx.handle, tenant.tenantId)).toEqual({ deltas: 0, cases: 0 });
      await expectStrategiesInStep(ctx.handle, tenant.tenantId);
    });
  });
});
