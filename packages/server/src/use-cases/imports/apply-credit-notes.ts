import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CreditPlan } from '../../formats/einvoice/einvoice-claims.ts';
import { refreshCases } from '../../ledger/refresh-cases.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { stopSettledCase } from '../payments/apply-allocation.ts';

/** What a credit did to one invoice it names. */
export type CreditApplicationOutcome =
  /** Its outstanding went down by `appliedMinor`. */
  | 'applied'
  /** This credit was taken off this claim by an earlier import: nothing changes. */
  | 'already_applied'
  /** The creditor has no claim with that number (not imported yet, or another creditor's). */
  | 'invoice_not_found'
  | 'currency_mismatch'
  /** The claim owes nothing any more (paid, cancelled, or credited in full). */
  | 'invoice_settled'
  /** The credit was used up on the invoices named before this one. */
  | 'credit_exhausted';

export type CreditApplication = {
  readonly invoiceNumber: string;
  readonly outcome: CreditApplicationOutcome;
  readonly claimId: string | null;
  readonly appliedMinor: number;
  readonly outstandingAfterMinor: number | null;
};

export type CreditOutcome = {
  readonly key: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly applications: readonly CreditApplication[];
  /** What no invoice took: reported to a person, never booked as a negative claim. */
  readonly unappliedMinor: number;
};

export type CreditToApply = CreditPlan & { readonly number: string; readonly fileName: string };

const ACTION = 'claim.credited';

type ClaimFacts = {
  readonly claim_id: string;
  readonly case_id: string;
  readonly outstanding_minor: number;
  readonly currency: string;
  readonly status: string;
  readonly paid_principal_minor: number;
  readonly disputed_minor: number;
};

/**
 * Takes each credit note (or negative invoice) off the creditor's invoices it names, in the order named,
 * once: a credit already taken off a claim — an audit entry `claim.credited` with its key says so — is
 * not taken again, so importing the same credit note twice changes nothing. A claim brought to zero is
 * cancelled (or paid when money had come in), its case's totals are recomputed and a case with nothing
 * left leaves its ladder, as after a payment. All in one transaction. The caller checks the permission.
 */
export async function applyCreditNotes(
  deps: Deps,
  actor: Actor,
  creditorId: string,
  credits: readonly CreditToApply[],
): Promise<CreditOutcome[]> {
  if (credits.length === 0) return [];
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const changedCases = new Set<string>();
    const outcomes: CreditOutcome[] = [];
    for (const credit of credits) {
      const applications: CreditApplication[] = [];
      let left = credit.amountMinor;
      for (const invoiceNumber of credit.invoices) {
        const claim = await findClaim(trx, actor.tenantId, creditorId, invoiceNumber);
        const application = await applyToClaim(trx, actor, { credit, invoiceNumber, claim, left, now });
        applications.push(application);
        left -= application.appliedMinor;
        if (application.outcome === 'applied' && claim) changedCases.add(claim.case_id);
      }
      outcomes.push({
        key: credit.key,
        amountMinor: credit.amountMinor,
        currency: credit.currency,
        applications,
        unappliedMinor: Math.max(0, left),
      });
    }
    if (changedCases.size > 0) await settleCases(trx, actor.tenantId, [...changedCases], now);
    return outcomes;
  });
}

async function findClaim(
  trx: Transaction<Database>,
  tenantId: string,
  creditorId: string,
  invoiceNumber: string,
): Promise<ClaimFacts | undefined> {
  return trx
    .selectFrom('claims')
    .select([
      'claim_id',
      'case_id',
      'outstanding_minor',
      'currency',
      'status',
      'paid_principal_minor',
      'disputed_minor',
    ])
    .where('tenant_id', '=', tenantId)
    .where('creditor_id', '=', creditorId)
    .where('invoice_number', '=', invoiceNumber)
    .executeTakeFirst();
}

async function applyToClaim(
  trx: Transaction<Database>,
  actor: Actor,
  p: {
    readonly credit: CreditToApply;
    readonly invoiceNumber: string;
    readonly claim: ClaimFacts | undefined;
    readonly left: number;
    readonly now: string;
  },
): Promise<CreditApplication> {
  const { credit, invoiceNumber, claim } = p;
  const result = (outcome: CreditApplicationOutcome, applied = 0, after: number | null = null) => ({
    invoiceNumber,
    outcome,
    claimId: claim?.claim_id ?? null,
    appliedMinor: applied,
    outstandingAfterMinor: after ?? claim?.outstanding_minor ?? null,
  });
  if (!claim) return result('invoice_not_found');
  if (claim.currency !== credit.currency) return result('currency_mismatch');
  const earlier = await earlierApplication(trx, actor.tenantId, claim.claim_id, credit.key);
  if (earlier !== null) return result('already_applied', earlier);
  if (claim.outstanding_minor <= 0 || (claim.status !== 'open' && claim.status !== 'disputed')) {
    return result('invoice_settled');
  }
  if (p.left <= 0) return result('credit_exhausted');
  const applied = Math.min(p.left, claim.outstanding_minor);
  const after = claim.outstanding_minor - applied;
  const settledStatus = claim.paid_principal_minor > 0 ? 'paid' : 'cancelled';
  await trx
    .updateTable('claims')
    .set({
      outstanding_minor: after,
      disputed_minor: Math.min(claim.disputed_minor, after),
      status: after === 0 ? settledStatus : (claim.status as 'open' | 'disputed'),
      updated_at: p.now,
    })
    .where('tenant_id', '=', actor.tenantId)
    .where('claim_id', '=', claim.claim_id)
    .execute();
  await appendAudit(trx, {
    tenantId: actor.tenantId,
    at: p.now,
    actor,
    action: ACTION,
    entityKind: 'claim',
    entityId: claim.claim_id,
    data: {
      creditKey: credit.key,
      creditNote: credit.number,
      file: credit.fileName,
      invoiceNumber,
      amountMinor: applied,
      currency: credit.currency,
      outstandingBeforeMinor: claim.outstanding_minor,
      outstandingAfterMinor: after,
    },
  });
  return result('applied', applied, after);
}

/** The amount this credit took off this claim before, or null when it never did. */
async function earlierApplication(
  trx: Transaction<Database>,
  tenantId: string,
  claimId: string,
  key: string,
): Promise<number | null> {
  const rows = await trx
    .selectFrom('audit_log')
    .select('data')
    .where('tenant_id', '=', tenantId)
    .where('entity_kind', '=', 'claim')
    .where('entity_id', '=', claimId)
    .where('action', '=', ACTION)
    .execute();
  for (const row of rows) {
    const data = JSON.parse(row.data) as { creditKey?: unknown; amountMinor?: unknown };
    if (data.creditKey === key && typeof data.amountMinor === 'number') return data.amountMinor;
  }
  return null;
}

/** Case totals recomputed; a case with nothing left to collect stops its reminders, as after a payment. */
async function settleCases(
  trx: Transaction<Database>,
  tenantId: string,
  caseIds: readonly string[],
  now: string,
): Promise<void> {
  await refreshCases(trx, tenantId, caseIds, now);
  const closed = await trx
    .selectFrom('cases')
    .select('case_id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', 'in', caseIds)
    .where('status', '=', 'closed')
    .execute();
  for (const c of closed) await stopSettledCase(trx, tenantId, c.case_id, now);
}
