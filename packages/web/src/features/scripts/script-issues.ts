import type { ScriptIssue } from './api.ts';
import type { ScriptDraft } from './draft.ts';

export type PlacedIssues = {
  /** Issues of a node as a whole (its text, its place in the script), by node key. */
  readonly byNode: ReadonlyMap<string, readonly ScriptIssue[]>;
  /** Issues of one answer, by `${nodeKey}:${answerIndex}`. */
  readonly byAnswer: ReadonlyMap<string, readonly ScriptIssue[]>;
  /** Issues no node of the form shows (a start that does not exist): listed above the form. */
  readonly unplaced: readonly ScriptIssue[];
};

/**
 * Where each of the server's mistakes goes in the form: beside the node it names (the first node with that id
 * in the draft that was sent), under the answer when it names one.
 */
export function placeIssues(draft: ScriptDraft, issues: readonly ScriptIssue[]): PlacedIssues {
  const byNode = new Map<string, ScriptIssue[]>();
  const byAnswer = new Map<string, ScriptIssue[]>();
  const unplaced: ScriptIssue[] = [];
  const add = (map: Map<string, ScriptIssue[]>, key: string, issue: ScriptIssue) =>
    map.set(key, [...(map.get(key) ?? []), issue]);
  for (const issue of issues) {
    const node = draft.nodes.find((n) => n.id === issue.nodeId);
    // "No terminal step" names the start but is about the whole script: above the form.
    if (!node || issue.code === 'no_terminal' || issue.code === 'no_nodes') unplaced.push(issue);
    else if (issue.answer !== undefined && issue.answer < node.answers.length)
      add(byAnswer, `${node.key}:${issue.answer}`, issue);
    else add(byNode, node.key, issue);
  }
  return { byNode, byAnswer, unplaced };
}

export const NO_ISSUES: PlacedIssues = { byNode: new Map(), byAnswer: new Map(), unplaced: [] };
