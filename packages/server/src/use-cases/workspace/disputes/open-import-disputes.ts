import { addDays } from '@relance/core';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/** Days the creditor has to settle a dispute its own system reported, as for one an agent opens. */
const DEADLINE_DAYS = 30;

/**
 * A claim the creditor's file marks as disputed (a "litige" column, a dispute reason) becomes a dispute
 * opened by the import: one per claim, reason `other` with the file's words as its description, for the
 * claim's outstanding amount, due in thirty days, no owner yet. Set-based, inside the import's transaction,
 * only for the claims this import wrote (inserted or changed) that have no open dispute already — a
 * re-import of the same file opens nothing (its rows are unchanged), and a dispute an agent opened first is
 * kept as it is.
 * The claim is already out of the ladder (its status is `disputed`); no acknowledgement is sent, since the
 * creditor's system reported what the debtor told the creditor. A person may resolve it in the workspace; a
 * later file that no longer marks the claim closes it (`closeImportDisputes`). Returns how many were opened.
 */
export async function openImportDisputes(
  trx: Transaction<Database>,
  input: {
    readonly tenantId: string;
    readonly importId: string;
    readonly today: string;
    readonly now: string;
  },
): Promise<number> {
  const { tenantId, importId, now } = input;
  const deadline = addDays(input.today, DEADLINE_DAYS);
  // One per claim and import: a claim disputed again by a later file, after its dispute was closed, gets a new one.
  const prefix = `import-dispute:${importId}:`;
  const opened = await sql`
    insert into disputes (tenant_id, dispute_id, case_id, status, reason, description, amount_minor, currency,
      opened_via, opened_by, owner_id, deadline_on, created_at, updated_at)
    select c.tenant_id, ${prefix} || c.claim_id, c.case_id, 'open', 'other', c.dispute_reason,
      c.outstanding_minor, c.currency, 'import', ${`import:${importId}`}, null, ${deadline}, ${now}, ${now}
    from claims c
    where c.tenant_id = ${tenantId} and c.import_id = ${importId} and c.status = 'disputed'
      and not exists (
        select 1 from dispute_claims dc
        join disputes d on d.tenant_id = dc.tenant_id and d.dispute_id = dc.dispute_id
        where dc.tenant_id = c.tenant_id and dc.claim_id = c.claim_id and d.status = 'open')
  `.execute(trx);
  const count = Number(opened.numAffectedRows ?? 0n);
  if (count === 0) return 0;
  await sql`
    insert into dispute_claims (tenant_id, dispute_id, claim_id, amount_minor)
    select c.tenant_id, d.dispute_id, c.claim_id, c.outstanding_minor
    from claims c
    join disputes d on d.tenant_id = c.tenant_id and d.dispute_id = ${prefix} || c.claim_id
    where c.tenant_id = ${tenantId} and c.import_id = ${importId} and c.status = 'disputed'
      and d.opened_by = ${`import:${importId}`}
      and not exists (
        select 1 from dispute_claims dc where dc.tenant_id = d.tenant_id and dc.dispute_id = d.dispute_id)
  `.execute(trx);
  return count;
}
