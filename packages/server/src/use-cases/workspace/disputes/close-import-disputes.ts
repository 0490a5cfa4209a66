import { sql, type Transaction } from 'kysely';
import { newId } from '../../../db/ids.ts';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { appendEvidence } from '../../evidence/journal.ts';

/** Ids per statement: well within both engines' limits on bound values. */
const CHUNK = 500;

type Cleared = {
  readonly dispute_id: string;
  readonly case_id: string;
  readonly claim_id: string;
  readonly invoice_number: string;
  readonly status: string;
};

/**
 * What the creditor's next file says about disputes already open, inside the import's transaction, for the
 * claims this import wrote (a changed row; an unchanged one says nothing new):
 *
 * - a dispute the import opened, on a claim the file no longer marks as disputed, is closed: resolution
 *   `cleared`, by the import. The case gets a `dispute_resolved` event, so the debtor is told only if the
 *   strategy's reaction sends a message; one evidence entry per dispute, one audit entry per dispute.
 * - a dispute an agent or the debtor opened is not the file's to close: a claim the file wrote back as open
 *   while such a dispute still covers all of it is disputed again (a partial one keeps its disputed part).
 *
 * Set-based: both start from the tenant's open disputes (an index lookup) and reach each claim by its key,
 * never scanning the claims of the import; only the disputes closed cost a statement each (their journal
 * entries, chained one after the other).
 */
export async function closeImportDisputes(
  trx: Transaction<Database>,
  input: {
    readonly tenantId: string;
    readonly importId: string;
    readonly actor: Actor;
    readonly today: string;
    readonly now: string;
  },
): Promise<{ readonly closed: number; readonly kept: number }> {
  const { tenantId, importId, now } = input;
  const kept = await keepPeopleDisputes(trx, tenantId, importId, now);
  const cleared = (
    await sql<Cleared>`
    select d.dispute_id, d.case_id, c.claim_id, c.invoice_number, c.status
    from disputes d
    join dispute_claims dc on dc.tenant_id = d.tenant_id and dc.dispute_id = d.dispute_id
    join claims c on c.tenant_id = dc.tenant_id and c.claim_id = dc.claim_id
    where d.tenant_id = ${tenantId} and d.status = 'open' and d.opened_via = 'import'
      and c.import_id = ${importId} and c.status <> 'disputed'
    order by d.dispute_id
  `.execute(trx)
  ).rows;
  if (cleared.length === 0) return { closed: 0, kept };
  const by = `import:${importId}`;
  for (let i = 0; i < cleared.length; i += CHUNK) {
    const chunk = cleared.slice(i, i + CHUNK);
    await trx
      .updateTable('disputes')
      .set({ status: 'resolved', resolution: 'cleared', resolved_by: by, resolved_at: now, updated_at: now })
      .where('tenant_id', '=', tenantId)
      .where(
        'dispute_id',
        'in',
        chunk.map((d) => d.dispute_id),
      )
      .execute();
    await trx
      .insertInto('case_events')
      .values(
        chunk.map((d) => ({
          tenant_id: tenantId,
          event_id: newId(),
          case_id: d.case_id,
          kind: 'dispute_resolved',
          occurred_on: input.today,
          data: JSON.stringify({ disputeId: d.dispute_id, resolution: 'cleared' }),
          recorded_by: by,
          created_at: now,
          applied_run_id: null,
        })),
      )
      .execute();
  }
  for (const d of cleared) {
    const facts = {
      disputeId: d.dispute_id,
      resolution: 'cleared',
      importId,
      claims: [{ claimId: d.claim_id, invoiceNumber: d.invoice_number, status: d.status }],
    };
    await appendEvidence(trx, {
      tenantId,
      caseId: d.case_id,
      at: now,
      kind: 'dispute_resolved',
      actor: by,
      payload: facts,
    });
    await appendAudit(trx, {
      tenantId,
      at: now,
      actor: input.actor,
      action: 'dispute.resolve',
      entityKind: 'dispute',
      entityId: d.dispute_id,
      data: { caseId: d.case_id, ...facts },
    });
  }
  return { closed: cleared.length, kept };
}

/** Claims of this import written back as open that an agent's or the debtor's open dispute still covers whole. */
async function keepPeopleDisputes(
  trx: Transaction<Database>,
  tenantId: string,
  importId: string,
  now: string,
): Promise<number> {
  const result = await sql`
    update claims set status = 'disputed', updated_at = ${now},
      dispute_reason = coalesce(dispute_reason, (
        select d.reason from disputes d
        join dispute_claims dc on dc.tenant_id = d.tenant_id and dc.dispute_id = d.dispute_id
        where dc.tenant_id = claims.tenant_id and dc.claim_id = claims.claim_id and d.status = 'open'
        order by d.created_at desc limit 1))
    where tenant_id = ${tenantId} and import_id = ${importId} and status = 'open'
      and outstanding_minor > 0 and outstanding_minor <= disputed_minor
      and claim_id in (
        select dc.claim_id from disputes d
        join dispute_claims dc on dc.tenant_id = d.tenant_id and dc.dispute_id = d.dispute_id
        where d.tenant_id = ${tenantId} and d.status = 'open' and d.opened_via <> 'import')
  `.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}
