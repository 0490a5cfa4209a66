import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EMAIL_SETTING, type EmailSettings } from '../../src/channels/email/email-settings.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { sendCreditorReports } from '../../src/use-cases/creditor-portal/send-creditor-reports.ts';
import { startDispatcher } from '../../src/worker/dispatcher.ts';
import { type SmtpPeer, startSmtpPeer } from '../dispatch/smtp-peer.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { signInAs, testServer } from '../http/support.ts';
import { pdfText } from '../letters/pdf-inspect.ts';
import { describeEachDatabase } from '../support/databases.ts';

/** One tick of the worker's dispatcher loop, as `start` and `relance worker` run it. */
async function workerTick(deps: Deps): Promise<void> {
  const dispatcher = startDispatcher(deps, { intervalMs: 3_600_000 });
  await dispatcher.tick();
  await dispatcher.stop();
}

async function mailOf(peer: SmtpPeer, index: number) {
  const message = peer.received[index];
  if (!message) throw new Error(`no message ${index}`);
  const mail = await simpleParser(message.raw);
  const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
  return { to: message.to, mail, text: pdf ? pdfText(new Uint8Array(pdf.content)) : '' };
}

describeEachDatabase('creditor portal: the scheduled report', (ctx) => {
  let app: FastifyInstance;
  let deps: Deps;
  let t: SeededTenant;
  let smtp: SmtpPeer;
  let client: { cookie: string };
  const call = (method: 'GET' | 'PUT' | 'POST', url: string, headers: object, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: headers as Record<string, string>,
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    ({ app, deps } = await testServer(ctx.handle));
    t = await seedTenant(ctx.handle.db, 'A');
    client = await signInAs(app, t.users.client.email);
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
    await ctx.handle.db
      .insertInto('tenant_settings')
      .values({
        tenant_id: t.tenantId,
        key: EMAIL_SETTING,
        value: JSON.stringify(settings),
        version: 1,
        updated_by: null,
        updated_at: '2026-01-05T00:00:00Z',
      })
      .execute();
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('a client sets its own creditor’s report, not another’s', async () => {
    const saved = await call('PUT', `/creditors/${t.creditors.acme}/report-subscription`, client, {
      frequency: 'monthly',
      recipients: ['Direction@ACME.example', 'dg@acme.example'],
      language: 'fr',
      active: true,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      recipients: ['Direction@acme.example', 'dg@acme.example'],
      active: true,
    });
    const other = await call('PUT', `/creditors/${t.creditors.beta}/report-subscription`, client, {
      frequency: 'weekly',
      recipients: ['x@beta.example'],
      language: 'fr',
      active: true,
    });
    expect(other.statusCode).toBe(404);
    const invalid = await call('PUT', `/creditors/${t.creditors.acme}/report-subscription`, client, {
      frequency: 'weekly',
      recipients: ['pas une adresse'],
      language: 'fr',
      active: true,
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.message).toBe(
      'Les destinataires du rapport sont des adresses e-mail valides (1 à 10).',
    );
    const read = await call('GET', `/creditors/${t.creditors.acme}/report-subscription`, client);
    expect(read.json().subscription).toMatchObject({ frequency: 'monthly', language: 'fr' });
    // A supervisor sets BETA's: weekly, in English.
    const supervisor = await signInAs(app, t.users.supervisor.email);
    const beta = await call('PUT', `/creditors/${t.creditors.beta}/report-subscription`, supervisor, {
      frequency: 'weekly',
      recipients: ['finance@beta.example'],
      language: 'en',
      active: true,
    });
    expect(beta.statusCode).toBe(200);
  });

  it('the worker mails each creditor the PDF of its last month or week, once, with its own figures only', async () => {
    await workerTick(deps);
    expect(smtp.received).toHaveLength(2);
    const mails = await Promise.all([mailOf(smtp, 0), mailOf(smtp, 1)]);
    const acme = mails.find((m) => m.to.includes('dg@acme.example'));
    const beta = mails.find((m) => m.to.includes('finance@beta.example'));
    expect(acme?.to).toEqual(['Direction@acme.example', 'dg@acme.example']);
    expect(acme?.mail.subject).toBe('Rapport de recouvrement ACME A du 2026-02-01 au 2026-02-28');
    expect(acme?.mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    // ACME's receivables: 1 200 + 300 + 450 + 1 000 + 700 (D4 is paid); BETA's 9 000 are not there.
    expect(acme?.text).toContain('ACME A');
    expect(acme?.text).toContain('3 650,00 €');
    expect(acme?.text).not.toContain('9 000');
    expect(acme?.text).not.toContain('BETA');
    expect(beta?.mail.subject).toBe('Collection report BETA A from 2026-03-09 to 2026-03-15');
    expect(beta?.text).toContain('€9,000.00');
    expect(beta?.text).not.toContain('ACME');

    await workerTick(deps);
    expect(smtp.received).toHaveLength(2);
    const list = (await call('GET', `/creditors/${t.creditors.acme}/reports`, client)).json().items;
    expect(list).toMatchObject([{ period: '2026-02', status: 'sent', emailedAt: deps.clock.now() }]);
  });

  it('never sends again by itself a report interrupted in doubt', async () => {
    await ctx.handle.db
      .updateTable('creditor_reports')
      .set({ email_status: 'sending', email_claimed_until: '2026-03-16T09:00:00.000Z' })
      .where('tenant_id', '=', t.tenantId)
      .where('creditor_id', '=', t.creditors.beta)
      .execute();
    expect(await sendCreditorReports(deps, t.tenantId)).toMatchObject({ sent: 0, unconfirmed: 1 });
    await workerTick(deps);
    expect(smtp.received).toHaveLength(2);
  });

  it('previews the PDF and sends it now on demand', async () => {
    const preview = await call('GET', `/creditors/${t.creditors.acme}/report.pdf?language=en`, client);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(pdfText(new Uint8Array(preview.rawPayload))).toContain('€3,650.00');
    expect((await call('GET', `/creditors/${t.creditors.beta}/report.pdf`, client)).statusCode).toBe(404);
    const named = await call(
      'GET',
      `/creditors/${t.creditors.acme}/report.pdf?language=en&period=2026-W10`,
      client,
    );
    expect(named.statusCode).toBe(200);
    expect(pdfText(new Uint8Array(named.rawPayload))).toContain('Period 2 Mar 2026 to 8 Mar 2026');
    const fortnight = await call('GET', `/creditors/${t.creditors.acme}/report.pdf?period=2026-02-F1`, {
      ...client,
      'accept-language': 'en',
    });
    expect(fortnight.statusCode).toBe(400);
    expect(fortnight.json().error).toMatchObject({
      code: 'invalid_input',
      message: 'A report’s period is a month (2026-10) or an ISO week (2026-W42).',
    });
    const sent = await call('POST', `/creditors/${t.creditors.acme}/reports/send`, client);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ status: 'sent', periodStart: '2026-02-17', periodEnd: '2026-03-16' });
    expect(smtp.received).toHaveLength(3);
    expect((await mailOf(smtp, 2)).text).toContain('3 650,00 €');
  });
});
