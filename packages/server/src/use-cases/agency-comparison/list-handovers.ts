import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { creditorFilter, readScope } from '../portfolio/scope.ts';
import { type Handover, viewOf } from './handovers.ts';

/** A hand-over as a list shows it: with the debtor's name, so that a person knows which case it is. */
export type ListedHandover = Handover & { readonly debtorName: string };

export type HandoverFilter = {
  readonly agencyId?: string | undefined;
  readonly creditorId?: string | undefined;
  /** `open`: still with the agency; `recalled`: taken back. Both when absent. */
  readonly status?: 'open' | 'recalled' | undefined;
};

/** The hand-overs, newest first, at most 1,000 (a client sees its own creditor's). */
export async function listHandovers(
  deps: Deps,
  actor: Actor,
  filter: HandoverFilter,
): Promise<readonly ListedHandover[]> {
  const scope = readScope(actor);
  const creditorId = creditorFilter(scope, filter.creditorId);
  const rows = await deps.database.db
    .selectFrom('agency_handovers as h')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'h.tenant_id').onRef('c.case_id', '=', 'h.case_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .selectAll('h')
    .select('d.name as debtor_name')
    .where('h.tenant_id', '=', scope.tenantId)
    .$if(filter.agencyId !== undefined, (q) => q.where('h.agency_id', '=', filter.agencyId ?? ''))
    .$if(creditorId !== undefined, (q) => q.where('h.creditor_id', '=', creditorId ?? ''))
    .$if(filter.status === 'open', (q) => q.where('h.recalled_on', 'is', null))
    .$if(filter.status === 'recalled', (q) => q.where('h.recalled_on', 'is not', null))
    .orderBy('h.handed_on', 'desc')
    .orderBy('h.handover_id')
    .limit(1000)
    .execute();
  return rows.map((row) => ({ ...viewOf(row), debtorName: row.debtor_name }));
}
