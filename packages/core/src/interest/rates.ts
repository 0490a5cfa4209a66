import { isIsoDate } from '../shared/dates.ts';
import ecbMro from './rates/ecb-mro.json' with { type: 'json' };
import frLegalRate from './rates/fr-legal-rate.json' with { type: 'json' };
import ukBoeReference from './rates/uk-boe-reference.json' with { type: 'json' };
import type { RateStatus } from './types.ts';

/** The rate tables, checked once when the module loads. See docs/interest.md to add a semester. */

export type EcbChange = { readonly from: string; readonly ratePercent: string; readonly source: string };

/** A rate per semester: 'YYYY-S1' covers January–June, 'YYYY-S2' July–December. */
export type SemesterRate = {
  readonly period: string;
  readonly ratePercent: string;
  readonly status: RateStatus;
  readonly source: string;
};

export type LegalRate = {
  readonly period: string;
  /** Creditor is a natural person not acting for professional purposes ("particuliers"). */
  readonly individual: string;
  /** All other cases ("autres cas"). */
  readonly otherCases: string;
  readonly status: RateStatus;
  readonly source: string;
};

export type UkReferenceRate = SemesterRate & { readonly referenceDate: string };

export type RateTables = {
  readonly ecbChanges: readonly EcbChange[];
  /** The last day on which the ECB change history is known to be complete. */
  readonly ecbKnownThrough: string;
  readonly ecbSemesters: readonly SemesterRate[];
  readonly frLegal: readonly LegalRate[];
  readonly ukReference: readonly UkReferenceRate[];
};

const PERIOD = /^\d{4}-S[12]$/;
const RATE = /^\d{1,3}\.\d{2,4}$/;

type Fields = Readonly<Record<string, unknown>>;

function fail(where: string, problem: string): never {
  throw new Error(`Rate table ${where}: ${problem}`);
}

function fieldsOf(value: unknown, where: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'not an object');
  return value as Fields;
}

function listOf(fields: Fields, key: string, where: string): readonly unknown[] {
  const value = fields[key];
  if (!Array.isArray(value) || value.length === 0) fail(where, `"${key}" is not a non-empty list`);
  return value;
}

function textOf(fields: Fields, key: string, where: string, check?: (s: string) => boolean): string {
  const value = fields[key];
  if (typeof value !== 'string' || value.trim() === '') fail(where, `"${key}" is not a non-empty string`);
  if (check && !check(value)) fail(where, `"${key}" is malformed: ${value}`);
  return value;
}

const isPeriod = (s: string) => PERIOD.test(s);
const isRate = (s: string) => RATE.test(s);

function statusOf(fields: Fields, where: string): RateStatus {
  const value = textOf(fields, 'status', where);
  if (value !== 'official' && value !== 'derived') fail(where, `"status" must be official or derived`);
  return value;
}

/** Each key strictly increasing: no duplicate, no disorder (a typo in a date shows up here). */
function assertIncreasing(keys: readonly string[], where: string): void {
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i] ?? '') <= (keys[i - 1] ?? '')) fail(where, `${keys[i]} is not after ${keys[i - 1]}`);
  }
}

function semesterRate(value: unknown, where: string): SemesterRate {
  const f = fieldsOf(value, where);
  return {
    period: textOf(f, 'period', where, isPeriod),
    ratePercent: textOf(f, 'ratePercent', where, isRate),
    status: statusOf(f, where),
    source: textOf(f, 'source', where),
  };
}

/** Checks the shape of the three JSON files (parsed) and returns them typed. Throws on the first problem. */
export function checkRateTables(raw: {
  readonly ecb: unknown;
  readonly frLegal: unknown;
  readonly uk: unknown;
}): RateTables {
  const ecb = fieldsOf(raw.ecb, 'ecb-mro');
  const ecbChanges = listOf(ecb, 'changes', 'ecb-mro').map((c, i) => {
    const f = fieldsOf(c, `ecb-mro changes[${i}]`);
    return {
      from: textOf(f, 'from', `ecb-mro changes[${i}]`, isIsoDate),
      ratePercent: textOf(f, 'ratePercent', `ecb-mro changes[${i}]`, isRate),
      source: textOf(f, 'source', `ecb-mro changes[${i}]`),
    };
  });
  const ecbSemesters = listOf(ecb, 'semesters', 'ecb-mro').map((s, i) =>
    semesterRate(s, `ecb-mro semesters[${i}]`),
  );
  const legal = fieldsOf(raw.frLegal, 'fr-legal-rate');
  const frLegal = listOf(legal, 'semesters', 'fr-legal-rate').map((s, i) => {
    const where = `fr-legal-rate semesters[${i}]`;
    const f = fieldsOf(s, where);
    return {
      period: textOf(f, 'period', where, isPeriod),
      individual: textOf(f, 'individual', where, isRate),
      otherCases: textOf(f, 'otherCases', where, isRate),
      status: statusOf(f, where),
      source: textOf(f, 'source', where),
    };
  });
  const uk = fieldsOf(raw.uk, 'uk-boe-reference');
  const ukReference = listOf(uk, 'halves', 'uk-boe-reference').map((h, i) => {
    const where = `uk-boe-reference halves[${i}]`;
    return {
      ...semesterRate(h, where),
      referenceDate: textOf(fieldsOf(h, where), 'referenceDate', where, isIsoDate),
    };
  });
  assertIncreasing(
    ecbChanges.map((c) => c.from),
    'ecb-mro changes',
  );
  assertIncreasing(
    ecbSemesters.map((s) => s.period),
    'ecb-mro semesters',
  );
  assertIncreasing(
    frLegal.map((s) => s.period),
    'fr-legal-rate semesters',
  );
  assertIncreasing(
    ukReference.map((s) => s.period),
    'uk-boe-reference halves',
  );
  const ecbKnownThrough = textOf(ecb, 'knownThrough', 'ecb-mro', isIsoDate);
  return { ecbChanges, ecbKnownThrough, ecbSemesters, frLegal, ukReference };
}

/** The tables shipped with the engine (packages/core/src/interest/rates/*.json). */
export const RATE_TABLES: RateTables = checkRateTables({
  ecb: ecbMro,
  frLegal: frLegalRate,
  uk: ukBoeReference,
});

export function findSemester<T extends { readonly period: string }>(
  table: readonly T[],
  period: string,
): T | undefined {
  return table.find((entry) => entry.period === period);
}

/** The ECB rate in force on `date` from the change history, or undefined outside the known history. */
export function ecbRateOn(tables: RateTables, date: string): EcbChange | undefined {
  if (date > tables.ecbKnownThrough) return undefined;
  let found: EcbChange | undefined;
  for (const change of tables.ecbChanges) if (change.from <= date) found = change;
  return found;
}
