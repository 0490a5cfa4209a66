import { statSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { startBackgroundCheckpoints } from './background-checkpoints.ts';

describeEachDatabase('checkpoints from a thread of their own (a server on SQLite)', (ctx) => {
  it('on a SQLite file: commits only append to the WAL, the thread copies it into the database, and stopping gives the connection its own checkpoints back', async () => {
    const raw = ctx.handle.raw;
    const started = startBackgroundCheckpoints(ctx.handle, { intervalMs: 50 });
    if (raw.kind !== 'sqlite') {
      expect(started).toBeNull();
      return;
    }
    if (!started) throw new Error('no checkpoint thread on a SQLite file');
    const sqlite = raw.sqlite;
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    sqlite.exec('create table filler (id integer primary key, payload text not null)');
    const before = statSync(sqlite.name).size;
    const insert = sqlite.prepare('insert into filler (payload) values (?)');
    // About 3,000 pages of WAL in 30 commits: SQLite alone would checkpoint inside two or three of them.
    for (let batch = 0; batch < 30; batch++) {
      sqlite.transaction(() => {
        for (let i = 0; i < 100; i++) insert.run('x'.repeat(400));
      })();
    }
    // The commits did not copy anything into the database file: no checkpoint ran inside them.
    expect(statSync(sqlite.name).size).toBe(before);
    const deadline = Date.now() + 10_000;
    // The file grows as the thread copies; its report of the round follows as a message.
    while ((statSync(sqlite.name).size === before || started.rounds() === 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(statSync(sqlite.name).size).toBeGreaterThan(before);
    expect(started.rounds()).toBeGreaterThan(0);
    expect(sqlite.prepare('select count(*) as n from filler').get()).toEqual({ n: 3000 });
    await started.stop();
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});
