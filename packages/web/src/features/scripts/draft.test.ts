import { describe, expect, it } from 'vitest';
import {
  addNode,
  changeKind,
  fromDraft,
  idProblems,
  removeNode,
  type ScriptDefinition,
  toCallScript,
  toDraft,
  updateNode,
  variablesIn,
} from './draft.ts';

const script: ScriptDefinition = {
  start: 'hello',
  nodes: {
    bye: { say: 'Au revoir.' },
    hello: {
      say: 'Bonjour {{debtor.name}}, {{#if agent}}{{agent.name}}{{/if}}',
      arguments: ['Restez courtois.'],
      answers: [
        { label: 'Oui', next: 'reason', suggest: 'right_party_contact' },
        { label: 'Mauvais numéro', next: 'bye', reason: 'wrong_contact', suggest: 'wrong_number' },
      ],
    },
    reason: {
      say: 'Pourquoi ?',
      answers: [
        { label: 'Oubli', reason: 'oversight', action: 'promise' },
        { label: 'Autre', next: 'bye' },
      ],
    },
  },
};

describe('a script as a draft', () => {
  it('goes back to the same definition, the start first and each node of its kind', () => {
    const draft = toDraft(script);
    expect(draft.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['hello', 'argument'],
      ['bye', 'end'],
      ['reason', 'question'],
    ]);
    expect(fromDraft(draft)).toEqual(script);
  });

  it('keeps every branch when a node is renamed', () => {
    const draft = toDraft(script);
    const bye = draft.nodes.find((n) => n.id === 'bye');
    const renamed = updateNode(draft, bye?.key ?? '', { id: 'close' });
    const out = fromDraft(renamed);
    expect(Object.keys(out.nodes).sort()).toEqual(['close', 'hello', 'reason']);
    expect(out.nodes.hello?.answers?.[1]?.next).toBe('close');
    expect(out.nodes.reason?.answers?.[1]?.next).toBe('close');
    const hello = draft.nodes[0];
    expect(fromDraft(updateNode(draft, hello?.key ?? '', { id: 'greet' })).start).toBe('greet');
  });

  it('a removed node’s answers end the call; an end drops its answers, a question its arguments', () => {
    const draft = toDraft(script);
    const reason = draft.nodes.find((n) => n.id === 'reason');
    const out = fromDraft(removeNode(draft, reason?.key ?? ''));
    expect(out.nodes.hello?.answers?.[0]).toEqual({ label: 'Oui', suggest: 'right_party_contact' });
    const hello = draft.nodes[0]?.key ?? '';
    expect(fromDraft(changeKind(draft, hello, 'question')).nodes.hello?.arguments).toBeUndefined();
    expect(fromDraft(changeKind(draft, hello, 'end')).nodes.hello).toEqual({
      say: script.nodes.hello?.say,
      arguments: ['Restez courtois.'],
    });
  });

  it('a next naming no node is kept for the server to point out', () => {
    const broken: ScriptDefinition = {
      start: 'a',
      nodes: { a: { say: 'A', answers: [{ label: 'go', next: 'nowhere' }] } },
    };
    expect(fromDraft(toDraft(broken))).toEqual(broken);
  });

  it('adds nodes with free ids and tells empty and repeated ids', () => {
    let draft = addNode(toDraft({ start: 'x', nodes: {} }));
    expect(fromDraft(draft)).toEqual({
      start: 'step_1',
      nodes: { step_1: { say: '', answers: [{ label: '' }] } },
    });
    draft = addNode(draft, 'end');
    const [first, second] = draft.nodes;
    expect(second?.id).toBe('step_2');
    draft = updateNode(draft, second?.key ?? '', { id: 'step_1' });
    expect([...idProblems(draft).values()]).toEqual(['duplicate', 'duplicate']);
    draft = updateNode(draft, first?.key ?? '', { id: ' ' });
    expect(idProblems(draft).get(first?.key ?? '')).toBe('empty');
  });

  it('is walked as the workspace walks a script', () => {
    const call = toCallScript(toDraft(script), { key: 'default', title: 'Défaut' });
    expect(call.start).toBe('hello');
    expect(call.nodes.reason?.answers?.[0]?.action).toBe('promise');
  });
});

describe('variablesIn', () => {
  it('names the variables a text uses, once each', () => {
    expect(variablesIn(script.nodes.hello?.say ?? '')).toEqual(['debtor.name', 'agent', 'agent.name']);
    expect(variablesIn('{{#each claims}}{{number}}{{/each}} {{ balance.total }}')).toEqual([
      'claims',
      'number',
      'balance.total',
    ]);
  });
});
