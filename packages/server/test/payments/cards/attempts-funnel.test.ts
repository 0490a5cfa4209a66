import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AttemptChannel } from '../../../src/db/schema-payments.ts';
import { apiPrefix } from '../../../src/http/paths.ts';
import { fixedClock } from '../../../src/shared/clock.ts';
import type { Deps } from '../../../src/shared/deps.ts';
import { abandonExpiredAttempts } from '../../../src/use-cases/payments/attempts/abandon-expired-attempts.ts';
import { countInputError } from '../../../src/use-cases/payments/attempts/count-input-error.ts';
import { finishAttempt } from '../../../src/use-cases/payments/attempts/finish-attempt.ts';
import { startAttempt } from '../../../src/use-cases/payments/attempts/start-attempt.ts';
import { startDispatcher } from '../../../src/worker/dispatcher.ts';
import { type SeededTenant, seedTenant } from '../../http/seed.ts';
import { now, signInAs, testServer } from '../../http/support.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { attemptOf } from './world.ts';

const minutesBefore = (minutes: number) => new Date(Date.parse(now) - minutes * 60_000).toISOString();

describeEachDatabase('payment attempts: their ends, the expiry sweep and the funnel', (ctx) => {
  let app: FastifyInstance;
  let deps: Deps;
  let t: SeededTenant;

  beforeAll(async () => {
    ({ app, deps } = await testServer(ctx.handle));
    t = await seedTenant(ctx.handle.db, 'Funnel');
  });
  afterAll(async () => {
    await app.close();
  });

  /** An attempt started at a given instant (the clock of that moment). */
  const attempt = (channel: AttemptChannel, provider: string, at: string = now) =>
    startAttempt(
      { ...deps, clock: fixedClock(at) },
      {
        tenantId: t.tenantId,
        caseId: t.debtors.D1!.caseId,
        channel,
        provider,
        amountMinor: 10_00,
        currency: 'EUR',
      },
    );
  const statusOf = async (attemptId: string) =>
    (await attemptOf(ctx.handle.db, t.tenantId, attemptId)).status;

  it('a success is final; a failure keeps the latest reason; giving up only ends an open attempt', async () => {
    const id = await attempt('portal', 'stripe');
    const ids = { tenantId: t.tenantId, attemptId: id };
    expect(
      await finishAttempt(deps, { ...ids, status: 'failed', failureReason: 'first card declined' }),
    ).toBe(true);
    expect(
      await finishAttempt(deps, { ...ids, status: 'failed', failureReason: 'second card declined' }),
    ).toBe(true);
    expect(
      await finishAttempt(deps, { ...ids, status: 'abandoned', failureReason: 'checkout expired' }),
    ).toBe(false);
    expect((await attemptOf(ctx.handle.db, t.tenantId, id)).failure_reason).toBe('second card declined');
    expect(await finishAttempt(deps, { ...ids, status: 'succeeded', paymentId: null })).toBe(true);
    expect(await finishAttempt(deps, { ...ids, status: 'failed', failureReason: 'late' })).toBe(false);
    expect(await finishAttempt(deps, { ...ids, status: 'abandoned', failureReason: 'late' })).toBe(false);
    expect(await statusOf(id)).toBe('succeeded');
    expect(await countInputError(deps, ids)).toBe(1);
    expect(await countInputError(deps, ids)).toBe(2);
  });

  it('the sweep abandons attempts open past their provider’s expiry, and the dispatcher runs it', async () => {
    const stripeOld = await attempt('portal', 'stripe', minutesBefore(24 * 60 + 1));
    const stripeYoung = await attempt('portal', 'stripe', minutesBefore(23 * 60));
    const builtinOld = await attempt('portal', 'builtin', minutesBefore(31));
    const builtinYoung = await attempt('portal', 'builtin', minutesBefore(29));
    const ivrOld = await attempt('ivr', 'twilio', minutesBefore(4 * 60 + 1));
    const paidOld = await attempt('agent', 'builtin', minutesBefore(120));
    await finishAttempt(deps, {
      tenantId: t.tenantId,
      attemptId: paidOld,
      status: 'succeeded',
      paymentId: null,
    });
    expect(await abandonExpiredAttempts(deps, t.tenantId)).toBe(3);
    expect(await statusOf(stripeOld)).toBe('abandoned');
    expect(await statusOf(builtinOld)).toBe('abandoned');
    expect(await statusOf(ivrOld)).toBe('abandoned');
    expect((await attemptOf(ctx.handle.db, t.tenantId, builtinOld)).failure_reason).toBe('checkout expired');
    expect(await statusOf(stripeYoung)).toBe('started');
    expect(await statusOf(builtinYoung)).toBe('started');
    expect(await statusOf(paidOld)).toBe('succeeded');
    // Half an hour later, through the worker's dispatcher pass.
    const later = { ...deps, clock: fixedClock(new Date(Date.parse(now) + 30 * 60_000).toISOString()) };
    const dispatcher = startDispatcher(later, { intervalMs: 3_600_000 });
    await dispatcher.tick();
    await dispatcher.stop();
    expect(await statusOf(builtinYoung)).toBe('abandoned');
    expect(await statusOf(stripeYoung)).toBe('started');
  });

  it('the funnel counts each attempt by the tenant’s day and channel', async () => {
    const other = await seedTenant(ctx.handle.db, 'Funnel2');
    const at = (instant: string) => ({ ...deps, clock: fixedClock(instant) });
    const start = (channel: AttemptChannel, instant: string, debtor: 'D1' | 'B1' = 'D1') =>
      startAttempt(at(instant), {
        tenantId: other.tenantId,
        caseId: other.debtors[debtor]!.caseId,
        channel,
        provider: channel === 'ivr' ? 'twilio' : 'builtin',
        amountMinor: 5_00,
        currency: 'EUR',
      });
    const ids = (attemptId: string) => ({ tenantId: other.tenantId, attemptId });
    // 2026-03-15 in Paris: 23:30 UTC on the 14th is already the 15th (UTC+1).
    const p1 = await start('portal', '2026-03-14T23:30:00.000Z');
    await finishAttempt(deps, { ...ids(p1), status: 'succeeded', paymentId: null });
    const p2 = await start('portal', '2026-03-15T12:00:00.000Z');
    await countInputError(deps, ids(p2));
    await countInputError(deps, ids(p2));
    await finishAttempt(deps, { ...ids(p2), status: 'failed', failureReason: 'declined' });
    const i1 = await start('ivr', '2026-03-15T22:59:00.000Z');
    await countInputError(deps, ids(i1));
    await finishAttempt(deps, { ...ids(i1), status: 'abandoned', failureReason: 'hang-up' });
    // 2026-03-16 in Paris.
    await start('portal', '2026-03-15T23:00:00.000Z');
    await start('agent', '2026-03-16T09:00:00.000Z', 'B1');
    // Out of the period asked.
    await start('portal', '2026-03-14T22:59:00.000Z');

    const admin = await signInAs(app, other.users.admin.email);
    const got = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/payments/funnel?from=2026-03-15&to=2026-03-16`,
      headers: admin,
    });
    expect(got.statusCode, got.body).toBe(200);
    const funnel = got.json();
    expect(funnel).toMatchObject({ from: '2026-03-15', to: '2026-03-16', timeZone: 'Europe/Paris' });
    const zero = {
      started: 0,
      completed: 0,
      failed: 0,
      abandoned: 0,
      open: 0,
      inputErrors: 0,
      attemptsWithInputErrors: 0,
    };
    expect(funnel.days).toEqual([
      {
        ...zero,
        day: '2026-03-15',
        channel: 'ivr',
        started: 1,
        abandoned: 1,
        inputErrors: 1,
        attemptsWithInputErrors: 1,
      },
      {
        ...zero,
        day: '2026-03-15',
        channel: 'portal',
        started: 2,
        completed: 1,
        failed: 1,
        inputErrors: 2,
        attemptsWithInputErrors: 1,
      },
      { ...zero, day: '2026-03-16', channel: 'agent', started: 1, open: 1 },
      { ...zero, day: '2026-03-16', channel: 'portal', started: 1, open: 1 },
    ]);
    expect(funnel.total).toEqual({
      started: 5,
      completed: 1,
      failed: 1,
      abandoned: 1,
      open: 2,
      inputErrors: 3,
      attemptsWithInputErrors: 2,
    });
    expect(funnel.channels.map((c: { channel: string; started: number }) => [c.channel, c.started])).toEqual([
      ['agent', 1],
      ['ivr', 1],
      ['portal', 3],
    ]);
    // A client sees its creditor's cases only (B1 is Beta's); a period backwards is refused in words.
    const client = await signInAs(app, other.users.client.email);
    const scoped = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/payments/funnel?from=2026-03-15&to=2026-03-16`,
      headers: client,
    });
    expect(scoped.statusCode).toBe(200);
    expect(scoped.json().total).toMatchObject({ started: 4, open: 1 });
    expect(scoped.json().channels.map((c: { channel: string }) => c.channel)).toEqual(['ivr', 'portal']);
    const backwards = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/payments/funnel?from=2026-03-16&to=2026-03-15`,
      headers: { ...admin, 'accept-language': 'en' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toMatch(/over 1 to 366 days/);
  });
});
