import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { fixedClock } from '../../shared/clock.ts';
import type { Deps } from '../../shared/deps.ts';
import { runDailyDunning } from '../dunning/run-daily-dunning.ts';
import { setUpDemo } from './set-up-demo.ts';

const TODAY = '2026-03-02';

describeEachDatabase('the demo and its first run', (ctx) => {
  it('has senior and active consumers, and its run puts cases on all three ladders', async () => {
    const deps: Deps = {
      database: ctx.handle,
      clock: fixedClock(`${TODAY}T05:00:00.000Z`),
      dataDir: mkdtempSync(join(tmpdir(), 'relance-demo-')),
    };
    const demo = await setUpDemo(deps, { size: 120, seed: 7, today: TODAY });
    const tenantId = demo.tenant.tenantId;
    const debtors = await ctx.handle.db
      .selectFrom('debtors')
      .select(['kind', 'tags'])
      .where('tenant_id', '=', tenantId)
      .execute();
    const tagged = (kind: string, tags: string) =>
      debtors.filter((d) => d.kind === kind && d.tags === tags).length;
    expect(tagged('consumer', '["senior"]')).toBeGreaterThan(0);
    expect(tagged('consumer', '["actif"]')).toBeGreaterThan(0);
    expect(tagged('consumer', '[]')).toBeGreaterThan(0);
    expect(tagged('business', '[]')).toBe(debtors.filter((d) => d.kind === 'business').length);

    await runDailyDunning(deps, tenantId, { runOn: TODAY });
    const cases = await ctx.handle.db
      .selectFrom('cases as c')
      .innerJoin('debtors as d', (j) =>
        j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
      )
      .select(['c.strategy_key', 'd.kind', 'd.tags'])
      .where('c.tenant_id', '=', tenantId)
      .where('c.strategy_key', 'is not', null)
      .execute();
    const on = (key: string) => cases.filter((c) => c.strategy_key === key);
    expect(on('b2b-standard').length).toBeGreaterThan(0);
    expect(on('b2c-active').length).toBeGreaterThan(0);
    expect(on('b2c-senior').length).toBeGreaterThan(0);
    // The seniors' ladder is the senior consumers', and theirs only.
    expect(on('b2c-senior').every((c) => c.kind === 'consumer' && c.tags === '["senior"]')).toBe(true);
    expect(on('b2c-active').some((c) => c.tags === '["actif"]')).toBe(true);
    expect(on('b2c-active').every((c) => c.kind === 'consumer' && c.tags !== '["senior"]')).toBe(true);
  });
});
