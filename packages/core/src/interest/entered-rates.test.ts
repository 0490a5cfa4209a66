import { describe, expect, it } from 'vitest';
import { caseInterest } from './case-interest.ts';
import { checkEnteredRate, type EnteredRate, missingRatePeriods, withEnteredRates } from './entered-rates.ts';
import { RATE_TABLES } from './rates.ts';

const ecbS2: EnteredRate = {
  table: 'ecb-mro',
  period: '2026-S2',
  ratePercent: '2.15',
  source: 'BCE, taux MRO en vigueur au 1er juillet 2026',
};

const legalS2: EnteredRate = {
  table: 'fr-legal-rate',
  period: '2026-S2',
  individual: '6.60',
  otherCases: '2.50',
  source: 'arrêté du 20 juin 2026',
};

describe('checkEnteredRate', () => {
  it('accepts a semester the shipped tables lack, trimming the source', () => {
    const result = checkEnteredRate({ ...ecbS2, source: '  BCE  ' }, RATE_TABLES, '2026-11-23');
    expect(result).toEqual({ ok: true, value: { ...ecbS2, source: 'BCE' } });
  });

  it('refuses a semester the shipped tables hold: they are sourced and never overridden', () => {
    expect(checkEnteredRate({ ...ecbS2, period: '2026-S1' }, RATE_TABLES, '2026-11-23')).toEqual({
      ok: false,
      error: { reason: 'rate_period_shipped', field: 'period' },
    });
  });

  it('accepts the next semester from a month before it starts, not earlier', () => {
    const next = { ...legalS2, period: '2027-S1' };
    expect(checkEnteredRate(next, RATE_TABLES, '2026-12-01').ok).toBe(true);
    expect(checkEnteredRate(next, RATE_TABLES, '2026-11-30')).toEqual({
      ok: false,
      error: { reason: 'rate_period_in_future', field: 'period' },
    });
  });

  it.each([
    [{ ...ecbS2, period: '2026-S3' }, 'rate_period_malformed', 'period'],
    [{ ...ecbS2, ratePercent: '2,15' }, 'rate_malformed', 'ratePercent'],
    [{ ...ecbS2, ratePercent: '2' }, 'rate_malformed', 'ratePercent'],
    [{ ...legalS2, otherCases: '-1.00' }, 'rate_malformed', 'otherCases'],
    [{ ...ecbS2, source: '  ' }, 'rate_source_missing', 'source'],
    [
      {
        table: 'uk-boe-reference',
        period: '2026-S2',
        ratePercent: '3.75',
        referenceDate: '2026-06-31',
        source: 'BoE',
      },
      'rate_reference_date_malformed',
      'referenceDate',
    ],
  ] as const)('refuses %j with %s', (entry, reason, field) => {
    expect(checkEnteredRate(entry as EnteredRate, RATE_TABLES, '2026-11-23')).toEqual({
      ok: false,
      error: { reason, field },
    });
  });
});

describe('withEnteredRates and missingRatePeriods', () => {
  it('lists the semesters up to today that each table lacks, and none once entered', () => {
    // The shipped legal-rate table also has a hole from 2016 S2 to 2019 S2 (legal-rules.md found no source).
    const legalHole = ['2016-S2', '2017-S1', '2017-S2', '2018-S1', '2018-S2', '2019-S1', '2019-S2'];
    expect(missingRatePeriods(RATE_TABLES, '2026-11-23')).toEqual([
      { table: 'ecb-mro', period: '2026-S2' },
      ...legalHole.map((period) => ({ table: 'fr-legal-rate', period })),
      { table: 'fr-legal-rate', period: '2026-S2' },
      { table: 'uk-boe-reference', period: '2026-S2' },
    ]);
    const uk: EnteredRate = {
      table: 'uk-boe-reference',
      period: '2026-S2',
      ratePercent: '3.50',
      referenceDate: '2026-06-30',
      source: 'Bank of England',
    };
    const tables = withEnteredRates(RATE_TABLES, [ecbS2, legalS2, uk]);
    expect(missingRatePeriods(tables, '2026-11-23').map((m) => m.period)).toEqual(legalHole);
    expect(tables.frLegal.at(-1)).toEqual({
      period: '2026-S2',
      individual: '6.60',
      otherCases: '2.50',
      status: 'official',
      source: 'arrêté du 20 juin 2026 (entered)',
    });
  });

  it('never replaces a shipped semester, and keeps the tables in order', () => {
    const shippedS1 = RATE_TABLES.ecbSemesters.find((s) => s.period === '2026-S1');
    const tables = withEnteredRates(RATE_TABLES, [
      ecbS2,
      { ...ecbS2, period: '2026-S1', ratePercent: '9.99' },
    ]);
    expect(tables.ecbSemesters.find((s) => s.period === '2026-S1')).toEqual(shippedS1);
    const periods = tables.ecbSemesters.map((s) => s.period);
    expect(periods).toEqual([...periods].sort());
  });

  it('lets a case compute its interest across a semester the shipped tables lack', () => {
    const input = {
      claims: [{ invoiceNumber: 'F-1', dueDate: '2026-05-31', outstandingMinor: 1_000_000, currency: 'EUR' }],
      creditorCountry: 'FR',
      creditorProfessional: true,
      debtorKind: 'business' as const,
      interest: 'charge' as const,
      fees: 'charge' as const,
      contractRatePercent: null,
      formalNoticeOn: null,
      asOf: '2026-07-31',
    };
    expect(caseInterest(input).missing).toMatchObject({ kind: 'missing_rate', period: '2026-S2' });
    const withS2 = caseInterest({ ...input, tables: withEnteredRates(RATE_TABLES, [ecbS2]) });
    expect(withS2.missing).toBeNull();
    // 10,000.00 € at 12.15 % (2.15 + 10) for 30 days of June, then 12.15 % for 31 days of July: 61 days.
    // 1,000,000 × 12.15 % × 30 / 365 = 9,986.30 → 9,986; × 31 / 365 = 10,319.18 → 10,319.
    expect(withS2.interestMinor).toBe(9_986 + 10_319);
  });
});
