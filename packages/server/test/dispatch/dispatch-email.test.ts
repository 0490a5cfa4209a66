import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dispatchDue } from '../../src/use-cases/dispatch/dispatch-due.ts';
import { readDocument } from '../../src/use-cases/evidence/journal.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { dispatchWorld, planAction } from './dispatch-world.ts';
import { type SmtpPeer, startSmtpPeer } from './smtp-peer.ts';

let smtp: SmtpPeer;
beforeAll(async () => {
  smtp = await startSmtpPeer();
});
afterAll(async () => {
  await smtp.close();
});

const debtors = [
  { name: 'Dupont SARL', email: 'compta@dupont.example' },
  { name: 'Martin Frères', email: 'refuse@martin.example' },
  { name: 'Zoé Bernard', email: 'busy@bernard.example' },
];

describeEachDatabase('dispatchDue: e-mail through a real SMTP server', (ctx) => {
  const actionOf = (tenantId: string, actionId: string) =>
    ctx.handle.db
      .selectFrom('actions')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('action_id', '=', actionId)
      .executeTakeFirstOrThrow();

  it('sends an e-mail once, with text and HTML parts, a read-receipt request and a UTF-8 subject, and keeps exactly what left', async () => {
    const w = await dispatchWorld(ctx.handle, debtors, smtp.port);
    const dupont = w.cases.find((c) => c.name === 'Dupont SARL');
    const actionId = await planAction(
      ctx.handle,
      w.tenantId,
      dupont?.case_id ?? '',
      '2026-03-02T08:00:00.000Z',
    );
    const before = smtp.received.length;

    const totals = await dispatchDue(w.deps, w.tenantId);
    expect(totals).toMatchObject({ claimed: 1, sent: 1, failed: 0, retried: 0, unconfirmed: 0 });
    const again = await dispatchDue(w.at('2026-03-02T10:00:00.000Z'), w.tenantId);
    expect(again.claimed).toBe(0);

    const arrived = smtp.received.slice(before);
    expect(arrived).toHaveLength(1);
    const message = arrived[0];
    if (!message) throw new Error('nothing arrived');
    expect(message.to).toEqual(['compta@dupont.example']);
    expect(message.from).toBe('recouvrement@elan.example');
    const parsed = await simpleParser(message.raw);
    expect(parsed.subject).toMatch(/^Relance : 1\s\d{3},\d\d\s€ restant dû — dossier /);
    expect(message.raw.toString('latin1')).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(parsed.text).toContain('F-0001');
    expect(parsed.text).toContain('Société Élan');
    expect(parsed.html).toContain('<p>');
    expect(parsed.headers.get('disposition-notification-to')).toBeTruthy();
    expect(parsed.headers.get('return-receipt-to')).toBeTruthy();
    expect(parsed.headers.get('x-relance-action')).toBe(actionId);
    expect(parsed.messageId).toBe(`<${actionId}@elan.example>`);

    const action = await actionOf(w.tenantId, actionId);
    expect(action).toMatchObject({
      status: 'sent',
      attempts: 1,
      provider: 'smtp',
      sent_at: '2026-03-02T09:00:00.000Z',
      message_id: `<${actionId}@elan.example>`,
      last_error: null,
      claimed_by: null,
    });
    expect(action.provider_message_id).toMatch(/^Q\d+$/);
    const stored = await readDocument(ctx.handle.db, w.tenantId, action.document_id ?? '');
    expect(stored?.mediaType).toBe('message/rfc822');
    expect(stored?.content.equals(message.raw)).toBe(true);

    const evidence = await ctx.handle.db
      .selectFrom('evidence')
      .selectAll()
      .where('tenant_id', '=', w.tenantId)
      .where('action_id', '=', actionId)
      .execute();
    expect(evidence.map((e) => e.kind)).toEqual(['email_sent']);
    expect(evidence[0]?.document_sha256).toBe(stored?.sha256);
    expect(JSON.parse(evidence[0]?.payload ?? '{}')).toMatchObject({
      to: 'compta@dupont.example',
      messageId: `<${actionId}@elan.example>`,
      subject: parsed.subject,
      templateVersion: 'shipped:reminder-email/email/fr',
    });
  });

  it('a recipient refused with 550 fails at once with the server’s words, flags the address and tells the strategy', async () => {
    smtp.refuse = (rcpt) =>
      rcpt.startsWith('refuse@')
        ? { code: 550, message: '5.1.1 <refuse@martin.example>: Recipient address rejected' }
        : null;
    const w = await dispatchWorld(ctx.handle, debtors, smtp.port);
    const martin = w.cases.find((c) => c.name === 'Martin Frères');
    const actionId = await planAction(
      ctx.handle,
      w.tenantId,
      martin?.case_id ?? '',
      '2026-03-02T08:00:00.000Z',
    );
    const totals = await dispatchDue(w.deps, w.tenantId);
    expect(totals).toMatchObject({ claimed: 1, sent: 0, failed: 1, retried: 0 });
    const action = await actionOf(w.tenantId, actionId);
    expect(action.status).toBe('failed');
    expect(action.attempts).toBe(1);
    expect(action.last_error).toContain('550 5.1.1 <refuse@martin.example>: Recipient address rejected');
    const contact = await ctx.handle.db
      .selectFrom('contacts')
      .select('validity')
      .where('tenant_id', '=', w.tenantId)
      .where('value', '=', 'refuse@martin.example')
      .executeTakeFirstOrThrow();
    expect(contact.validity).toBe('invalid');
    const events = await ctx.handle.db
      .selectFrom('message_events')
      .select(['kind', 'detail'])
      .where('tenant_id', '=', w.tenantId)
      .where('action_id', '=', actionId)
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['bounced']);
    const caseEvents = await ctx.handle.db
      .selectFrom('case_events')
      .select('kind')
      .where('tenant_id', '=', w.tenantId)
      .where('case_id', '=', martin?.case_id ?? '')
      .execute();
    expect(caseEvents.map((e) => e.kind)).toEqual(['email_bounce']);
  });

  it('a recipient answered 451 is retried after 1 min, 5 min, 30 min, 2 h, then failed with the server’s words', async () => {
    smtp.refuse = (rcpt) =>
      rcpt.startsWith('busy@') ? { code: 451, message: '4.7.1 Greylisted, try again later' } : null;
    const w = await dispatchWorld(ctx.handle, debtors, smtp.port);
    const zoe = w.cases.find((c) => c.name === 'Zoé Bernard');
    const actionId = await planAction(ctx.handle, w.tenantId, zoe?.case_id ?? '', '2026-03-02T08:00:00.000Z');
    let now = '2026-03-02T09:00:00.000Z';
    const scheduled: string[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      const totals = await dispatchDue(w.at(now), w.tenantId);
      expect(totals).toMatchObject({ claimed: 1, retried: 1, failed: 0 });
      const action = await actionOf(w.tenantId, actionId);
      expect(action).toMatchObject({ status: 'planned', attempts: attempt });
      expect(action.last_error).toContain('451 4.7.1 Greylisted, try again later');
      // Not due yet a second before its time.
      const early = new Date(Date.parse(action.scheduled_at ?? '') - 1000).toISOString();
      expect((await dispatchDue(w.at(early), w.tenantId)).claimed).toBe(0);
      scheduled.push(action.scheduled_at ?? '');
      now = action.scheduled_at ?? '';
    }
    expect(scheduled).toEqual([
      '2026-03-02T09:01:00.000Z',
      '2026-03-02T09:06:00.000Z',
      '2026-03-02T09:36:00.000Z',
      '2026-03-02T11:36:00.000Z',
    ]);
    const last = await dispatchDue(w.at(now), w.tenantId);
    expect(last).toMatchObject({ claimed: 1, failed: 1, retried: 0 });
    const action = await actionOf(w.tenantId, actionId);
    expect(action).toMatchObject({ status: 'failed', attempts: 5 });
    expect(action.last_error).toContain('451 4.7.1 Greylisted');
    const failures = await ctx.handle.db
      .selectFrom('evidence')
      .select('payload')
      .where('tenant_id', '=', w.tenantId)
      .where('action_id', '=', actionId)
      .where('kind', '=', 'dispatch_failed')
      .orderBy('seq')
      .execute();
    expect(failures.map((f) => JSON.parse(f.payload).outcome)).toEqual([
      'retried',
      'retried',
      'retried',
      'retried',
      'failed',
    ]);
    smtp.refuse = () => null;
  });

  it('asks the compliance gate again at send time: an e-mail due at 21:30 in the debtor’s zone waits for the next office morning', async () => {
    const w = await dispatchWorld(ctx.handle, debtors, smtp.port);
    await ctx.handle.db
      .updateTable('creditors')
      .set({ country: 'US' })
      .where('tenant_id', '=', w.tenantId)
      .execute();
    await ctx.handle.db
      .updateTable('debtors')
      .set({ time_zone: 'America/New_York' })
      .where('tenant_id', '=', w.tenantId)
      .execute();
    const dupont = w.cases.find((c) => c.name === 'Dupont SARL');
    // 21:30 in New York on Monday 2 March 2026 (EST, UTC−5).
    const late = '2026-03-03T02:30:00.000Z';
    const actionId = await planAction(ctx.handle, w.tenantId, dupont?.case_id ?? '', late);
    const before = smtp.received.length;
    const totals = await dispatchDue(w.at(late), w.tenantId);
    expect(totals).toMatchObject({ claimed: 1, deferred: 1, sent: 0 });
    expect(smtp.received.length).toBe(before);
    const action = await actionOf(w.tenantId, actionId);
    expect(action).toMatchObject({
      status: 'planned',
      attempts: 0,
      scheduled_at: '2026-03-03T14:00:00.000Z',
    });
    const log = await ctx.handle.db
      .selectFrom('compliance_log')
      .select(['allowed', 'code', 'started_by'])
      .where('tenant_id', '=', w.tenantId)
      .where('started_by', '=', 'dispatcher')
      .execute();
    expect(log).toEqual([{ allowed: 0, code: 'outside_window', started_by: 'dispatcher' }]);
    // A business debtor: office hours, 09:00 in New York (UTC−5).
    expect((await dispatchDue(w.at('2026-03-03T13:59:00.000Z'), w.tenantId)).claimed).toBe(0);
    const morning = await dispatchDue(w.at('2026-03-03T14:00:00.000Z'), w.tenantId);
    expect(morning).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.received.length).toBe(before + 1);
  });

  it('after a crash: an e-mail handed to the server becomes unconfirmed, one never handed over is sent', async () => {
    const w = await dispatchWorld(ctx.handle, debtors, smtp.port);
    const [first, second] = w.cases;
    const handed = await planAction(ctx.handle, w.tenantId, first?.case_id ?? '', '2026-03-02T08:00:00.000Z');
    const notYet = await planAction(
      ctx.handle,
      w.tenantId,
      second?.case_id ?? '',
      '2026-03-02T08:00:00.000Z',
    );
    for (const [id, provider] of [
      [handed, 'smtp'],
      [notYet, null],
    ] as const) {
      await ctx.handle.db
        .updateTable('actions')
        .set({
          status: 'sending',
          attempts: 1,
          claimed_by: 'dead-dispatcher',
          claimed_until: '2026-03-02T08:05:00.000Z',
          message_id: `<${id}@elan.example>`,
          provider,
        })
        .where('action_id', '=', id)
        .execute();
    }
    // Still leased: nobody touches them.
    expect(await dispatchDue(w.at('2026-03-02T08:04:00.000Z'), w.tenantId)).toMatchObject({
      claimed: 0,
      unconfirmed: 0,
    });
    const before = smtp.received.length;
    const totals = await dispatchDue(w.at('2026-03-02T08:06:00.000Z'), w.tenantId);
    expect(totals).toMatchObject({ claimed: 1, sent: 1, unconfirmed: 1 });
    expect(smtp.received.length).toBe(before + 1);
    expect((await actionOf(w.tenantId, handed)).status).toBe('unconfirmed');
    expect(await actionOf(w.tenantId, notYet)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
