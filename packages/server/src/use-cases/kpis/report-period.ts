import { addDays, DomainError, daysBetween, isIsoDate } from '@relance/core';

/** The longest period a report covers. */
export const MAX_PERIOD_DAYS = 366;

/**
 * A report's period (the dashboard's, the payment funnel's): `to` is today unless given, `from` 30 days
 * before; both real dates, in order, at most a year apart — else a refusal with the report's own reason.
 */
export function reportPeriod(
  input: { readonly from?: string | undefined; readonly to?: string | undefined },
  today: string,
  reason: 'dashboard_period_invalid' | 'funnel_period_invalid',
): { readonly from: string; readonly to: string } {
  const to = input.to ?? today;
  const from = input.from ?? (isIsoDate(to) ? addDays(to, -29) : to);
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isIsoDate(value)) {
      throw new DomainError('invalid_input', `${field} must be a date (YYYY-MM-DD).`, { reason, field });
    }
  }
  const days = daysBetween(from, to) + 1;
  if (days < 1 || days > MAX_PERIOD_DAYS) {
    throw new DomainError(
      'invalid_input',
      `The period runs from ${from} to ${to}: 1 to ${MAX_PERIOD_DAYS} days.`,
      { reason, field: 'to' },
    );
  }
  return { from, to };
}
