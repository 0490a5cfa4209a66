import { describe, expect, it } from 'vitest';
import { type DisputeRow, disputeAgeBucket, disputeSummary } from './disputes.ts';

const AS_OF = '2026-03-31';
const dispute = (
  status: DisputeRow['status'],
  openedOn: string,
  amountMinor: number,
  closedOn: string | null = null,
  deadlineOn: string | null = null,
): DisputeRow => ({ status, openedOn, closedOn, deadlineOn, amountMinor, currency: 'EUR' });

describe('disputeAgeBucket', () => {
  it.each([
    [0, 'd0_7'],
    [7, 'd0_7'],
    [8, 'd8_30'],
    [30, 'd8_30'],
    [31, 'd31_90'],
    [90, 'd31_90'],
    [91, 'd90_plus'],
  ] as const)('%i days → %s', (age, bucket) => {
    expect(disputeAgeBucket(age)).toBe(bucket);
  });
});

describe('disputeSummary', () => {
  it('ages the open disputes of a hand-made set', () => {
    const summary = disputeSummary({
      currency: 'EUR',
      asOf: AS_OF,
      disputes: [
        dispute('open', '2026-03-31', 1_000), // 0 days
        dispute('open', '2026-03-26', 2_000, null, '2026-04-10'), // 5 days
        dispute('open', '2026-03-11', 3_000, null, '2026-03-30'), // 20 days, deadline passed
        dispute('open', '2025-12-01', 4_000), // 120 days
        dispute('resolved', '2026-03-01', 5_000, '2026-03-11'), // closed in 10 days
        dispute('rejected', '2026-02-01', 6_000, '2026-03-03'), // closed in 30 days
        dispute('withdrawn', '2026-03-20', 7_000, '2026-04-05'), // closed after asOf: open on asOf, 11 days
        dispute('open', '2026-04-02', 8_000), // opened after asOf: left out
      ],
    });
    expect(summary.byStatus.open).toEqual({ count: 4, amountMinor: 10_000 });
    expect(summary.byStatus.withdrawn).toEqual({ count: 1, amountMinor: 7_000 });
    // open on asOf: the four open ones and the one withdrawn later
    expect(summary.open.count).toBe(5);
    expect(summary.open.amountMinor).toBe(17_000);
    expect(summary.open.ageing).toEqual([
      { bucket: 'd0_7', count: 2, amountMinor: 3_000 },
      { bucket: 'd8_30', count: 2, amountMinor: 10_000 },
      { bucket: 'd31_90', count: 0, amountMinor: 0 },
      { bucket: 'd90_plus', count: 1, amountMinor: 4_000 },
    ]);
    // mean age: (0 + 5 + 20 + 120 + 11) / 5 = 156 / 5 = 31.2
    expect(summary.open.meanAgeDays).toBe('31.2');
    expect(summary.open.oldestAgeDays).toBe(120);
    expect(summary.open.pastDeadline).toEqual({ count: 1, amountMinor: 3_000 });
    // days to close: (10 + 30) / 2 = 20.0
    expect(summary.meanDaysToClose).toBe('20.0');
  });

  it('has no mean without disputes, and refuses an open dispute with a closing date', () => {
    const empty = disputeSummary({ currency: 'EUR', asOf: AS_OF, disputes: [] });
    expect(empty.open.meanAgeDays).toBeNull();
    expect(empty.open.oldestAgeDays).toBeNull();
    expect(empty.meanDaysToClose).toBeNull();
    expect(() =>
      disputeSummary({ currency: 'EUR', asOf: AS_OF, disputes: [dispute('open', AS_OF, 1, AS_OF)] }),
    ).toThrow(/no closing date/);
  });

  it('counts a closed dispute without its date as closed', () => {
    const summary = disputeSummary({
      currency: 'EUR',
      asOf: AS_OF,
      disputes: [dispute('resolved', '2026-01-01', 100)],
    });
    expect(summary.open.count).toBe(0);
    expect(summary.meanDaysToClose).toBeNull();
  });
});
