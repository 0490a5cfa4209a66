import { formatMoney } from '@relance/core';
import { expect, it } from 'vitest';
import type { Actor } from '../../../src/shared/actor.ts';
import { fixedClock } from '../../../src/shared/clock.ts';
import type { Deps } from '../../../src/shared/deps.ts';
import { dispatchDue } from '../../../src/use-cases/dispatch/dispatch-due.ts';
import { renderContent } from '../../../src/use-cases/templates/render-content.ts';
import { createPlan } from '../../../src/use-cases/workspace/plans/create-plan.ts';
import { seedTenant } from '../../http/seed.ts';
import { testDeps, today } from '../../http/support.ts';
import { describeEachDatabase } from '../../support/databases.ts';

describeEachDatabase('payment plan messages', (ctx) => {
  const setUp = async (label: string) => {
    const deps = testDeps(ctx.handle);
    const tenant = await seedTenant(ctx.handle.db, label);
    const agent: Actor = {
      tenantId: tenant.tenantId,
      kind: 'user',
      id: tenant.users.agent.id,
      role: 'agent',
      creditorId: null,
    };
    return { deps, tenant, agent };
  };

  it('the reminder of instalment 2 states instalment 2’s amount and date while instalment 1 is unpaid', async () => {
    const { deps, tenant, agent } = await setUp('RM');
    const mixte = tenant.debtors.D5!;
    const [, m2, , m4] = mixte.claimIds;
    // 600 € over three monthly instalments, by SMS (the debtor has a phone and no e-mail).
    const plan = await createPlan(deps, agent, mixte.caseId, {
      kind: 'instalments',
      claimIds: [m2!, m4!],
      count: 3,
      frequency: 'monthly',
      firstDueOn: '2026-03-31',
      downPaymentMinor: 50_00,
    });
    expect(plan.instalments.map((i) => [i.seq, i.dueOn])).toEqual([
      [0, today],
      [1, '2026-03-31'],
      [2, '2026-04-30'],
      [3, '2026-05-31'],
    ]);
    const eur = (seq: number) =>
      formatMoney(plan.instalments[seq]?.amountMinor ?? 0, 'EUR', 'fr').replace(/[\u00a0\u202f]/g, ' ');
    const reminderOf = async (seq: number) =>
      ctx.handle.db
        .selectFrom('actions')
        .select(['action_id', 'action_key', 'scheduled_at'])
        .where('tenant_id', '=', tenant.tenantId)
        .where('action_key', '=', `plan:${plan.id}:reminder:${seq}`)
        .executeTakeFirstOrThrow();
    const sms = async () =>
      (
        await ctx.handle.db
          .selectFrom('builtin_sms')
          .select(['body', 'created_at'])
          .where('tenant_id', '=', tenant.tenantId)
          .orderBy('created_at')
          .execute()
      ).map((s) => s.body);
    const at = (instant: string): Deps => ({ ...deps, clock: fixedClock(instant) });

    const first = await reminderOf(1);
    expect(await dispatchDue(at(first.scheduled_at ?? ''), tenant.tenantId)).toMatchObject({ sent: 1 });
    expect(await sms()).toEqual([
      expect.stringContaining(`${eur(1)} de votre plan de paiement à régler le 31 mars 2026`),
    ]);

    // Instalment 1 is still unpaid (pending) when instalment 2's reminder leaves: it names its own instalment.
    const second = await reminderOf(2);
    expect(await dispatchDue(at(second.scheduled_at ?? ''), tenant.tenantId)).toMatchObject({ sent: 1 });
    const texts = await sms();
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain(`${eur(2)} de votre plan de paiement à régler le 30 avril 2026`);
    expect(texts[1]).not.toContain('31 mars');

    // Rendered outside a reminder (a preview), the plan's next instalment is the first one not paid.
    const preview = await renderContent(ctx.handle.db, tenant.tenantId, {
      caseId: mixte.caseId,
      template: 'plan-reminder',
      channel: 'sms',
      language: 'fr',
      today,
    });
    expect(preview.variables.plan?.next).toMatchObject({ seq: 0, dueDate: { iso: today } });
    expect(preview.variables.plan?.instalments.map((i) => i.status)).toEqual([
      'à venir',
      'à venir',
      'à venir',
      'à venir',
    ]);
  });

  it('the agreement e-mail states every instalment’s amount and date, in the debtor’s language', async () => {
    const { deps, tenant, agent } = await setUp('AM');
    const dupont = tenant.debtors.D1!;
    const plan = await createPlan(deps, agent, dupont.caseId, {
      kind: 'instalments',
      count: 3,
      frequency: 'monthly',
      firstDueOn: '2026-03-31',
      downPaymentMinor: 100_00,
    });
    const render = (language: 'fr' | 'en') =>
      renderContent(ctx.handle.db, tenant.tenantId, {
        caseId: dupont.caseId,
        template: 'plan-agreement',
        channel: 'email',
        language,
        today,
        actionKey: `plan:${plan.id}:agreement`,
      });
    const money = (minor: number, language: 'fr' | 'en') =>
      formatMoney(minor, 'EUR', language).replace(/[\u00a0\u202f]/g, ' ');
    const fr = (await render('fr')).text.replaceAll('\u00a0', ' ');
    const [down, i1, i2, i3] = plan.instalments.map((i) => i.amountMinor);
    expect(fr).toContain(`Montant total : ${money(plan.totalMinor, 'fr')}, selon l’échéancier suivant :`);
    expect(fr).toContain(
      `- ${money(down ?? 0, 'fr')} le 16 mars 2026\n- ${money(i1 ?? 0, 'fr')} le 31 mars 2026\n` +
        `- ${money(i2 ?? 0, 'fr')} le 30 avril 2026\n- ${money(i3 ?? 0, 'fr')} le 31 mai 2026\n`,
    );
    const en = (await render('en')).text.replaceAll('\u00a0', ' ');
    expect(en).toContain(`- ${money(down ?? 0, 'en')} on 16 March 2026\n`);
    expect(en).toContain(`- ${money(i3 ?? 0, 'en')} on 31 May 2026`);
    // Once the plan is over, a preview of the case has no plan to speak of.
    await ctx.handle.db
      .updateTable('payment_plans')
      .set({ status: 'cancelled' })
      .where('tenant_id', '=', tenant.tenantId)
      .where('plan_id', '=', plan.id)
      .execute();
    const after = await renderContent(ctx.handle.db, tenant.tenantId, {
      caseId: dupont.caseId,
      template: 'plan-reminder',
      channel: 'email',
      language: 'fr',
      today,
    });
    expect(after.variables.plan).toBeNull();
    expect(after.text).toContain('arrive dans quelques jours');
  });
});
