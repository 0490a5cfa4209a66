import { DomainError } from '@relance/core';
import type { Transaction } from 'kysely';
import { queueCaseEvent } from '../../../channels/queue-case-event.ts';
import type { ClaimStatus, Database } from '../../../db/schema.ts';
import { refreshCases } from '../../../ledger/refresh-cases.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { appendEvidence } from '../../evidence/journal.ts';
import { readScope } from '../../portfolio/scope.ts';
import { evaluateCaseNow } from '../evaluate-case-now.ts';
import type { DisputeResolutionKind } from './dispute-texts.ts';
import { type DisputeView, loadDisputeViews } from './dispute-view.ts';
import { findDispute, requireOpen } from './find-dispute.ts';

export type ResolutionInput = {
  readonly resolution: DisputeResolutionKind;
  /** Credit note or write-off: the amount; default the whole disputed amount. */
  readonly amountMinor?: number | undefined;
  readonly note?: string | undefined;
};

const STATUS: Readonly<Record<DisputeResolutionKind, 'resolved' | 'rejected' | 'withdrawn'>> = {
  credit_note: 'resolved',
  write_off: 'resolved',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

/**
 * Closes a dispute. A credit note or a (partial) write-off takes the amount off the disputed claims, in
 * invoice order: a claim brought to zero is cancelled, the rest of it is owed again. Rejected or withdrawn:
 * the claims are open again and the ladder resumes. The debtor is told the outcome in writing; claims, case
 * totals, case event, evidence and audit in one transaction.
 */
export async function resolveDispute(
  deps: Deps,
  actor: Actor,
  disputeId: string,
  input: ResolutionInput,
): Promise<DisputeView> {
  const scope = readScope(actor, 'cases:act');
  const now = deps.clock.now();
  const today = deps.clock.today();
  return deps.database.db.transaction().execute(async (trx) => {
    const dispute = await findDispute(trx, scope, disputeId);
    requireOpen(dispute);
    const { tenantId } = scope;
    const disputed = Number(dispute.amount_minor);
    const reduces = input.resolution === 'credit_note' || input.resolution === 'write_off';
    if (!reduces && input.amountMinor !== undefined) {
      throw new DomainError('invalid_input', 'Only a credit note or a write-off has an amount.', {
        reason: 'dispute_amount_not_expected',
        field: 'amountMinor',
      });
    }
    const amount = reduces ? (input.amountMinor ?? disputed) : 0;
    if (reduces && (!Number.isSafeInteger(amount) || amount <= 0 || amount > disputed)) {
      throw new DomainError('invalid_input', 'The amount must be positive and at most the disputed amount.', {
        reason: 'dispute_resolution_amount_invalid',
        field: 'amountMinor',
        disputedMinor: disputed,
      });
    }
    const claims = await reopenClaims(trx, tenantId, disputeId, amount, now);
    await trx
      .updateTable('disputes')
      .set({
        status: STATUS[input.resolution],
        resolution: input.resolution,
        resolution_minor: reduces ? amount : null,
        resolution_note: input.note ?? null,
        resolved_by: actor.id,
        resolved_at: now,
        updated_at: now,
      })
      .where('tenant_id', '=', tenantId)
      .where('dispute_id', '=', disputeId)
      .execute();
    await refreshCases(trx, tenantId, [dispute.case_id], now);
    await queueCaseEvent(trx, {
      tenantId,
      caseId: dispute.case_id,
      kind: 'dispute_resolved',
      on: today,
      data: { disputeId, resolution: input.resolution },
      recordedBy: actor.id,
      now,
    });
    const facts = { disputeId, resolution: input.resolution, amountMinor: reduces ? amount : null, claims };
    await appendEvidence(trx, {
      tenantId,
      caseId: dispute.case_id,
      at: now,
      kind: 'dispute_resolved',
      actor: `user:${actor.id}`,
      payload: { ...facts, note: input.note ?? null },
    });
    await appendAudit(trx, {
      tenantId,
      at: now,
      actor,
      action: 'dispute.resolve',
      entityKind: 'dispute',
      entityId: disputeId,
      data: { caseId: dispute.case_id, ...facts },
    });
    await evaluateCaseNow(trx, deps.database.raw, {
      tenantId,
      caseId: dispute.case_id,
      today,
      now,
      origin: `dispute:${disputeId}:resolved`,
    });
    const [view] = await loadDisputeViews(trx, tenantId, [disputeId]);
    if (!view) throw new Error('The dispute just resolved is missing.');
    return view;
  });
}

/**
 * Puts the dispute's claims back in the ledger, less the amount credited or written off (in invoice order).
 * What the claim's other open disputes cover stays disputed: the claim is `disputed` again when they cover all
 * that is left of it, else open with that part (`disputed_minor`).
 */
async function reopenClaims(
  trx: Transaction<Database>,
  tenantId: string,
  disputeId: string,
  amount: number,
  now: string,
) {
  const rows = await trx
    .selectFrom('dispute_claims as dc')
    .innerJoin('claims as c', (j) =>
      j.onRef('c.tenant_id', '=', 'dc.tenant_id').onRef('c.claim_id', '=', 'dc.claim_id'),
    )
    .select(['c.claim_id', 'c.invoice_number', 'c.status', 'c.outstanding_minor', 'dc.amount_minor'])
    .where('dc.tenant_id', '=', tenantId)
    .where('dc.dispute_id', '=', disputeId)
    .orderBy('c.invoice_number')
    .execute();
  const others = await otherDisputedParts(
    trx,
    tenantId,
    disputeId,
    rows.map((r) => r.claim_id),
  );
  let left = amount;
  const changed: { claimId: string; reducedMinor: number; outstandingMinor: number; status: string }[] = [];
  for (const row of rows) {
    const outstanding = Number(row.outstanding_minor);
    const reduced = Math.min(left, Number(row.amount_minor), outstanding);
    left -= reduced;
    const after = outstanding - reduced;
    const stillDisputed = Math.min(others.get(row.claim_id) ?? 0, Math.max(0, after));
    // A claim paid meanwhile stays paid; otherwise it is cancelled when nothing is left, disputed when its
    // other disputes cover the rest, else owed again.
    const status: ClaimStatus =
      row.status !== 'disputed' && row.status !== 'open'
        ? row.status
        : after <= 0
          ? 'cancelled'
          : stillDisputed >= after
            ? 'disputed'
            : 'open';
    await trx
      .updateTable('claims')
      .set({
        outstanding_minor: after,
        status,
        disputed_minor: stillDisputed,
        ...(stillDisputed === 0 ? { dispute_reason: null } : {}),
        updated_at: now,
      })
      .where('tenant_id', '=', tenantId)
      .where('claim_id', '=', row.claim_id)
      .execute();
    changed.push({ claimId: row.claim_id, reducedMinor: reduced, outstandingMinor: after, status });
  }
  return changed;
}

/** What the other open disputes on these claims cover, per claim. */
async function otherDisputedParts(
  trx: Transaction<Database>,
  tenantId: string,
  disputeId: string,
  claimIds: readonly string[],
): Promise<Map<string, number>> {
  if (claimIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('dispute_claims as dc')
    .innerJoin('disputes as d', (j) =>
      j.onRef('d.tenant_id', '=', 'dc.tenant_id').onRef('d.dispute_id', '=', 'dc.dispute_id'),
    )
    .select(['dc.claim_id', 'dc.amount_minor'])
    .where('dc.tenant_id', '=', tenantId)
    .where('dc.claim_id', 'in', claimIds)
    .where('d.status', '=', 'open')
    .where('d.dispute_id', '!=', disputeId)
    .execute();
  const parts = new Map<string, number>();
  for (const r of rows) parts.set(r.claim_id, (parts.get(r.claim_id) ?? 0) + Number(r.amount_minor));
  return parts;
}
