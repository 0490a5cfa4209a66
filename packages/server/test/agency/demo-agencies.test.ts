import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { compareAgencies } from '../../src/use-cases/agency-comparison/compare-agencies.ts';
import { setupActor } from '../../src/use-cases/setup/initialise-instance.ts';
import { setUpDemo } from '../../src/use-cases/setup/set-up-demo.ts';
import { describeEachDatabase } from '../support/databases.ts';

const TODAY = '2026-03-02';

/** The demo hands its oldest cases to two partner agencies, whose results differ; seeding again adds nothing. */
describeEachDatabase('the demo’s agencies compared', (ctx) => {
  it('shows two agencies with different recovery, speed and cost', async () => {
    const deps: Deps = {
      database: ctx.handle,
      clock: fixedClock(`${TODAY}T05:00:00.000Z`),
      dataDir: mkdtempSync(join(tmpdir(), 'relance-demo-agencies-')),
    };
    const demo = await setUpDemo(deps, { size: 80, seed: 7, today: TODAY });
    const actor = setupActor(demo.tenant.tenantId);
    const first = await compareAgencies(deps, actor, {});
    const [credix, recouvra] = first.agencies;
    expect(first.agencies.map((a) => a.agency.key)).toEqual(['credix', 'recouvra']);
    if (!credix || !recouvra) throw new Error('two agencies expected');
    expect(credix.figures.cases + recouvra.figures.cases).toBe(16);
    expect(credix.figures.cases).toBeGreaterThan(0);
    expect(recouvra.figures.collectedMinor).toBeGreaterThan(0);
    expect(credix.figures.collectedMinor).toBeGreaterThan(0);
    expect(recouvra.figures.medianDaysToFirstPayment).toBe(12);
    expect(credix.figures.medianDaysToFirstPayment).toBe(35);
    expect(recouvra.figures.costPer100Minor).toBe(15_00);
    expect(credix.figures.costPer100Minor).toBe(20_00);
    // Seeding the same demo again books nothing more.
    await setUpDemo(deps, { size: 80, seed: 7, today: TODAY });
    const again = await compareAgencies(deps, actor, {});
    expect(again.agencies.map((a) => a.figures)).toEqual(first.agencies.map((a) => a.figures));
  });
});
