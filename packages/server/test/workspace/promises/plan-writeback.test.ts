import { expect, it } from 'vitest';
import { runDailyDunning } from '../../../src/use-cases/dunning/run-daily-dunning.ts';
import { createPlan } from '../../../src/use-cases/workspace/plans/create-plan.ts';
import { recordPromise } from '../../../src/use-cases/workspace/promises/record-promise.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { promiseWorld, row } from './world.ts';

/** The daily run writes back what it found about payment plans: instalments paid or missed, the plan's end. */
describeEachDatabase('plan write-back', (ctx) => {
  const planOf = async (tenantId: string, planId: string) => {
    const plan = await ctx.handle.db
      .selectFrom('payment_plans')
      .select(['status', 'ended_on', 'end_reason'])
      .where('tenant_id', '=', tenantId)
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    const instalments = await ctx.handle.db
      .selectFrom('plan_instalments')
      .select(['seq', 'status', 'paid_minor'])
      .where('tenant_id', '=', tenantId)
      .where('plan_id', '=', planId)
      .orderBy('seq')
      .execute();
    return { ...plan, instalments: instalments.map((i) => [i.status, Number(i.paid_minor)]) };
  };

  it('marks an instalment paid, then the plan broken at a missed one; another plan completed', async () => {
    const w = await promiseWorld(ctx.handle, [
      row('K-1', '2026-03-10', '300,00', 'Plan Tenu SARL'),
      row('B-1', '2026-03-10', '300,00', 'Plan Rompu SARL'),
    ]);
    const kept = await w.caseOf('K-1');
    const broken = await w.caseOf('B-1');
    await runDailyDunning(w.on('2026-03-11'), w.tenantId, { runOn: '2026-03-11' });
    const request = {
      kind: 'instalments' as const,
      count: 2,
      firstDueOn: '2026-03-20',
      frequency: 'monthly' as const,
    };
    const keptPlan = await createPlan(w.on('2026-03-12'), w.actor, kept, request);
    const brokenPlan = await createPlan(w.on('2026-03-12'), w.actor, broken, request);
    const first = keptPlan.instalments[0]?.amountMinor ?? 0;
    // A promise beside an active plan is refused: the plan already says when the debtor pays.
    await expect(
      recordPromise(w.on('2026-03-12'), w.actor, kept, {
        schedule: [{ dueOn: '2026-03-30', amountMinor: 100 }],
        channel: 'call',
      }),
    ).rejects.toMatchObject({ code: 'conflict', details: { reason: 'promise_plan_active' } });
    await w.pay('K-1', first, '2026-03-19');
    await w.pay('B-1', first, '2026-03-19');
    // The B2B ladder's plan grace is its own; a month later both first instalments have been checked.
    await runDailyDunning(w.on('2026-04-01'), w.tenantId, { runOn: '2026-04-01' });
    expect((await planOf(w.tenantId, brokenPlan.id)).instalments[0]).toEqual(['paid', first]);
    await w.pay('K-1', 30_000 - first, '2026-04-18');
    await runDailyDunning(w.on('2026-05-05'), w.tenantId, { runOn: '2026-05-05' });
    // The broken plan's reminders that had not left are cancelled.
    const reminders = await ctx.handle.db
      .selectFrom('plan_instalments as i')
      .innerJoin('actions as a', (j) =>
        j.onRef('a.tenant_id', '=', 'i.tenant_id').onRef('a.action_id', '=', 'i.reminder_action_id'),
      )
      .select(['i.seq', 'a.status'])
      .where('i.tenant_id', '=', w.tenantId)
      .where('i.plan_id', '=', brokenPlan.id)
      .orderBy('i.seq')
      .execute();
    expect(reminders.map((r) => r.status)).toContain('cancelled');
    expect(reminders.map((r) => r.status)).not.toContain('planned');
    expect(await planOf(w.tenantId, brokenPlan.id)).toMatchObject({
      status: 'broken',
      end_reason: 'missed_instalment',
      instalments: [
        ['paid', first],
        ['missed', 0],
      ],
    });
    // Paid in full before its last date: completed, every instalment paid.
    expect(await planOf(w.tenantId, keptPlan.id)).toMatchObject({
      status: 'completed',
      end_reason: 'paid_in_full',
      instalments: [
        ['paid', first],
        ['paid', keptPlan.instalments[1]?.amountMinor],
      ],
    });
  });
});
