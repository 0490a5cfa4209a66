import { describe, expect, it } from 'vitest';
import { cutWindow, semesterCuts, semesterOf, semesterStart } from './periods.ts';

describe('semesters', () => {
  it.each([
    ['2024-01-01', '2024-S1'],
    ['2024-06-30', '2024-S1'],
    ['2024-07-01', '2024-S2'],
    ['2024-12-31', '2024-S2'],
  ])('%s is in %s', (date, period) => {
    expect(semesterOf(date)).toBe(period);
  });

  it('starts on 1 Jan and 1 Jul', () => {
    expect([semesterStart('2024-S1'), semesterStart('2024-S2')]).toEqual(['2024-01-01', '2024-07-01']);
  });

  it('cuts a window at the last day of each semester strictly inside it', () => {
    expect(semesterCuts('2024-06-30', '2025-07-01')).toEqual(['2024-12-31', '2025-06-30']);
    expect(semesterCuts('2024-01-01', '2024-06-30')).toEqual([]);
  });

  it('makes (start, end] pieces whose days add up to end − start', () => {
    const pieces = cutWindow('2024-05-15', '2024-09-30', [
      '2024-07-31',
      '2024-06-30',
      '2024-07-31',
      '2030-01-01',
    ]);
    expect(pieces).toEqual([
      { from: '2024-05-15', to: '2024-06-30', days: 46 },
      { from: '2024-06-30', to: '2024-07-31', days: 31 },
      { from: '2024-07-31', to: '2024-09-30', days: 61 },
    ]);
    expect(cutWindow('2024-05-15', '2024-05-15', [])).toEqual([]);
  });
});
