import { expect, it } from 'vitest';
import type { ScriptIssue } from './api.ts';
import { toDraft } from './draft.ts';
import { placeIssues } from './script-issues.ts';

const issue = (code: string, nodeId: string, answer?: number): ScriptIssue => ({
  code,
  nodeId,
  ...(answer === undefined ? {} : { answer }),
  message: { fr: code, en: code },
});

it('puts each mistake beside its node or its answer, the others above the form', () => {
  const draft = toDraft({
    start: 'a',
    nodes: {
      a: {
        say: '',
        answers: [
          { label: 'x', next: 'b' },
          { label: '', next: 'zz' },
        ],
      },
      b: { say: 'B' },
    },
  });
  const [a, b] = draft.nodes;
  const placed = placeIssues(draft, [
    issue('empty_say', 'a'),
    issue('unknown_next', 'a', 1),
    issue('empty_label', 'a', 1),
    issue('unreachable', 'b'),
    issue('unknown_start', 'nope'),
    issue('no_terminal', 'a'),
  ]);
  expect(placed.byNode.get(a?.key ?? '')?.map((i) => i.code)).toEqual(['empty_say']);
  expect(placed.byAnswer.get(`${a?.key}:1`)?.map((i) => i.code)).toEqual(['unknown_next', 'empty_label']);
  expect(placed.byNode.get(b?.key ?? '')?.map((i) => i.code)).toEqual(['unreachable']);
  expect(placed.unplaced.map((i) => i.code)).toEqual(['unknown_start', 'no_terminal']);
});
