import { describe, expect, it } from 'vitest';
import { parseStatementAmount } from './statement-amounts.ts';

describe('parseStatementAmount', () => {
  it.each([
    ['8.850', 'EUR', 885, '8.85', true],
    ['18.150', 'EUR', 1815, '18.15', true],
    ['474.4', 'CHF', 47440, '474.40', true],
    ['1000', 'EUR', 100000, '1000.00', true],
    ['0.00', 'EUR', 0, '0.00', true],
    ['1.005', 'EUR', 101, '1.005', false],
    ['1.004', 'EUR', 100, '1.004', false],
    ['0.0050', 'EUR', 1, '0.005', false],
    ['12.5', 'JPY', 13, '12.5', false],
    ['79255', 'JPY', 79255, '79255', true],
    ['1.234', 'TND', 1234, '1.234', true],
    ['10000.00', 'XXX', 1000000, '10000.00', true],
    [' 12.00 ', 'EUR', 1200, '12.00', true],
    ['007.10', 'EUR', 710, '7.10', true],
  ])('%s %s → %i minor units, %s, exact: %s', (text, currency, minor, decimal, exact) => {
    expect(parseStatementAmount(text, currency)).toEqual({
      minor,
      decimal,
      currency,
      exact,
      negative: false,
    });
  });

  it('keeps the sign apart', () => {
    expect(parseStatementAmount('-509.12', 'USD')).toMatchObject({ minor: 50912, negative: true });
    expect(parseStatementAmount('-0.00', 'USD')).toMatchObject({ minor: 0, negative: false });
  });

  it.each(['', '12,00', '1 000.00', '1e3', '12.00 EUR', 'abc', '99999999999999999.99'])(
    'refuses %j',
    (text) => {
      expect(parseStatementAmount(text, 'EUR')).toBeNull();
    },
  );
});
