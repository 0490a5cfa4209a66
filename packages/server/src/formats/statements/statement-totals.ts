import { minorToDecimalString } from '@relance/core';
import type { StatementBalance, StatementEntry } from './statement-model.ts';
import type { StatementWarnings } from './statement-warnings.ts';

export type StatementTotals = {
  readonly entryCount: number;
  readonly sumCreditsMinor: number;
  readonly sumDebitsMinor: number;
  readonly balanceCheck: boolean | null;
};

/**
 * Counts and sums a statement's entries and checks opening + booked credits − booked debits = closing.
 * Opening is OPBD, else PRCD (the previous closing); closing is CLBD. The check is null when a balance is
 * missing or a booked entry or balance is in another currency (the sum would mean nothing), unless the
 * bank gave that entry's counter-value in the account's currency. A mismatch
 * is a warning: several banks' sample files do not add up, and the bookings are still the bookings.
 */
export function statementTotals(
  currency: string | null,
  balances: readonly StatementBalance[],
  entries: readonly StatementEntry[],
  statementIndex: number,
  path: string,
  warnings: StatementWarnings,
): StatementTotals {
  let credits = 0;
  let debits = 0;
  let foreign = false;
  for (const entry of entries) {
    if (entry.status !== 'booked') continue;
    const amount =
      currency === null || entry.amount.currency === currency ? entry.amount : entry.counterValue;
    if (amount === null || (currency !== null && amount.currency !== currency)) {
      foreign = true;
      continue;
    }
    if (entry.direction === 'credit') credits += amount.minor;
    else debits += amount.minor;
  }
  const opening = balances.find((b) => b.type === 'OPBD') ?? balances.find((b) => b.type === 'PRCD');
  const closing = balances.find((b) => b.type === 'CLBD');
  const base = { entryCount: entries.length, sumCreditsMinor: credits, sumDebitsMinor: debits };
  if (!opening || !closing || currency === null || foreign) return { ...base, balanceCheck: null };
  if (opening.amount.currency !== currency || closing.amount.currency !== currency) {
    return { ...base, balanceCheck: null };
  }
  const computed = opening.signedMinor + credits - debits;
  const balanceCheck = computed === closing.signedMinor;
  if (!balanceCheck) {
    const show = (minor: number) => minorToDecimalString(minor, currency);
    warnings.add(
      'balance_mismatch',
      { statementIndex, path },
      `les soldes ne concordent pas : ${opening.type} ${show(opening.signedMinor)} + crédits ${show(credits)} − débits ${show(debits)} = ${show(computed)}, mais ${closing.type} = ${show(closing.signedMinor)} ${currency}. Les écritures sont lues quand même.`,
      `the balances do not add up: ${opening.type} ${show(opening.signedMinor)} + credits ${show(credits)} − debits ${show(debits)} = ${show(computed)}, but ${closing.type} = ${show(closing.signedMinor)} ${currency}. The entries are read all the same.`,
    );
  }
  return { ...base, balanceCheck };
}
