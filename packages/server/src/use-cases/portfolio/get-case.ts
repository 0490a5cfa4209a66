import { type CaseVerdict, claimCaseVerdict, DomainError } from '@relance/core';
import type { Locale } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { stepNames } from '../strategies/strategy-book.ts';
import { type CaseSummary, caseSummaryColumns, scopedCases, toCaseSummary } from './case-summary.ts';
import {
  assessClaimView,
  type ClaimAssessment,
  type ClaimView,
  claimColumns,
  contactFacts,
  toClaimView,
} from './claim-view.ts';
import { type ContactView, loadContacts } from './contact-view.ts';
import { type DebtorView, findDebtor } from './debtor-view.ts';
import { readScope } from './scope.ts';

export type CaseDetail = {
  readonly case: CaseSummary;
  readonly debtor: DebtorView & { readonly contacts: readonly ContactView[] };
  readonly claims: readonly (ClaimView & { readonly assessment: ClaimAssessment })[];
  readonly totals: CaseTotals;
  /** The creditor's hold and withdrawal (creditor portal), shown to everyone who works the case. */
  readonly control: CaseControl;
};

export type CaseControl = {
  readonly heldAt: string | null;
  readonly withdrawnAt: string | null;
  readonly withdrawalReason: string | null;
};

export type CaseTotals = {
  readonly currency: string;
  readonly amountMinor: number;
  readonly outstandingMinor: number;
  readonly disputedMinor: number;
  /** Claims and their outstanding amounts by verdict (a settled claim counts as settled, not blocked). */
  readonly byVerdict: Readonly<
    Record<CaseVerdict, { readonly count: number; readonly outstandingMinor: number }>
  >;
};

/** One case with its debtor, contacts and claims, each claim assessed for today in the caller's language. */
export async function getCase(
  deps: Deps,
  actor: Actor,
  input: { readonly caseId: string; readonly locale: Locale },
): Promise<CaseDetail> {
  const scope = readScope(actor);
  const today = deps.clock.today();
  const db = deps.database.db;
  const { query, collectability } = scopedCases(db, scope, today);
  const row = await query
    .select([...caseSummaryColumns, collectability.as('collectability')])
    .where('c.case_id', '=', input.caseId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  const summary = toCaseSummary(row, today, await stepNames(db, scope.tenantId));

  const [debtor, contacts, claimRows, control] = await Promise.all([
    findDebtor(db, scope, summary.debtor.id),
    loadContacts(db, scope.tenantId, summary.debtor.id),
    db
      .selectFrom('claims')
      .select(claimColumns)
      .where('tenant_id', '=', scope.tenantId)
      .where('case_id', '=', input.caseId)
      .orderBy('due_date')
      .orderBy('invoice_number')
      .execute(),
    db
      .selectFrom('cases')
      .select(['held_at', 'withdrawn_at', 'withdrawal_reason'])
      .where('tenant_id', '=', scope.tenantId)
      .where('case_id', '=', input.caseId)
      .executeTakeFirstOrThrow(),
  ]);
  if (!debtor) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });

  const facts = contactFacts(contacts);
  const byVerdict = {
    collectable: { count: 0, outstandingMinor: 0 },
    pre_due: { count: 0, outstandingMinor: 0 },
    blocked: { count: 0, outstandingMinor: 0 },
    settled: { count: 0, outstandingMinor: 0 },
  };
  let amountMinor = 0;
  let outstandingMinor = 0;
  let disputedMinor = 0;
  const claims = claimRows.map((r) => {
    const claim = toClaimView(r);
    const { assessment, core } = assessClaimView(claim, facts, today, input.locale);
    const bucket = byVerdict[claimCaseVerdict(core)];
    bucket.count++;
    bucket.outstandingMinor += claim.outstandingMinor;
    amountMinor += claim.amountMinor;
    outstandingMinor += claim.outstandingMinor;
    disputedMinor += claim.disputedMinor;
    return { ...claim, assessment };
  });

  return {
    case: summary,
    debtor: { ...debtor, contacts },
    claims,
    totals: { currency: summary.currency, amountMinor, outstandingMinor, disputedMinor, byVerdict },
    control: {
      heldAt: control.held_at,
      withdrawnAt: control.withdrawn_at,
      withdrawalReason: control.withdrawal_reason,
    },
  };
}
