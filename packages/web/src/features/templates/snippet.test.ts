import { describe, expect, it } from 'vitest';
import { snippetFor } from './snippet.ts';

describe('snippetFor', () => {
  it('inserts a value, a loop for a list, and an item field relative to its loop', () => {
    expect(snippetFor({ path: 'balance.total', type: 'money' })).toBe('{{balance.total}}');
    expect(snippetFor({ path: 'claims', type: 'list' })).toBe('{{#each claims}}{{/each}}');
    expect(snippetFor({ path: 'claims[].label', type: 'text' })).toBe('{{label}}');
  });
});
