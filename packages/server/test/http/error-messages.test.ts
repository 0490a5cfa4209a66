import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { errorMessage } from '../../src/http/messages.ts';

const src = new URL('../../src/', import.meta.url).pathname;

/** The folders whose refusals reach people through the API (the CLI and the importer have their own words). */
const answered = [
  'use-cases/templates',
  'use-cases/letters',
  'use-cases/dispatch',
  'use-cases/evidence',
  'use-cases/strategies',
  'use-cases/dunning',
  'channels',
  'http/routes',
];

function sources(folder: string): string[] {
  return readdirSync(join(src, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(src, folder, f));
}

function reasonsIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/new DomainError\([\s\S]{0,400}?reason: '([a-z_]+)'/g)].map((m) => m[1] ?? '');
}

it('every refusal the API gives for channels, letters, templates, evidence and strategies has French and English words', () => {
  const missing: string[] = [];
  for (const file of answered.flatMap(sources)) {
    for (const reason of reasonsIn(file)) {
      const sentinel = `__${reason}__`;
      const fr = errorMessage('invalid_input', 'fr', { reason }, sentinel);
      const en = errorMessage('invalid_input', 'en', { reason }, sentinel);
      if (fr === sentinel || en === sentinel || fr === en)
        missing.push(`${reason} (${file.slice(src.length)})`);
    }
  }
  expect(missing).toEqual([]);
});

it('says why a call can take no outcome when it was cancelled, and stays general otherwise', () => {
  const cancelled = { reason: 'call_task_closed', status: 'cancelled' };
  expect(errorMessage('conflict', 'fr', cancelled)).toContain(
    'annulé (par exemple, tout le dossier est contesté',
  );
  expect(errorMessage('conflict', 'en', cancelled)).toContain(
    'cancelled (for instance, the whole case is disputed',
  );
  expect(errorMessage('conflict', 'en', { reason: 'call_task_closed', status: 'done' })).toBe(
    'This call task is already done, expired or cancelled.',
  );
});
