import { DomainError } from '@relance/core';
import { renderPlanAgreement } from '../../../channels/letters/render-plan-agreement.ts';
import { queueCaseEvent } from '../../../channels/queue-case-event.ts';
import { newId } from '../../../db/ids.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { requirePermission } from '../../access/permissions.ts';
import { appendEvidence, storeDocument } from '../../evidence/journal.ts';
import { loadTemplateVariables } from '../../templates/case-variables.ts';
import { evaluateCaseNow } from '../evaluate-case-now.ts';
import { cancelLadderCalls } from '../queue/cancel-ladder-calls.ts';
import { loadPlanBasis } from './plan-basis.ts';
import {
  agreementKey,
  allowedFrom,
  loadRecipient,
  queueMessage,
  reminderKey,
  reminderPlan,
} from './plan-outbox.ts';
import { type PlanView, readPlan } from './plan-view.ts';
import { type PlanRequest, previewFromBasis } from './preview-plan.ts';

/**
 * Agrees a payment plan, in one transaction: the plan and its instalments; an open promise replaced; the
 * case event the engine checks each instalment against (a missed one, after the grace, breaks the plan); the
 * agreement as a PDF kept in the documents and the evidence journal; the e-mail that carries it to the
 * debtor; a reminder before each instalment (keyed by plan and instalment: never twice); the audit entry.
 * A proposal that breaks the creditor's limits is refused with every violation (`plan_policy_refused`).
 */
export async function createPlan(
  deps: Deps,
  actor: Actor,
  caseId: string,
  request: PlanRequest,
): Promise<PlanView> {
  requirePermission(actor, 'cases:act');
  const now = deps.clock.now();
  const today = deps.clock.today();
  const tenantId = actor.tenantId;
  // The debtor agreeing on the portal acts as the system actor 'debtor' (use-cases/portal/debtor-actor.ts).
  const agreedBy = actor.kind === 'system' ? actor.id : `user:${actor.id}`;
  return deps.database.db.transaction().execute(async (trx) => {
    const basis = await loadPlanBasis(trx, tenantId, caseId, request.claimIds, today);
    const preview = previewFromBasis(basis, request, today);
    if (preview.violations.length > 0) {
      throw new DomainError('invalid_input', 'The plan breaks the creditor’s limits.', {
        reason: 'plan_policy_refused',
        violations: preview.violations,
        currency: basis.currency,
      });
    }
    const active = await trx
      .selectFrom('payment_plans')
      .select('plan_id')
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (active) {
      throw new DomainError('conflict', 'The case already has an active payment plan.', {
        reason: 'plan_already_active',
        planId: active.plan_id,
      });
    }
    const kase = await trx
      .selectFrom('cases')
      .select(['outstanding_minor'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    const planId = newId();
    const recipient = await loadRecipient(trx, tenantId, caseId);
    const variables = await loadTemplateVariables(trx, tenantId, caseId, {
      language: recipient.language,
      today,
    });
    const pdf = await renderPlanAgreement({
      variables,
      kind: request.kind,
      agreedOn: today,
      currency: basis.currency,
      claims: basis.claims,
      principalMinor: basis.principalMinor,
      interestMinor: basis.interestMinor,
      feesMinor: basis.feesMinor,
      totalMinor: basis.totalMinor,
      instalments: preview.instalments,
    });
    const document = await storeDocument(trx, {
      tenantId,
      caseId,
      kind: 'plan_agreement',
      mediaType: 'application/pdf',
      fileName: `plan-${variables.case.ref}-${today}.pdf`,
      content: pdf,
      createdAt: now,
    });
    await trx
      .insertInto('payment_plans')
      .values({
        tenant_id: tenantId,
        plan_id: planId,
        case_id: caseId,
        kind: request.kind,
        status: 'active',
        currency: basis.currency,
        principal_minor: basis.principalMinor,
        interest_minor: basis.interestMinor,
        fees_minor: basis.feesMinor,
        total_minor: basis.totalMinor,
        down_payment_minor: preview.downPaymentMinor,
        instalment_count: preview.instalments.length,
        claim_ids: JSON.stringify(preview.claimIds),
        agreed_on: today,
        agreed_by: agreedBy,
        document_id: document.documentId,
        ended_on: null,
        end_reason: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const count = preview.instalments.length;
    for (const i of preview.instalments) {
      const reminder = reminderPlan(recipient, caseId, i, today, now);
      const reminderId = reminder
        ? await queueMessage(trx, {
            tenantId,
            caseId,
            actionKey: reminderKey(planId, i.seq),
            channel: reminder.channel,
            template: 'plan-reminder',
            language: recipient.language,
            purpose: 'reminder',
            plannedOn: reminder.plannedOn,
            scheduledAt: reminder.scheduledAt,
            instalments: count,
            documentId: null,
            now,
          })
        : null;
      await trx
        .insertInto('plan_instalments')
        .values({
          tenant_id: tenantId,
          plan_id: planId,
          seq: i.seq,
          due_on: i.dueOn,
          amount_minor: i.amountMinor,
          status: 'pending',
          paid_minor: 0,
          reminder_action_id: reminderId,
        })
        .execute();
    }
    const agreementActionId = recipient.email
      ? await queueMessage(trx, {
          tenantId,
          caseId,
          actionKey: agreementKey(planId),
          channel: 'email',
          template: 'plan-agreement',
          language: recipient.language,
          purpose: 'confirmation',
          plannedOn: today,
          scheduledAt: allowedFrom(recipient, caseId, 'email', 'confirmation', now),
          instalments: count,
          documentId: document.documentId,
          now,
        })
      : null;
    // The engine follows the plan from now on; an open promise is replaced by it.
    const replaced = await trx
      .updateTable('promises')
      .set({ status: 'cancelled', end_reason: 'superseded', checked_on: today, updated_at: now })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      .returning('promise_id')
      .execute();
    const eventId = await queueCaseEvent(trx, {
      tenantId,
      caseId,
      kind: 'plan',
      on: today,
      data: {
        instalments: preview.instalments.map((i) => ({ dueOn: i.dueOn, amountMinor: i.amountMinor })),
        baselineMinor: Number(kase.outstanding_minor),
        planId,
      },
      recordedBy: actor.id,
      now,
    });
    const terms = {
      planId,
      kind: request.kind,
      currency: basis.currency,
      claimIds: preview.claimIds,
      principalMinor: basis.principalMinor,
      interestMinor: basis.interestMinor,
      feesMinor: basis.feesMinor,
      totalMinor: basis.totalMinor,
      instalments: preview.instalments,
    };
    await appendEvidence(trx, {
      tenantId,
      caseId,
      actionId: agreementActionId,
      at: now,
      kind: 'plan_agreed',
      actor: agreedBy,
      payload: { ...terms, replacedPromises: replaced.map((p) => p.promise_id) },
      document,
    });
    await appendAudit(trx, {
      tenantId,
      at: now,
      actor,
      action: 'payment_plan.create',
      entityKind: 'payment_plan',
      entityId: planId,
      data: { ...terms, caseId, eventId, agreementActionId, documentId: document.documentId },
    });
    // The ladder follows the plan now, not after tomorrow's run: no reminder meanwhile, no ladder call.
    await cancelLadderCalls(trx, tenantId, caseId, now);
    await evaluateCaseNow(trx, deps.database.raw, { tenantId, caseId, today, now, origin: `plan:${planId}` });
    const view = await readPlan(trx, tenantId, planId);
    if (!view) throw new Error('The plan just written cannot be read back.');
    return view;
  });
}
