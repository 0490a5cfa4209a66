import { afterAll, beforeAll, expect, it } from 'vitest';
import { dispatchDue } from '../../src/use-cases/dispatch/dispatch-due.ts';
import { ingestMail } from '../../src/use-cases/dispatch/ingest-mail.ts';
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

/** A bounce as Postfix writes it (RFC 3464), the original's headers returned. */
function dsn(original: Buffer, recipient: string): Buffer {
  const headers = original.toString('latin1').split('\r\n\r\n')[0];
  return Buffer.from(
    [
      'From: MAILER-DAEMON@mx.example.org (Mail Delivery System)',
      'To: recouvrement@elan.example',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <20260302091500.ABC123@mx.example.org>',
      'Date: Mon, 2 Mar 2026 09:15:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
      '',
      '--B1',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'I am sorry to have to inform you that your message could not be delivered.',
      '',
      '--B1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      'Arrival-Date: Mon, 2 Mar 2026 09:14:58 +0000',
      '',
      `Final-Recipient: rfc822; ${recipient}`,
      `Original-Recipient: rfc822;${recipient}`,
      'Action: failed',
      'Status: 5.1.1',
      'Remote-MTA: dns; mail.dupont.example',
      `Diagnostic-Code: smtp; 550 5.1.1 <${recipient}>: Recipient address rejected:`,
      '    User unknown in virtual mailbox table',
      '',
      '--B1',
      'Content-Type: text/rfc822-headers',
      '',
      headers,
      '',
      '--B1--',
      '',
    ].join('\r\n'),
    'latin1',
  );
}

function mdn(messageId: string): Buffer {
  return Buffer.from(
    [
      'From: compta@dupont.example',
      'To: recouvrement@elan.example',
      'Subject: Lu : Relance',
      'Message-ID: <mdn-1@dupont.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=disposition-notification; boundary="M1"',
      '',
      '--M1',
      'Content-Type: text/plain',
      '',
      'Your message was displayed.',
      '',
      '--M1',
      'Content-Type: message/disposition-notification',
      '',
      'Reporting-UA: mail.dupont.example; Thunderbird',
      'Final-Recipient: rfc822;compta@dupont.example',
      `Original-Message-ID: ${messageId}`,
      'Disposition: manual-action/MDN-sent-manually; displayed',
      '',
      '--M1--',
      '',
    ].join('\r\n'),
    'latin1',
  );
}

describeEachDatabase('ingestMail: delivery reports and read receipts', (ctx) => {
  it('a DSN ingested twice records one bounce: the action fails with the server’s words, the address is invalid, the strategy is told once', async () => {
    const w = await dispatchWorld(
      ctx.handle,
      [{ name: 'Dupont SARL', email: 'compta@dupont.example' }],
      smtp.port,
    );
    const caseId = w.cases[0]?.case_id ?? '';
    const actionId = await planAction(ctx.handle, w.tenantId, caseId, '2026-03-02T08:00:00.000Z');
    expect(await dispatchDue(w.deps, w.tenantId)).toMatchObject({ sent: 1 });
    const original = smtp.received.find((m) => m.raw.toString('latin1').includes(actionId));
    if (!original) throw new Error('not received');

    const readReceipt = await ingestMail(w.deps, w.tenantId, mdn(`<${actionId}@elan.example>`));
    expect(readReceipt.reports).toEqual([{ kind: 'read', actionId, outcome: 'recorded' }]);

    const bounce = dsn(original.raw, 'compta@dupont.example');
    const first = await ingestMail(w.deps, w.tenantId, bounce);
    expect(first.reports).toEqual([{ kind: 'bounced', actionId, outcome: 'recorded' }]);
    const second = await ingestMail(w.deps, w.tenantId, bounce);
    expect(second.reports).toEqual([{ kind: 'bounced', actionId, outcome: 'duplicate' }]);

    const events = await ctx.handle.db
      .selectFrom('message_events')
      .select(['kind', 'detail'])
      .where('tenant_id', '=', w.tenantId)
      .where('action_id', '=', actionId)
      .orderBy('at')
      .orderBy('kind')
      .execute();
    expect(events.map((e) => e.kind).sort()).toEqual(['bounced', 'read']);
    const bounced = JSON.parse(events.find((e) => e.kind === 'bounced')?.detail ?? '{}');
    expect(bounced).toMatchObject({ status: '5.1.1', recipient: 'compta@dupont.example' });
    expect(bounced.diagnostic).toContain(
      '550 5.1.1 <compta@dupont.example>: Recipient address rejected: User unknown',
    );

    const action = await ctx.handle.db
      .selectFrom('actions')
      .select(['status', 'last_error'])
      .where('action_id', '=', actionId)
      .executeTakeFirstOrThrow();
    expect(action.status).toBe('failed');
    expect(action.last_error).toContain('5.1.1 550 5.1.1');
    const contact = await ctx.handle.db
      .selectFrom('contacts')
      .select('validity')
      .where('tenant_id', '=', w.tenantId)
      .where('kind', '=', 'email')
      .executeTakeFirstOrThrow();
    expect(contact.validity).toBe('invalid');
    const caseEvents = await ctx.handle.db
      .selectFrom('case_events')
      .select('kind')
      .where('tenant_id', '=', w.tenantId)
      .where('case_id', '=', caseId)
      .execute();
    expect(caseEvents.map((e) => e.kind)).toEqual(['email_bounce']);
    const evidence = await ctx.handle.db
      .selectFrom('evidence')
      .select(['kind', 'document_sha256'])
      .where('tenant_id', '=', w.tenantId)
      .where('action_id', '=', actionId)
      .orderBy('seq')
      .execute();
    expect(evidence.map((e) => e.kind)).toEqual(['email_sent', 'delivery_event', 'delivery_event']);
    expect(evidence.every((e) => e.document_sha256)).toBe(true);
  });

  it('a report about a message that is not ours changes nothing', async () => {
    const w = await dispatchWorld(ctx.handle, [{ name: 'Nobody', email: 'nobody@example.org' }], smtp.port);
    const result = await ingestMail(w.deps, w.tenantId, mdn('<someone-else@elsewhere.example>'));
    expect(result.reports).toEqual([{ kind: 'read', actionId: null, outcome: 'unknown' }]);
    const other = await ingestMail(
      w.deps,
      w.tenantId,
      Buffer.from('From: a@b.example\r\nSubject: Hello\r\n\r\nHi\r\n'),
    );
    expect(other.kind).toBe('other');
  });
});
