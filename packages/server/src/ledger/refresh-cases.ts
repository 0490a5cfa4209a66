import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Case ids per statement: a short IN list keeps each statement's plan an index lookup per case. */
const CHUNK = 500;

/**
 * Recomputes the aggregates of the given cases from their claims, set-based (one UPDATE … FROM per chunk
 * of cases, same SQL on SQLite and PostgreSQL). Run it in the transaction that changed the claims.
 *
 * - outstanding: what is still owed on open and disputed claims; disputed: the part under dispute (all of a
 *   disputed claim, the disputed part of an open one, as core `disputedPart` says);
 * - claim_count: every claim; open_claim_count: claims open or disputed (not paid, not cancelled);
 * - oldest_due_date: the earliest due date among open and disputed claims;
 * - earliest_prescription_end: the earliest end of limitation among open, undisputed claims (a disputed
 *   claim is not chased, so its limitation is watched by the dispute, not by the case);
 * - status: 'open' while a claim is open or disputed, else 'closed';
 * - next_run_on: today at the latest, so that the daily run reacts to the change.
 */
export async function refreshCases(
  db: Kysely<Database>,
  tenantId: string,
  caseIds: Iterable<string>,
  now: string,
): Promise<number> {
  const ids = [...new Set(caseIds)];
  // Claims changed: the daily run looks at these cases again today (a new invoice, a payment, a dispute).
  const today = now.slice(0, 10);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const list = sql.join(chunk);
    await sql`
      update cases set
        outstanding_minor = agg.outstanding,
        disputed_minor = agg.disputed,
        claim_count = agg.claim_count,
        open_claim_count = agg.open_count,
        oldest_due_date = agg.oldest_due,
        earliest_prescription_end = agg.earliest_end,
        status = case when agg.open_count > 0 then 'open' else 'closed' end,
        next_run_on = case when cases.next_run_on is null or cases.next_run_on > ${today} then ${today} else cases.next_run_on end,
        updated_at = ${now}
      from (
        select k.case_id,
          coalesce(sum(case when c.status in ('open', 'disputed') then c.outstanding_minor else 0 end), 0) as outstanding,
          coalesce(sum(case when c.status = 'disputed' then c.outstanding_minor
            when c.status = 'open' and c.disputed_minor > 0 then
              (case when c.disputed_minor < c.outstanding_minor then c.disputed_minor else c.outstanding_minor end)
            else 0 end), 0) as disputed,
          count(c.claim_id) as claim_count,
          coalesce(sum(case when c.status in ('open', 'disputed') then 1 else 0 end), 0) as open_count,
          min(case when c.status in ('open', 'disputed') then c.due_date end) as oldest_due,
          min(case when c.status = 'open' then c.prescription_end end) as earliest_end
        from cases k
        left join claims c on c.tenant_id = k.tenant_id and c.case_id = k.case_id
        where k.tenant_id = ${tenantId} and k.case_id in (${list})
        group by k.case_id
      ) as agg
      where cases.tenant_id = ${tenantId} and cases.case_id in (${list}) and cases.case_id = agg.case_id
    `.execute(db);
  }
  return ids.length;
}
