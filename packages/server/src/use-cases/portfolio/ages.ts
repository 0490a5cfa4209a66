import { addDays, assertNever, daysBetween } from '@relance/core';

/** Age of the oldest open due date, in days past due. On the due date itself a debtor is not late yet. */
export const ageBuckets = ['not_due', '0-30', '31-60', '61-90', '91-180', '181-365', '365+'] as const;

export type AgeBucket = (typeof ageBuckets)[number];

/** Days past due, counted in whole days: 0 on the due date, negative before it. */
export function daysPastDue(dueDate: string, today: string): number {
  return daysBetween(dueDate, today);
}

export function ageBucketOf(dueDate: string | null, today: string): AgeBucket | null {
  if (dueDate === null) return null;
  const days = daysPastDue(dueDate, today);
  if (days <= 0) return 'not_due';
  if (days <= 30) return '0-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  if (days <= 180) return '91-180';
  if (days <= 365) return '181-365';
  return '365+';
}

/**
 * The due dates that fall in a bucket, as an inclusive range of ISO dates (compared as text in SQL,
 * which both engines do the same way for 'YYYY-MM-DD').
 */
export function dueDateRange(bucket: AgeBucket, today: string): { from?: string; to?: string } {
  const daysAgo = (n: number) => addDays(today, -n);
  switch (bucket) {
    case 'not_due':
      return { from: today };
    case '0-30':
      return { from: daysAgo(30), to: daysAgo(1) };
    case '31-60':
      return { from: daysAgo(60), to: daysAgo(31) };
    case '61-90':
      return { from: daysAgo(90), to: daysAgo(61) };
    case '91-180':
      return { from: daysAgo(180), to: daysAgo(91) };
    case '181-365':
      return { from: daysAgo(365), to: daysAgo(181) };
    case '365+':
      return { to: daysAgo(366) };
    default:
      return assertNever(bucket);
  }
}
