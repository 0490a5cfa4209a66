import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queueCaseEvent } from '../../../src/channels/queue-case-event.ts';
import { fixedClock } from '../../../src/shared/clock.ts';
import { dispatchDue } from '../../../src/use-cases/dispatch/dispatch-due.ts';
import { sendPaymentLink } from '../../../src/use-cases/workspace/payment-link/send-payment-link.ts';
import { dispatchWorld } from '../../dispatch/dispatch-world.ts';
import { type SmtpPeer, startSmtpPeer } from '../../dispatch/smtp-peer.ts';
import { type SeededTenant, seedTenant } from '../../http/seed.ts';
import { signInAs, testServer } from '../../http/support.ts';
import { describeEachDatabase } from '../../support/databases.ts';

let smtp: SmtpPeer;
beforeAll(async () => {
  smtp = await startSmtpPeer();
});
afterAll(async () => {
  await smtp.close();
});

describeEachDatabase('the payment link sent during a call', (ctx) => {
  const world = () =>
    dispatchWorld(ctx.handle, [{ name: 'Dupont SARL', email: 'compta@dupont.example' }], smtp.port);

  it('goes by SMS at once (despite the pause after the conversation), with the balance and the link', async () => {
    const w = await world();
    const caseId = w.cases[0]?.case_id ?? '';
    const now = w.deps.clock.now();
    // The call itself: a conversation today, which holds back our reminders but not what the debtor asked for.
    await ctx.handle.db.transaction().execute((trx) =>
      queueCaseEvent(trx, {
        tenantId: w.tenantId,
        caseId,
        kind: 'conversation',
        on: w.deps.clock.today(),
        data: {},
        recordedBy: w.actor.id,
        now,
      }),
    );
    const sent = await sendPaymentLink(w.deps, w.actor, caseId, 'sms');
    expect(sent).toMatchObject({ channel: 'sms', status: 'planned', scheduledAt: now, repeated: false });
    const action = await ctx.handle.db
      .selectFrom('actions')
      .select(['action_key', 'template', 'purpose', 'channel'])
      .where('tenant_id', '=', w.tenantId)
      .where('action_id', '=', sent.actionId)
      .executeTakeFirstOrThrow();
    expect(action).toEqual({
      action_key: `payment-link:sms:${now.slice(0, 16)}`,
      template: 'payment-link-sms',
      purpose: 'confirmation',
      channel: 'sms',
    });
    const totals = await dispatchDue(w.deps, w.tenantId);
    expect(totals).toMatchObject({ claimed: 1, sent: 1, blocked: 0, deferred: 0 });
    const texts = await ctx.handle.db
      .selectFrom('builtin_sms')
      .select(['to_number', 'body', 'idempotency_key'])
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(texts).toHaveLength(1);
    expect(texts[0]?.to_number).toBe('+33612345678');
    // The balance as of today (principal, interest, the fixed compensation) and a signed link of its own.
    expect(texts[0]?.body).toMatch(/^Société Élan : réglez 1\s298,32\s€ en ligne/);
    expect(texts[0]?.body).toMatch(/ http:\/\/127\.0\.0\.1:3000\/pay\/[A-Za-z0-9_-]{94}$/);
    const evidence = await ctx.handle.db
      .selectFrom('evidence')
      .select(['kind', 'action_id', 'payload'])
      .where('tenant_id', '=', w.tenantId)
      .where('action_id', '=', sent.actionId)
      .orderBy('seq')
      .execute();
    expect(evidence.map((e) => e.kind)).toEqual(['payment_link_requested', 'sms_sent']);
    expect(JSON.parse(evidence[0]?.payload ?? '{}')).toMatchObject({
      channel: 'sms',
      template: 'payment-link-sms',
    });
    // The outbox says why in words: the reason has its own code and sentence.
    const why = await ctx.handle.db
      .selectFrom('actions')
      .select('reason')
      .where('tenant_id', '=', w.tenantId)
      .where('action_id', '=', sent.actionId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(why.reason)).toMatchObject({
      reason: { code: 'payment_link_requested', params: { channel: 'sms' } },
    });
    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('tenant_id', '=', w.tenantId)
      .where('action', '=', 'case.payment_link')
      .execute();
    expect(audit).toEqual([{ action: 'case.payment_link', entity_id: caseId }]);
  });

  it('a double click sends one message; a new request minutes later sends another', async () => {
    const w = await world();
    const caseId = w.cases[0]?.case_id ?? '';
    const first = await sendPaymentLink(w.deps, w.actor, caseId, 'email');
    const again = await sendPaymentLink(w.deps, w.actor, caseId, 'email');
    expect(again).toEqual({ ...first, repeated: true });
    const later = w.at('2026-03-02T09:00:59.000Z');
    expect((await sendPaymentLink(later, w.actor, caseId, 'email')).actionId).toBe(first.actionId);
    // The other channel is another message.
    const sms = await sendPaymentLink(w.deps, w.actor, caseId, 'sms');
    expect(sms.actionId).not.toBe(first.actionId);
    const after = await sendPaymentLink(w.at('2026-03-02T09:06:00.000Z'), w.actor, caseId, 'email');
    expect(after).toMatchObject({ repeated: false });
    expect(after.actionId).not.toBe(first.actionId);
    const links = await ctx.handle.db
      .selectFrom('actions')
      .select('action_key')
      .where('tenant_id', '=', w.tenantId)
      .where('action_key', 'like', 'payment-link:%')
      .execute();
    expect(links).toHaveLength(3);
    // The e-mail goes through the tenant's SMTP server with the balance and the link.
    const before = smtp.received.length;
    await dispatchDue({ ...w.deps, clock: fixedClock('2026-03-02T09:00:00.000Z') }, w.tenantId);
    const mail = smtp.received.slice(before).find((m) => m.to.includes('compta@dupont.example'));
    // Quoted-printable folds the long link: unfolded, it is whole.
    expect(mail?.raw.toString().replace(/=\r?\n/g, '')).toMatch(/\/pay\/[A-Za-z0-9_-]{94}\s/);
  });

  it('is refused without a usable phone or e-mail (400), and on a closed case (409)', async () => {
    const w = await world();
    const caseId = w.cases[0]?.case_id ?? '';
    await ctx.handle.db
      .updateTable('contacts')
      .set({ validity: 'invalid' })
      .where('tenant_id', '=', w.tenantId)
      .where('kind', '=', 'phone')
      .execute();
    await expect(sendPaymentLink(w.deps, w.actor, caseId, 'sms')).rejects.toMatchObject({
      code: 'invalid_input',
      details: { reason: 'payment_link_no_phone' },
    });
    await ctx.handle.db
      .updateTable('contacts')
      .set({ opted_out_at: '2026-03-01T00:00:00.000Z' })
      .where('tenant_id', '=', w.tenantId)
      .where('kind', '=', 'email')
      .execute();
    await expect(sendPaymentLink(w.deps, w.actor, caseId, 'email')).rejects.toMatchObject({
      details: { reason: 'payment_link_no_email' },
    });
    await ctx.handle.db
      .updateTable('cases')
      .set({ status: 'closed' })
      .where('tenant_id', '=', w.tenantId)
      .execute();
    await expect(sendPaymentLink(w.deps, w.actor, caseId, 'sms')).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'payment_link_case_closed' },
    });
    const rows = await ctx.handle.db
      .selectFrom('actions')
      .select('action_id')
      .where('tenant_id', '=', w.tenantId)
      .where('action_key', 'like', 'payment-link:%')
      .execute();
    expect(rows).toEqual([]);
  });
});

describeEachDatabase('POST /cases/:caseId/payment-link', (ctx) => {
  let app: FastifyInstance;
  let tenant: SeededTenant;
  let agent: { cookie: string };
  let client: { cookie: string };

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    tenant = await seedTenant(ctx.handle.db, 'L');
    agent = await signInAs(app, 'agent@l.example');
    client = await signInAs(app, 'client@l.example');
  });
  afterAll(async () => {
    await app?.close();
  });

  const post = (caseId: string, channel: string, who = agent, language = 'fr') =>
    app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/payment-link`,
      headers: { ...who, 'accept-language': language },
      payload: { channel },
    });

  it('201 with the action, 200 with the same one for a repeat, 400/403/404 in French and English', async () => {
    const dupont = tenant.debtors.D1?.caseId ?? '';
    const mixte = tenant.debtors.D5?.caseId ?? '';
    const created = await post(dupont, 'email');
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ channel: 'email', status: 'planned', repeated: false });
    expect(body.actionId).toEqual(expect.any(String));
    expect(body.scheduledAt).toEqual(expect.any(String));
    const repeat = await post(dupont, 'email');
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json()).toEqual({ ...body, repeated: true });
    expect((await post(mixte, 'sms')).statusCode).toBe(201);

    const fr = await post(dupont, 'sms');
    expect(fr.statusCode).toBe(400);
    expect(fr.json().error).toMatchObject({
      code: 'invalid_input',
      message: 'Le débiteur n’a pas de numéro de téléphone utilisable : envoyez le lien par e-mail.',
      details: { reason: 'payment_link_no_phone' },
    });
    const en = await post(mixte, 'email', agent, 'en');
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toBe('The debtor has no usable e-mail address: send the link by SMS.');
    expect((await post(dupont, 'fax')).statusCode).toBe(400);
    expect((await post(dupont, 'sms', client)).statusCode).toBe(403);
    expect((await post('00000000-0000-0000-0000-000000000000', 'sms')).statusCode).toBe(404);
  });

  it('never sends for another tenant’s case (404, nothing written there)', async () => {
    const other = await seedTenant(ctx.handle.db, 'M');
    const response = await post(other.debtors.D5?.caseId ?? '', 'sms');
    expect(response.statusCode).toBe(404);
    const rows = await ctx.handle.db
      .selectFrom('actions')
      .select('action_id')
      .where('tenant_id', '=', other.tenantId)
      .where('action_key', 'like', 'payment-link:%')
      .execute();
    expect(rows).toEqual([]);
  });
});
