import { describe, expect, it } from 'vitest';
import { collectionEffectivenessIndex } from './cei.ts';
import { percent } from './ratio.ts';

describe('collectionEffectivenessIndex', () => {
  it.each([
    // opening 200 000, sales 100 000, closing 120 000 of which 70 000 not due:
    // (200 000 + 100 000 − 120 000) / (200 000 + 100 000 − 70 000) = 180 000 / 230 000 = 78.26 % → 78.3
    { opening: 200_000, sales: 100_000, total: 120_000, current: 70_000, index: '78.3', collected: 180_000 },
    // everything that fell due was collected: closing total = closing current → 100 %
    { opening: 50_000, sales: 80_000, total: 30_000, current: 30_000, index: '100.0', collected: 100_000 },
    // nothing collected: closing = opening + sales; (0) / (300 − 100) = 0 %
    { opening: 200, sales: 100, total: 300, current: 100, index: '0.0', collected: 0 },
    // nothing collectible: all sales still not due and no opening balance → no index
    { opening: 0, sales: 40_000, total: 40_000, current: 40_000, index: null, collected: 0 },
    // an empty period
    { opening: 0, sales: 0, total: 0, current: 0, index: null, collected: 0 },
    // 1 / 3 collected: (3 − 2) / (3 − 0) = 33.3 %
    { opening: 3, sales: 0, total: 2, current: 0, index: '33.3', collected: 1 },
  ])('opening $opening, sales $sales, closing $total ($current current) → $index', (c) => {
    const cei = collectionEffectivenessIndex({
      currency: 'EUR',
      openingReceivablesMinor: c.opening,
      creditSalesMinor: c.sales,
      closingTotalMinor: c.total,
      closingCurrentMinor: c.current,
    });
    expect(percent(cei.index)).toBe(c.index);
    expect(cei.collectedMinor).toBe(c.collected);
  });

  it('refuses totals that cannot come from one ledger', () => {
    const base = {
      currency: 'EUR',
      openingReceivablesMinor: 100,
      creditSalesMinor: 100,
      closingTotalMinor: 50,
      closingCurrentMinor: 20,
    };
    expect(() => collectionEffectivenessIndex({ ...base, closingCurrentMinor: 60 })).toThrow(/current/);
    expect(() => collectionEffectivenessIndex({ ...base, closingTotalMinor: 201 })).toThrow(/exceed/);
    expect(() => collectionEffectivenessIndex({ ...base, creditSalesMinor: -1 })).toThrow(/non-negative/);
  });
});
