import type { IsoDate } from '../shared/dates.ts';
import { addDays, addYears, compareDates, daysBetween, maxDate } from '../shared/dates.ts';
import { DomainError } from '../shared/errors.ts';

/** Which limitation period applies to a claim (legal-rules.md §A3). */
export type PrescriptionBasis = 'consumer_2y' | 'commercial_5y' | 'civil_5y';

export type Suspension = { readonly from: IsoDate; readonly to: IsoDate };

export type PrescriptionInput = {
  /** The day the claim became due (exigible). */
  readonly start: IsoDate;
  readonly basis: PrescriptionBasis;
  /** Acts that interrupt prescription (C. civ. 2240–2244): acknowledgement, partial payment, court action. */
  readonly interruptions?: readonly IsoDate[];
  /** Periods during which prescription is suspended (C. civ. 2234, 2238). */
  readonly suspensions?: readonly Suspension[];
};

/** The legal text of each basis, for display next to a date. */
export const PRESCRIPTION_REFERENCES: Readonly<Record<PrescriptionBasis, string>> = {
  consumer_2y: 'C. conso. L218-2',
  commercial_5y: 'C. com. L110-4',
  civil_5y: 'C. civ. 2224',
};

export function prescriptionReference(basis: PrescriptionBasis): string {
  return PRESCRIPTION_REFERENCES[basis];
}

/**
 * A professional against a consumer: 2 years (C. conso. L218-2). A professional against a business: 5 years
 * (C. com. L110-4). A creditor who is not a professional: the civil 5 years (C. civ. 2224).
 */
export function prescriptionBasis(input: {
  readonly creditorIsProfessional: boolean;
  readonly debtorKind: 'business' | 'consumer';
}): PrescriptionBasis {
  if (!input.creditorIsProfessional) return 'civil_5y';
  return input.debtorKind === 'consumer' ? 'consumer_2y' : 'commercial_5y';
}

export function prescriptionYears(basis: PrescriptionBasis): 2 | 5 {
  return basis === 'consumer_2y' ? 2 : 5;
}

/** Sorted, with overlapping or touching periods merged, so that no day is counted twice. */
function mergeSuspensions(suspensions: readonly Suspension[]): readonly Suspension[] {
  const sorted = [...suspensions].sort((a, b) => compareDates(a.from, b.from));
  const merged: Suspension[] = [];
  for (const s of sorted) {
    if (compareDates(s.to, s.from) < 0) {
      throw new DomainError('invalid_input', 'A suspension ends before it starts', {
        from: s.from,
        to: s.to,
      });
    }
    const last = merged[merged.length - 1];
    if (last && compareDates(s.from, last.to) <= 0)
      merged[merged.length - 1] = { from: last.from, to: maxDate(last.to, s.to) };
    else merged.push(s);
  }
  return merged;
}

/** End of a full period that starts on `periodStart`, pushed by the suspended days that follow it. */
function endOfPeriod(periodStart: IsoDate, years: number, suspensions: readonly Suspension[]): IsoDate {
  let end = addYears(periodStart, years);
  for (const s of suspensions) {
    const from = maxDate(s.from, periodStart);
    if (compareDates(from, end) > 0) break;
    if (compareDates(s.to, from) > 0) end = addDays(end, daysBetween(from, s.to));
  }
  return end;
}

/**
 * The LAST day on which the claim can still be acted on; it is time-barred from the next day.
 *
 * - The period runs from date to same date: the start day is not counted (C. civ. 2228–2229), so a claim due
 *   on 2024-03-15 under the 2-year rule ends on 2026-03-15. Never extended for weekends or holidays.
 *   29 February ends on 28 February in a common year (by analogy with CPC 641).
 * - An interruption on or before the current end starts a new full period from its date (C. civ. 2231).
 *   One after the end is ignored: an acknowledgement then renounces the prescription, it does not revive
 *   the period (Cass. com. 7 Jul 2009). One before the start changes nothing.
 * - A suspension starting on or before the current end pushes the end by its length in days (to − from,
 *   counted after the current period's start). SIMPLIFICATION: the C. civ. 2238 rule that the period
 *   restarts for no less than 6 months after a mediation or conciliation is not applied yet.
 */
export function prescriptionEndDate(input: PrescriptionInput): IsoDate {
  const years = prescriptionYears(input.basis);
  const suspensions = mergeSuspensions(input.suspensions ?? []);
  const interruptions = [...(input.interruptions ?? [])].sort(compareDates);
  let periodStart = input.start;
  let end = endOfPeriod(periodStart, years, suspensions);
  for (const interruption of interruptions) {
    if (compareDates(interruption, periodStart) < 0) continue;
    if (compareDates(interruption, end) > 0) break;
    periodStart = interruption;
    end = endOfPeriod(periodStart, years, suspensions);
  }
  return end;
}

/** Time-barred from the day after the end date. */
export function isTimeBarred(endDate: IsoDate, today: IsoDate): boolean {
  return compareDates(today, endDate) > 0;
}
