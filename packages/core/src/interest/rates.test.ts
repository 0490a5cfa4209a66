import { describe, expect, it } from 'vitest';
import { computeInterest } from './compute-interest.ts';
import { semesterStart } from './periods.ts';
import ecbMro from './rates/ecb-mro.json' with { type: 'json' };
import frLegalRate from './rates/fr-legal-rate.json' with { type: 'json' };
import ukBoeReference from './rates/uk-boe-reference.json' with { type: 'json' };
import { checkRateTables, ecbRateOn, RATE_TABLES } from './rates.ts';

describe('the rate tables shipped', () => {
  it('give each semester the ECB rate in force on its 1 Jan / 1 Jul, per the change history', () => {
    for (const semester of RATE_TABLES.ecbSemesters) {
      expect(ecbRateOn(RATE_TABLES, semesterStart(semester.period))?.ratePercent, semester.period).toBe(
        semester.ratePercent,
      );
    }
  });

  it('do not know the ECB rate after the history ends, nor before it starts', () => {
    expect(ecbRateOn(RATE_TABLES, '2026-07-01')).toBeUndefined();
    expect(ecbRateOn(RATE_TABLES, '2019-09-17')).toBeUndefined();
    expect(ecbRateOn(RATE_TABLES, '2024-10-23')?.ratePercent).toBe('3.40');
  });

  // legal-rules.md Table 1, "FR B2B default (MRO + 10)" and "EU Directive minimum (MRO + 8)".
  it.each([
    ['2020-02-01', '10.00', '8.00'],
    ['2022-08-01', '10.00', '8.00'],
    ['2023-02-01', '12.50', '10.50'],
    ['2023-08-01', '14.00', '12.00'],
    ['2024-02-01', '14.50', '12.50'],
    ['2024-08-01', '14.25', '12.25'],
    ['2025-02-01', '13.15', '11.15'],
    ['2025-08-01', '12.15', '10.15'],
    ['2026-02-01', '12.15', '10.15'],
  ])('on %s: fr-b2b %s %%, eu %s %%', (day, frB2b, eu) => {
    const rateOf = (regime: 'fr-b2b' | 'eu') => {
      const r = computeInterest({
        regime,
        principalMinor: 100,
        currency: 'EUR',
        from: day,
        to: day.replace(/01$/, '02'),
      });
      return r.ok ? r.value.segments[0]?.ratePercent : r.error.kind;
    };
    expect([rateOf('fr-b2b'), rateOf('eu')]).toEqual([frB2b, eu]);
  });

  // legal-rules.md Table 2: 3 × "other cases" and the majorated rates.
  it.each([
    ['2023-S2', '12.66'],
    ['2024-S1', '15.21'],
    ['2024-S2', '14.76'],
    ['2025-S1', '11.13'],
    ['2025-S2', '8.28'],
    ['2026-S1', '7.86'],
  ])('B2B floor for %s is %s %%', (period, floor) => {
    const from = semesterStart(period);
    const day = computeInterest({
      regime: 'fr-b2b',
      principalMinor: 100,
      currency: 'EUR',
      from,
      to: from.replace(/01$/, '02'),
      contractRatePercent: '0',
    });
    expect(day.ok ? day.value.segments[0]?.ratePercent : day.error).toBe(floor);
  });

  it('carry a source on every entry', () => {
    const entries = [
      ...RATE_TABLES.ecbChanges,
      ...RATE_TABLES.ecbSemesters,
      ...RATE_TABLES.frLegal,
      ...RATE_TABLES.ukReference,
    ];
    for (const entry of entries) expect(entry.source.length).toBeGreaterThan(5);
  });
});

describe('checkRateTables', () => {
  const raw = { ecb: ecbMro, frLegal: frLegalRate, uk: ukBoeReference };
  const withFirstLegal = (change: Record<string, unknown>) => ({
    ...raw,
    frLegal: { semesters: [{ ...frLegalRate.semesters[0], ...change }, ...frLegalRate.semesters.slice(1)] },
  });

  it('accepts the shipped files', () => {
    expect(checkRateTables(raw).frLegal).toHaveLength(frLegalRate.semesters.length);
  });

  it.each([
    ['a missing source', withFirstLegal({ source: undefined }), /"source" is not a non-empty string/],
    ['a rate written as a number', withFirstLegal({ individual: 4.29 }), /"individual"/],
    ['a rate with a comma', withFirstLegal({ otherCases: '0,99' }), /"otherCases" is malformed/],
    ['a bad period', withFirstLegal({ period: '2015-H2' }), /"period" is malformed/],
    ['an unknown status', withFirstLegal({ status: 'guessed' }), /"status"/],
    ['a duplicated semester', withFirstLegal({ period: '2016-S1' }), /2016-S1 is not after 2016-S1/],
    ['no ECB history', { ...raw, ecb: { ...ecbMro, changes: [] } }, /"changes" is not a non-empty list/],
    [
      'a UK half without reference date',
      { ...raw, uk: { halves: [{ ...ukBoeReference.halves[0], referenceDate: '31/12/2019' }] } },
      /"referenceDate" is malformed/,
    ],
  ])('refuses %s', (_, tables, message) => {
    expect(() => checkRateTables(tables)).toThrow(message);
  });
});
