import { describe, expect, it } from 'vitest';
import { excelNumberText } from './read-xlsx.ts';

describe('excelNumberText', () => {
  it.each([
    ['1234.5699999999999', '1234.57'],
    ['0.30000000000000004', '0.3'],
    ['1234.5', '1234.5'],
    ['42', '42'],
    ['-0.1', '-0.1'],
    ['1E-3', '0.001'],
    ['1.5E+3', '1500'],
    ['9999999999999.99', '9999999999999.99'],
    ['99999999999999.99', '100000000000000'],
    ['0.99999999999999999', '1'],
    ['0', '0'],
  ])('%s → %s', (stored, shown) => {
    expect(excelNumberText(stored)).toBe(shown);
  });
});
