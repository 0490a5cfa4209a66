import { describe, expect, it } from 'vitest';
import { checkScript } from './check-script.ts';
import { DEFAULT_SCRIPTS } from './default-scripts.ts';
import type { ScriptDefinition } from './definition.ts';
import { walkScript } from './walk-script.ts';

describe('default scripts', () => {
  it.each(['fr', 'en'] as const)('%s passes its own check and covers the six scenarios', (language) => {
    const def = DEFAULT_SCRIPTS[language].definition;
    expect(checkScript(def)).toEqual([]);
    const reasons = new Set((def.nodes.reason?.answers ?? []).map((a) => a.reason));
    for (const r of [
      'oversight',
      'cash_difficulty',
      'contract_misunderstanding',
      'dissatisfaction',
      'invoice_not_received',
      'wrong_contact',
    ]) {
      expect(reasons.has(r as never)).toBe(true);
    }
    expect(Object.keys(DEFAULT_SCRIPTS.fr.definition.nodes)).toEqual(
      Object.keys(DEFAULT_SCRIPTS.en.definition.nodes),
    );
  });
});

describe('checkScript', () => {
  it('locates every mistake at its node, in French and English', () => {
    const def: ScriptDefinition = {
      start: 'a',
      nodes: {
        a: {
          say: 'Bonjour {{debtor.nom}}',
          answers: [
            { label: '', next: 'b' },
            { label: 'x', next: 'missing' },
          ],
        },
        b: {
          say: 'b',
          answers: [
            { label: 'back', next: 'a' },
            { label: 'end', next: 'c' },
          ],
        },
        c: { say: 'end' },
        lost: { say: 'never', answers: [{ label: 'y', next: 'a' }] },
      },
    };
    const issues = checkScript(def);
    expect(issues.map((i) => [i.code, i.nodeId, i.answer])).toEqual([
      ['template', 'a', undefined],
      ['empty_label', 'a', 0],
      ['unknown_next', 'a', 1],
      ['unreachable', 'lost', undefined],
    ]);
    expect(issues[2]?.message.fr).toContain('« missing »');
    expect(issues[2]?.message.en).toContain('"missing"');
    const loop = checkScript({
      start: 'a',
      nodes: { a: { say: 'a', answers: [{ label: 'again', next: 'a' }] } },
    });
    expect(loop.map((i) => i.code)).toEqual(['no_terminal']);
    expect(checkScript({ start: 'z', nodes: { a: { say: 'a' } } }).map((i) => i.code)).toEqual([
      'unknown_start',
    ]);
  });
});

describe('walkScript', () => {
  it('follows the answers and says what the call qualified', () => {
    const def = DEFAULT_SCRIPTS.en.definition;
    expect(walkScript(def, [0, 1, 0])).toEqual({
      path: ['identity', 'reason', 'cash_difficulty', 'close'],
      reason: 'cash_difficulty',
      suggested: 'promise',
      actions: ['plan'],
      finished: true,
    });
    expect(walkScript(def, [2])).toMatchObject({
      path: ['identity', 'wrong_number'],
      suggested: 'wrong_number',
      finished: true,
    });
    expect(walkScript(def, [0])).toMatchObject({
      path: ['identity', 'reason'],
      reason: null,
      finished: false,
    });
    expect(walkScript(def, [9])).toMatchObject({ path: ['identity'], finished: false });
  });
});
