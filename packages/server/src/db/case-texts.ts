import { createHash } from 'node:crypto';

/**
 * `case_texts` (migration 0030): the texts the daily run stores on a case — its next action and the notes of
 * its last decision, both JSON — kept once per tenant and distinct text, and cited from the case row by
 * their id (`cases.next_action_text`, `cases.notes_text`). A million cases share a few dozen such texts,
 * which were about 370 of the 450 bytes a first run adds to each case row.
 *
 * A text's id is made from its content (SHA-256, 22 base64url characters: 132 bits), so that the run cites
 * a text without looking it up, every writer makes the same id for the same text, and writing it again is
 * a no-op (`on conflict do nothing`). Texts are never changed; one no case cites any more stays (there are
 * as many as distinct steps and reasons, not cases).
 */
const ids = new Map<string, string>();

/** The id of a text. */
export function textId(body: string): string {
  let id = ids.get(body);
  if (id === undefined) {
    id = createHash('sha256').update(body).digest('base64url').slice(0, 22);
    if (ids.size >= 10_000) ids.clear();
    ids.set(body, id);
  }
  return id;
}

/** The distinct texts among `bodies` (nulls skipped), with their ids, in the order of their ids. */
export function distinctTexts(
  bodies: Iterable<string | null>,
): { readonly id: string; readonly body: string }[] {
  const found = new Map<string, string>();
  for (const body of bodies) if (body !== null && !found.has(body)) found.set(body, textId(body));
  // In one order for every writer: PostgreSQL workers inserting the same new texts wait, never deadlock.
  return [...found]
    .map(([body, id]) => ({ id, body }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
