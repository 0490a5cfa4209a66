/** Where the card page sends the debtor back: the attempt, and whether they paid or cancelled. */
export type ReturnSearch = { readonly attempt?: string; readonly outcome?: 'success' | 'cancel' };

export function validateReturnSearch(search: Record<string, unknown>): ReturnSearch {
  const attempt =
    typeof search.attempt === 'string' && /^[\w-]{1,100}$/.test(search.attempt) ? search.attempt : undefined;
  const outcome = search.outcome === 'success' || search.outcome === 'cancel' ? search.outcome : undefined;
  return { ...(attempt ? { attempt } : {}), ...(outcome ? { outcome } : {}) };
}
