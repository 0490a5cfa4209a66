import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvoiceRegistry } from './invoice-registry.ts';

describe('InvoiceRegistry', () => {
  it('answers like a Map of the first row of each number, through its growth', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 400 }), (numbers) => {
        const registry = new InvoiceRegistry();
        const first = new Map<string, number>();
        numbers.forEach((n, row) => {
          expect(registry.firstRow(n, row)).toBe(first.get(n));
          if (!first.has(n)) first.set(n, row);
        });
        expect(registry.size).toBe(first.size);
      }),
    );
  });

  it('keeps 100,000 numbers in sequence apart and finds each repeat', () => {
    const registry = new InvoiceRegistry();
    for (let i = 0; i < 100_000; i++)
      expect(registry.firstRow(`F2024-${String(i).padStart(7, '0')}`, i)).toBe(undefined);
    for (let i = 0; i < 100_000; i += 997)
      expect(registry.firstRow(`F2024-${String(i).padStart(7, '0')}`, -1)).toBe(i);
    expect(registry.size).toBe(100_000);
  });
});
