import type { WorkspaceForm } from './action-bar.tsx';
import type { CallScript, ScriptAnswer, ScriptAnswerOption } from './api.ts';

/** Where the agent is in the script, and what was answered on the way (sent with the outcome). */
export type ScriptWalk = {
  readonly nodeId: string | null;
  readonly answers: readonly ScriptAnswer[];
  /** The node ids visited before the current one, for "Back". */
  readonly trail: readonly string[];
  readonly reason: string | null;
  readonly suggest: string | null;
};

export function startWalk(script: CallScript | null | undefined): ScriptWalk {
  return { nodeId: script?.start ?? null, answers: [], trail: [], reason: null, suggest: null };
}

/** One answer clicked: the question and answer kept, the reason and suggestion remembered, on to `next`. */
export function answer(walk: ScriptWalk, script: CallScript, option: ScriptAnswerOption): ScriptWalk {
  const node = walk.nodeId ? script.nodes[walk.nodeId] : undefined;
  if (!node || !walk.nodeId) return walk;
  const next = option.next && script.nodes[option.next] ? option.next : null;
  return {
    nodeId: next,
    answers: [...walk.answers, { question: node.say, answer: option.label }],
    trail: [...walk.trail, walk.nodeId],
    reason: option.reason ?? walk.reason,
    suggest: option.suggest ?? walk.suggest,
  };
}

/** Back one question: its answer is forgotten (the reason and suggestion stay as the earlier answers left them). */
export function back(walk: ScriptWalk): ScriptWalk {
  const previous = walk.trail.at(-1);
  if (previous === undefined) return walk;
  return { ...walk, nodeId: previous, trail: walk.trail.slice(0, -1), answers: walk.answers.slice(0, -1) };
}

/** The form a script answer's `action` opens ("promise", "plan", "dispute", "callback", "payment_link"). */
export function formOf(action: string | undefined): WorkspaceForm | null {
  if (action === 'promise' || action === 'plan' || action === 'dispute' || action === 'callback')
    return action;
  if (action === 'payment_plan') return 'plan';
  if (action === 'payment_link') return 'paymentLink';
  return null;
}
