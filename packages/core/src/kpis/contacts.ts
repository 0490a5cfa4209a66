import { DISPOSITION_RULES, DISPOSITIONS, type Disposition } from '../workspace/dispositions.ts';
import { checkCount, fail } from './common.ts';
import { type Ratio, ratio } from './ratio.ts';

/**
 * Right-party contact (RPC) rate, from the calls' dispositions (`call_outcomes`): a call reaches the right
 * party when its disposition says so (DISPOSITION_RULES: the debtor, or for a business the person who may
 * commit it — a promise, a plan, a payment, a dispute, a refusal… all are right-party contacts). A call
 * reaches a person when someone answered: the right party, a third party, a wrong number answered, or the
 * news of a death; no answer, voicemail and busy reach nobody.
 *
 * The RPC rate is over every call made; the share of contacts over the calls where someone answered
 * (a low one means the phone numbers, not the hours, are the problem).
 */
const REACHED_OTHERS: readonly Disposition[] = ['third_party', 'wrong_number', 'deceased'];

export function reachesPerson(disposition: Disposition): boolean {
  return DISPOSITION_RULES[disposition].rightParty || REACHED_OTHERS.includes(disposition);
}

/** Calls grouped by disposition (one call: calls 1). */
export type DispositionCount = { readonly disposition: Disposition; readonly calls: number };

export type ContactRates = {
  readonly calls: number;
  /** Someone answered. */
  readonly reached: number;
  readonly rightParty: number;
  /** rightParty / calls. */
  readonly rightPartyRate: Ratio;
  /** rightParty / reached. */
  readonly rightPartyShareOfReached: Ratio;
  /** reached / calls. */
  readonly reachRate: Ratio;
  readonly byDisposition: Readonly<Record<Disposition, number>>;
};

export function contactRates(rows: readonly DispositionCount[]): ContactRates {
  const byDisposition = Object.fromEntries(DISPOSITIONS.map((d) => [d, 0])) as Record<Disposition, number>;
  let calls = 0;
  let reached = 0;
  let rightParty = 0;
  for (const row of rows) {
    if (!Object.hasOwn(DISPOSITION_RULES, row.disposition)) {
      fail(`Unknown disposition: ${row.disposition}`, { disposition: row.disposition });
    }
    checkCount(row.calls, 'calls');
    byDisposition[row.disposition] += row.calls;
    calls += row.calls;
    if (reachesPerson(row.disposition)) reached += row.calls;
    if (DISPOSITION_RULES[row.disposition].rightParty) rightParty += row.calls;
  }
  return {
    calls,
    reached,
    rightParty,
    rightPartyRate: ratio(rightParty, calls),
    rightPartyShareOfReached: ratio(rightParty, reached),
    reachRate: ratio(reached, calls),
    byDisposition,
  };
}
