/** One share of a pro-rata split: a key for the tie-break and what is owed to it. */
export type ProRataShare = { readonly key: string; readonly weightMinor: number };

/**
 * Splits `amountMinor` pro rata to the weights in exact integer minor units, by the largest-remainder
 * method: each part is the floor of its exact share, and the units left go one each to the largest
 * remainders, ties to the smallest key, so the split never depends on the input's order. The products are
 * computed in BigInt (two safe integers multiply beyond 2^53). Parts come back in the input's order; no part
 * exceeds its weight when the amount does not exceed the total (which the callers ensure).
 * 100.00 over three equal weights → 33.34, 33.33, 33.33.
 */
export function splitProRata(amountMinor: number, shares: readonly ProRataShare[]): readonly number[] {
  const total = shares.reduce((sum, share) => sum + BigInt(share.weightMinor), 0n);
  if (total === 0n) return shares.map(() => 0);
  const amount = BigInt(amountMinor);
  const exact = shares.map((share, index) => {
    const numerator = amount * BigInt(share.weightMinor);
    return { index, key: share.key, floor: numerator / total, remainder: numerator % total };
  });
  let left = amount - exact.reduce((sum, part) => sum + part.floor, 0n);
  const byRemainder = [...exact].sort((a, b) =>
    a.remainder !== b.remainder
      ? a.remainder > b.remainder
        ? -1
        : 1
      : a.key < b.key
        ? -1
        : a.key > b.key
          ? 1
          : 0,
  );
  const parts = exact.map((part) => part.floor);
  for (const part of byRemainder) {
    if (left === 0n) break;
    parts[part.index] = (parts[part.index] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}
