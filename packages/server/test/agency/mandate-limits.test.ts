import { DomainError, formatMoney, type PlanViolation } from '@relance/core';
import { describe, expect, it } from 'vitest';
import { violationMessage } from '../../src/http/messages/plans.ts';
import { setMandate } from '../../src/use-cases/agency/mandates.ts';
import { runDailyDunning } from '../../src/use-cases/dunning/run-daily-dunning.ts';
import { saveAssignment } from '../../src/use-cases/strategies/strategies.ts';
import { createPlan } from '../../src/use-cases/workspace/plans/create-plan.ts';
import { previewPlan } from '../../src/use-cases/workspace/plans/preview-plan.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { type AgencyWorld, ageMandate, agencyWorld, flatMandate } from './agency-world.ts';

const day = '2026-01-12T09:00:00.000Z';

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

const words = (v: PlanViolation, locale: 'fr' | 'en') =>
  violationMessage(v, locale, (m) => formatMoney(m, 'EUR', locale));

/**
 * A mandate's limits are enforced (CPCE R124-3): CLIENTA allows 6 instalments of at least 50.00 and the
 * strategy b2b-standard; CLIENTB 3 instalments of at least 100.00. The creditors' own policy is the
 * product's default (12 instalments, 20.00), so every refusal below comes from the mandate.
 */
describeEachDatabase('agency: mandates enforced', (ctx) => {
  let w: AgencyWorld;
  const world = async () => {
    w ??= await agencyWorld(ctx.handle);
    return w;
  };

  describe('payment plans', () => {
    it('refuses more instalments than the mandate allows, naming the mandate’s limit in French and English', async () => {
      const { at, actor, caseOf } = await world();
      const caseId = await caseOf('FA-1'); // 1,000.00
      const preview = await previewPlan(at(day), actor, caseId, { kind: 'instalments', count: 8 });
      expect(preview.policy.maxInstalments).toBe(6);
      expect(preview.violations).toEqual([
        { code: 'too_many_instalments', limit: 6, actual: 8, by: 'mandate' },
      ]);
      const [violation] = preview.violations;
      if (!violation) throw new Error('no violation');
      expect(words(violation, 'fr')).toBe(
        '8 échéances demandées : le mandat du client en autorise 6 au plus.',
      );
      expect(words(violation, 'en')).toBe('8 instalments asked: the client’s mandate allows 6 at most.');

      const error = await refusal(createPlan(at(day), actor, caseId, { kind: 'instalments', count: 8 }));
      expect(error.details?.reason).toBe('plan_policy_refused');
      const plans = await ctx.handle.db
        .selectFrom('payment_plans')
        .select('plan_id')
        .where('tenant_id', '=', w.tenantId)
        .where('case_id', '=', caseId)
        .execute();
      expect(plans).toEqual([]);
      // Within the mandate: 6 instalments of 166.66/166.67 are agreed.
      const ok = await previewPlan(at(day), actor, caseId, { kind: 'instalments', count: 6 });
      expect(ok.violations).toEqual([]);
    });

    it('refuses an instalment below the mandate’s minimum', async () => {
      const { at, actor, caseOf } = await world();
      const caseId = await caseOf('FA-2'); // 500.00: 400.00 down, then 100.00 in 6 = 16.66 < 50.00
      const preview = await previewPlan(at(day), actor, caseId, {
        kind: 'instalments',
        count: 6,
        downPaymentMinor: 400_00,
      });
      const small = preview.violations.find((v) => v.code === 'instalment_too_small');
      expect(small).toMatchObject({ limit: 50_00, by: 'mandate' });
      if (!small) throw new Error('no violation');
      expect(words(small, 'en')).toMatch(
        /^An instalment of €16\.6\d: the client’s mandate sets a minimum of €50\.00\.$/,
      );
      expect(words(small, 'fr')).toContain('le mandat du client fixe un minimum de 50,00');
    });

    it('keeps each client’s own mandate, and names the creditor when its own policy is the stricter', async () => {
      const { at, actor, caseOf, creditors } = await world();
      const caseB = await caseOf('FB-1'); // 800.00 under CLIENTB: 3 at most
      const preview = await previewPlan(at(day), actor, caseB, { kind: 'instalments', count: 4 });
      expect(preview.violations).toEqual([
        { code: 'too_many_instalments', limit: 3, actual: 4, by: 'mandate' },
      ]);
      expect(
        (await previewPlan(at(day), actor, caseB, { kind: 'instalments', count: 3 })).violations,
      ).toEqual([]);
      // A creditor policy stricter than the mandate (2 instalments) is the creditor's limit, said as such.
      await ctx.handle.db
        .updateTable('creditors')
        .set({ plan_policy: JSON.stringify({ maxInstalments: 2 }) })
        .where('tenant_id', '=', w.tenantId)
        .where('creditor_id', '=', creditors.b)
        .execute();
      const stricter = await previewPlan(at(day), actor, caseB, { kind: 'instalments', count: 3 });
      expect(stricter.violations).toEqual([{ code: 'too_many_instalments', limit: 2, actual: 3 }]);
      await ctx.handle.db
        .updateTable('creditors')
        .set({ plan_policy: null })
        .where('tenant_id', '=', w.tenantId)
        .where('creditor_id', '=', creditors.b)
        .execute();
    });
  });

  describe('strategies', () => {
    it('refuses assignment rules that give a client a strategy outside its mandate', async () => {
      const { at, actor } = await world();
      const error = await refusal(
        saveAssignment(at(day), actor, {
          rules: [{ name: 'A', when: { creditors: ['CLIENTA'] }, strategy: 'b2c-active' }],
          defaultStrategy: 'b2b-standard',
        }),
      );
      expect(error.details?.reason).toBe('invalid_strategy');
      expect(error.details?.issues).toEqual([
        {
          path: 'rules[0].strategy',
          code: 'outside_mandate',
          message: {
            fr: 'Le mandat du client CLIENTA n’autorise pas la stratégie « b2c-active » (autorisées : b2b-standard).',
            en: 'The mandate of client CLIENTA does not allow the strategy "b2c-active" (allowed: b2b-standard).',
          },
        },
      ]);
      // CLIENTB allows b2c-active: the same rule for it is kept.
      const saved = await saveAssignment(at(day), actor, {
        rules: [{ name: 'B', when: { creditors: ['CLIENTB'] }, strategy: 'b2c-active' }],
        defaultStrategy: 'b2b-standard',
      });
      expect(saved.version).toBeGreaterThan(1);
    });

    it('gives each case a strategy its mandate allows, and holds a case whose strategy the mandate no longer allows', async () => {
      const { at, actor, creditors, tenantId } = await world();
      // CLIENTB's business debtors would get b2b-standard by the rules; its mandate allows b2c-active only.
      await setMandate(at(day), actor, creditors.b, { ...ageMandate, allowedStrategies: ['b2c-active'] });
      await saveAssignment(at(day), actor, {
        rules: [{ name: 'Entreprises', when: { debtorKind: 'business' }, strategy: 'b2b-standard' }],
        defaultStrategy: 'b2b-standard',
      });
      await runDailyDunning(at('2026-01-12T05:00:00.000Z'), tenantId, { runOn: '2026-01-12' });
      const strategies = async () =>
        ctx.handle.db
          .selectFrom('cases as c')
          .innerJoin('creditors as cr', (j) =>
            j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
          )
          .select(['cr.ref', 'c.strategy_key', 'c.stage'])
          .where('c.tenant_id', '=', tenantId)
          .orderBy('cr.ref')
          .execute();
      const first = await strategies();
      expect(first.map((r) => [r.ref, r.strategy_key])).toEqual([
        ['CLIENTA', 'b2b-standard'],
        ['CLIENTA', 'b2b-standard'],
        ['CLIENTB', 'b2c-active'],
        ['CLIENTB', 'b2c-active'],
      ]);
      // CLIENTA's mandate now allows b2c-senior only: its cases, already on b2b-standard, are held.
      await setMandate(at(day), actor, creditors.a, { ...flatMandate, allowedStrategies: ['b2c-senior'] });
      await ctx.handle.db
        .updateTable('cases')
        .set({ next_run_on: '2026-01-13' })
        .where('tenant_id', '=', tenantId)
        .execute();
      await runDailyDunning(at('2026-01-13T05:00:00.000Z'), tenantId, { runOn: '2026-01-13' });
      const second = await strategies();
      expect(second.filter((r) => r.ref === 'CLIENTA').map((r) => [r.strategy_key, r.stage])).toEqual([
        ['b2b-standard', 'held'],
        ['b2b-standard', 'held'],
      ]);
      expect(second.filter((r) => r.ref === 'CLIENTB').every((r) => r.stage !== 'held')).toBe(true);
    });
  });
});
