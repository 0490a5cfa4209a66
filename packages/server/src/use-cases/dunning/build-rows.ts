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

/** A reason's identity: its code and its parameters in order (their values are names, dates and counts). */
function reasonKey(r: Reason): string {
  let key = r.code;
  for (const k in r.params) key += `|${k}=${r.params[k]}`;
  return key;
}

/**
 * Interned JSON, a few thousand distinct texts a run: cases on the same step share their reasons and notes,
 * so each text is made once, and the batch hands one string over for all of them.
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

const reasons = new JsonMemo();
const noteLists = new JsonMemo();

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

const allowedJson = new Map<string, string>();

/** An allowed verdict is kept as its policy and rule (the text is rebuilt on reading); a refusal in full. */
function gateRecord(gate: GateDecision): string {
  if (gate.kind !== 'allowed') return JSON.stringify(gate);
  const key = `${gate.policy}|${gate.rule}`;
  let json = allowedJson.get(key);
  if (json === undefined) {
    json = JSON.stringify({ kind: gate.kind, policy: gate.policy, rule: gate.rule });
    allowedJson.set(key, json);
  }
  return json;
}

const nextJsonCache = new Map<string, string>();

/** Cases of one strategy share a few next steps and dates: their JSON is made once. */
function nextJson(strategyKey: string | null, next: NextAction): string {
  const key = `${strategyKey}|${next.kind}|${next.stepKey}|${next.on}`;
  let json = nextJsonCache.get(key);
  if (json === undefined) {
    if (nextJsonCache.size > 10_000) nextJsonCache.clear();
    // The step's name is not stored: it is read from the strategy when the case is shown.
    json = JSON.stringify({ ...next, stepName: null });
    nextJsonCache.set(key, json);
  }
  return json;
}

/** The progress without the fields still at their default: a million cases, smaller rows. */
function compactProgress(p: CaseProgress): string {
  const d = NEW_PROGRESS;
  const out: Partial<Record<keyof CaseProgress, unknown>> = {};
  if (p.strategyVersion !== d.strategyVersion) out.strategyVersion = p.strategyVersion;
  if (p.stepIndex !== d.stepIndex) out.stepIndex = p.stepIndex;
  if (p.stepKey !== d.stepKey) out.stepKey = p.stepKey;
  if (p.stepOn !== d.stepOn) out.stepOn = p.stepOn;
  if (p.cycle !== d.cycle) out.cycle = p.cycle;
  if (p.pausedManually) out.pausedManually = true;
  if (p.pausedUntil !== null) out.pausedUntil = p.pausedUntil;
  if (p.pauseReason !== null) out.pauseReason = p.pauseReason;
  if (p.promise !== null) out.promise = p.promise;
  if (p.plan !== null) out.plan = p.plan;
  if (p.switches.email || p.switches.phone || p.switches.call) out.switches = p.switches;
  if (p.unansweredCalls !== 0) out.unansweredCalls = p.unansweredCalls;
  if (p.brokenPromises !== 0) out.brokenPromises = p.brokenPromises;
  if (p.completedOn !== null) out.completedOn = p.completedOn;
  // Most cases stand on a step and nothing more (no pause, promise, plan, switch or count): one text per step.
  const plain =
    out.cycle === undefined &&
    !out.pausedManually &&
    out.pausedUntil === undefined &&
    out.pauseReason === undefined &&
    out.promise === undefined &&
    out.plan === undefined &&
    out.switches === undefined &&
    out.unansweredCalls === undefined &&
    out.brokenPromises === undefined &&
    out.completedOn === undefined;
  if (!plain) return JSON.stringify(out);
  return progressTexts.of(`${p.strategyVersion}|${p.stepIndex}|${p.stepKey}|${p.stepOn}`, () =>
    JSON.stringify(out),
  );
}

const progressTexts = new JsonMemo();
