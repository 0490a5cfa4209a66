import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EMAIL_SETTING, type EmailSettings } from '../../src/channels/email/email-settings.ts';
import { cliEnv, describeEachCliDatabase, relance } from '../cli/cli-support.ts';
import { type SmtpPeer, startSmtpPeer } from '../dispatch/smtp-peer.ts';
import { pdfText } from '../letters/pdf-inspect.ts';

const csv =
  "N° facture;Date facture;Date d'échéance;Montant TTC;Raison sociale\n" +
  'RPT-1;01/12/2025;15/12/2025;400,00;Echo SARL\n' +
  'RPT-2;01/12/2025;20/12/2025;250,00;Foxtrot SAS\n';

/** The CLI's clock: Tuesday 10 March 2026. */
const env = cliEnv({ RELANCE_CLOCK: '2026-03-10T09:00:00.000Z' });
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/**
 * `relance reports list | subscribe | preview | send` on a tenant made with `init`, its claims imported with
 * `import`; the report is e-mailed to a real SMTP peer.
 */
describeEachCliDatabase('relance reports', (ctx) => {
  let smtp: SmtpPeer;
  const run = (args: readonly string[]) => relance(ctx.db, args, env);

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    const file = join(ctx.db.dir, 'claims.csv');
    writeFileSync(file, csv, 'utf8');
    const init = await run(['init', '--admin-password', 'long-enough-password']);
    expect(init.code, init.stderr).toBe(0);
    const imported = await run(['import', file, '--creditor', 'ACME']);
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(async () => {
    await smtp?.close();
  });

  it('lists a creditor without a scheduled report; sending one is refused in the reader’s language', async () => {
    const list = await run(['--json', 'reports', 'list']);
    expect(list.code, list.stderr).toBe(0);
    const doc = JSON.parse(list.stdout);
    expect(doc.items).toEqual([
      { creditor: expect.objectContaining({ ref: 'ACME' }), subscription: null, reports: [] },
    ]);
    const text = await run(['reports', 'list', 'ACME']);
    expect(text.stdout).toContain('ACME ACME — aucun rapport programmé\n  aucun rapport produit');
    const send = await run(['reports', 'send', 'ACME']);
    expect(send.code).toBe(1);
    expect(send.stderr).toContain('Aucun rapport programmé pour ce créancier : enregistrez-en un d’abord.');
    const unknown = await run(['--lang', 'en', 'reports', 'send', 'NOPE']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No creditor has the reference NOPE.');
  });

  it('schedules the report, changes and stops it, keeping what is not said again', async () => {
    const missing = await run(['reports', 'subscribe', 'ACME']);
    expect(missing.code).toBe(64);
    expect(missing.stderr).toContain('Nommez au moins un destinataire avec --to.');
    const bad = await run(['reports', 'subscribe', 'ACME', '--to', 'not-an-address']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('Les destinataires du rapport sont des adresses e-mail valides (1 à 10).');

    const saved = await run([
      '--json',
      'reports',
      'subscribe',
      'ACME',
      '--frequency',
      'weekly',
      '--to',
      'Direction@ACME.example',
      '--to',
      'dg@acme.example',
      '--language',
      'en',
    ]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(JSON.parse(saved.stdout).subscription).toMatchObject({
      frequency: 'weekly',
      recipients: ['Direction@acme.example', 'dg@acme.example'],
      language: 'en',
      active: true,
    });
    const off = await run(['reports', 'subscribe', 'ACME', '--off']);
    expect(off.code, off.stderr).toBe(0);
    expect(off.stdout).toContain(
      'Rapport de ACME : (arrêté) hebdomadaire en anglais à Direction@acme.example, dg@acme.example.',
    );
    const on = await run(['--lang', 'en', 'reports', 'subscribe', 'ACME', '--frequency', 'monthly']);
    expect(on.code, on.stderr).toBe(0);
    expect(on.stdout).toContain(
      'Report of ACME: monthly in English to Direction@acme.example, dg@acme.example.',
    );
  });

  it('writes the report of a named month, or to date, as PDF; a fortnight is no report’s period', async () => {
    const out = join(ctx.db.dir, 'february.pdf');
    const february = await run(['--json', 'reports', 'preview', 'ACME', '--period', '2026-02', '--out', out]);
    expect(february.code, february.stderr).toBe(0);
    expect(JSON.parse(february.stdout)).toMatchObject({ file: out, creditor: { ref: 'ACME' } });
    const text = plain(pdfText(new Uint8Array(readFileSync(out))));
    // In the subscription's language (English), titled with the creditor, over February.
    expect(text).toContain('ACME');
    expect(text).toContain('€650.00');
    expect(text).toContain('Period 1 Feb 2026 to 28 Feb 2026 · as of 10 Mar 2026');

    const french = await run(['--lang', 'fr', 'reports', 'preview', 'ACME', '--period', 'weekly']);
    expect(french.code, french.stderr).toBe(0);
    expect(french.stdout).toContain(`Écrit ${join(ctx.db.dir, 'rapport-2026-03-10.pdf')}`);
    expect(
      plain(pdfText(new Uint8Array(readFileSync(join(ctx.db.dir, 'rapport-2026-03-10.pdf'))))),
    ).toContain('650,00 €');

    const fortnight = await run(['reports', 'preview', 'ACME', '--period', '2026-02-F1']);
    expect(fortnight.code).toBe(64);
    expect(fortnight.stderr).toContain(
      'La période d’un rapport est un mois (2026-10) ou une semaine ISO (2026-W42).',
    );
  });

  it('sends the report now to the recipients through the tenant’s SMTP server, and lists it sent', async () => {
    const noSmtp = await run(['reports', 'send', 'ACME']);
    expect(noSmtp.code).toBe(1);
    expect(noSmtp.stderr).toContain('Aucun serveur d’e-mail (SMTP) n’est configuré pour cet espace.');
    const settings: EmailSettings = {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      user: null,
      password: null,
      fromName: 'Relance Test',
      fromAddress: 'rapports@relance.example',
      replyTo: null,
      readReceipt: false,
    };
    const handle = ctx.db.open();
    try {
      const tenant = await handle.db.selectFrom('tenants').select('tenant_id').executeTakeFirstOrThrow();
      await handle.db
        .insertInto('tenant_settings')
        .values({
          tenant_id: tenant.tenant_id,
          key: EMAIL_SETTING,
          value: JSON.stringify(settings),
          version: 1,
          updated_by: null,
          updated_at: '2026-03-01T00:00:00Z',
        })
        .execute();
    } finally {
      await handle.close();
    }

    const sent = await run(['--json', 'reports', 'send', 'ACME']);
    expect(sent.code, sent.stderr).toBe(0);
    const report = JSON.parse(sent.stdout).report;
    expect(report).toMatchObject({
      status: 'sent',
      language: 'en',
      periodStart: '2026-02-11',
      periodEnd: '2026-03-10',
      emailTo: 'Direction@acme.example, dg@acme.example',
    });
    expect(smtp.received).toHaveLength(1);
    const message = smtp.received[0];
    if (!message) throw new Error('no message');
    expect([...message.to].sort()).toEqual(['Direction@acme.example', 'dg@acme.example']);
    const mail = await simpleParser(message.raw);
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(plain(pdfText(new Uint8Array(pdf?.content ?? [])))).toContain('€650.00');

    const list = await run(['--json', 'reports', 'list', 'ACME']);
    expect(JSON.parse(list.stdout).items[0].reports).toEqual([
      expect.objectContaining({ id: report.id, status: 'sent', period: report.period }),
    ]);
    const text = await run(['reports', 'list', 'ACME']);
    expect(text.stdout).toContain('  du 2026-02-11 au 2026-03-10  envoyé');
  });
});
