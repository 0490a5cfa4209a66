import type { PrescriptionBasis, Suspension } from '../claims/prescription.ts';
import { prescriptionEndDate, prescriptionReference, prescriptionYears } from '../claims/prescription.ts';
import type { IsoDate } from '../shared/dates.ts';
import { addDays, compareDates, daysBetween } from '../shared/dates.ts';

// Beside the interest engine because both serve `relance calc`; the rule itself stays in
// claims/prescription.ts, which this file only calls.

/** What may happen to a claim's limitation period (legal-rules.md §A3). */
export type PrescriptionEvent =
  | { readonly kind: 'acknowledgement' | 'payment' | 'court-claim' | 'formal-notice'; readonly date: IsoDate }
  | { readonly kind: 'mediation'; readonly from: IsoDate; readonly to: IsoDate };

export type PrescriptionEventKind = PrescriptionEvent['kind'];
export const PRESCRIPTION_EVENT_KINDS: readonly PrescriptionEventKind[] = [
  'acknowledgement',
  'payment',
  'court-claim',
  'formal-notice',
  'mediation',
];

/**
 * - `new_period`: interrupts; a new full period starts on its date (C. civ. 2231).
 * - `not_interruptive`: a formal notice, even by LRAR, does not interrupt (Cass. com. 18 May 2022).
 * - `after_expiry`: too late; an acknowledgement then renounces the prescription acquired, it does not
 *   interrupt it (Cass. com. 7 Jul 2009); a suspension after expiry does nothing.
 * - `before_start`: before the period started.
 * - `suspended`: the time stops for the length of the mediation (C. civ. 2238).
 * - `no_change`: a suspension erased by a later interruption, or covered by another suspension.
 */
export type PrescriptionEventReason =
  | 'new_period'
  | 'not_interruptive'
  | 'after_expiry'
  | 'before_start'
  | 'suspended'
  | 'no_change';

export type ExplainedEvent = {
  readonly event: PrescriptionEvent;
  readonly effect: 'interrupts' | 'suspends' | 'none';
  readonly reason: PrescriptionEventReason;
  readonly reference: string;
  /** Interruption: the end of the new period it opened, before any later event. Suspension: days added. */
  readonly periodEnd?: IsoDate;
  readonly daysAdded?: number;
};

export type PrescriptionExplanation = {
  readonly basis: PrescriptionBasis;
  readonly years: 2 | 5;
  readonly reference: string;
  readonly start: IsoDate;
  /** The last day the claim can be acted on. */
  readonly lastDay: IsoDate;
  readonly timeBarredFrom: IsoDate;
  readonly events: readonly ExplainedEvent[];
  /** C. civ. 2238's minimum of six months after a mediation is not applied (see prescriptionEndDate). */
  readonly mediationMinimumNotApplied: boolean;
};

const REFERENCES: Readonly<Record<PrescriptionEventKind, string>> = {
  acknowledgement: 'C. civ. 2240',
  // A partial payment acknowledges the whole claim (Cass. civ. 2, 3 Jul 2014, n°13-17.449).
  payment: 'C. civ. 2240',
  'court-claim': 'C. civ. 2241',
  // Cass. com. 18 May 2022: a formal notice, even by LRAR, does not interrupt.
  'formal-notice': 'Cass. com. n°20-23.204',
  mediation: 'C. civ. 2238',
};

function dateOf(event: PrescriptionEvent): IsoDate {
  return event.kind === 'mediation' ? event.from : event.date;
}

type Facts = {
  readonly start: IsoDate;
  readonly basis: PrescriptionBasis;
  readonly interruptions: readonly IsoDate[];
  readonly suspensions: readonly Suspension[];
};

function explainInterruption(facts: Facts, date: IsoDate, kind: PrescriptionEventKind) {
  const reference = REFERENCES[kind];
  if (compareDates(date, facts.start) < 0)
    return { effect: 'none', reason: 'before_start', reference } as const;
  // Only what happened before: a later suspension cannot save an interruption made after expiry.
  const before = {
    ...facts,
    interruptions: facts.interruptions.filter((d) => compareDates(d, date) < 0),
    suspensions: facts.suspensions.filter((s) => compareDates(s.from, date) <= 0),
  };
  const endBefore = prescriptionEndDate(before);
  if (compareDates(date, endBefore) > 0)
    return { effect: 'none', reason: 'after_expiry', reference } as const;
  const periodEnd = prescriptionEndDate({ ...before, interruptions: [...before.interruptions, date] });
  return { effect: 'interrupts', reason: 'new_period', reference, periodEnd } as const;
}

/** A suspension's effect: the last day with it against the last day without it. */
function explainSuspension(facts: Facts, index: number, lastDay: IsoDate) {
  const reference = REFERENCES.mediation;
  const others = facts.suspensions.filter((_, i) => i !== index);
  const without = prescriptionEndDate({ ...facts, suspensions: others });
  const daysAdded = daysBetween(without, lastDay);
  if (daysAdded > 0) return { effect: 'suspends', reason: 'suspended', reference, daysAdded } as const;
  const from = facts.suspensions[index]?.from ?? lastDay;
  const late = compareDates(from, without) > 0;
  return { effect: 'none', reason: late ? 'after_expiry' : 'no_change', reference } as const;
}

/**
 * The last day of the limitation period and, for each event, what it did and why, in date order.
 * The date itself comes from `prescriptionEndDate`; this only explains it.
 */
export function explainPrescription(input: {
  readonly start: IsoDate;
  readonly basis: PrescriptionBasis;
  readonly events: readonly PrescriptionEvent[];
}): PrescriptionExplanation {
  const events = [...input.events].sort((a, b) => compareDates(dateOf(a), dateOf(b)));
  const facts: Facts = {
    start: input.start,
    basis: input.basis,
    interruptions: events.flatMap((e) =>
      e.kind === 'mediation' || e.kind === 'formal-notice' ? [] : [e.date],
    ),
    suspensions: events.flatMap((e) => (e.kind === 'mediation' ? [{ from: e.from, to: e.to }] : [])),
  };
  const lastDay = prescriptionEndDate(facts);
  const mediations = events.filter((e) => e.kind === 'mediation');
  const explained = events.map((event): ExplainedEvent => {
    if (event.kind === 'formal-notice')
      return { event, effect: 'none', reason: 'not_interruptive', reference: REFERENCES['formal-notice'] };
    if (event.kind === 'mediation')
      return { event, ...explainSuspension(facts, mediations.indexOf(event), lastDay) };
    return { event, ...explainInterruption(facts, event.date, event.kind) };
  });
  return {
    basis: input.basis,
    years: prescriptionYears(input.basis),
    reference: prescriptionReference(input.basis),
    start: input.start,
    lastDay,
    timeBarredFrom: addDays(lastDay, 1),
    events: explained,
    mediationMinimumNotApplied: events.some((e) => e.kind === 'mediation'),
  };
}
