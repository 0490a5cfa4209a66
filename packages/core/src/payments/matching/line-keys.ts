import { findIssuedIds, findRfReferences } from './find-references.ts';
import { invoiceTokens } from './invoice-tokens.ts';
import type { LineFacts, LineKeys } from './match-types.ts';
import { nameTokens } from './payer-names.ts';

/** What to look up for a line: its RF references, the pieces that may be invoice numbers, ids we issued, the payer's words. */
export function lineKeys(facts: LineFacts): LineKeys {
  return {
    rfReferences: findRfReferences(facts),
    invoiceTokens: invoiceTokens(facts),
    issuedIds: findIssuedIds(facts.endToEndId),
    payerTokens: nameTokens(facts.payerName),
  };
}

/**
 * The invoice numbers to look up for a line: each token as written and upper-cased (the lookup's map is
 * keyed upper-case: 'f-1001' in the text finds 'F-1001').
 */
export function invoiceLookupKeys(keys: LineKeys): readonly string[] {
  const out = new Set<string>();
  for (const { token } of keys.invoiceTokens) {
    out.add(token);
    out.add(token.toUpperCase());
  }
  return [...out];
}
