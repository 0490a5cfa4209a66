import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/database.ts';
import { describeEachCliDatabase, relance } from '../cli/cli-support.ts';
import { dispatchWorld, planAction } from './dispatch-world.ts';
import { startSmtpPeer } from './smtp-peer.ts';

describeEachCliDatabase('relance dispatch and relance mail ingest', (ctx) => {
  it('sends the outbox once with its totals in French and English, then records a read receipt once', async () => {
    const smtp = await startSmtpPeer();
    const handle = ctx.db.open();
    try {
      await migrateToLatest(handle.db);
      const w = await dispatchWorld(
        handle,
        [{ name: 'Dupont SARL', email: 'compta@dupont.example' }],
        smtp.port,
      );
      const actionId = await planAction(
        handle,
        w.tenantId,
        w.cases[0]?.case_id ?? '',
        '2026-03-02T08:00:00.000Z',
      );

      const json = await relance(ctx.db, ['--json', 'dispatch', '--once', '--now', '2026-03-02T09:00:00Z']);
      expect(json.code, json.stderr).toBe(0);
      expect(JSON.parse(json.stdout).tenants[0].totals).toMatchObject({ claimed: 1, sent: 1 });
      expect(smtp.received).toHaveLength(1);
      const english = await relance(ctx.db, [
        '--lang',
        'en',
        'dispatch',
        '--once',
        '--now',
        '2026-03-02T10:00:00Z',
      ]);
      expect(english.stdout).toContain('sent 0, retried 0, failed 0, deferred 0, blocked 0, unconfirmed 0');
      const bad = await relance(ctx.db, ['dispatch', '--once', '--now', 'demain']);
      expect(bad.code).toBe(64);
      expect(bad.stderr).toContain('n’est pas un instant');

      const file = join(ctx.db.dir, 'mdn.eml');
      writeFileSync(
        file,
        [
          'From: compta@dupont.example',
          'Subject: Lu',
          'Message-ID: <mdn-cli@dupont.example>',
          'MIME-Version: 1.0',
          'Content-Type: multipart/report; report-type=disposition-notification; boundary="M"',
          '',
          '--M',
          'Content-Type: message/disposition-notification',
          '',
          `Original-Message-ID: <${actionId}@elan.example>`,
          'Disposition: manual-action/MDN-sent-manually; displayed',
          '',
          '--M--',
          '',
        ].join('\r\n'),
      );
      const first = await relance(ctx.db, ['mail', 'ingest', file]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain('read       enregistré');
      const again = await relance(ctx.db, ['--lang', 'en', 'mail', 'ingest', file]);
      expect(again.stdout).toContain('already recorded');
    } finally {
      await handle.close();
      await smtp.close();
    }
  }, 120_000);
});
