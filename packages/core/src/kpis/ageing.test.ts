import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../shared/dates.ts';
import { AGEING_BUCKETS, ageingBalance, ageingBucket, bucketBounds } from './ageing.ts';
import { percent } from './ratio.ts';

const AS_OF = '2026-03-31';

describe('ageingBucket', () => {
  it.each([
    { due: '2026-04-15', bucket: 'not_due' }, // 15 days before the due date
    { due: '2026-03-31', bucket: 'not_due' }, // due today: 0 days late, not yet overdue
    { due: '2026-03-30', bucket: 'd1_30' }, // 1 day late
    { due: '2026-03-01', bucket: 'd1_30' }, // 30 days late
    { due: '2026-02-28', bucket: 'd31_60' }, // 31 days late
    { due: '2026-01-30', bucket: 'd31_60' }, // 60 days late (Jan 30 → Mar 31: 1 + 28 + 31)
    { due: '2026-01-29', bucket: 'd61_90' }, // 61
    { due: '2025-12-31', bucket: 'd61_90' }, // 90 (31 + 28 + 31)
    { due: '2025-12-30', bucket: 'd90_plus' }, // 91
    { due: '2020-01-01', bucket: 'd90_plus' },
  ] as const)('due $due on 2026-03-31 → $bucket', ({ due, bucket }) => {
    expect(ageingBucket(due, AS_OF)).toBe(bucket);
  });
});

describe('bucketBounds', () => {
  it.each([
    { bucket: 'not_due', from: '2026-03-31', to: null },
    { bucket: 'd1_30', from: '2026-03-01', to: '2026-03-30' },
    { bucket: 'd31_60', from: '2026-01-30', to: '2026-02-28' },
    { bucket: 'd61_90', from: '2025-12-31', to: '2026-01-29' },
    { bucket: 'd90_plus', from: null, to: '2025-12-30' },
  ] as const)('$bucket on 2026-03-31 holds due dates $from … $to', ({ bucket, from, to }) => {
    expect(bucketBounds(bucket, AS_OF)).toEqual({ from, to });
  });

  it('agrees with ageingBucket for any due date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (offset) => {
        const due = addDays(AS_OF, offset);
        const inside = AGEING_BUCKETS.filter((b) => {
          const { from, to } = bucketBounds(b, AS_OF);
          return (from === null || due >= from) && (to === null || due <= to);
        });
        expect(inside).toEqual([ageingBucket(due, AS_OF)]);
      }),
    );
  });
});

describe('ageingBalance', () => {
  it('sums a hand-made portfolio', () => {
    const items = [
      { dueDate: '2026-04-10', outstandingMinor: 100_000, currency: 'EUR' }, // not due
      { dueDate: '2026-03-31', outstandingMinor: 20_000, currency: 'EUR' }, // due today: not due
      { dueDate: '2026-03-20', outstandingMinor: 50_000, currency: 'EUR' }, // 11 days
      { dueDate: '2026-03-02', outstandingMinor: 5_050, currency: 'EUR' }, // 29 days
      { dueDate: '2026-02-10', outstandingMinor: 30_000, currency: 'EUR' }, // 49 days
      { dueDate: '2025-11-15', outstandingMinor: 44_950, currency: 'EUR' }, // 136 days
    ];
    const balance = ageingBalance({ asOf: AS_OF, currency: 'EUR', items });
    // total = 100 000 + 20 000 + 50 000 + 5 050 + 30 000 + 44 950 = 250 000
    expect(balance.total).toEqual({ count: 6, outstandingMinor: 250_000 });
    expect(balance.overdue).toEqual({ count: 4, outstandingMinor: 130_000 });
    expect(balance.lines.map((l) => [l.bucket, l.count, l.outstandingMinor, percent(l.share)])).toEqual([
      ['not_due', 2, 120_000, '48.0'], // 120 000 / 250 000
      ['d1_30', 2, 55_050, '22.0'], // 55 050 / 250 000 = 22.02 %
      ['d31_60', 1, 30_000, '12.0'],
      ['d61_90', 0, 0, '0.0'],
      ['d90_plus', 1, 44_950, '18.0'], // 17.98 % → 18.0
    ]);
  });

  it('has every bucket and no basis for shares when empty', () => {
    const balance = ageingBalance({ asOf: AS_OF, currency: 'GBP', items: [] });
    expect(balance.lines).toHaveLength(5);
    expect(percent(balance.lines[0]!.share)).toBeNull();
  });

  it('refuses a row in another currency or with a fractional amount', () => {
    const eur = { dueDate: AS_OF, outstandingMinor: 1, currency: 'EUR' };
    expect(() =>
      ageingBalance({ asOf: AS_OF, currency: 'EUR', items: [eur, { ...eur, currency: 'USD' }] }),
    ).toThrow(/Currency mismatch/);
    expect(() =>
      ageingBalance({ asOf: AS_OF, currency: 'EUR', items: [{ ...eur, outstandingMinor: 1.5 }] }),
    ).toThrow(/integer/);
  });

  it('partitions the items: counts and amounts add up to the total (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            offset: fc.integer({ min: -200, max: 200 }),
            amount: fc.integer({ min: -1e9, max: 1e9 }),
          }),
          { maxLength: 60 },
        ),
        (rows) => {
          const items = rows.map((r) => ({
            dueDate: addDays(AS_OF, r.offset),
            outstandingMinor: r.amount,
            currency: 'EUR',
          }));
          const balance = ageingBalance({ asOf: AS_OF, currency: 'EUR', items });
          expect(balance.lines.reduce((s, l) => s + l.count, 0)).toBe(items.length);
          expect(balance.lines.reduce((s, l) => s + l.outstandingMinor, 0)).toBe(
            items.reduce((s, i) => s + i.outstandingMinor, 0),
          );
          const late = items.filter((i) => daysBetween(i.dueDate, AS_OF) > 0);
          expect(balance.overdue.count).toBe(late.length);
        },
      ),
    );
  });
});
