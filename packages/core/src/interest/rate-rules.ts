import type { IsoDate } from '../shared/dates.ts';
import { addDays, addMonths, compareDates } from '../shared/dates.ts';
import { assertNever } from '../shared/errors.ts';
import type { Result } from '../shared/result.ts';
import { err, ok } from '../shared/result.ts';
import { Exact } from './decimal.ts';
import { semesterOf, semesterStart } from './periods.ts';
import type { RateTables } from './rates.ts';
import { findSemester } from './rates.ts';
import type { InterestError, InterestInput, RateBasis, RateStatus, RateTableName } from './types.ts';

/** The rate of one accrual segment and where it comes from. */
export type SegmentRate = {
  readonly ratePercent: string;
  readonly basis: RateBasis;
  readonly status: RateStatus;
  readonly source: string;
};

/**
 * Which rate to apply for fr-b2b with a contract rate: 'applied' = the contract rate, raised to the floor
 * of 3 × legal rate when below it (OPEN QUESTION Q2); the two others give the alternative amounts.
 */
export type RateRule = 'applied' | 'contract-as-written' | 'statutory';

/** "4.5" + 10 → "14.50": at least two decimals, never a float. */
function plus(ratePercent: string, points: number): string {
  const sum = new Exact(ratePercent).plus(points);
  return sum.toFixed(Math.max(2, sum.decimalPlaces()));
}

/** "12" → "12.00", "8.125" → "8.125". */
export function formatRate(ratePercent: string): string {
  return plus(ratePercent, 0);
}

function missing(input: InterestInput, period: string, table: RateTableName): Result<never, InterestError> {
  return err({
    kind: 'missing_rate',
    regime: input.regime,
    period,
    table,
    message: `No ${table} rate for ${period} (regime ${input.regime}): add it to packages/core/src/interest/rates/${table}.json`,
  });
}

function ecbBased(input: InterestInput, tables: RateTables, day: IsoDate, points: 8 | 10) {
  const period = semesterOf(day);
  const entry = findSemester(tables.ecbSemesters, period);
  if (!entry) return missing(input, period, 'ecb-mro');
  const text = points === 10 ? 'C. com. L441-10 II' : 'Directive 2011/7/EU art. 2(6), 3(2)';
  return ok<SegmentRate>({
    ratePercent: plus(entry.ratePercent, points),
    basis: points === 10 ? 'ecb+10' : 'ecb+8',
    status: entry.status,
    source: `${text}: ECB MRO ${entry.ratePercent} % in force on ${semesterStart(period)} + ${points} — ${entry.source}`,
  });
}

/** fr-b2b with a contract rate: the contract rate, or the floor of 3 × "other cases" legal rate above it. */
function contractBased(input: InterestInput, tables: RateTables, day: IsoDate, rule: RateRule) {
  const contract = input.contractRatePercent ?? '0';
  const asWritten: SegmentRate = {
    ratePercent: formatRate(contract),
    basis: 'contract',
    status: 'official',
    source: 'contract rate (C. com. L441-10 II: at least 3 × the legal rate)',
  };
  if (rule === 'contract-as-written') return ok(asWritten);
  const period = semesterOf(day);
  const legal = findSemester(tables.frLegal, period);
  if (!legal) return missing(input, period, 'fr-legal-rate');
  const floor = new Exact(legal.otherCases).times(3);
  if (new Exact(contract).gte(floor)) return ok(asWritten);
  return ok<SegmentRate>({
    ratePercent: floor.toFixed(2),
    basis: 'legal-floor',
    status: legal.status,
    source: `C. com. L441-10 II floor: 3 × legal rate (other cases) ${legal.otherCases} % for ${period}, contract rate ${asWritten.ratePercent} % below it — ${legal.source}`,
  });
}

/** Days strictly after enforceable + 2 months bear the majorated rate (L313-3; service-public example). */
export function majorationCut(input: InterestInput): IsoDate | undefined {
  return input.judgmentEnforceable === undefined ? undefined : addMonths(input.judgmentEnforceable, 2);
}

function legalBased(input: InterestInput, tables: RateTables, day: IsoDate) {
  const period = semesterOf(day);
  const entry = findSemester(tables.frLegal, period);
  if (!entry) return missing(input, period, 'fr-legal-rate');
  const individual = input.creditor === 'individual';
  const base = individual ? entry.individual : entry.otherCases;
  const cut = majorationCut(input);
  const majorated = cut !== undefined && compareDates(day, cut) > 0;
  const kind = individual ? 'individual' : 'other';
  const text = majorated ? 'C. mon. fin. L313-2, L313-3 (+5 after judgment)' : 'C. mon. fin. L313-2';
  return ok<SegmentRate>({
    ratePercent: plus(base, majorated ? 5 : 0),
    basis: majorated ? `legal-${kind}+5` : `legal-${kind}`,
    status: entry.status,
    source: `${text}: legal rate (${individual ? 'particuliers' : 'autres cas'}) ${base} % for ${period} — ${entry.source}`,
  });
}

/** The reference rate of the half-year in which interest starts to run (day after `from`), for good. */
function ukFixed(input: InterestInput, tables: RateTables) {
  const period = semesterOf(addDays(input.from, 1));
  const entry = findSemester(tables.ukReference, period);
  if (!entry) return missing(input, period, 'uk-boe-reference');
  return ok<SegmentRate>({
    ratePercent: plus(entry.ratePercent, 8),
    basis: 'boe+8',
    status: entry.status,
    source: `SI 2002/1675: BoE reference ${entry.ratePercent} % on ${entry.referenceDate} + 8, fixed for the debt — ${entry.source}`,
  });
}

/** The rate of the accrual segment whose first counted day is `day`. */
export function segmentRate(
  input: InterestInput,
  tables: RateTables,
  rule: RateRule,
  day: IsoDate,
): Result<SegmentRate, InterestError> {
  switch (input.regime) {
    case 'fr-b2b':
      if (input.contractRatePercent === undefined || rule === 'statutory')
        return ecbBased(input, tables, day, 10);
      return contractBased(input, tables, day, rule);
    case 'eu':
      return ecbBased(input, tables, day, 8);
    case 'fr-legal':
      return legalBased(input, tables, day);
    case 'uk':
      return ukFixed(input, tables);
    default:
      return assertNever(input.regime);
  }
}
