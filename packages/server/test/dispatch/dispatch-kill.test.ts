import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/database.ts';
import { cliEnv, cliMain, describeEachCliDatabase } from '../cli/cli-support.ts';
import { dispatchWorld, planAction } from './dispatch-world.ts';
import { startSmtpPeer } from './smtp-peer.ts';

const ACTIONS = 240;
const KILLS = 3;
const start = Date.parse('2026-03-02T09:00:00.000Z');
/** Each restart comes after the killed dispatcher's lease (5 min) has run out. */
const roundAt = (round: number) => new Date(start + round * 6 * 60_000).toISOString();

const messageIdOf = (raw: Buffer) => /^Message-ID: (<[^>]+>)/im.exec(raw.toString('latin1'))?.[1] ?? '';

describeEachCliDatabase('relance dispatch killed with SIGKILL mid-batch', (ctx) => {
  it('sends nothing twice and loses nothing: each e-mail arrives once, or is marked unconfirmed (at most one per kill)', async () => {
    const smtp = await startSmtpPeer({ delayMs: 15 });
    const handle = ctx.db.open();
    try {
      await migrateToLatest(handle.db);
      const debtors = Array.from({ length: ACTIONS }, (_, i) => ({
        name: `Client ${String(i).padStart(3, '0')}`,
        email: `client${i}@example.org`,
      }));
      const w = await dispatchWorld(handle, debtors, smtp.port);
      for (const c of w.cases) await planAction(handle, w.tenantId, c.case_id, '2026-03-02T08:00:00.000Z');

      let kills = 0;
      for (let round = 0; round <= KILLS; round++) {
        const child = spawn(
          process.execPath,
          [cliMain, '--db', ctx.db.url, 'dispatch', '--once', '--now', roundAt(round)],
          { cwd: ctx.db.dir, env: cliEnv() },
        );
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
        if (round < KILLS) {
          const target = smtp.received.length + 30 + round * 10;
          const deadline = Date.now() + 60_000;
          while (smtp.received.length < target && Date.now() < deadline) {
            await new Promise((r) => setTimeout(r, 3));
          }
          child.kill('SIGKILL');
          await exited;
          kills++;
        } else {
          expect(await exited, stderr).toBe(0);
        }
      }

      const ids = smtp.received.map((m) => messageIdOf(m.raw));
      expect(ids.every((id) => id !== '')).toBe(true);
      expect(new Set(ids).size, 'a Message-ID arrived twice').toBe(ids.length);
      const arrived = new Set(ids);

      const actions = await handle.db
        .selectFrom('actions')
        .select(['action_id', 'status', 'message_id'])
        .where('tenant_id', '=', w.tenantId)
        .execute();
      expect(actions).toHaveLength(ACTIONS);
      const byStatus = Object.groupBy(actions, (a) => a.status);
      const sent = byStatus.sent ?? [];
      const unconfirmed = byStatus.unconfirmed ?? [];
      expect(sent.length + unconfirmed.length, JSON.stringify(Object.keys(byStatus))).toBe(ACTIONS);
      expect(unconfirmed.length).toBeLessThanOrEqual(kills);
      // Every action recorded as sent did arrive; an unconfirmed one may have arrived or not, never twice.
      for (const a of sent) expect(arrived.has(a.message_id ?? '')).toBe(true);
      const arrivedNotSent = ids.filter((id) => !sent.some((a) => a.message_id === id));
      expect(arrivedNotSent.length).toBeLessThanOrEqual(unconfirmed.length);
      for (const id of arrivedNotSent) expect(unconfirmed.some((a) => a.message_id === id)).toBe(true);
      // The killed runs really were cut mid-batch.
      expect(kills).toBe(KILLS);
    } finally {
      await handle.close();
      await smtp.close();
    }
  }, 240_000);
});
