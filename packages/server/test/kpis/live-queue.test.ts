import { expect, it } from 'vitest';
import { compactLiveFigures } from '../../src/db/figures/compact-live-figures.ts';
import { CALL_TASK_FIGURES } from '../../src/db/figures/live-figures.ts';
import { sumFigures } from '../../src/db/figures/sum-figures.ts';
import { newId } from '../../src/db/ids.ts';
import type { Actor } from '../../src/shared/actor.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { getLive } from '../../src/use-cases/kpis/get-live.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { testDeps } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

/**
 * The call tasks' running counts (issue #7, migration 0021) against counts over the tasks themselves, through
 * inserts, outcomes, a change of team, a lock (counted nothing) and a delete, before and after a fold; and the
 * live view's queue open now read from them. Another tenant's identical tasks must not show.
 */
describeEachDatabase('the call queue’s running counts', (ctx) => {
  const supervisorOf = (t: SeededTenant): Actor => ({
    tenantId: t.tenantId,
    kind: 'user',
    id: t.users.supervisor.id,
    role: 'supervisor',
    creditorId: null,
  });
  const caseOf = (t: SeededTenant) => Object.values(t.debtors)[0]?.caseId ?? '';

  it('keeps the call tasks by status, routing and window as they are, and the queue open now from them', async () => {
    const t = await seedTenant(ctx.handle.db, 'LH');
    const other = await seedTenant(ctx.handle.db, 'LI');
    const db = ctx.handle.db;
    const task = (
      tenant: SeededTenant,
      team: string | null,
      segment: string | null,
      start: string,
      end: string,
      kind: 'agent_call' | 'ivr_call' = 'agent_call',
    ) => ({
      tenant_id: tenant.tenantId,
      task_id: newId(),
      action_id: newId(),
      case_id: caseOf(tenant),
      kind,
      window_start: `2026-03-16T${start}:00.000Z`,
      window_end: `2026-03-16T${end}:00.000Z`,
      priority: 1,
      status: 'open' as const,
      segment,
      language: 'fr',
      team,
      created_at: '2026-03-16T05:00:00.000Z',
      updated_at: '2026-03-16T05:00:00.000Z',
    });
    const shape = (tenant: SeededTenant) => [
      task(tenant, 'A', 'b2b', '08:00', '18:00'),
      task(tenant, 'A', 'b2b', '08:00', '18:00'),
      task(tenant, 'A', 'b2b', '09:30', '12:00'),
      task(tenant, null, 'b2c', '09:00', '18:00'),
      task(tenant, null, null, '07:00', '09:00'), // closed by 10:00
      task(tenant, 'B', 'b2b', '11:00', '18:00'), // not open yet
      task(tenant, 'B', 'b2b', '08:00', '18:00', 'ivr_call'),
    ];
    const rows = shape(t);
    await db
      .insertInto('call_tasks')
      .values([...rows, ...shape(other)])
      .execute();
    // Both 08:00 calls of team A taken and done; the b2c one moved to team C; one deleted.
    await db
      .updateTable('call_tasks')
      .set({ status: 'done', outcome: 'paid' })
      .where('task_id', 'in', [rows[0]?.task_id ?? '', rows[1]?.task_id ?? ''])
      .execute();
    await db
      .updateTable('call_tasks')
      .set({ team: 'C' })
      .where('task_id', '=', rows[3]?.task_id ?? '')
      .execute();
    await db.updateTable('call_tasks').set({ locked_by: 'x' }).where('tenant_id', '=', t.tenantId).execute();
    await db
      .deleteFrom('call_tasks')
      .where('task_id', '=', rows[6]?.task_id ?? '')
      .execute();
    const counted = async () => {
      const all = await db.selectFrom('call_tasks').selectAll().where('tenant_id', '=', t.tenantId).execute();
      const byKey = new Map<string, number>();
      for (const r of all) {
        const key = [
          r.kind,
          r.status,
          r.team ?? '',
          r.segment ?? '',
          r.language ?? '',
          r.window_start,
          r.window_end,
        ];
        byKey.set(key.join('|'), (byKey.get(key.join('|')) ?? 0) + 1);
      }
      return [...byKey.entries()].sort();
    };
    const running = async () =>
      (
        await sumFigures(db, CALL_TASK_FIGURES, {
          tenantId: t.tenantId,
          groupBy: ['kind', 'status', 'team', 'segment', 'language', 'window_start', 'window_end'],
        })
      )
        .filter((r) => Number(r.task_count) !== 0)
        .map((r) => [
          [r.kind, r.status, r.team, r.segment, r.language, r.window_start, r.window_end].join('|'),
          Number(r.task_count),
        ])
        .sort();
    expect(await running()).toEqual(await counted());
    const live = await getLive(
      { ...testDeps(ctx.handle), clock: fixedClock('2026-03-16T10:00:00.000Z') },
      supervisorOf(t),
    );
    expect(live.callQueue).toEqual({
      depth: 2,
      oldestWaitingSince: '2026-03-16T09:00:00.000Z',
      groups: [
        {
          team: 'C',
          segment: 'b2c',
          language: 'fr',
          count: 1,
          oldestWaitingSince: '2026-03-16T09:00:00.000Z',
        },
        {
          team: 'A',
          segment: 'b2b',
          language: 'fr',
          count: 1,
          oldestWaitingSince: '2026-03-16T09:30:00.000Z',
        },
      ],
    });
    await compactLiveFigures(db, ctx.handle.dialect, t.tenantId);
    expect(await running()).toEqual(await counted());
  });
});
