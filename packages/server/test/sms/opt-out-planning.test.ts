import { addDays } from '@relance/core';
import { expect, it } from 'vitest';
import { receiveInboundSms } from '../../src/channels/sms/receive-inbound-sms.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { runDailyDunning } from '../../src/use-cases/dunning/run-daily-dunning.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { smsWorld } from './world.ts';

describeEachDatabase('opt-out and planning', (ctx) => {
  it('after STOP, the daily run plans no SMS to the debtor: each is blocked by the gate as opted out', async () => {
    const w = await smsWorld(ctx.handle, '2026-09-20T09:00:00.000Z');
    await ctx.handle.db
      .updateTable('debtors')
      .set({ tags: '["active"]' })
      .where('tenant_id', '=', w.tenantId)
      .execute();
    const outcome = await receiveInboundSms(w.deps, w.tenantId, {
      provider: 'builtin-sms',
      messageSid: 'SM-stop-1',
      from: w.phone,
      to: null,
      body: 'Stop',
    });
    expect(outcome.kind).toBe('opt_out');
    for (let day = '2026-09-25'; day <= '2026-11-10'; day = addDays(day, 1)) {
      await runDailyDunning({ ...w.deps, clock: fixedClock(`${day}T05:00:00.000Z`) }, w.tenantId, {
        runOn: day,
      });
    }
    const actions = await ctx.handle.db
      .selectFrom('actions')
      .select(['channel', 'status', 'gate'])
      .where('tenant_id', '=', w.tenantId)
      .execute();
    const sms = actions.filter((a) => a.channel === 'sms');
    expect(sms.length).toBeGreaterThan(0);
    for (const a of sms) {
      expect(a.status).toBe('blocked');
      expect(JSON.parse(a.gate)).toMatchObject({ kind: 'blocked', code: 'opted_out' });
    }
    // The e-mails of the same steps still go.
    expect(actions.some((a) => a.channel === 'email' && a.status === 'planned')).toBe(true);
  });
});
