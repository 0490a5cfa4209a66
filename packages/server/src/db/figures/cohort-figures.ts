import type { FigureSpec } from './figure-specs.ts';

/**
 * The month a claim entered the portfolio — its cohort for the liquidation curves (issue #7), and the day
 * the figures' history counts it from (`claimStartOf`).
 *
 * A claim handed over in an agency placement starts on the placement's `placed_on`. A creditor's own claim
 * starts on its issue date (its creation date when it has none), not on the day it was imported: the
 * creditor's receivables exist from the invoice on, and an import of three years of invoices would
 * otherwise make one cohort and one month of history out of them.
 */
export const claimStartOf = (row: string) =>
  `coalesce((select p.placed_on from placements p where p.tenant_id = ${row}.tenant_id ` +
  `and p.placement_id = ${row}.placement_id), ${row}.issue_date, substr(${row}.created_at, 1, 10))`;

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
