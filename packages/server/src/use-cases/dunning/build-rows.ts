import {
  type CaseProgress,
  type CompliancePolicy,
  type GateDecision,
  NEW_PROGRESS,
  type NextAction,
  type Reason,
} from '@relance/core';
import { newId } from '../../db/ids.ts';
import type { CaseDecision } from './decide-case.ts';
import type { ScheduledAction } from './schedule-actions.ts';
import type { ActionRow, BlockedRow, CaseRow } from './write-batch.ts';

/** Turns one decided and scheduled case into the rows the batch writes. */
export function rowsOf(
  decision: CaseDecision,
  scheduled: readonly ScheduledAction[],
  policy: CompliancePolicy,
  rows: { actions: ActionRow[]; cases: CaseRow[]; blocked: BlockedRow[]; eventIds: string[] },
): void {
  const { item, plan } = decision;
  const notes =
    decision.notes.length === 0
      ? plan.notes
      : plan.notes.length === 0
        ? decision.notes
        : [...decision.notes, ...plan.notes];
  for (const s of scheduled) {
    const actionId = newId();
    rows.actions.push({
      actionId,
      caseId: item.caseId,
      actionKey: s.action.key,
      scheduledAt: s.scheduledAt,
      channel: s.action.channel,
      template: s.action.template,
      language: item.language,
      purpose: s.action.purpose,
      status: s.status,
      strategyKey: decision.strategyKey,
      strategyVersion: decision.strategyVersion,
      stepKey: s.action.stepKey,
      reason: reasonJson(s.action.reason),
      gate: gateRecord(s.gate),
      amounts: null,
    });
    if (s.gate.kind === 'blocked' && s.status === 'blocked') {
      rows.blocked.push({
        decisionId: newId(),
        caseId: item.caseId,
        actionKey: s.action.key,
        channel: s.action.channel,
        purpose: s.action.purpose,
        policy: policy.key,
        code: s.gate.code,
        explanation: JSON.stringify(s.gate.explanation),
      });
    }
  }
  rows.cases.push({
    caseId: item.caseId,
    strategyKey: decision.strategyKey,
    stage: plan.stage,
    progress: compactProgress(plan.progress),
    nextRunOn: nextRunOn(plan.next),
    nextAction: plan.next ? nextJson(decision.strategyKey, plan.next) : null,
    lastNotes: notes.length > 0 ? notesJson(notes) : null,
  });
  for (const e of item.events) rows.eventIds.push(e.eventId);
}

/**
 * Interned JSON, a few thousand distinct texts a run: cases on the same step share their reasons, notes,
 * progress, next step and gate verdict, so each text is made once, and the batch hands one string over for
 * all of them.
 */
class JsonMemo {
  readonly #texts = new Map<string, string>();

  of(key: string, make: () => string): string {
    let json = this.#texts.get(key);
    if (json === undefined) {
      if (this.#texts.size > 10_000) this.#texts.clear();
      json = make();
      this.#texts.set(key, json);
    }
    return json;
  }
}

/** One part of a memo key, unambiguous whatever it holds: its type, its length, itself. */
function part(v: string | number | boolean | null | undefined): string {
  const text = String(v);
  return `${typeof v === 'string' ? 's' : v === null ? 'z' : 'o'}${text.length}:${text}`;
}

/** A reason's identity: its code and its parameters in order. */
function reasonKey(r: Reason): string {
  let key = r.code;
  for (const k in r.params) key += `|${k}=${part(r.params[k])}`;
  return key;
}

const reasons = new JsonMemo();
const noteLists = new JsonMemo();
const gates = new JsonMemo();
const nextSteps = new JsonMemo();
const progressTexts = new JsonMemo();

function reasonJson(reason: Reason): string {
  return reasons.of(reasonKey(reason), () => JSON.stringify({ reason }));
}

function notesJson(notes: readonly Reason[]): string {
  let key = '';
  for (const n of notes) key += `${reasonKey(n)}\n`;
  return noteLists.of(key, () => JSON.stringify(notes));
}

function nextRunOn(next: NextAction | null): string | null {
  return next ? next.on : null;
}

/** An allowed verdict is kept as its policy and rule (the text is rebuilt on reading); a refusal in full. */
function gateRecord(gate: GateDecision): string {
  if (gate.kind !== 'allowed') return JSON.stringify(gate);
  return gates.of(part(gate.policy) + part(gate.rule), () =>
    JSON.stringify({ kind: gate.kind, policy: gate.policy, rule: gate.rule }),
  );
}

/** Cases of one strategy share a few next steps and dates. The step's name is read from the strategy when shown. */
function nextJson(strategyKey: string | null, next: NextAction): string {
  return nextSteps.of(part(strategyKey) + part(next.kind) + part(next.stepKey) + part(next.on), () =>
    JSON.stringify({ ...next, stepName: null }),
  );
}

/**
 * The progress without the fields still at their default: a million cases, smaller rows. Most cases stand on
 * a step and nothing more (no pause, promise, plan, switch or count): one text per step.
 */
function compactProgress(p: CaseProgress): string {
  const d = NEW_PROGRESS;
  const step: Partial<Record<keyof CaseProgress, unknown>> = {};
  if (p.strategyVersion !== d.strategyVersion) step.strategyVersion = p.strategyVersion;
  if (p.stepIndex !== d.stepIndex) step.stepIndex = p.stepIndex;
  if (p.stepKey !== d.stepKey) step.stepKey = p.stepKey;
  if (p.stepOn !== d.stepOn) step.stepOn = p.stepOn;
  const more = beyondStep(p);
  if (more !== null) return JSON.stringify({ ...step, ...more });
  return progressTexts.of(
    part(p.strategyVersion) + part(p.stepIndex) + part(p.stepKey) + part(p.stepOn),
    () => JSON.stringify(step),
  );
}

/** The progress's fields beyond its step that are not at their default, or null when there are none. */
function beyondStep(p: CaseProgress): Partial<Record<keyof CaseProgress, unknown>> | null {
  let out: Partial<Record<keyof CaseProgress, unknown>> | null = null;
  const set = (k: keyof CaseProgress, v: unknown) => {
    out ??= {};
    out[k] = v;
  };
  if (p.cycle !== NEW_PROGRESS.cycle) set('cycle', p.cycle);
  if (p.pausedManually) set('pausedManually', true);
  if (p.pausedUntil !== null) set('pausedUntil', p.pausedUntil);
  if (p.pauseReason !== null) set('pauseReason', p.pauseReason);
  if (p.promise !== null) set('promise', p.promise);
  if (p.plan !== null) set('plan', p.plan);
  if (p.switches.email || p.switches.phone || p.switches.call) set('switches', p.switches);
  if (p.unansweredCalls !== 0) set('unansweredCalls', p.unansweredCalls);
  if (p.brokenPromises !== 0) set('brokenPromises', p.brokenPromises);
  if (p.completedOn !== null) set('completedOn', p.completedOn);
  return out;
}
