import { type IsoDate, isIsoDate } from '../shared/dates.ts';
import type { Result } from '../shared/result.ts';
import { err, ok } from '../shared/result.ts';
import { semesterOf } from './periods.ts';
import { findSemester, type RateTables } from './rates.ts';
import type { RateTableName } from './types.ts';

/**
 * A rate published after the engine's tables were written, entered by the tenant's administrator from the
 * official text (the arrêté of June or December for the French legal rate, the ECB's decision for the MRO
 * rate in force on 1 January / 1 July, the Bank of England's rate for the UK reference). The shipped tables
 * stay as they are: an entry only fills a semester they do not have.
 */
export type EnteredRate =
  | {
      readonly table: 'ecb-mro';
      readonly period: string;
      readonly ratePercent: string;
      readonly source: string;
    }
  | {
      readonly table: 'fr-legal-rate';
      readonly period: string;
      readonly individual: string;
      readonly otherCases: string;
      readonly source: string;
    }
  | {
      readonly table: 'uk-boe-reference';
      readonly period: string;
      readonly ratePercent: string;
      /** The day whose Bank Rate is the half-year's reference: 31 December or 30 June before it. */
      readonly referenceDate: IsoDate;
      readonly source: string;
    };

export const RATE_TABLE_NAMES: readonly RateTableName[] = ['ecb-mro', 'fr-legal-rate', 'uk-boe-reference'];

export type EnteredRateProblem =
  | { readonly reason: 'rate_period_malformed'; readonly field: 'period' }
  | { readonly reason: 'rate_malformed'; readonly field: 'ratePercent' | 'individual' | 'otherCases' }
  | { readonly reason: 'rate_reference_date_malformed'; readonly field: 'referenceDate' }
  | { readonly reason: 'rate_source_missing'; readonly field: 'source' }
  | { readonly reason: 'rate_period_shipped'; readonly field: 'period' }
  | { readonly reason: 'rate_period_in_future'; readonly field: 'period' };

const PERIOD = /^\d{4}-S[12]$/;
/** Between 0 and 99.9999 %, two to four decimals, as the shipped tables write them. */
const RATE = /^\d{1,2}\.\d{2,4}$/;

/**
 * Checks an entry against the shipped tables: well formed, for a semester that has begun by `today` (a
 * rate is published shortly before its semester starts, so the next one is accepted from a month before)
 * and that the shipped tables do not already hold (they are sourced; an entry never overrides them).
 */
export function checkEnteredRate(
  entry: EnteredRate,
  shipped: RateTables,
  today: IsoDate,
): Result<EnteredRate, EnteredRateProblem> {
  if (!PERIOD.test(entry.period)) return err({ reason: 'rate_period_malformed', field: 'period' });
  if (entry.source.trim() === '') return err({ reason: 'rate_source_missing', field: 'source' });
  if (entry.table === 'fr-legal-rate') {
    if (!RATE.test(entry.individual)) return err({ reason: 'rate_malformed', field: 'individual' });
    if (!RATE.test(entry.otherCases)) return err({ reason: 'rate_malformed', field: 'otherCases' });
  } else if (!RATE.test(entry.ratePercent)) {
    return err({ reason: 'rate_malformed', field: 'ratePercent' });
  }
  if (entry.table === 'uk-boe-reference' && !isIsoDate(entry.referenceDate)) {
    return err({ reason: 'rate_reference_date_malformed', field: 'referenceDate' });
  }
  if (entry.period > semesterOf(addOneMonth(today)))
    return err({ reason: 'rate_period_in_future', field: 'period' });
  if (findSemester(shippedTable(shipped, entry.table), entry.period)) {
    return err({ reason: 'rate_period_shipped', field: 'period' });
  }
  return ok({ ...entry, source: entry.source.trim() });
}

function addOneMonth(day: IsoDate): IsoDate {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

function shippedTable(tables: RateTables, table: RateTableName): readonly { readonly period: string }[] {
  if (table === 'ecb-mro') return tables.ecbSemesters;
  if (table === 'fr-legal-rate') return tables.frLegal;
  return tables.ukReference;
}

const byPeriod = <T extends { readonly period: string }>(a: T, b: T) => a.period.localeCompare(b.period);

/**
 * The shipped tables with the entered semesters they lack, in order. An entry for a semester the tables
 * already hold is ignored (the shipped, sourced rate wins), so a newer engine that ships the same semester
 * simply takes over. Entered rates are 'official': they are copied from the official text, whose reference
 * the source gives.
 */
export function withEnteredRates(shipped: RateTables, entries: readonly EnteredRate[]): RateTables {
  if (entries.length === 0) return shipped;
  const ecbSemesters = [...shipped.ecbSemesters];
  const frLegal = [...shipped.frLegal];
  const ukReference = [...shipped.ukReference];
  for (const e of entries) {
    const source = `${e.source} (entered)`;
    if (e.table === 'ecb-mro' && !findSemester(ecbSemesters, e.period)) {
      ecbSemesters.push({ period: e.period, ratePercent: e.ratePercent, status: 'official', source });
    } else if (e.table === 'fr-legal-rate' && !findSemester(frLegal, e.period)) {
      frLegal.push({
        period: e.period,
        individual: e.individual,
        otherCases: e.otherCases,
        status: 'official',
        source,
      });
    } else if (e.table === 'uk-boe-reference' && !findSemester(ukReference, e.period)) {
      ukReference.push({
        period: e.period,
        ratePercent: e.ratePercent,
        referenceDate: e.referenceDate,
        status: 'official',
        source,
      });
    }
  }
  return {
    ...shipped,
    ecbSemesters: ecbSemesters.sort(byPeriod),
    frLegal: frLegal.sort(byPeriod),
    ukReference: ukReference.sort(byPeriod),
  };
}

/** 'YYYY-S1' → 'YYYY-S2' → 'YYYY+1-S1'. */
function nextPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  return period.endsWith('S1') ? `${year}-S2` : `${year + 1}-S1`;
}

/**
 * The semesters, from the first each table covers up to the one `today` falls in, that a table lacks:
 * what an administrator must enter before interest can be computed for days in them.
 */
export function missingRatePeriods(
  tables: RateTables,
  today: IsoDate,
): readonly { readonly table: RateTableName; readonly period: string }[] {
  const current = semesterOf(today);
  const out: { table: RateTableName; period: string }[] = [];
  for (const table of RATE_TABLE_NAMES) {
    const periods = shippedTable(tables, table).map((e) => e.period);
    const first = periods[0];
    if (first === undefined) continue;
    const have = new Set(periods);
    for (let p = first; p <= current; p = nextPeriod(p)) if (!have.has(p)) out.push({ table, period: p });
  }
  return out;
}
