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

describeEachDatabase('dispatchDue: letters, SMS, call tasks and hand-overs', (ctx) => {
  it('produces each local channel in one transaction and sends SMS through the built-in provider; an e-mail of the same step carries the formal notice', async () => {
    const w = await dispatchWorld(
      ctx.handle,
      [
        { name: 'Alpha SARL', email: 'alpha@example.org' },
        { name: 'Beta SAS', email: 'beta@example.org' },
      ],
      smtp.port,
    );
    const [alpha, beta] = w.cases.map((c) => c.case_id);
    const at = '2026-03-02T08:00:00.000Z';
    const plan = (caseId: string | undefined, channel: string, template: string, purpose = 'reminder') =>
      planAction(ctx.handle, w.tenantId, caseId ?? '', at, { channel, template, purpose });
    const notice = await plan(alpha, 'formal_notice', 'formal-notice', 'formal_notice');
    const copy = await plan(alpha, 'email', 'reminder-email');
    const letter = await plan(beta, 'letter', 'reminder-letter');
    const sms = await plan(beta, 'sms', 'reminder-sms');
    const call = await plan(beta, 'call_task', 'cordial-call');
    const handover = await plan(alpha, 'agency_handover', 'handover', 'handover_notice');

    const totals = await dispatchDue(w.deps, w.tenantId);
    expect(totals).toMatchObject({ claimed: 6, sent: 6, failed: 0, retried: 0, deferred: 0, blocked: 0 });
    const actions = await ctx.handle.db
      .selectFrom('actions')
      .select(['action_id', 'status', 'provider', 'provider_message_id', 'document_id'])
      .where('tenant_id', '=', w.tenantId)
      .execute();
    const byId = new Map(actions.map((a) => [a.action_id, a]));
    expect(byId.get(notice)).toMatchObject({ status: 'sent', provider: 'print' });
    expect(byId.get(letter)).toMatchObject({ status: 'sent', provider: 'print' });
    expect(byId.get(notice)?.provider_message_id).toMatch(/^L-2026-\d+$/);
    // The built-in provider knows at once that its message arrived: the action is delivered, not only sent.
    expect(byId.get(sms)).toMatchObject({ status: 'delivered', provider: 'builtin-sms' });
    expect(byId.get(call)).toMatchObject({ status: 'sent', provider: 'call-queue' });
    expect(byId.get(handover)).toMatchObject({ status: 'sent', provider: 'handover' });

    const postal = await ctx.handle.db
      .selectFrom('postal_items')
      .select(['kind', 'status', 'action_id'])
      .where('tenant_id', '=', w.tenantId)
      .orderBy('kind')
      .execute();
    expect(postal.map((p) => [p.kind, p.status])).toEqual([
      ['formal_notice', 'to_print'],
      ['letter', 'to_print'],
    ]);
    const texts = await ctx.handle.db
      .selectFrom('builtin_sms')
      .select(['to_number', 'body', 'idempotency_key'])
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(texts).toHaveLength(1);
    expect(texts[0]?.to_number).toBe('+33612345678');
    expect(texts[0]?.idempotency_key).toBe(sms);
    // What is kept as evidence is the text that left (after any GSM-7 transliteration by the provider).
    const kept = await readDocument(ctx.handle.db, w.tenantId, byId.get(sms)?.document_id ?? '');
    expect(kept?.content.toString('utf8')).toBe(texts[0]?.body);
    const tasks = await ctx.handle.db
      .selectFrom('call_tasks')
      .select(['action_id', 'status', 'script'])
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(tasks.map((t) => [t.action_id, t.status])).toEqual([[call, 'open']]);
    expect(tasks[0]?.script).toBeTruthy();

    const kinds = await ctx.handle.db
      .selectFrom('evidence')
      .select(['action_id', 'kind', 'payload'])
      .where('tenant_id', '=', w.tenantId)
      .orderBy('seq')
      .execute();
    const kindOf = (id: string) => kinds.filter((k) => k.action_id === id).map((k) => k.kind);
    expect(kindOf(notice)).toEqual(['letter_produced']);
    expect(kindOf(sms)).toEqual(['sms_sent']);
    expect(kindOf(call)).toEqual(['call_task_created']);
    expect(kindOf(handover)).toEqual(['handover']);
    expect(kindOf(copy)).toEqual(['email_sent']);
    const handed = JSON.parse(kinds.find((k) => k.action_id === handover)?.payload ?? '{}');
    expect(handed).toMatchObject({ to: 'agency', balance: { currency: 'EUR' } });
    expect(handed.balance.outstandingMinor).toBeGreaterThan(0);

    // The e-mail of the same step went after the notice and carries its PDF.
    const mail = smtp.received.find((m) => m.raw.toString('latin1').includes(copy));
    const parsed = await simpleParser(mail?.raw ?? Buffer.alloc(0));
    expect(parsed.attachments.map((a) => [a.contentType, a.filename])).toEqual([
      ['application/pdf', `${byId.get(notice)?.provider_message_id}.pdf`],
    ]);
    expect(parsed.attachments[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('an e-mail of a step whose formal notice is posted later waits for it, then carries its copy', async () => {
    const w = await dispatchWorld(
      ctx.handle,
      [{ name: 'Delta SARL', email: 'delta@example.org' }],
      smtp.port,
    );
    const caseId = w.cases[0]?.case_id ?? '';
    const email = await planAction(ctx.handle, w.tenantId, caseId, '2026-03-02T07:00:00.000Z', {
      template: 'reminder-email',
    });
    const notice = await planAction(ctx.handle, w.tenantId, caseId, '2026-03-02T10:00:00.000Z', {
      channel: 'formal_notice',
      template: 'formal-notice',
      purpose: 'formal_notice',
    });
    expect(await dispatchDue(w.at('2026-03-02T08:00:00.000Z'), w.tenantId)).toMatchObject({
      claimed: 1,
      deferred: 1,
      sent: 0,
    });
    const waiting = await ctx.handle.db
      .selectFrom('actions')
      .select(['status', 'scheduled_at', 'attempts'])
      .where('action_id', '=', email)
      .executeTakeFirstOrThrow();
    expect(waiting).toMatchObject({
      status: 'planned',
      scheduled_at: '2026-03-02T10:00:00.000Z',
      attempts: 0,
    });
    expect(await dispatchDue(w.at('2026-03-02T10:00:00.000Z'), w.tenantId)).toMatchObject({ sent: 2 });
    const reference = await ctx.handle.db
      .selectFrom('postal_items')
      .select('reference')
      .where('action_id', '=', notice)
      .executeTakeFirstOrThrow();
    const mail = smtp.received.find((m) => m.raw.toString('latin1').includes(email));
    const parsed = await simpleParser(mail?.raw ?? Buffer.alloc(0));
    expect(parsed.attachments.map((a) => a.filename)).toEqual([`${reference.reference}.pdf`]);
  });

  it('resumes an interrupted SMS through the idempotent built-in provider: one message, never two', async () => {
    const w = await dispatchWorld(ctx.handle, [{ name: 'Gamma SA', email: 'gamma@example.org' }], smtp.port);
    const id = await planAction(
      ctx.handle,
      w.tenantId,
      w.cases[0]?.case_id ?? '',
      '2026-03-02T08:00:00.000Z',
      {
        channel: 'sms',
        template: 'reminder-sms',
      },
    );
    expect(await dispatchDue(w.deps, w.tenantId)).toMatchObject({ sent: 1 });
    // As if the dispatcher had died after the provider took it, before recording it.
    await ctx.handle.db
      .updateTable('actions')
      .set({ status: 'sending', claimed_by: 'dead', claimed_until: '2026-03-02T09:01:00.000Z' })
      .where('action_id', '=', id)
      .execute();
    const totals = await dispatchDue(w.at('2026-03-02T09:10:00.000Z'), w.tenantId);
    expect(totals).toMatchObject({ claimed: 1, sent: 1, unconfirmed: 0 });
    const texts = await ctx.handle.db
      .selectFrom('builtin_sms')
      .select('message_id')
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(texts).toHaveLength(1);
  });
});
