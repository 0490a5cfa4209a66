import type {
  ScriptAction,
  ScriptAnswer,
  ScriptDefinition,
  ScriptNode,
  ScriptReason,
  SuggestedDisposition,
} from './definition.ts';

export type ScriptWalk = {
  /** The nodes visited, from the start. */
  readonly path: readonly string[];
  /** The last reason an answer qualified; null when none did. */
  readonly reason: ScriptReason | null;
  /** The last disposition an answer suggested. */
  readonly suggested: SuggestedDisposition | null;
  /** What the answers offered to do (a promise, a plan, a payment link…), in order. */
  readonly actions: readonly ScriptAction[];
  /** The script reached its end (an answer without `next`, or a node without answers). */
  readonly finished: boolean;
};

/**
 * Follows a script through the answers given (the index of the answer at each node): what the call
 * qualified, for the outcome form. An index that does not exist stops the walk where it is.
 */
export function walkScript(def: ScriptDefinition, answers: readonly number[]): ScriptWalk {
  const path: string[] = [def.start];
  const actions: ScriptAction[] = [];
  let reason: ScriptReason | null = null;
  let suggested: SuggestedDisposition | null = null;
  let current: string | undefined = def.start;
  let finished = false;
  for (const index of answers) {
    const node: ScriptNode | undefined = current === undefined ? undefined : def.nodes[current];
    const answer: ScriptAnswer | undefined = node?.answers?.[index];
    if (!answer) break;
    if (answer.reason) reason = answer.reason;
    if (answer.suggest) suggested = answer.suggest;
    if (answer.action) actions.push(answer.action);
    if (answer.next === undefined) {
      finished = true;
      current = undefined;
      break;
    }
    current = answer.next;
    path.push(answer.next);
  }
  if (current !== undefined && (def.nodes[current]?.answers ?? []).length === 0) finished = true;
  return { path, reason, suggested, actions, finished };
}
