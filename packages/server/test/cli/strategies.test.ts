import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachCliDatabase, relance } from './cli-support.ts';

describeEachCliDatabase('relance strategies', (ctx) => {
  it('lists the ready strategies, prints one as JSON, saves an edited copy as version 2 and refuses a broken one with its mistakes', async () => {
    expect((await relance(ctx.db, ['demo', '--size', '5'])).code).toBe(0);
    const list = await relance(ctx.db, ['strategies', 'list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('b2b-standard');
    expect(list.stdout).toContain('directement au bon niveau');

    const shown = await relance(ctx.db, ['strategies', 'show', 'b2b-standard']);
    expect(shown.code).toBe(0);
    const definition = JSON.parse(shown.stdout);
    expect(definition.steps[0].key).toBe('pre-due');

    const file = join(ctx.db.dir, 'b2b.json');
    definition.steps[1].at.days = 2;
    writeFileSync(file, JSON.stringify(definition, null, 2));
    const saved = await relance(ctx.db, ['--lang', 'en', 'strategies', 'save', file]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toContain('version 2');
    const again = JSON.parse((await relance(ctx.db, ['strategies', 'show', 'b2b-standard'])).stdout);
    expect(again.steps[1].at.days).toBe(2);
    expect(
      JSON.parse((await relance(ctx.db, ['strategies', 'show', 'b2b-standard', '1'])).stdout).steps[1].at
        .days,
    ).toBe(1);

    definition.steps[1].at = { after: 'due_date', days: -30 };
    definition.backlog = 'someday';
    writeFileSync(file, JSON.stringify(definition));
    const refused = await relance(ctx.db, ['strategies', 'save', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('n’a pas été enregistré');
    expect(refused.stderr).toContain('backlog : valeur non reconnue');
    expect(readFileSync(file, 'utf8')).toContain('someday');
  }, 120_000);
});
