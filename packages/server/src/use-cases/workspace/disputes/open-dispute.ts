import { addDays, DomainError, disputedPart, isIsoDate } from '@relance/core';
import type { Transaction } from 'kysely';
import { queueCaseEvent } from '../../../channels/queue-case-event.ts';
import { newId } from '../../../db/ids.ts';
import type { Database } from '../../../db/schema.ts';
import { refreshCases } from '../../../ledger/refresh-cases.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { appendEvidence } from '../../evidence/journal.ts';
import { readScope } from '../../portfolio/scope.ts';
import { evaluateCaseNow } from '../evaluate-case-now.ts';
import type { DisputeReason } from './dispute-texts.ts';
import { type DisputeView, loadDisputeViews } from './dispute-view.ts';
import { requireOwner } from './require-owner.ts';

export type DisputeInput = {
  readonly reason: DisputeReason;
  readonly description?: string | undefined;
  /** The disputed claims; an amount left out is the claim's whole outstanding. */
  readonly claims: readonly { readonly claimId: string; readonly amountMinor?: number | undefined }[];
  readonly ownerId?: string | undefined;
  /** When an answer is due; default today + 30 days. */
  readonly deadlineOn?: string | undefined;
};

export const DEFAULT_DISPUTE_DAYS = 30;

/** Outbox statuses of a contact not yet made: a dispute of the whole case cancels them. */
const PENDING = ['planned', 'review'] as const;

/** An agent opens a dispute on some claims of a case. */
export async function openDispute(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: DisputeInput,
): Promise<DisputeView> {
  const scope = readScope(actor, 'cases:act');
  return writeDispute(deps, { ...scope, actor, via: 'agent', by: `user:${actor.id}` }, caseId, input);
}

/** The debtor contests on their own page (issue #6 calls this once it has identified the debtor and the case). */
export async function openDebtorDispute(
  deps: Deps,
  tenantId: string,
  caseId: string,
  input: Omit<DisputeInput, 'ownerId' | 'deadlineOn'>,
): Promise<DisputeView> {
  return writeDispute(
    deps,
    { tenantId, creditorId: null, actor: null, via: 'debtor', by: 'debtor' },
    caseId,
    input,
  );
}

/**
 * The disputed claims leave the ladder at once: a claim disputed whole becomes `disputed`; a claim disputed in
 * part stays `open` with its disputed part (`claims.disputed_minor`), and only the rest of it is asked for. The
 * case's totals follow. When nothing undisputed is left, every contact not yet made is cancelled and the engine
 * holds the case; otherwise the ladder goes on, its messages no longer counting the disputed amounts. The
 * debtor gets a written acknowledgement. One transaction with the evidence and audit entries.
 */
async function writeDispute(
  deps: Deps,
  who: {
    readonly tenantId: string;
    readonly creditorId: string | null;
    readonly actor: Actor | null;
    readonly via: 'agent' | 'debtor';
    readonly by: string;
  },
  caseId: string,
  input: DisputeInput,
): Promise<DisputeView> {
  const { tenantId } = who;
  const now = deps.clock.now();
  const today = deps.clock.today();
  const deadlineOn = input.deadlineOn ?? addDays(today, DEFAULT_DISPUTE_DAYS);
  if (!isIsoDate(deadlineOn) || deadlineOn < today) {
    throw new DomainError('invalid_input', 'The deadline must be a date from today on.', {
      reason: 'dispute_deadline_invalid',
      field: 'deadlineOn',
    });
  }
  if (input.claims.length === 0) {
    throw new DomainError('invalid_input', 'A dispute needs at least one claim.', {
      reason: 'dispute_no_claim',
      field: 'claims',
    });
  }
  return deps.database.db.transaction().execute(async (trx) => {
    const kase = await trx
      .selectFrom('cases')
      .select(['case_id', 'currency'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .$if(who.creditorId !== null, (q) => q.where('creditor_id', '=', who.creditorId ?? ''))
      .executeTakeFirst();
    if (!kase) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
    if (input.ownerId) await requireOwner(trx, tenantId, input.ownerId);
    const ids = input.claims.map((c) => c.claimId);
    if (new Set(ids).size !== ids.length) {
      throw new DomainError('invalid_input', 'A claim is named twice.', {
        reason: 'dispute_claim_twice',
        field: 'claims',
      });
    }
    const claims = await trx
      .selectFrom('claims')
      .select(['claim_id', 'invoice_number', 'status', 'outstanding_minor', 'disputed_minor'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('claim_id', 'in', ids)
      .execute();
    const disputed = input.claims.map((asked) => {
      const claim = claims.find((c) => c.claim_id === asked.claimId);
      if (!claim) {
        throw new DomainError('invalid_input', `Claim ${asked.claimId} is not a claim of this case.`, {
          reason: 'dispute_claim_not_in_case',
          field: 'claims',
          claimId: asked.claimId,
        });
      }
      if (claim.status !== 'open') {
        throw new DomainError('conflict', `Invoice ${claim.invoice_number} is ${claim.status}.`, {
          reason: 'dispute_claim_not_open',
          invoice: claim.invoice_number,
          status: claim.status,
        });
      }
      const outstanding = Number(claim.outstanding_minor);
      const before = disputedPart({
        status: claim.status,
        outstandingMinor: outstanding,
        disputedMinor: Number(claim.disputed_minor),
      });
      // What another dispute already covers cannot be disputed again.
      const left = outstanding - before;
      if (left <= 0) {
        throw new DomainError('conflict', `Invoice ${claim.invoice_number} is disputed.`, {
          reason: 'dispute_claim_not_open',
          invoice: claim.invoice_number,
          status: 'disputed',
        });
      }
      const amount = asked.amountMinor ?? left;
      if (!Number.isSafeInteger(amount) || amount <= 0 || amount > left) {
        throw new DomainError(
          'invalid_input',
          `The disputed amount on ${claim.invoice_number} is out of range.`,
          {
            reason: 'dispute_amount_invalid',
            field: 'claims',
            invoice: claim.invoice_number,
            outstandingMinor: left,
          },
        );
      }
      return { claimId: claim.claim_id, amountMinor: amount, disputedMinor: before + amount, outstanding };
    });
    const disputeId = newId();
    const amountMinor = disputed.reduce((sum, c) => sum + c.amountMinor, 0);
    await trx
      .insertInto('disputes')
      .values({
        tenant_id: tenantId,
        dispute_id: disputeId,
        case_id: caseId,
        status: 'open',
        reason: input.reason,
        description: input.description ?? null,
        amount_minor: amountMinor,
        currency: kase.currency,
        opened_via: who.via,
        opened_by: who.by,
        owner_id: input.ownerId ?? null,
        deadline_on: deadlineOn,
        resolution: null,
        resolution_minor: null,
        resolution_note: null,
        resolved_by: null,
        resolved_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('dispute_claims')
      .values(
        disputed.map((c) => ({
          tenant_id: tenantId,
          dispute_id: disputeId,
          claim_id: c.claimId,
          amount_minor: c.amountMinor,
        })),
      )
      .execute();
    for (const c of disputed) {
      // Disputed whole (by this dispute, or with the ones before it): the claim leaves the ladder. In part: it
      // stays open, and only the rest of it is asked for.
      const whole = c.disputedMinor >= c.outstanding;
      await trx
        .updateTable('claims')
        .set({
          ...(whole ? { status: 'disputed' as const } : {}),
          disputed_minor: c.disputedMinor,
          dispute_reason: input.reason,
          updated_at: now,
        })
        .where('tenant_id', '=', tenantId)
        .where('claim_id', '=', c.claimId)
        .execute();
    }
    await refreshCases(trx, tenantId, [caseId], now);
    const open = await trx
      .selectFrom('claims')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      .whereRef('outstanding_minor', '>', 'disputed_minor')
      .executeTakeFirstOrThrow();
    const wholeCase = Number(open.n) === 0;
    const cancelled = wholeCase ? await cancelPendingContacts(trx, tenantId, caseId, disputeId, now) : 0;
    await queueCaseEvent(trx, {
      tenantId,
      caseId,
      kind: 'dispute',
      on: today,
      data: { disputeId },
      recordedBy: who.actor?.id ?? who.by,
      now,
    });
    const facts = {
      disputeId,
      reason: input.reason,
      amountMinor,
      currency: kase.currency,
      claims: disputed.map((c) => ({
        claimId: c.claimId,
        amountMinor: c.amountMinor,
        whole: c.disputedMinor >= c.outstanding,
      })),
      wholeCase,
      cancelled,
    };
    await appendEvidence(trx, {
      tenantId,
      caseId,
      at: now,
      kind: 'dispute_opened',
      actor: who.by,
      payload: facts,
    });
    await appendAudit(trx, {
      tenantId,
      at: now,
      actor: who.actor,
      action: 'dispute.open',
      entityKind: 'dispute',
      entityId: disputeId,
      data: { caseId, via: who.via, ...facts },
    });
    await evaluateCaseNow(trx, deps.database.raw, {
      tenantId,
      caseId,
      today,
      now,
      origin: `dispute:${disputeId}`,
    });
    const [view] = await loadDisputeViews(trx, tenantId, [disputeId]);
    if (!view) throw new Error('The dispute just written is missing.');
    return view;
  });
}

/** No contact about a disputed debt: the outbox's pending actions and open call tasks of the case are cancelled. */
async function cancelPendingContacts(
  trx: Transaction<Database>,
  tenantId: string,
  caseId: string,
  disputeId: string,
  now: string,
): Promise<number> {
  const result = await trx
    .updateTable('actions')
    .set({ status: 'cancelled', last_error: `Cancelled: the whole case is disputed (dispute ${disputeId}).` })
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', 'in', [...PENDING])
    .executeTakeFirst();
  await trx
    .updateTable('call_tasks')
    .set({ status: 'cancelled', updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .execute();
  return Number(result.numUpdatedRows);
}
