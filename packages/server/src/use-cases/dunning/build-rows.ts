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
import { END, type MemoNode, ValueMemo } from './value-memo.ts';
import type { ActionRow, BlockedRow, CaseRow } from './write-batch.ts';

/** Turns one decided and scheduled case into the rows the batch writes. */
export function rowsOf(
  decision: CaseDecision,
  scheduled: readonly ScheduledAction[],
  policy: CompliancePolicy,
  rows: { actions: ActionRow[]; cases: CaseRow[]; blocked: BlockedRow[]; eventIds: string[] },
): void {
  const { item, plan } = decision;
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
    lastNotes: decision.notes.length + plan.notes.length > 0 ? notesJson(decision.notes, plan.notes) : null,
  });
  for (const e of item.events) rows.eventIds.push(e.eventId);
}

/**
 * Interned JSON, a few thousand distinct texts a run: cases on the same step share their reasons, notes,
 * progress, next step and gate verdict, so each text is made once, and the batch hands one string over for
 * all of them. Each is found by the values it is made of (`ValueMemo`), without building a key.
 */
const reasons = new ValueMemo<string>();
const noteLists = new ValueMemo<string>();
const gates = new ValueMemo<string>();
const nextSteps = new ValueMemo<string>();
const progressTexts = new ValueMemo<string>();

/** A reason's path from `node`: its code, each parameter's name and value in order, then `END`. */
function reasonPath(memo: ValueMemo<string>, node: MemoNode<string>, r: Reason): MemoNode<string> {
  let at = memo.at(node, r.code);
  for (const k in r.params) at = memo.at(memo.at(at, k), r.params[k]);
  return memo.at(at, END);
}

function reasonJson(reason: Reason): string {
  return reasons.value(reasonPath(reasons, reasons.start(), reason), () => JSON.stringify({ reason }));
}

/** The case's notes: the decision's, then the plan's. */
function notesJson(first: readonly Reason[], then: readonly Reason[]): string {
  let at = noteLists.start();
  for (const n of first) at = reasonPath(noteLists, at, n);
  for (const n of then) at = reasonPath(noteLists, at, n);
  return noteLists.value(at, () => JSON.stringify([...first, ...then]));
}

function nextRunOn(next: NextAction | null): string | null {
  return next ? next.on : null;
}

/** An allowed verdict is kept as its policy and rule (the text is rebuilt on reading); a refusal in full. */
function gateRecord(gate: GateDecision): string {
  if (gate.kind !== 'allowed') return JSON.stringify(gate);
  const at = gates.at(gates.at(gates.start(), gate.policy), gate.rule);
  return gates.value(at, () => JSON.stringify({ kind: gate.kind, policy: gate.policy, rule: gate.rule }));
}

/** Cases of one strategy share a few next steps and dates. The step's name is read from the strategy when shown. */
function nextJson(strategyKey: string | null, next: NextAction): string {
  const m = nextSteps;
  const at = m.at(m.at(m.at(m.at(m.start(), strategyKey), next.kind), next.stepKey), next.on);
  return m.value(at, () => JSON.stringify({ ...next, stepName: null }));
}

/**
 * The progress without the fields still at their default: a million cases, smaller rows. Most cases stand on
 * a step and nothing more (no pause, promise, plan, switch or count): one text per step.
 */
function compactProgress(p: CaseProgress): string {
  const more = beyondStep(p);
  if (more !== null) return JSON.stringify({ ...stepOf(p), ...more });
  const m = progressTexts;
  const at = m.at(m.at(m.at(m.at(m.start(), p.strategyVersion), p.stepIndex), p.stepKey), p.stepOn);
  return m.value(at, () => JSON.stringify(stepOf(p)));
}

/** The progress's step fields that are not at their default. */
function stepOf(p: CaseProgress): Partial<Record<keyof CaseProgress, unknown>> {
  const d = NEW_PROGRESS;
  const step: Partial<Record<keyof CaseProgress, unknown>> = {};
  if (p.strategyVersion !== d.strategyVersion) step.strategyVersion = p.strategyVersion;
  if (p.stepIndex !== d.stepIndex) step.stepIndex = p.stepIndex;
  if (p.stepKey !== d.stepKey) step.stepKey = p.stepKey;
  if (p.stepOn !== d.stepOn) step.stepOn = p.stepOn;
  return step;
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
