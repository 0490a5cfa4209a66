import type { CompliancePolicy, NextAction } from '@relance/core';
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
  const context = notes.length > 0 ? notes : undefined;
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
      reason: JSON.stringify({ reason: s.action.reason, notes: context }),
      gate: JSON.stringify(s.gate),
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
    progress: JSON.stringify(plan.progress),
    nextRunOn: nextRunOn(plan.next),
    nextAction: plan.next ? JSON.stringify(plan.next) : null,
    lastNotes: notes.length > 0 ? JSON.stringify(notes) : null,
  });
  for (const e of item.events) rows.eventIds.push(e.eventId);
}

function nextRunOn(next: NextAction | null): string | null {
  return next ? next.on : null;
}
