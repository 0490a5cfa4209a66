import type { CallScript, ScriptAnswerOption, ScriptNode } from '../workspace/api.ts';

/** A call script as the server keeps it: the first node and every node by its id. */
export type ScriptDefinition = {
  readonly start: string;
  readonly nodes: Readonly<Record<string, ScriptNode>>;
};

/** The codes an answer may carry, as the server knows them (core scripts/definition.ts). */
export const SCRIPT_REASONS = [
  'oversight',
  'cash_difficulty',
  'contract_misunderstanding',
  'dissatisfaction',
  'invoice_not_received',
  'wrong_contact',
  'other',
] as const;
export const SUGGESTED_DISPOSITIONS = [
  'right_party_contact',
  'promise',
  'payment_taken',
  'dispute',
  'hardship',
  'callback_requested',
  'refusal',
  'wrong_number',
  'third_party',
] as const;
export const SCRIPT_ACTIONS = ['promise', 'plan', 'dispute', 'payment_link', 'callback'] as const;

/**
 * What a node is for the person editing it: a question (what to say, the answers that branch), an argument
 * (the same with the answers to objections), or the end of the call (no answers).
 */
export type NodeKind = 'question' | 'argument' | 'end';
export const NODE_KINDS: readonly NodeKind[] = ['question', 'argument', 'end'];

/** An answer being edited: `next` names the target node by its draft key (''=the call ends), codes '' when none. */
export type AnswerDraft = {
  readonly label: string;
  readonly next: string;
  readonly reason: string;
  readonly suggest: string;
  readonly action: string;
};

/**
 * A node being edited. `key` is stable while its id is typed: answers point at keys, so renaming a node never
 * loses a branch, and two nodes given the same id are told apart until one is renamed.
 */
export type NodeDraft = {
  readonly key: string;
  readonly id: string;
  readonly kind: NodeKind;
  readonly say: string;
  readonly arguments: readonly string[];
  readonly answers: readonly AnswerDraft[];
};

export type ScriptDraft = {
  /** The start node's key. */
  readonly start: string;
  readonly nodes: readonly NodeDraft[];
};

export function kindOf(node: ScriptNode): NodeKind {
  if ((node.answers ?? []).length === 0) return 'end';
  return (node.arguments ?? []).length > 0 ? 'argument' : 'question';
}

export function emptyAnswer(): AnswerDraft {
  return { label: '', next: '', reason: '', suggest: '', action: '' };
}

let counter = 0;
/** A key no node of any draft has had. */
export function newKey(): string {
  counter += 1;
  return `k${counter}`;
}

/** The definition as a draft: the nodes in their stored order, the start first. */
export function toDraft(definition: ScriptDefinition): ScriptDraft {
  const ids = Object.keys(definition.nodes);
  const ordered = [
    ...ids.filter((id) => id === definition.start),
    ...ids.filter((id) => id !== definition.start),
  ];
  const keys = new Map(ordered.map((id) => [id, newKey()]));
  const nodes = ordered.map((id): NodeDraft => {
    const node = definition.nodes[id] ?? { say: '' };
    return {
      key: keys.get(id) ?? newKey(),
      id,
      kind: kindOf(node),
      say: node.say,
      arguments: [...(node.arguments ?? [])],
      answers: (node.answers ?? []).map((a) => ({
        label: a.label,
        // A `next` naming no node is kept as typed: the server says it does not exist, beside the answer.
        next: a.next === undefined ? '' : (keys.get(a.next) ?? `missing:${a.next}`),
        reason: a.reason ?? '',
        suggest: a.suggest ?? '',
        action: a.action ?? '',
      })),
    };
  });
  return { start: keys.get(definition.start) ?? `missing:${definition.start}`, nodes };
}

/** The id a key stands for in this draft (a missing node keeps the id it was saved with). */
export function idOfKey(draft: ScriptDraft, key: string): string {
  if (key.startsWith('missing:')) return key.slice('missing:'.length);
  return draft.nodes.find((node) => node.key === key)?.id ?? key;
}

/** The draft as the server takes it: a question has no arguments, an end no answers; empty codes left out. */
export function fromDraft(draft: ScriptDraft): ScriptDefinition {
  const nodes: Record<string, ScriptNode> = {};
  for (const node of draft.nodes) {
    const answers = node.kind === 'end' ? [] : node.answers.map((a) => answerOf(draft, a));
    const args = node.kind === 'question' ? [] : node.arguments.filter((text) => text.trim() !== '');
    nodes[node.id] = {
      say: node.say,
      ...(args.length > 0 ? { arguments: args } : {}),
      ...(answers.length > 0 ? { answers } : {}),
    };
  }
  return { start: idOfKey(draft, draft.start), nodes };
}

function answerOf(draft: ScriptDraft, a: AnswerDraft): ScriptAnswerOption {
  return {
    label: a.label,
    ...(a.next ? { next: idOfKey(draft, a.next) } : {}),
    ...(a.reason ? { reason: a.reason } : {}),
    ...(a.suggest ? { suggest: a.suggest } : {}),
    ...(a.action ? { action: a.action } : {}),
  };
}

/** A new node at the end: an id not taken yet ("step_3"), a question with one answer to fill in. */
export function addNode(draft: ScriptDraft, kind: NodeKind = 'question'): ScriptDraft {
  const taken = new Set(draft.nodes.map((node) => node.id));
  let n = draft.nodes.length + 1;
  while (taken.has(`step_${n}`)) n++;
  const node: NodeDraft = {
    key: newKey(),
    id: `step_${n}`,
    kind,
    say: '',
    arguments: kind === 'argument' ? [''] : [],
    answers: kind === 'end' ? [] : [emptyAnswer()],
  };
  return {
    ...draft,
    start: draft.nodes.length === 0 ? node.key : draft.start,
    nodes: [...draft.nodes, node],
  };
}

/** Removes a node; the answers that led to it now end the call, and the start moves to the first node left. */
export function removeNode(draft: ScriptDraft, key: string): ScriptDraft {
  const nodes = draft.nodes
    .filter((node) => node.key !== key)
    .map((node) => ({
      ...node,
      answers: node.answers.map((a) => (a.next === key ? { ...a, next: '' } : a)),
    }));
  return { start: draft.start === key ? (nodes[0]?.key ?? '') : draft.start, nodes };
}

export function updateNode(
  draft: ScriptDraft,
  key: string,
  change: Partial<Omit<NodeDraft, 'key'>>,
): ScriptDraft {
  return { ...draft, nodes: draft.nodes.map((node) => (node.key === key ? { ...node, ...change } : node)) };
}

/** A node's kind changed: an argument gets a first objection to fill in, a question or argument an answer. */
export function changeKind(draft: ScriptDraft, key: string, kind: NodeKind): ScriptDraft {
  const node = draft.nodes.find((n) => n.key === key);
  if (!node) return draft;
  return updateNode(draft, key, {
    kind,
    arguments: kind === 'argument' && node.arguments.length === 0 ? [''] : node.arguments,
    answers: kind !== 'end' && node.answers.length === 0 ? [emptyAnswer()] : node.answers,
  });
}

/** What the form can tell before the server does: a node without an id, or two nodes with the same one. */
export function idProblems(draft: ScriptDraft): ReadonlyMap<string, 'empty' | 'duplicate'> {
  const problems = new Map<string, 'empty' | 'duplicate'>();
  const seen = new Map<string, number>();
  for (const node of draft.nodes) seen.set(node.id.trim(), (seen.get(node.id.trim()) ?? 0) + 1);
  for (const node of draft.nodes) {
    if (node.id.trim() === '') problems.set(node.key, 'empty');
    else if ((seen.get(node.id.trim()) ?? 0) > 1) problems.set(node.key, 'duplicate');
  }
  return problems;
}

/** The draft as the workspace shows a script, for the preview that walks it as an agent would. */
export function toCallScript(draft: ScriptDraft, meta: { key: string; title: string }): CallScript {
  const definition = fromDraft(draft);
  return { key: meta.key, version: 0, title: meta.title, ...definition };
}

/** The {{variables}} a text names (their first path), for the hints beside it. */
export function variablesIn(text: string): readonly string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\{\{\s*(?:[#/](?:if|unless|each)\s+)?([a-zA-Z_][\w.]*)\s*\}\}/g)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
}
