import { compareDates, type IsoDate } from '../shared/dates.ts';
import { addMinor, checkAmount, checkCurrency, checkDate, checkSameCurrency, fail } from './common.ts';
import { type Ratio, ratio } from './ratio.ts';

/**
 * Payment plans and their instalments, from the rows of `payment_plans` and `plan_instalments` (the
 * statuses the run writes back). A plan is 'active', 'completed' (all paid), 'broken' (an instalment
 * missed beyond what the creditor tolerates) or 'cancelled' (by a person, or superseded). The completion
 * rate counts the plans that ended on their own: completed / (completed + broken).
 */
export const PLAN_STATUSES = ['active', 'completed', 'broken', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const INSTALMENT_STATUSES = ['pending', 'paid', 'partly_paid', 'missed'] as const;
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];

export type PlanRow = { readonly status: PlanStatus; readonly totalMinor: number; readonly currency: string };

export type PlanFigures = { readonly count: number; readonly totalMinor: number };

export type PlanSummary = {
  readonly currency: string;
  readonly agreed: PlanFigures;
  readonly byStatus: Readonly<Record<PlanStatus, PlanFigures>>;
  /** completed / (completed + broken). */
  readonly completionRate: Ratio;
};

function tally<S extends string>(statuses: readonly S[]): Record<S, { count: number; totalMinor: number }> {
  return Object.fromEntries(statuses.map((s) => [s, { count: 0, totalMinor: 0 }])) as Record<
    S,
    { count: number; totalMinor: number }
  >;
}

export function planSummary(input: {
  readonly currency: string;
  readonly plans: readonly PlanRow[];
}): PlanSummary {
  checkCurrency(input.currency);
  const byStatus = tally(PLAN_STATUSES);
  const agreed = { count: 0, totalMinor: 0 };
  for (const plan of input.plans) {
    checkSameCurrency(input.currency, plan.currency);
    checkAmount(plan.totalMinor, 'totalMinor');
    const figures = byStatus[plan.status];
    if (!figures) fail(`Unknown plan status: ${plan.status}`, { status: plan.status });
    for (const f of [figures, agreed]) {
      f.count += 1;
      f.totalMinor = addMinor(f.totalMinor, plan.totalMinor);
    }
  }
  return {
    currency: input.currency,
    agreed,
    byStatus,
    completionRate: ratio(byStatus.completed.count, byStatus.completed.count + byStatus.broken.count),
  };
}

export type InstalmentRow = {
  readonly status: InstalmentStatus;
  readonly dueOn: IsoDate;
  readonly amountMinor: number;
  readonly paidMinor: number;
  readonly currency: string;
};

export type InstalmentFigures = {
  readonly count: number;
  readonly amountMinor: number;
  readonly paidMinor: number;
};

export type InstalmentSummary = {
  readonly currency: string;
  readonly byStatus: Readonly<Record<InstalmentStatus, InstalmentFigures>>;
  /** Pending instalments whose date is before `asOf`: late, not yet judged by the run. */
  readonly pendingLate: InstalmentFigures;
  /** Paid in full over judged: paid / (paid + partly paid + missed). */
  readonly paidRate: Ratio;
  /** Paid over due, in money, over the judged instalments. */
  readonly paidAmountRate: Ratio;
};

export function instalmentSummary(input: {
  readonly currency: string;
  readonly asOf: IsoDate;
  readonly instalments: readonly InstalmentRow[];
}): InstalmentSummary {
  checkCurrency(input.currency);
  checkDate(input.asOf, 'asOf');
  const zero = () => ({ count: 0, amountMinor: 0, paidMinor: 0 });
  const byStatus = Object.fromEntries(INSTALMENT_STATUSES.map((s) => [s, zero()])) as Record<
    InstalmentStatus,
    ReturnType<typeof zero>
  >;
  const pendingLate = zero();
  for (const row of input.instalments) {
    checkSameCurrency(input.currency, row.currency);
    checkDate(row.dueOn, 'dueOn');
    checkAmount(row.amountMinor, 'amountMinor');
    checkAmount(row.paidMinor, 'paidMinor');
    const figures = byStatus[row.status];
    if (!figures) fail(`Unknown instalment status: ${row.status}`, { status: row.status });
    const late = row.status === 'pending' && compareDates(row.dueOn, input.asOf) < 0;
    for (const f of late ? [figures, pendingLate] : [figures]) {
      f.count += 1;
      f.amountMinor = addMinor(f.amountMinor, row.amountMinor);
      f.paidMinor = addMinor(f.paidMinor, row.paidMinor);
    }
  }
  const judged = [byStatus.paid, byStatus.partly_paid, byStatus.missed];
  const sum = (pick: (f: InstalmentFigures) => number) => judged.reduce((s, f) => addMinor(s, pick(f)), 0);
  return {
    currency: input.currency,
    byStatus,
    pendingLate,
    paidRate: ratio(
      byStatus.paid.count,
      sum((f) => f.count),
    ),
    paidAmountRate: ratio(
      sum((f) => f.paidMinor),
      sum((f) => f.amountMinor),
    ),
  };
}
