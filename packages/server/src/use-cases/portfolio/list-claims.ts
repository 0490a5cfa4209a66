import { assertNever } from '@relance/core';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { ClaimStatus, DebtorKind } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { claimWithPartiesColumns, scopedClaims } from './claim-rows.ts';
import { assessClaimView, type ClaimView, toClaimView } from './claim-view.ts';
import { containsText, type Page, type PageRequest, pageWindow, type SortOrder } from './pagination.ts';
import { creditorFilter, readScope } from './scope.ts';

export type ClaimSort = 'dueDate' | 'outstanding' | 'amount' | 'invoiceNumber' | 'updated';

export type ClaimFilters = PageRequest & {
  /** Invoice number, external ref or debtor name, case-insensitive. */
  readonly q?: string;
  readonly creditorId?: string;
  readonly debtorId?: string;
  readonly caseId?: string;
  readonly status?: ClaimStatus;
  readonly dueFrom?: string;
  readonly dueTo?: string;
  readonly minOutstanding?: number;
  readonly maxOutstanding?: number;
  readonly sort?: ClaimSort;
  readonly order?: SortOrder;
};

export type ClaimListItem = ClaimView & {
  readonly debtor: {
    readonly id: string;
    readonly ref: string;
    readonly name: string;
    readonly kind: DebtorKind;
  };
  readonly creditor: { readonly id: string; readonly ref: string; readonly name: string };
  /** The core's verdict for today (the reasons are on the claim's own page). */
  readonly verdict: 'collectable' | 'pre_due' | 'blocked';
  readonly settled: boolean;
};

/** The claims the actor may see, filtered, sorted and paged. */
export async function listClaims(
  deps: Deps,
  actor: Actor,
  filters: ClaimFilters,
): Promise<Page<ClaimListItem>> {
  const scope = readScope(actor);
  const today = deps.clock.today();
  const { page, pageSize, offset } = pageWindow(filters);
  let query = scopedClaims(deps.database.db, scope);
  const creditorId = creditorFilter(scope, filters.creditorId);
  if (creditorId !== undefined) query = query.where('cl.creditor_id', '=', creditorId);
  const debtorId = filters.debtorId;
  if (debtorId !== undefined) {
    // Claims are not indexed by debtor (migration 0002): a debtor's claims are found through its cases.
    query = query
      .where('cl.debtor_id', '=', debtorId)
      .where('cl.case_id', 'in', (eb) =>
        eb
          .selectFrom('cases as dk')
          .select('dk.case_id')
          .where('dk.tenant_id', '=', scope.tenantId)
          .where('dk.debtor_id', '=', debtorId),
      );
  }
  if (filters.caseId !== undefined) query = query.where('cl.case_id', '=', filters.caseId);
  if (filters.status !== undefined) query = query.where('cl.status', '=', filters.status);
  if (filters.dueFrom !== undefined) query = query.where('cl.due_date', '>=', filters.dueFrom);
  if (filters.dueTo !== undefined) query = query.where('cl.due_date', '<=', filters.dueTo);
  if (filters.minOutstanding !== undefined)
    query = query.where('cl.outstanding_minor', '>=', filters.minOutstanding);
  if (filters.maxOutstanding !== undefined)
    query = query.where('cl.outstanding_minor', '<=', filters.maxOutstanding);
  const q = filters.q?.trim();
  if (q) query = query.where((eb) => eb.or(searchConditions(q)));

  const counted = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const order = filters.order ?? 'asc';
  const sort = filters.sort ?? 'dueDate';
  const column = sortColumn(sort);
  const rows = await query
    .select(claimWithPartiesColumns)
    .orderBy(column, order)
    .orderBy('cl.claim_id')
    .limit(pageSize)
    .offset(offset)
    .execute();
  const noContacts = {
    validEmails: 0,
    invalidEmails: 0,
    validPhones: 0,
    invalidPhones: 0,
    postalAddresses: 0,
  };
  const items = rows.map((r) => {
    const claim = toClaimView(r);
    const { assessment } = assessClaimView(claim, noContacts, today, 'en');
    return {
      ...claim,
      debtor: { id: r.debtor_id, ref: r.debtor_ref, name: r.debtor_name, kind: r.debtor_kind },
      creditor: { id: r.creditor_id, ref: r.creditor_ref, name: r.creditor_name },
      verdict: assessment.verdict,
      settled: assessment.settled,
    };
  });
  return { items, total: Number(counted.total), page, pageSize };
}

function sortColumn(sort: ClaimSort): RawBuilder<unknown> {
  switch (sort) {
    case 'dueDate':
      return sql.ref('cl.due_date');
    case 'outstanding':
      return sql.ref('cl.outstanding_minor');
    case 'amount':
      return sql.ref('cl.amount_minor');
    case 'invoiceNumber':
      return sql.ref('cl.invoice_number');
    case 'updated':
      return sql.ref('cl.updated_at');
    default:
      return assertNever(sort);
  }
}

function searchConditions(q: string): RawBuilder<SqlBool>[] {
  return [
    containsText('cl.invoice_number', q),
    containsText('cl.external_ref', q),
    containsText('d.name', q),
  ];
}
