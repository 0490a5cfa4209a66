import type { Variable } from './api.ts';

/** What the picker inserts: a list opens a loop, an item field is written relative to its loop. */
export function snippetFor(variable: Pick<Variable, 'path' | 'type'>): string {
  if (variable.type === 'list') return `{{#each ${variable.path}}}{{/each}}`;
  const inList = variable.path.lastIndexOf('[].');
  return `{{${inList >= 0 ? variable.path.slice(inList + 3) : variable.path}}}`;
}
