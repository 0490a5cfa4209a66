import type { FigureSpec } from './figure-specs.ts';

/**
 * The day a claim became owed: its issue date, its creation date when it has none. The figures' history
 * counts a claim in the receivables from that day — the creditor's receivables exist from the invoice on,
 * whenever Relance learned of them (an import of three years of invoices is three years of history, which
 * is what DSO's countback also assumes).
 */
export const claimIssueOf = (row: string) => `coalesce(${row}.issue_date, substr(${row}.created_at, 1, 10))`;

/**
 * The day a claim entered the portfolio being collected — its cohort for the liquidation curves (issue #7).
 * A claim handed over in an agency placement enters on the placement's `placed_on`: an agency's curves
 * start the day the client gave it the claims. A creditor's own claim enters on the day it became owed
 * (`claimIssueOf`), not on the day it was imported, for the same reason as above.
 */
export const claimStartOf = (row: string) =>
  `coalesce((select p.placed_on from placements p where p.tenant_id = ${row}.tenant_id ` +
  `and p.placement_id = ${row}.placement_id), ${claimIssueOf(row)})`;

/**
 * The cohort month (`YYYY-MM`) of `claimStartOf`, the placement looked up only for a claim that has one: the
 * same value, without a subquery per row on the write paths that compute it for every claim they touch (the
 * strategy deltas' triggers, decision 0016).
 */
export const cohortMonthOf = (row: string) =>
  `substr(case when ${row}.placement_id is null then ${claimIssueOf(row)} else ${claimStartOf(row)} end, 1, 7)`;

const debtorKindOf = (row: string) =>
  `coalesce((select d.kind from debtors d where d.tenant_id = ${row}.tenant_id and d.debtor_id = ${row}.debtor_id), 'unknown')`;

/**
 * Claims by cohort (migration 0017): what each placement month placed, still owes and has paid through
 * Relance — the running figures the current month's point of a liquidation curve is read from. Kept by
 * their own triggers on claims and debtors, by the rules of `figure-specs.ts`.
 */
export const COHORT_FIGURES: FigureSpec = {
  source: 'claims',
  triggerStem: 'cohorts',
  figures: 'cohort_figures',
  deltas: 'cohort_figure_deltas',
  keys: [
    { name: 'tenant_id', expression: (r) => `${r}.tenant_id` },
    { name: 'creditor_id', expression: (r) => `${r}.creditor_id` },
    { name: 'segment', expression: debtorKindOf },
    { name: 'currency', expression: (r) => `${r}.currency` },
    { name: 'cohort_month', expression: (r) => `substr(${claimStartOf(r)}, 1, 7)` },
  ],
  measures: [
    { name: 'claim_count', expression: (r) => `case when ${r}.status <> 'cancelled' then 1 else 0 end` },
    {
      name: 'amount_minor',
      expression: (r) => `case when ${r}.status <> 'cancelled' then ${r}.amount_minor else 0 end`,
    },
    {
      name: 'receivable_minor',
      expression: (r) =>
        `case when ${r}.status in ('open', 'disputed') then ${r}.outstanding_minor else 0 end`,
    },
    {
      name: 'collected_minor',
      expression: (r) => `${r}.paid_principal_minor + ${r}.paid_interest_minor + ${r}.paid_fees_minor`,
    },
  ],
  watched: [
    'status',
    'amount_minor',
    'outstanding_minor',
    'currency',
    'issue_date',
    'created_at',
    'placement_id',
    'creditor_id',
    'debtor_id',
    'paid_principal_minor',
    'paid_interest_minor',
    'paid_fees_minor',
  ],
};
