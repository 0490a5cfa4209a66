import { isValidRfReference } from '../rf-reference.ts';
import type { FoundReference, LineFacts, ReferencePlace } from './match-types.ts';

/** An ISO 11649 reference is at most 25 characters: 'RF', two check digits, a body of up to 21. */
const MAX_BODY = 21;

/**
 * The RF creditor references a line carries, in the order a payer's intent is clearest: structured
 * references first, then the end-to-end id, then anywhere in the remittance text — where people write
 * them grouped by four ('RF18 5390 0754 7034'). Only references whose check digits are right count.
 */
export function findRfReferences(facts: LineFacts): readonly FoundReference[] {
  const found: FoundReference[] = [];
  const add = (reference: string, place: ReferencePlace) => {
    if (!found.some((f) => f.reference === reference)) found.push({ reference, place });
  };
  for (const ref of facts.creditorReferences) for (const r of rfIn(ref)) add(r, 'structured');
  if (facts.endToEndId !== null) for (const r of rfIn(facts.endToEndId)) add(r, 'end_to_end');
  for (const text of facts.texts) for (const r of rfIn(text)) add(r, 'text');
  return found;
}

/**
 * Valid references in a text. A reference starts a word ('RF' then two digits); the groups of letters and
 * digits after it are taken while they fit, and the longest run with right check digits wins — so that the
 * word after a spaced reference ('RF18 5390 0754 7034 FACTURE') is not swallowed.
 */
function rfIn(text: string): readonly string[] {
  const words = text.toUpperCase().split(/[^A-Z0-9]+/);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (!/^RF\d{2}/.test(word)) continue;
    let candidate = word;
    let best = isValidRfReference(candidate) && candidate.length <= MAX_BODY + 4 ? candidate : null;
    for (let j = i + 1; j < words.length; j++) {
      const next = words[j] ?? '';
      if (!/^[A-Z0-9]{1,4}$/.test(next) || candidate.length + next.length > MAX_BODY + 4) break;
      candidate += next;
      if (isValidRfReference(candidate)) best = candidate;
    }
    if (best !== null) out.push(best);
  }
  return out;
}

const UUID = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/gi;

/**
 * Ids Relance issued (a payment attempt, a plan: UUIDs) carried by an end-to-end id — with or without
 * their hyphens, since an end-to-end id is at most 35 characters — in the form they are stored.
 */
export function findIssuedIds(endToEndId: string | null): readonly string[] {
  if (endToEndId === null) return [];
  const ids = new Set<string>();
  for (const match of endToEndId.matchAll(UUID)) {
    const hex = match[0].replace(/-/g, '').toLowerCase();
    ids.add(
      `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    );
  }
  return [...ids];
}
