import {
  type CaseProgress,
  type CompliancePolicy,
  type GateDecision,
  NEW_PROGRESS,
  type NextAction,
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
  const notes = [...decision.notes, ...plan.notes];
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
      reason: JSON.stringify({ reason: s.action.reason }),
      gate: JSON.stringify(gateRecord(s.gate)),
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
    nextAction: plan.next ? JSON.stringify(plan.next) : null,
    lastNotes: notes.length > 0 ? JSON.stringify(notes) : null,
  });
  for (const e of item.events) rows.eventIds.push(e.eventId);
}

function nextRunOn(next: NextAction | null): string | null {
  return next ? next.on : null;
}

/** An allowed verdict is kept as its policy and rule (the text is rebuilt on reading); a refusal in full. */
function gateRecord(gate: GateDecision): object {
  return gate.kind === 'allowed' ? { kind: gate.kind, policy: gate.policy, rule: gate.rule } : gate;
}

/** The progress without the fields still at their default: a million cases, smaller rows. */
function compactProgress(progress: CaseProgress): string {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(progress)) {
    const initial = NEW_PROGRESS[key as keyof CaseProgress];
    if (value === initial) continue;
    if (key === 'switches' && Object.keys(value as object).length === 0) continue;
    out[key] = value;
  }
  return JSON.stringify(out);
}
