/**
 * A copy of a string that does not keep its parent alive. A cell read from a CSV chunk is a slice of the
 * whole decoded chunk (V8 shares the characters); keeping one such slice in a map for the whole import —
 * an invoice number, a debtor's name — would keep every chunk, i.e. the whole file, in memory.
 * Concatenation makes a new string; slicing it back leaves a view on that small string only.
 */
export function own(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
