import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { cachingStatements } from './statement-cache.ts';

let open: BetterSqlite3.Database | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

function connection() {
  open = new BetterSqlite3(':memory:');
  open.exec('create table t (n integer)');
  open.exec('insert into t values (1), (2), (3)');
  return { sqlite: open, db: cachingStatements(open) };
}

it('prepares each SQL text once and hands the same statement back', () => {
  const { db } = connection();
  const first = db.prepare('select n from t where n > ?');
  expect(db.prepare('select n from t where n > ?')).toBe(first);
  expect(first.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
  expect(db.prepare('select n from t')).not.toBe(first);
});

it('gives a fresh statement while the kept one is still being iterated', () => {
  const { db } = connection();
  const outer = db.prepare('select n from t order by n');
  const seen: number[] = [];
  for (const row of outer.iterate([]) as IterableIterator<{ n: number }>) {
    const inner = db.prepare('select n from t order by n');
    expect(inner).not.toBe(outer);
    seen.push(row.n, (inner.all([]) as { n: number }[]).length);
  }
  expect(seen).toEqual([1, 3, 2, 3, 3, 3]);
});
