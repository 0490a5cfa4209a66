import { expect, it } from 'vitest';
import { importWorld } from '../../test/fixtures/import-world.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { fixedClock } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { setRunSchedule } from '../use-cases/dunning/run-schedule.ts';
import { dueTenants, startScheduler } from './scheduler.ts';

describeEachDatabase('the daily run schedule', (ctx) => {
  it("starts a tenant's run once its local time has passed the scheduled time, and once a day", async () => {
    const w = await importWorld(ctx.handle);
    const at = (instant: string): Deps => ({ ...w.deps, clock: fixedClock(instant) });
    await setRunSchedule(w.deps, w.actor, { time: '07:30', timeZone: 'America/Martinique' });
    const mine = async (deps: Deps) => (await dueTenants(deps)).filter((t) => t.tenantId === w.tenantId);

    // 07:29 in Martinique (UTC−4) is 11:29 UTC: not yet.
    expect(await mine(at('2026-11-23T11:29:00.000Z'))).toEqual([]);
    expect(await mine(at('2026-11-23T11:31:00.000Z'))).toEqual([
      { tenantId: w.tenantId, runOn: '2026-11-23' },
    ]);

    const scheduler = startScheduler(at('2026-11-23T11:31:00.000Z'), { intervalMs: 3_600_000 });
    await scheduler.tick();
    await scheduler.stop();
    const runs = await ctx.handle.db
      .selectFrom('runs')
      .select(['run_on', 'trigger', 'status'])
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(runs).toEqual([{ run_on: '2026-11-23', trigger: 'schedule', status: 'completed' }]);
    expect(await mine(at('2026-11-23T20:00:00.000Z'))).toEqual([]);
    // The next local day (after midnight in Martinique, 04:00 UTC) at 07:30 again.
    expect(await mine(at('2026-11-24T11:45:00.000Z'))).toEqual([
      { tenantId: w.tenantId, runOn: '2026-11-24' },
    ]);
  });
});
