import type { DateText, DisputeVariables, Language, MoneyText } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/schema.ts';
import { disputeOutcomeText, disputeReasonText } from './dispute-texts.ts';

type Reader = Db | Transaction<Database>;

/** The dispute last opened or resolved on the case: what its acknowledgement or resolution tells the debtor. */
export async function loadDisputeVariables(
  db: Reader,
  tenantId: string,
  caseId: string,
  language: Language,
  money: (minor: number) => MoneyText,
  date: (iso: string) => DateText,
): Promise<DisputeVariables | null> {
  const dispute = await db
    .selectFrom('disputes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('updated_at', 'desc')
    .orderBy('dispute_id', 'desc')
    .executeTakeFirst();
  if (!dispute) return null;
  const claims = await db
    .selectFrom('dispute_claims as dc')
    .innerJoin('claims as c', (j) =>
      j.onRef('c.tenant_id', '=', 'dc.tenant_id').onRef('c.claim_id', '=', 'dc.claim_id'),
    )
    .select(['c.invoice_number', 'dc.amount_minor'])
    .where('dc.tenant_id', '=', tenantId)
    .where('dc.dispute_id', '=', dispute.dispute_id)
    .orderBy('c.invoice_number')
    .execute();
  const resolved = dispute.resolution_minor === null ? null : Number(dispute.resolution_minor);
  return {
    reason: disputeReasonText(dispute.reason, language),
    amount: money(Number(dispute.amount_minor)),
    claims: claims.map((c) => ({ number: c.invoice_number, amount: money(Number(c.amount_minor)) })),
    deadline: dispute.deadline_on ? date(dispute.deadline_on) : null,
    outcome: dispute.resolution ? disputeOutcomeText(dispute.resolution, language) : null,
    resolvedAmount: resolved !== null && resolved > 0 ? money(resolved) : null,
  };
}
