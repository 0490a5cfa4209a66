import { describe, expect, it } from 'vitest';
import { checkPromiseSchedule } from './promise-schedule.ts';

const today = '2026-03-12';
const check = (schedule: { dueOn: string; amountMinor: number }[], outstandingMinor = 100_000) =>
  checkPromiseSchedule(schedule, { today, outstandingMinor });

describe('checkPromiseSchedule', () => {
  it('accepts one date or several, increasing, within the horizon and the undisputed balance', () => {
    expect(check([{ dueOn: today, amountMinor: 100_000 }])).toMatchObject({
      kind: 'ok',
      totalMinor: 100_000,
    });
    expect(
      check([
        { dueOn: '2026-03-20', amountMinor: 30_000 },
        { dueOn: '2026-04-20', amountMinor: 30_000 },
      ]),
    ).toMatchObject({ kind: 'ok', totalMinor: 60_000, lastOn: '2026-04-20' });
  });

  it.each([
    [[], 'promise_schedule_empty'],
    [[{ dueOn: '2026-03-11', amountMinor: 1 }], 'promise_date_past'],
    [[{ dueOn: '2026-13-01', amountMinor: 1 }], 'promise_date_invalid'],
    [
      [
        { dueOn: '2026-03-20', amountMinor: 1 },
        { dueOn: '2026-03-20', amountMinor: 1 },
      ],
      'promise_dates_not_increasing',
    ],
    [[{ dueOn: '2026-06-11', amountMinor: 1 }], 'promise_beyond_horizon'],
    [[{ dueOn: '2026-03-20', amountMinor: 0 }], 'promise_amount_invalid'],
    [[{ dueOn: '2026-03-20', amountMinor: 100_001 }], 'promise_exceeds_outstanding'],
  ])('refuses %j: %s', (schedule, reason) => {
    expect(check(schedule)).toMatchObject({ kind: 'refused', issue: { reason } });
  });

  it('lets a creditor allow a longer horizon', () => {
    const far = [{ dueOn: '2026-06-11', amountMinor: 1 }];
    expect(checkPromiseSchedule(far, { today, outstandingMinor: 10, horizonDays: 120 }).kind).toBe('ok');
  });
});
