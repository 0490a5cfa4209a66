import type { IsoDate } from '../shared/dates.ts';
import { compareDates, daysBetween } from '../shared/dates.ts';

/** 'YYYY-S1' for a day in January–June, 'YYYY-S2' for July–December. */
export function semesterOf(date: IsoDate): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-S${month <= 6 ? 1 : 2}`;
}

/** '2024-S2' → '2024-07-01': the day whose rate decides the semester (1 Jan / 1 Jul). */
export function semesterStart(period: string): IsoDate {
  return `${period.slice(0, 4)}-${period.endsWith('S1') ? '01' : '07'}-01`;
}

/**
 * The last days of a semester (30 Jun, 31 Dec) strictly inside (from, to): after each of them a new
 * rate may apply, so the accrual window is cut there.
 */
export function semesterCuts(from: IsoDate, to: IsoDate): readonly IsoDate[] {
  const cuts: IsoDate[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const cut of [`${year}-06-30`, `${year}-12-31`]) {
      if (compareDates(from, cut) < 0 && compareDates(cut, to) < 0) cuts.push(cut);
    }
  }
  return cuts;
}

export type Piece = { readonly from: IsoDate; readonly to: IsoDate; readonly days: number };

/** (from, to] cut at each date strictly inside it; the cuts may be unsorted and repeated. */
export function cutWindow(from: IsoDate, to: IsoDate, cuts: readonly IsoDate[]): readonly Piece[] {
  const inside = [...new Set(cuts)]
    .filter((c) => compareDates(from, c) < 0 && compareDates(c, to) < 0)
    .sort(compareDates);
  const pieces: Piece[] = [];
  let start = from;
  for (const end of [...inside, to]) {
    const days = daysBetween(start, end);
    if (days > 0) pieces.push({ from: start, to: end, days });
    start = end;
  }
  return pieces;
}
