import type { AmountIndex, CaseCandidate } from './match-types.ts';
import { nameTokens } from './payer-names.ts';

/** Cases listed as "owing exactly this amount" when a line has nothing else: a person reads a few, not hundreds. */
const FIRST_FEW = 3;

/**
 * Open cases by currency and exact outstanding, and by the words of their debtor's name: a payer's name is
 * compared with the few cases of that amount sharing a word with it, never with every case of that amount
 * (a round amount can be owed by thousands of cases).
 */
export function buildAmountIndex(cases: Iterable<CaseCandidate>): AmountIndex {
  const byAmount = new Map<string, CaseCandidate[]>();
  const byWord = new Map<string, CaseCandidate[]>();
  const push = (map: Map<string, CaseCandidate[]>, key: string, c: CaseCandidate) => {
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  };
  for (const c of cases) {
    if (c.status !== 'open' || c.outstandingMinor <= 0) continue;
    const key = `${c.currency}|${c.outstandingMinor}`;
    push(byAmount, key, c);
    for (const word of nameTokens(c.debtorName)) push(byWord, `${key}|${word}`, c);
  }
  return {
    byNameToken: (currency, amountMinor, token) => byWord.get(`${currency}|${amountMinor}|${token}`) ?? [],
    byAmount: (currency, amountMinor) => {
      const list = byAmount.get(`${currency}|${amountMinor}`) ?? [];
      return { count: list.length, first: list.slice(0, FIRST_FEW) };
    },
  };
}
