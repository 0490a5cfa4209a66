import { expect, it } from 'vitest';
import { runDailyDunning } from '../../../src/use-cases/dunning/run-daily-dunning.ts';
import { renderContent } from '../../../src/use-cases/templates/render-content.ts';
import { cancelPromise } from '../../../src/use-cases/workspace/promises/cancel-promise.ts';
import { debtorPromiseHistory } from '../../../src/use-cases/workspace/promises/debtor-promise-history.ts';
import { listPromises } from '../../../src/use-cases/workspace/promises/list-promises.ts';
import {
  recordDebtorPromise,
  recordPromise,
} from '../../../src/use-cases/workspace/promises/record-promise.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { promiseWorld, row } from './world.ts';

const twoDates = [
  { dueOn: '2026-03-20', amountMinor: 30_000 },
  { dueOn: '2026-04-20', amountMinor: 30_000 },
];

describeEachDatabase('promises to pay', (ctx) => {
  it('confirms a two-date promise in writing at once, with its terms, then the run finds it partly kept', async () => {
    const w = await promiseWorld(ctx.handle, [row('P-1', '2026-03-10', '1 200,00', 'Dupont SARL')]);
    const caseId = await w.caseOf('P-1');
    await runDailyDunning(w.on('2026-03-11'), w.tenantId, { runOn: '2026-03-11' });

    const promise = await recordPromise(w.on('2026-03-12'), w.actor, caseId, {
      schedule: twoDates,
      channel: 'call',
    });
    expect(promise).toMatchObject({
      status: 'open',
      amountMinor: 60_000,
      baselineMinor: 120_000,
      madeBy: 'user:tester',
      confirmation: { channel: 'email', status: 'planned' },
    });
    const confirmation = (await w.actions(caseId)).find(
      (a) => a.action_id === promise.confirmation?.actionId,
    );
    expect(confirmation).toMatchObject({ template: 'promise-confirmation', purpose: 'confirmation' });
    const rendered = await renderContent(ctx.handle.db, w.tenantId, {
      caseId,
      template: 'promise-confirmation',
      channel: 'email',
      language: 'fr',
      today: '2026-03-12',
    } as Parameters<typeof renderContent>[2]);
    expect(rendered.text).toContain('600,00\u00a0€');
    expect(rendered.text).toMatch(
      /- 300,00\s€ au plus tard le 20\smars 2026\n- 300,00\s€ au plus tard le 20\savril 2026/,
    );

    // Tomorrow's run finds the event applied: no second confirmation.
    await runDailyDunning(w.on('2026-03-13'), w.tenantId, { runOn: '2026-03-13' });
    expect((await w.actions(caseId)).filter((a) => a.purpose === 'confirmation')).toHaveLength(1);

    await w.pay('P-1', 30_000, '2026-03-19');
    await runDailyDunning(w.on('2026-03-22'), w.tenantId, { runOn: '2026-03-22' });
    await runDailyDunning(w.on('2026-03-23'), w.tenantId, { runOn: '2026-03-23' });
    let list = await listPromises(w.deps, w.actor, caseId);
    expect(list.promises[0]).toMatchObject({ status: 'open', paidMinor: 30_000, checkedOn: '2026-03-23' });

    const before = (await w.actions(caseId)).length;
    await runDailyDunning(w.on('2026-04-23'), w.tenantId, { runOn: '2026-04-23' });
    list = await listPromises(w.deps, w.actor, caseId);
    expect(list.promises[0]).toMatchObject({
      status: 'partly_kept',
      paidMinor: 30_000,
      checkedOn: '2026-04-23',
    });
    expect(list.history).toEqual({ kept: 0, broken: 0, partlyKept: 1 });
    // The ladder takes the case back at once, and an agent's call puts it back in the call queue.
    const after = await w.actions(caseId);
    expect(after.length).toBeGreaterThan(before);
    expect(after.find((a) => a.action_key.endsWith(':promise-broken-2026-04-20'))).toMatchObject({
      channel: 'call_task',
      planned_on: '2026-04-23',
    });
    const kase = await ctx.handle.db
      .selectFrom('cases')
      .select(['stage', 'progress'])
      .where('tenant_id', '=', w.tenantId)
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(kase.stage).not.toBe('promise');
    expect(JSON.parse(kase.progress ?? '{}').brokenPromises).toBe(1);
  });

  it('keeps a promise paid by its last date, and breaks one unpaid at its first date plus grace, not before', async () => {
    const w = await promiseWorld(ctx.handle, [
      row('K-1', '2026-03-10', '1 200,00', 'Kept SARL'),
      row('B-1', '2026-03-10', '1 200,00', 'Broken SARL'),
    ]);
    const kept = await w.caseOf('K-1');
    const broken = await w.caseOf('B-1');
    await runDailyDunning(w.on('2026-03-11'), w.tenantId, { runOn: '2026-03-11' });
    await recordPromise(w.on('2026-03-12'), w.actor, kept, { schedule: twoDates, channel: 'call' });
    await recordPromise(w.on('2026-03-12'), w.actor, broken, { schedule: twoDates, channel: 'email' });
    await w.pay('K-1', 60_000, '2026-03-18');
    await runDailyDunning(w.on('2026-03-22'), w.tenantId, { runOn: '2026-03-22' });
    expect((await listPromises(w.deps, w.actor, broken)).promises[0]?.status).toBe('open');
    await runDailyDunning(w.on('2026-03-23'), w.tenantId, { runOn: '2026-03-23' });
    expect((await listPromises(w.deps, w.actor, broken)).promises[0]).toMatchObject({
      status: 'broken',
      paidMinor: 0,
      checkedOn: '2026-03-23',
    });
    expect((await listPromises(w.deps, w.actor, kept)).promises[0]?.status).toBe('open');
    await runDailyDunning(w.on('2026-04-23'), w.tenantId, { runOn: '2026-04-23' });
    expect((await listPromises(w.deps, w.actor, kept)).promises[0]).toMatchObject({
      status: 'kept',
      paidMinor: 60_000,
    });
    const debtor = await ctx.handle.db
      .selectFrom('cases')
      .select('debtor_id')
      .where('tenant_id', '=', w.tenantId)
      .where('case_id', '=', broken)
      .executeTakeFirstOrThrow();
    expect(await debtorPromiseHistory(ctx.handle.db, w.tenantId, debtor.debtor_id)).toEqual({
      kept: 0,
      broken: 1,
      partlyKept: 0,
    });
  });

  it('supersedes an open promise, cancels one, and takes the debtor’s own from the portal', async () => {
    const w = await promiseWorld(ctx.handle, [row('S-1', '2026-03-10', '1 200,00', 'Super SARL')]);
    const caseId = await w.caseOf('S-1');
    const first = await recordPromise(w.on('2026-03-12'), w.actor, caseId, {
      schedule: [{ dueOn: '2026-03-30', amountMinor: 120_000 }],
      channel: 'call',
    });
    const second = await recordDebtorPromise(w.on('2026-03-13'), w.tenantId, caseId, {
      schedule: [{ dueOn: '2026-04-05', amountMinor: 120_000 }],
    });
    expect(second).toMatchObject({ madeBy: 'debtor', channel: 'portal', confirmation: { channel: 'email' } });
    let list = await listPromises(w.deps, w.actor, caseId);
    expect(list.promises.map((p) => [p.id, p.status, p.endReason])).toEqual([
      [second.id, 'open', null],
      [first.id, 'cancelled', 'superseded'],
    ]);
    await cancelPromise(w.on('2026-03-14'), w.actor, second.id, { note: 'entered by mistake' });
    list = await listPromises(w.deps, w.actor, caseId);
    expect(list.promises[0]).toMatchObject({ status: 'cancelled', endReason: 'cancelled' });
    await expect(cancelPromise(w.on('2026-03-14'), w.actor, second.id)).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'promise_not_open' },
    });
    // The cancelled promise no longer holds the ladder and counts nothing against the debtor.
    await runDailyDunning(w.on('2026-03-14'), w.tenantId, { runOn: '2026-03-14' });
    const kase = await ctx.handle.db
      .selectFrom('cases')
      .select(['stage', 'progress'])
      .where('tenant_id', '=', w.tenantId)
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(kase.stage).not.toBe('promise');
    expect(JSON.parse(kase.progress ?? '{}').brokenPromises).toBeUndefined();
  });

  it('refuses terms in the past, beyond the horizon, or above the balance, and confirms by SMS when there is no e-mail', async () => {
    const w = await promiseWorld(ctx.handle, [
      row('R-1', '2026-03-10', '1 200,00', 'Refus SARL'),
      row('N-1', '2026-03-10', '500,00', 'Sans Mail SARL', { 'E-mail': '' }),
    ]);
    const caseId = await w.caseOf('R-1');
    const attempt = (schedule: { dueOn: string; amountMinor: number }[]) =>
      recordPromise(w.on('2026-03-12'), w.actor, caseId, { schedule, channel: 'call' });
    await expect(attempt([{ dueOn: '2026-03-11', amountMinor: 100 }])).rejects.toMatchObject({
      code: 'invalid_input',
      details: { reason: 'promise_date_past' },
    });
    await expect(attempt([{ dueOn: '2026-07-01', amountMinor: 100 }])).rejects.toMatchObject({
      details: { reason: 'promise_beyond_horizon' },
    });
    await expect(attempt([{ dueOn: '2026-03-20', amountMinor: 120_001 }])).rejects.toMatchObject({
      details: { reason: 'promise_exceeds_outstanding', outstandingMinor: 120_000 },
    });
    expect((await listPromises(w.deps, w.actor, caseId)).promises).toEqual([]);

    const noMail = await w.caseOf('N-1');
    const bySms = await recordPromise(w.on('2026-03-12'), w.actor, noMail, {
      schedule: [{ dueOn: '2026-03-20', amountMinor: 50_000 }],
      channel: 'call',
    });
    expect(bySms.confirmation).toMatchObject({ channel: 'sms', status: 'planned' });
    const sms = await renderContent(ctx.handle.db, w.tenantId, {
      caseId: noMail,
      template: 'promise-confirmation',
      channel: 'sms',
      language: 'fr',
      today: '2026-03-12',
    } as Parameters<typeof renderContent>[2]);
    expect(sms.text).toContain(
      'nous notons votre engagement de régler 500,00 € : 500,00 € le 2026-03-20. Pour payer',
    );
  });
});
