import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/shared/actor.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { computedSnapshot } from '../../src/use-cases/kpis/history/computed-snapshot.ts';
import {
  pastMonthEnds,
  recordFigureHistory,
} from '../../src/use-cases/kpis/history/record-figure-history.ts';
import { liveSnapshot, type Snapshot } from '../../src/use-cases/kpis/history/snapshot.ts';
import { recordPayment } from '../../src/use-cases/payments/record-payment.ts';
import { reversePayment } from '../../src/use-cases/payments/reverse-payment.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { testDeps, today } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

describe('pastMonthEnds', () => {
  it('gives the last day of each month before today’s, leap years included', () => {
    expect(pastMonthEnds('2024-03-16', 3)).toEqual(['2024-02-29', '2024-01-31', '2023-12-31']);
    expect(pastMonthEnds('2026-01-01', 1)).toEqual(['2025-12-31']);
  });
});

describeEachDatabase('the figures’ history', (ctx) => {
  let deps: Deps;
  let tenant: SeededTenant;
  let system: Actor;
  let takenLive: Snapshot;

  const pay = (d: Deps, ref: 'D1' | 'D2', amountMinor: number, receivedOn: string, key: string) => {
    const debtor = tenant.debtors[ref];
    if (!debtor) throw new Error('seed');
    return recordPayment(d, system, {
      caseId: debtor.caseId,
      amountMinor,
      currency: 'EUR',
      method: 'transfer',
      channel: 'manual',
      provider: null,
      sourceKey: key,
      receivedOn,
      reference: null,
    });
  };

  beforeAll(async () => {
    deps = testDeps(ctx.handle);
    tenant = await seedTenant(ctx.handle.db, 'H');
    system = { tenantId: tenant.tenantId, kind: 'system', id: 'test', role: 'admin', creditorId: null };
    await pay(deps, 'D1', 300_00, '2026-03-10', 'history:1');
    await pay(deps, 'D2', 200_00, today, 'history:2');
  });

  it('writes today from the running figures and two years of month-ends, once a day', async () => {
    const first = await recordFigureHistory(deps, tenant.tenantId);
    expect(first.live).toBe(today);
    expect(first.computed).toEqual(pastMonthEnds(today, 24));
    expect(await recordFigureHistory(deps, tenant.tenantId)).toEqual({
      live: null,
      computed: [],
      byStrategy: [],
      cohortsByStrategy: [],
    });
    takenLive = await liveSnapshot(ctx.handle.db, tenant.tenantId, today);
    // The stored row is the live one, and it says what the claims table says, counted by hand.
    const stored = await ctx.handle.db
      .selectFrom('figure_history')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .where('as_of', '=', today)
      .execute();
    const direct = await ctx.handle.db
      .selectFrom('claims')
      .select((eb) => [eb.fn.sum<number>('outstanding_minor').as('owed'), eb.fn.countAll<number>().as('n')])
      .where('tenant_id', '=', tenant.tenantId)
      .where('status', 'in', ['open', 'disputed'])
      .executeTakeFirstOrThrow();
    expect(stored.reduce((s, r) => s + Number(r.receivable_minor), 0)).toBe(Number(direct.owed));
    expect(stored.reduce((s, r) => s + Number(r.receivable_count), 0)).toBe(Number(direct.n));
    expect(stored.reduce((s, r) => s + Number(r.collected_minor), 0)).toBe(500_00);
    const days = await ctx.handle.db
      .selectFrom('figure_history_days')
      .select(['as_of', 'source'])
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    expect(days).toHaveLength(25);
    expect(days.find((d) => d.as_of === today)?.source).toBe('live');
  });

  it('computes a past month-end back from the claims’ start and the payments’ dates', async () => {
    const past = await computedSnapshot(ctx.handle, tenant.tenantId, '2026-02-28');
    const started = await ctx.handle.db
      .selectFrom('claims')
      .select((eb) => [eb.fn.sum<number>('amount_minor').as('placed'), eb.fn.countAll<number>().as('n')])
      .where('tenant_id', '=', tenant.tenantId)
      .where('status', '<>', 'cancelled')
      .where('issue_date', '<=', '2026-02-28')
      .executeTakeFirstOrThrow();
    const sum = (s: Snapshot, f: (l: Snapshot['lines'][number]) => number) =>
      s.lines.reduce((t, l) => t + f(l), 0);
    expect(sum(past, (l) => l.claimCount)).toBe(Number(started.n));
    expect(sum(past, (l) => l.placedMinor)).toBe(Number(started.placed));
    // Nothing was collected by the end of February: both payments came in March.
    expect(sum(past, (l) => l.collectedMinor)).toBe(0);
    const now = await liveSnapshot(ctx.handle.db, tenant.tenantId, today);
    const startedNow = sum(now, (l) => l.placedMinor) - sum(past, (l) => l.placedMinor);
    // Receivables then: today's, plus the principal paid since (the rest of the 500.00 went to interest
    // and fees), less the claims started in March (none of them paid).
    const principal = await ctx.handle.db
      .selectFrom('payment_allocations')
      .select((eb) => eb.fn.sum<number>('amount_minor').as('paid'))
      .where('tenant_id', '=', tenant.tenantId)
      .where('part', '=', 'principal')
      .executeTakeFirstOrThrow();
    expect(Number(principal.paid)).toBeGreaterThan(0);
    expect(sum(past, (l) => l.receivableMinor)).toBe(
      sum(now, (l) => l.receivableMinor) + Number(principal.paid) - startedNow,
    );
  });

  it('computed back later, a day equals the snapshot taken live that day', async () => {
    const later: Deps = { ...deps, clock: fixedClock('2026-04-20T10:00:00.000Z') };
    await pay(later, 'D1', 100_00, '2026-04-05', 'history:3');
    await reversePayment(later, system, { sourceKey: 'history:2', reason: 'AC04' });
    const computed = await computedSnapshot(ctx.handle, tenant.tenantId, today);
    expect(computed).toEqual(takenLive);
    // And the later day's own computation equals its live figures.
    const april = await computedSnapshot(ctx.handle, tenant.tenantId, '2026-04-20');
    expect(april).toEqual(await liveSnapshot(ctx.handle.db, tenant.tenantId, '2026-04-20'));
    expect(april).not.toEqual(computed);
  });
});
