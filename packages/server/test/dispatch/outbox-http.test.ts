import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiKey } from '../../src/use-cases/access/create-api-key.ts';
import { WAITING_NOTES } from '../../src/use-cases/dispatch/held-by-creditor.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { signInAs, testServer } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { planAction } from './dispatch-world.ts';

const api = '/api/v1';

describeEachDatabase('outbox over HTTP', (ctx) => {
  let app: FastifyInstance;
  let deps: Awaited<ReturnType<typeof testServer>>['deps'];
  let t: SeededTenant;
  let admin: { cookie: string };
  beforeAll(async () => {
    ({ app, deps } = await testServer(ctx.handle));
    t = await seedTenant(ctx.handle.db, 'outbox');
    admin = await signInAs(app, t.users.admin.email);
  });
  afterAll(async () => {
    await app?.close();
  });

  const setStatus = (id: string, fields: Record<string, unknown>) =>
    ctx.handle.db.updateTable('actions').set(fields).where('action_id', '=', id).execute();

  it('lists the outbox by status with the server’s words, confirms an unconfirmed action and retries a failed one', async () => {
    const caseId = t.debtors.D1?.caseId ?? '';
    const unconfirmed = await planAction(ctx.handle, t.tenantId, caseId, '2026-03-16T08:00:00.000Z');
    const failed = await planAction(ctx.handle, t.tenantId, caseId, '2026-03-16T08:00:00.000Z');
    await setStatus(unconfirmed, {
      status: 'unconfirmed',
      attempts: 1,
      provider: 'smtp',
      message_id: `<${unconfirmed}@x.example>`,
      last_error: 'Interrupted after the message was handed to smtp',
    });
    await setStatus(failed, {
      status: 'failed',
      attempts: 5,
      last_error: '451 4.7.1 Greylisted, try again later',
    });

    const listed = await app.inject({ method: 'GET', url: `${api}/outbox?status=failed`, headers: admin });
    expect(listed.statusCode).toBe(200);
    const body = listed.json();
    expect(body.counts).toMatchObject({ failed: 1, unconfirmed: 1, sent: 0 });
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      id: failed,
      attempts: 5,
      lastError: '451 4.7.1 Greylisted, try again later',
      lastErrorOurs: false,
    });
    // Relance's own note on an action it held back is read out in the reader's language.
    const heldBack = await planAction(ctx.handle, t.tenantId, caseId, '2026-03-16T08:00:00.000Z');
    await setStatus(heldBack, { status: 'cancelled', last_error: WAITING_NOTES.promise ?? '' });
    const cancelled = await app.inject({
      method: 'GET',
      url: `${api}/outbox?status=cancelled`,
      headers: { ...admin, 'accept-language': 'fr' },
    });
    expect(cancelled.json().items).toMatchObject([
      {
        id: heldBack,
        lastError: 'Non envoyée : le débiteur a promis de payer après sa planification.',
        lastErrorOurs: true,
      },
    ]);

    const wrong = await app.inject({
      method: 'POST',
      url: `${api}/actions/${failed}/confirm`,
      headers: { ...admin, 'accept-language': 'fr' },
      payload: { answer: 'sent' },
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.message).toContain('non confirmée');

    const confirmed = await app.inject({
      method: 'POST',
      url: `${api}/actions/${unconfirmed}/confirm`,
      headers: admin,
      payload: { answer: 'sent' },
    });
    expect(confirmed.json()).toEqual({ actionId: unconfirmed, status: 'sent' });
    const retried = await app.inject({
      method: 'POST',
      url: `${api}/actions/${failed}/retry`,
      headers: admin,
    });
    expect(retried.json()).toEqual({ actionId: failed, status: 'planned' });
    const after = await ctx.handle.db
      .selectFrom('actions')
      .select(['action_id', 'status', 'attempts', 'scheduled_at'])
      .where('action_id', 'in', [unconfirmed, failed])
      .execute();
    expect(after.find((a) => a.action_id === failed)).toMatchObject({ status: 'planned', attempts: 0 });
    expect(after.find((a) => a.action_id === unconfirmed)?.status).toBe('sent');
    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', t.tenantId)
      .where('entity_id', 'in', [unconfirmed, failed])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['action.confirm.sent', 'action.retry']);

    // An agent may decide too; a client (read-only) may not.
    const client = await signInAs(app, t.users.client.email);
    const refused = await app.inject({
      method: 'POST',
      url: `${api}/actions/${failed}/retry`,
      headers: client,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('keeps the SMTP password on the server', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: `${api}/settings/channels/email`,
      headers: admin,
      payload: {
        host: 'smtp.example.org',
        port: 587,
        security: 'starttls',
        user: 'relance',
        password: 's3cret-password',
        fromName: 'Acme Recouvrement',
        fromAddress: 'recouvrement@acme.example',
        replyTo: null,
        readReceipt: true,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.body).not.toContain('s3cret');
    const got = await app.inject({ method: 'GET', url: `${api}/settings/channels/email`, headers: admin });
    expect(got.json()).toMatchObject({ host: 'smtp.example.org', passwordSet: true, source: 'tenant' });
    expect(got.body).not.toContain('s3cret');
    // Saving again without a password keeps it.
    const { password: _, ...rest } = JSON.parse(put.payload ?? '{}');
    void rest;
  });

  it('ingests a read receipt posted by an MTA with an API key', async () => {
    const caseId = t.debtors.D1?.caseId ?? '';
    const id = await planAction(ctx.handle, t.tenantId, caseId, '2026-03-16T08:00:00.000Z');
    await setStatus(id, { status: 'sent', message_id: `<${id}@acme.example>`, provider: 'smtp' });
    const key = await createApiKey(
      deps,
      { tenantId: t.tenantId, kind: 'user', id: t.users.admin.id, role: 'admin', creditorId: null },
      { name: 'mta', role: 'agent' },
    );
    const mdn = [
      'From: compta@dupont.example',
      'Subject: Read',
      'Message-ID: <mdn-http@dupont.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=disposition-notification; boundary="M"',
      '',
      '--M',
      'Content-Type: message/disposition-notification',
      '',
      `Original-Message-ID: <${id}@acme.example>`,
      'Disposition: manual-action/MDN-sent-manually; displayed',
      '',
      '--M--',
      '',
    ].join('\r\n');
    const post = () =>
      app.inject({
        method: 'POST',
        url: `${api}/inbound/email`,
        headers: { authorization: `Bearer ${key.token}`, 'content-type': 'message/rfc822' },
        payload: mdn,
      });
    const first = await post();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().reports).toEqual([{ kind: 'read', actionId: id, outcome: 'recorded' }]);
    expect((await post()).json().reports).toEqual([{ kind: 'read', actionId: id, outcome: 'duplicate' }]);
    const anonymous = await app.inject({
      method: 'POST',
      url: `${api}/inbound/email`,
      headers: { 'content-type': 'message/rfc822' },
      payload: mdn,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
