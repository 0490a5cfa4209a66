import type { RowIssues } from './row-issues.ts';

/** As on the debtor page: a tag is at most 40 characters, a debtor has at most 20. */
export const MAX_TAG_LENGTH = 40;
export const MAX_TAGS = 20;

const SEPARATORS = /[,;|\n\r]/;

/**
 * A debtor's tags from one cell ('Senior; VIP', 'actif | relancé'): split on `,` `;` `|` and line breaks,
 * trimmed, lower-cased, without duplicates, sorted — the way the debtor page keeps them. Null for an empty
 * cell: the tags on file stay. A tag over 40 characters is dropped and beyond 20 tags the rest are, each
 * with a warning; the row itself is kept.
 */
export function readTags(text: string, column: number, issues: RowIssues): readonly string[] | null {
  if (text === '') return null;
  const kept = new Set<string>();
  for (const part of text.split(SEPARATORS)) {
    const tag = part.normalize('NFC').trim().toLowerCase();
    if (tag === '') continue;
    if ([...tag].length > MAX_TAG_LENGTH) issues.warn(column, 'tag_too_long', part.trim());
    else kept.add(tag);
  }
  if (kept.size === 0) return null;
  const tags = [...kept].sort();
  if (tags.length <= MAX_TAGS) return tags;
  issues.warn(column, 'too_many_tags', tags.slice(MAX_TAGS).join(', '));
  return tags.slice(0, MAX_TAGS);
}
