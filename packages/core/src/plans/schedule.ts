import { addDays, addMonths, type IsoDate } from '../shared/dates.ts';
import type { PlanFrequency, PlanPolicy } from './policy.ts';

/** Payment in full now, one payment on a later date (paiement programmé), or instalments. */
export type PlanKind = 'full_now' | 'scheduled' | 'instalments';
export const PLAN_KINDS: readonly PlanKind[] = ['full_now', 'scheduled', 'instalments'];

export type ScheduleInput = {
  readonly kind: PlanKind;
  /** What the plan settles, in minor units: see `planTotal`. */
  readonly totalMinor: number;
  /** Instalments after the down payment ('instalments' only; 1 for the others). */
  readonly count?: number | undefined;
  /** The first instalment's date ('scheduled': the payment's date). */
  readonly firstDueOn?: IsoDate | undefined;
  readonly frequency?: PlanFrequency | undefined;
  /** Paid on the day of the agreement, before the instalments (seq 0). */
  readonly downPaymentMinor?: number | undefined;
  readonly today: IsoDate;
};

export type ScheduledInstalment = {
  readonly seq: number;
  readonly dueOn: IsoDate;
  readonly amountMinor: number;
};

export type PlanViolationCode =
  | 'total_not_positive'
  | 'count_invalid'
  | 'too_many_instalments'
  | 'too_long'
  | 'instalment_too_small'
  | 'down_payment_too_small'
  | 'down_payment_too_large'
  | 'first_due_in_past'
  | 'scheduled_not_later'
  | 'frequency_not_allowed';

/** A limit the proposal breaks: which, the limit, and what was asked (numbers in minor units, months, dates). */
export type PlanViolation = {
  readonly code: PlanViolationCode;
  readonly limit: number | string;
  readonly actual: number | string;
  /** Set when the limit is an agency's mandate with the client (stricter than the creditor's own policy). */
  readonly by?: 'mandate';
};

export type Schedule = {
  readonly instalments: readonly ScheduledInstalment[];
  readonly downPaymentMinor: number;
  readonly violations: readonly PlanViolation[];
};

/**
 * What a plan asks of the debtor: principal, plus interest and fees only where the creditor charges them
 * ('waive' drops them, 'lever' keeps them as a negotiation argument, never claimed).
 */
export function planTotal(input: {
  readonly principalMinor: number;
  readonly interestMinor: number;
  readonly feesMinor: number;
  readonly interestPolicy: 'charge' | 'waive' | 'lever';
  readonly feesPolicy: 'charge' | 'waive' | 'lever';
}): {
  readonly principalMinor: number;
  readonly interestMinor: number;
  readonly feesMinor: number;
  readonly totalMinor: number;
} {
  const interestMinor = input.interestPolicy === 'charge' ? input.interestMinor : 0;
  const feesMinor = input.feesPolicy === 'charge' ? input.feesMinor : 0;
  return {
    principalMinor: input.principalMinor,
    interestMinor,
    feesMinor,
    totalMinor: input.principalMinor + interestMinor + feesMinor,
  };
}

/**
 * The n-th date from the anchor: months are added to the anchor itself, never chained, so 31 January gives
 * 28 (or 29) February then 31 March — the anchor day comes back whenever the month has it.
 */
export function nthDueDate(anchor: IsoDate, frequency: PlanFrequency, n: number): IsoDate {
  switch (frequency) {
    case 'monthly':
      return addMonths(anchor, n);
    case 'biweekly':
      return addDays(anchor, 14 * n);
    case 'weekly':
      return addDays(anchor, 7 * n);
  }
}

/**
 * Splits `amount` into `count` integer parts whose sum is exact: each part is the floor of the even share, and
 * the remainder cents go one each to the **first** parts (the debtor pays the odd cents early; the last
 * instalments are the round ones). 100.00 in 3 → 33.34, 33.33, 33.33.
 */
export function splitEvenly(amountMinor: number, count: number): readonly number[] {
  const base = Math.floor(amountMinor / count);
  const remainder = amountMinor - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < remainder ? 1 : 0));
}

/** Whole months from `from` to `to`, rounded up: how long the plan runs, against `maxMonths`. */
function monthsSpanned(from: IsoDate, to: IsoDate): number {
  let months = 0;
  while (addMonths(from, months) < to) months += 1;
  return months;
}

/**
 * The exact schedule of a proposal and every limit of the creditor's policy it breaks. The schedule is
 * computed even when it breaks a limit (the agent sees what was asked and why it is refused); an input that
 * cannot make a schedule (no positive total, no count) gives no instalments.
 */
export function computeSchedule(input: ScheduleInput, policy: PlanPolicy): Schedule {
  const violations: PlanViolation[] = [];
  const total = input.totalMinor;
  if (!Number.isInteger(total) || total <= 0) {
    return {
      instalments: [],
      downPaymentMinor: 0,
      violations: [{ code: 'total_not_positive', limit: 1, actual: total }],
    };
  }
  const today = input.today;
  if (input.kind === 'full_now') {
    return { instalments: [{ seq: 1, dueOn: today, amountMinor: total }], downPaymentMinor: 0, violations };
  }
  if (input.kind === 'scheduled') {
    const dueOn = input.firstDueOn ?? today;
    if (dueOn <= today) violations.push({ code: 'scheduled_not_later', limit: today, actual: dueOn });
    const months = monthsSpanned(today, dueOn);
    if (months > policy.maxMonths)
      violations.push({ code: 'too_long', limit: policy.maxMonths, actual: months });
    return { instalments: [{ seq: 1, dueOn, amountMinor: total }], downPaymentMinor: 0, violations };
  }

  const count = input.count ?? 0;
  const frequency = input.frequency ?? 'monthly';
  const firstDueOn = input.firstDueOn ?? addMonths(today, 1);
  const down = input.downPaymentMinor ?? 0;
  if (!Number.isInteger(count) || count < 1) {
    return {
      instalments: [],
      downPaymentMinor: down,
      violations: [{ code: 'count_invalid', limit: 1, actual: count }],
    };
  }
  if (!Number.isInteger(down) || down < 0 || down >= total) {
    violations.push({ code: 'down_payment_too_large', limit: total - 1, actual: down });
    return { instalments: [], downPaymentMinor: down, violations };
  }
  if (count > policy.maxInstalments) {
    violations.push({ code: 'too_many_instalments', limit: policy.maxInstalments, actual: count });
  }
  if (!policy.allowedFrequencies.includes(frequency)) {
    violations.push({
      code: 'frequency_not_allowed',
      limit: policy.allowedFrequencies.join(','),
      actual: frequency,
    });
  }
  if (firstDueOn < today) violations.push({ code: 'first_due_in_past', limit: today, actual: firstDueOn });
  // The required down payment, rounded up to the cent so that "10 %" is never met by a cent less.
  const requiredDown = Math.ceil((total * policy.minDownPaymentPercent) / 100);
  if (down < requiredDown) {
    violations.push({ code: 'down_payment_too_small', limit: requiredDown, actual: down });
  }
  const amounts = splitEvenly(total - down, count);
  const instalments: ScheduledInstalment[] = [];
  if (down > 0) instalments.push({ seq: 0, dueOn: today, amountMinor: down });
  amounts.forEach((amountMinor, i) => {
    instalments.push({ seq: i + 1, dueOn: nthDueDate(firstDueOn, frequency, i), amountMinor });
  });
  const smallest = Math.min(...amounts);
  if (smallest < policy.minInstalmentMinor) {
    violations.push({ code: 'instalment_too_small', limit: policy.minInstalmentMinor, actual: smallest });
  }
  const last = instalments[instalments.length - 1]?.dueOn ?? firstDueOn;
  const months = monthsSpanned(today, last);
  if (months > policy.maxMonths)
    violations.push({ code: 'too_long', limit: policy.maxMonths, actual: months });
  return { instalments, downPaymentMinor: down, violations };
}
