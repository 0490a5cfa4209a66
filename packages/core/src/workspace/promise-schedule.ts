import type { IsoDate } from '../shared/dates.ts';
import { addDays, isIsoDate } from '../shared/dates.ts';
import type { PromiseDate } from '../strategies/progress.ts';

/** How far ahead a promise may reach unless the creditor allows more. */
export const DEFAULT_PROMISE_HORIZON_DAYS = 90;

/** Most dates one promise may carry: beyond that it is a payment plan, with its own limits. */
export const MAX_PROMISE_DATES = 12;

export type PromiseScheduleIssue =
  | { readonly reason: 'promise_schedule_empty' }
  | { readonly reason: 'promise_too_many_dates'; readonly max: number }
  | { readonly reason: 'promise_date_invalid'; readonly index: number }
  | { readonly reason: 'promise_date_past'; readonly index: number; readonly dueOn: IsoDate }
  | { readonly reason: 'promise_dates_not_increasing'; readonly index: number }
  | { readonly reason: 'promise_beyond_horizon'; readonly index: number; readonly lastOn: IsoDate }
  | { readonly reason: 'promise_amount_invalid'; readonly index: number }
  | {
      readonly reason: 'promise_exceeds_outstanding';
      readonly totalMinor: number;
      readonly outstandingMinor: number;
    };

export type CheckedSchedule =
  | {
      readonly kind: 'ok';
      readonly schedule: readonly PromiseDate[];
      readonly totalMinor: number;
      readonly lastOn: IsoDate;
    }
  | { readonly kind: 'refused'; readonly issue: PromiseScheduleIssue };

/**
 * Checks a promise's terms before it is recorded: one date or several, strictly increasing, none in the past
 * nor beyond the horizon, each a positive amount, the total not above what is owed on undisputed claims (a
 * debtor cannot promise to pay what they contest). The first refusal is returned, as data.
 */
export function checkPromiseSchedule(
  schedule: readonly PromiseDate[],
  context: {
    readonly today: IsoDate;
    readonly outstandingMinor: number;
    readonly horizonDays?: number;
  },
): CheckedSchedule {
  const refuse = (issue: PromiseScheduleIssue): CheckedSchedule => ({ kind: 'refused', issue });
  if (schedule.length === 0) return refuse({ reason: 'promise_schedule_empty' });
  if (schedule.length > MAX_PROMISE_DATES)
    return refuse({ reason: 'promise_too_many_dates', max: MAX_PROMISE_DATES });
  const lastOn = addDays(context.today, context.horizonDays ?? DEFAULT_PROMISE_HORIZON_DAYS);
  let total = 0;
  let previous: IsoDate | null = null;
  for (const [index, date] of schedule.entries()) {
    if (!isIsoDate(date.dueOn)) return refuse({ reason: 'promise_date_invalid', index });
    if (date.dueOn < context.today) return refuse({ reason: 'promise_date_past', index, dueOn: date.dueOn });
    if (previous !== null && date.dueOn <= previous)
      return refuse({ reason: 'promise_dates_not_increasing', index });
    if (date.dueOn > lastOn) return refuse({ reason: 'promise_beyond_horizon', index, lastOn });
    if (!Number.isSafeInteger(date.amountMinor) || date.amountMinor <= 0)
      return refuse({ reason: 'promise_amount_invalid', index });
    total += date.amountMinor;
    previous = date.dueOn;
  }
  if (total > context.outstandingMinor) {
    return refuse({
      reason: 'promise_exceeds_outstanding',
      totalMinor: total,
      outstandingMinor: context.outstandingMinor,
    });
  }
  return { kind: 'ok', schedule, totalMinor: total, lastOn: previous ?? context.today };
}
