import { expect, it } from 'vitest';
import { compactLiveFigures } from '../../src/db/figures/compact-live-figures.ts';
import { ACTION_FIGURES } from '../../src/db/figures/live-figures.ts';
import { sumFigures } from '../../src/db/figures/sum-figures.ts';
import { newId } from '../../src/db/ids.ts';
import type { Actor } from '../../src/shared/actor.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { insertedByChannel } from '../../src/use-cases/dunning/batch-channels.ts';
import { runDailyDunning } from '../../src/use-cases/dunning/run-daily-dunning.ts';
import type { ActionRow } from '../../src/use-cases/dunning/write-batch.ts';
import { getLive } from '../../src/use-cases/kpis/get-live.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { testDeps } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

/**
 * The live view's running counts (issue #7, migration 0021) against counts over the rows themselves: the
 * outbox by minute, channel and status through inserts, status changes, reschedules and deletes (before and
 * after a fold); the run's actions by channel as its batches kept them; the backlog when a crowd of actions
 * shares the current minute. The call tasks' counts: `live-queue.test.ts`.
 */
describeEachDatabase('the live view’s running counts', (ctx) => {
  const supervisorOf = (t: SeededTenant): Actor => ({
    tenantId: t.tenantId,
    kind: 'user',
    id: t.users.supervisor.id,
    role: 'supervisor',
    creditorId: null,
  });
  const caseOf = (t: SeededTenant) => Object.values(t.debtors)[0]?.caseId ?? '';

  async function insertActions(
    t: SeededTenant,
    rows: readonly { channel: string; status: string; scheduledAt: string | null; key?: string }[],
  ): Promise<string[]> {
    const ids = rows.map(() => newId());
    for (let i = 0; i < rows.length; i += 200) {
      await ctx.handle.db
        .insertInto('actions')
        .values(
          rows.slice(i, i + 200).map((r, k) => ({
            tenant_id: t.tenantId,
            action_id: ids[i + k] ?? '',
            case_id: caseOf(t),
            action_key: r.key ?? `t:${ids[i + k]}`,
            run_id: null,
            planned_on: '2026-03-16',
            scheduled_at: r.scheduledAt,
            channel: r.channel,
            template: 't',
            language: 'fr' as const,
            purpose: 'dunning',
            status: r.status as 'planned',
            reason: '{}',
            gate: '{}',
            created_at: '2026-03-16T05:00:00.000Z',
          })),
        )
        .execute();
    }
    return ids;
  }

  /** Counts by minute, channel and status, from the rows and from the running counts. */
  async function bothCounts(tenantId: string) {
    const rows = await ctx.handle.db
      .selectFrom('actions')
      .select(['scheduled_at', 'channel', 'status'])
      .where('tenant_id', '=', tenantId)
      .execute();
    const counted = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.scheduled_at?.slice(0, 16) ?? ''}|${r.channel}|${r.status}`;
      counted.set(key, (counted.get(key) ?? 0) + 1);
    }
    const kept = await sumFigures(ctx.handle.db, ACTION_FIGURES, {
      tenantId,
      groupBy: ['minute', 'channel', 'status'],
    });
    const running = new Map(
      kept
        .filter((r) => Number(r.action_count) !== 0)
        .map((r) => [`${r.minute}|${r.channel}|${r.status}`, Number(r.action_count)]),
    );
    return { counted: [...counted.entries()].sort(), running: [...running.entries()].sort() };
  }

  it('keeps the outbox by minute, channel and status as the actions are', async () => {
    const t = await seedTenant(ctx.handle.db, 'LC');
    const other = await seedTenant(ctx.handle.db, 'LD');
    const shape = [
      { channel: 'email', status: 'planned', scheduledAt: '2026-03-16T08:00:00Z' },
      { channel: 'email', status: 'planned', scheduledAt: '2026-03-16T08:00:59.999Z' },
      { channel: 'sms', status: 'planned', scheduledAt: '2026-03-16T09:30:00.000Z' },
      { channel: 'letter', status: 'review', scheduledAt: null },
      { channel: 'email', status: 'blocked', scheduledAt: '2026-03-15T22:59:00.000Z' },
    ];
    const ids = await insertActions(t, shape);
    await insertActions(other, shape);
    const db = ctx.handle.db;
    await db
      .updateTable('actions')
      .set({ status: 'sent' })
      .where('action_id', '=', ids[0] ?? '')
      .execute();
    await db
      .updateTable('actions')
      .set({ status: 'failed', scheduled_at: '2026-03-16T10:15:00.000Z' })
      .where('action_id', '=', ids[2] ?? '')
      .execute();
    // A change that moves nothing counted, and a delete.
    await db.updateTable('actions').set({ template: 'u' }).where('tenant_id', '=', t.tenantId).execute();
    await db
      .deleteFrom('actions')
      .where('action_id', '=', ids[4] ?? '')
      .execute();
    const before = await bothCounts(t.tenantId);
    expect(before.running).toEqual(before.counted);
    expect(before.running).toEqual(
      [
        ['', 'letter', 'review'],
        ['2026-03-16T08:00', 'email', 'planned'],
        ['2026-03-16T08:00', 'email', 'sent'],
        ['2026-03-16T10:15', 'sms', 'failed'],
      ]
        .map(([minute, channel, status]) => [`${minute}|${channel}|${status}`, 1])
        .sort(),
    );
    await compactLiveFigures(db, ctx.handle.dialect, t.tenantId);
    const after = await bothCounts(t.tenantId);
    expect(after.running).toEqual(after.counted);
    // Folding leaves no row at zero (the sms planned at 09:30 moved on).
    const zero = await db
      .selectFrom('action_figures')
      .select('minute')
      .where('tenant_id', '=', t.tenantId)
      .where('action_count', '=', 0)
      .execute();
    expect(zero).toEqual([]);
    const live = await getLive(
      { ...testDeps(ctx.handle), clock: fixedClock('2026-03-16T10:00:00.000Z') },
      supervisorOf(t),
    );
    expect(live.outbox.today).toEqual([
      { channel: 'email', status: 'planned', count: 1 },
      { channel: 'email', status: 'sent', count: 1 },
      { channel: 'sms', status: 'failed', count: 1 },
    ]);
    expect(live.outbox.backlog).toEqual({ count: 1, oldestScheduledAt: '2026-03-16T08:00:59.999Z' });
  });

  it('counts the backlog exactly when a crowd of actions shares the current minute', async () => {
    const t = await seedTenant(ctx.handle.db, 'LE');
    const at = (instant: string, count: number, status = 'planned') =>
      Array.from({ length: count }, () => ({ channel: 'email', status, scheduledAt: instant }));
    // 08:00: a crowd at its start, a few after; 08:01: two crowds. A few sent (not waiting) among them.
    await insertActions(t, [
      ...at('2026-03-16T07:59:00.000Z', 3),
      ...at('2026-03-16T08:00:00.000Z', 1200),
      ...at('2026-03-16T08:00:20.000Z', 4),
      ...at('2026-03-16T08:00:40.000Z', 30),
      ...at('2026-03-16T08:00:40.000Z', 7, 'sent'),
      ...at('2026-03-16T08:01:00.000Z', 1100),
      ...at('2026-03-16T08:01:30.000Z', 1050),
    ]);
    const backlogAt = async (now: string) =>
      (await getLive({ ...testDeps(ctx.handle), clock: fixedClock(now) }, supervisorOf(t))).outbox.backlog
        .count;
    const planned = async (now: string) =>
      Number(
        (
          await ctx.handle.db
            .selectFrom('actions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('tenant_id', '=', t.tenantId)
            .where('status', '=', 'planned')
            .where('scheduled_at', '<=', now)
            .executeTakeFirstOrThrow()
        ).n,
      );
    // Before the crowds (counted up to now); the crowd's own instant and past it (counted on the other
    // side); between two crowds (counted outright); after both; the minute after.
    for (const now of [
      '2026-03-16T07:59:30.000Z',
      '2026-03-16T08:00:00.000Z',
      '2026-03-16T08:00:10.000Z',
      '2026-03-16T08:00:30.000Z',
      '2026-03-16T08:01:10.000Z',
      '2026-03-16T08:01:40.000Z',
      '2026-03-16T08:02:00.000Z',
    ]) {
      expect(await backlogAt(now), now).toBe(await planned(now));
    }
    expect(await backlogAt('2026-03-16T08:00:30.000Z')).toBe(3 + 1200 + 4);
  });

  it('sums the actions each batch of the run inserted, by channel, as a count over the run’s actions', async () => {
    const t = await seedTenant(ctx.handle.db, 'LF');
    const deps = { ...testDeps(ctx.handle), clock: fixedClock('2026-03-16T05:00:00.000Z') };
    const report = await runDailyDunning(deps, t.tenantId, { runOn: '2026-03-16', batchSize: 2 });
    expect(report.actions + report.blocked).toBeGreaterThan(2);
    const counted = await ctx.handle.db
      .selectFrom('actions')
      .select((eb) => ['channel', eb.fn.countAll<number>().as('n')])
      .where('tenant_id', '=', t.tenantId)
      .where('run_id', '=', report.runId ?? '')
      .groupBy('channel')
      .orderBy('channel')
      .execute();
    const batches = await ctx.handle.db
      .selectFrom('run_batches')
      .select('by_channel')
      .where('tenant_id', '=', t.tenantId)
      .execute();
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.every((b) => b.by_channel !== null)).toBe(true);
    const live = await getLive(
      { ...testDeps(ctx.handle), clock: fixedClock('2026-03-16T06:00:00.000Z') },
      supervisorOf(t),
    );
    expect(live.run?.actionsByChannel).toEqual(counted.map((c) => ({ key: c.channel, count: Number(c.n) })));
  });

  it('counts back the rows a batch really inserted when some keys were there already', async () => {
    const t = await seedTenant(ctx.handle.db, 'LG');
    const [email, sms] = await insertActions(t, [
      { channel: 'email', status: 'planned', scheduledAt: null },
      { channel: 'sms', status: 'planned', scheduledAt: null },
    ]);
    const row = (actionId: string, channel: string) => ({ actionId, channel }) as ActionRow;
    const counts = await ctx.handle.db
      .transaction()
      .execute((trx) =>
        insertedByChannel(
          trx,
          t.tenantId,
          [row(email ?? '', 'email'), row(newId(), 'email'), row(sms ?? '', 'sms'), row(newId(), 'letter')],
          2,
        ),
      );
    expect(JSON.parse(counts)).toEqual({ email: 1, sms: 1 });
    const all = await ctx.handle.db
      .transaction()
      .execute((trx) => insertedByChannel(trx, t.tenantId, [row('a', 'sms'), row('b', 'email')], 2));
    expect(all).toBe('{"email":1,"sms":1}');
  });
});
