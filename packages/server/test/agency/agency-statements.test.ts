import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@relance/core';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EMAIL_SETTING, type EmailSettings } from '../../src/channels/email/email-settings.ts';
import { closeDueRemittances } from '../../src/use-cases/agency/close-due-remittances.ts';
import { listMandates, setMandate } from '../../src/use-cases/agency/mandates.ts';
import {
  listRemittances,
  markRemittancePaid,
  remittancePdf,
  requeueRemittanceEmail,
} from '../../src/use-cases/agency/remittances.ts';
import { sendRemittanceEmails } from '../../src/use-cases/agency/send-remittance-emails.ts';
import { receiptNumber } from '../../src/use-cases/payments/receipt-variables.ts';
import { type SmtpPeer, startSmtpPeer } from '../dispatch/smtp-peer.ts';
import { pdfText } from '../letters/pdf-inspect.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { type AgencyWorld, agencyWorld, flatMandate } from './agency-world.ts';

/** The PDF's lines as laid out on the page (pdftotext -layout), runs of spaces made one. */
function pdfLayoutLines(pdf: Uint8Array): readonly string[] {
  const dir = mkdtempSync(join(tmpdir(), 'relance-remittance-'));
  try {
    writeFileSync(join(dir, 'statement.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'statement.pdf'), '-'], {
      encoding: 'utf8',
    });
    return text.split('\n').map((l) => l.replace(/[\s\u00a0\u202f]+/g, ' ').trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
};

describeEachDatabase('agency: mandates', (ctx) => {
  let w: AgencyWorld;
  beforeAll(async () => {
    w = await agencyWorld(ctx.handle);
  });

  it('lists each client’s mandate with its terms, and keeps a new version when it changes', async () => {
    const deps = w.at('2026-01-20T10:00:00.000Z');
    const before = await listMandates(deps, w.actor);
    expect(before.map((m) => [m.creditor.ref, m.terms.commission.kind, m.version])).toEqual([
      ['CLIENTA', 'flat', 1],
      ['CLIENTB', 'age', 1],
    ]);
    const saved = await setMandate(deps, w.actor, w.creditors.a, { ...flatMandate, vatRate: '0' });
    expect(saved.version).toBe(2);
    expect(saved.terms.vatRate).toBe('0');
    await setMandate(deps, w.actor, w.creditors.a, flatMandate);
  });

  it('refuses terms that break the rules, naming each field in French and English', async () => {
    const deps = w.at('2026-01-20T10:00:00.000Z');
    const error = await refusal(
      setMandate(deps, w.actor, w.creditors.a, {
        ...flatMandate,
        commission: { kind: 'age', measuredAt: 'placement', bands: [{ fromDays: 30, rate: '101' }] },
        remittance: { frequency: 'monthly', delayDays: 45 },
        powerToReceiveFunds: false,
      }),
    );
    expect(error.code).toBe('invalid_input');
    const issues = error.details?.issues as { field: string; code: string; message: { fr: string } }[];
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['commission.bands.0', 'bands_must_start_at_zero'],
      ['commission.bands.0.rate', 'rate_invalid'],
      ['remittance.delayDays', 'delay_invalid'],
      ['powerToReceiveFunds', 'power_to_receive_funds_missing'],
    ]);
    expect(issues[2]?.message.fr).toContain('R124-6');
    const shape = await refusal(setMandate(deps, w.actor, w.creditors.a, { ...flatMandate, commission: 15 }));
    expect(shape.details?.reason).toBe('mandate_invalid');
    const strategy = await refusal(
      setMandate(deps, w.actor, w.creditors.a, { ...flatMandate, allowedStrategies: ['nowhere'] }),
    );
    expect(strategy.details).toMatchObject({ reason: 'mandate_strategy_unknown', strategies: ['nowhere'] });
    const agent = { ...w.actor, role: 'agent' as const };
    expect((await refusal(setMandate(deps, agent, w.creditors.a, flatMandate))).code).toBe('forbidden');
    expect((await refusal(setMandate(deps, w.actor, 'no-such-creditor', flatMandate))).code).toBe(
      'not_found',
    );
    // The mandate in force is the one saved last that was accepted.
    const [a] = await listMandates(deps, w.actor);
    expect(a?.terms).toMatchObject({ commission: { kind: 'flat', rate: '15' }, vatRate: '20' });
  });
});

describeEachDatabase('agency: a creditor collecting its own invoices', (ctx) => {
  it('has no mandate and writes no commission on its payments', async () => {
    const w = await agencyWorld(ctx.handle, 'creditor');
    const deps = w.at('2026-02-01T10:00:00.000Z');
    const error = await refusal(setMandate(deps, w.actor, w.creditors.a, flatMandate));
    expect(error).toMatchObject({ code: 'conflict', details: { reason: 'not_an_agency' } });
    // Even a mandate row written behind the use case's back is not read for a creditor tenant.
    await ctx.handle.db
      .insertInto('mandates')
      .values({
        tenant_id: w.tenantId,
        creditor_id: w.creditors.a,
        signed_on: '2026-01-05',
        commission: JSON.stringify({ kind: 'flat', rate: '15' }),
        vat_rate: '20',
        fee_settlement: 'deduct',
        allowed_strategies: '["b2b-standard"]',
        max_instalments: 3,
        min_instalment_minor: 0,
        remittance_frequency: 'monthly',
        remittance_delay_days: 10,
        scope: 'x',
        power_to_receive_funds: 1,
        version: 1,
        created_at: '2026-01-05',
        updated_at: '2026-01-05',
      })
      .execute();
    const paid = await w.pay('FA-1', 400_00, '2026-02-03', 'transfer');
    expect(paid.repeated).toBe(false);
    const rows = await ctx.handle.db
      .selectFrom('payment_commissions')
      .select('payment_id')
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(rows).toEqual([]);
    // Its imports make no placement unless one is named.
    const placements = await ctx.handle.db
      .selectFrom('placements')
      .select('placement_id')
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(placements).toHaveLength(1);
    expect(w.imports.a.placementId).toBeNull();
    expect(w.imports.b.placementId).toBe(placements[0]?.placement_id);
    expect(await closeDueRemittances(w.at('2026-03-16T10:00:00.000Z'), w.tenantId)).toBe(0);
  });
});

describeEachDatabase('agency: the statement, its PDF and its e-mail', (ctx) => {
  let w: AgencyWorld;
  let smtp: SmtpPeer;
  const receipts: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    w = await agencyWorld(ctx.handle);
    const settings: EmailSettings = {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      user: null,
      password: null,
      fromName: 'Agence Test',
      fromAddress: 'reversements@agence.example',
      replyTo: null,
      readReceipt: false,
    };
    await ctx.handle.db
      .insertInto('tenant_settings')
      .values({
        tenant_id: w.tenantId,
        key: EMAIL_SETTING,
        value: JSON.stringify(settings),
        version: 1,
        updated_by: null,
        updated_at: '2026-01-05T00:00:00Z',
      })
      .execute();
    const a1 = await w.pay('FA-1', 1000_00, '2026-02-03', 'card');
    const a2 = await w.pay('FA-2', 200_00, '2026-02-10', 'transfer');
    receipts.push(receiptNumber(a1.paymentId, '2026-02-03'), receiptNumber(a2.paymentId, '2026-02-10'));
  });
  afterAll(async () => {
    await smtp?.close();
  });

  it('is closed by the scheduler once the month is over, from the mandate’s first month, once', async () => {
    const deps = w.at('2026-03-02T06:30:00.000Z');
    // January (empty: signed on 5 January) and February.
    expect(await closeDueRemittances(deps, w.tenantId)).toBe(4);
    expect(await closeDueRemittances(deps, w.tenantId)).toBe(0);
    const issued = await listRemittances(deps, w.actor, { creditorId: w.creditors.a });
    expect(issued.map((s) => [s.period, s.paymentCount, s.netMinor, s.email.status])).toEqual([
      // 1 200.00 − 15 % (180.00) − VAT (36.00)
      ['2026-02', 2, 984_00, 'planned'],
      ['2026-01', 0, 0, 'none'],
    ]);
  });

  it('prints each payment with its receipt, the commission, the net and the day it is due (FR, EN)', async () => {
    const deps = w.at('2026-03-02T07:00:00.000Z');
    const [february] = await listRemittances(deps, w.actor, { creditorId: w.creditors.a, period: '2026-02' });
    const file = await remittancePdf(deps, w.actor, february?.remittanceId ?? '');
    expect(file.fileName).toBe('releve-CLIENTA-2026-02.pdf');
    const text = await pdfText(file.content);
    for (const expected of [
      'Relevé de reversement',
      'Relevé n° CLIENTA-2026-02',
      'Client A SAS',
      'Encaissements du 1 février 2026 au 28 février 2026',
      'Mandat de recouvrement du 5 janvier 2026',
      ...receipts,
      'À reverser au plus tard le 20 mars 2026.',
      'R124-6',
    ]) {
      expect(text).toContain(expected);
    }
    // Each row as printed: the payment's line, then the totals with their amounts.
    const lines = pdfLayoutLines(file.content);
    expect(lines).toContainEqual(`03/02/2026 ${receipts[0]} Alpha SARL 1 000,00 € 150,00 € 30,00 € 820,00 €`);
    expect(lines).toContainEqual(`10/02/2026 ${receipts[1]} Bravo SAS 200,00 € 30,00 € 6,00 € 164,00 €`);
    expect(lines).toContainEqual('Total encaissé (2 paiements) 1 200,00 €');
    expect(lines).toContainEqual('Commission de l’agence (HT) 180,00 €');
    expect(lines).toContainEqual('TVA sur la commission (20 %) 36,00 €');
    expect(lines).toContainEqual('Net à vous reverser 984,00 €');
    const english = await remittancePdf(deps, w.actor, february?.remittanceId ?? '', 'en');
    expect(english.fileName).toBe('statement-CLIENTA-2026-02.pdf');
    const englishLines = pdfLayoutLines(english.content);
    expect(englishLines).toContainEqual('Remittance statement');
    expect(englishLines).toContainEqual('Net to be remitted to you €984.00');
    expect(englishLines).toContainEqual('To be remitted by 20 March 2026 at the latest.');
    // A client user reads its own statements only.
    const clientB = { ...w.actor, role: 'client' as const, creditorId: w.creditors.b };
    expect((await refusal(remittancePdf(deps, clientB, february?.remittanceId ?? ''))).code).toBe(
      'not_found',
    );
    expect(await listRemittances(deps, clientB, { creditorId: w.creditors.a })).toEqual([]);
  });

  it('e-mails the statement to the client once, with the PDF; a client without an address gets none', async () => {
    const deps = w.at('2026-03-02T07:05:00.000Z');
    expect(await sendRemittanceEmails(deps, w.tenantId)).toEqual({
      sent: 1,
      failed: 0,
      retried: 0,
      unconfirmed: 0,
    });
    expect(await sendRemittanceEmails(deps, w.tenantId)).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
      unconfirmed: 0,
    });
    expect(smtp.received).toHaveLength(1);
    const message = smtp.received[0];
    expect(message?.to).toEqual(['compta@client-a.example']);
    const mail = await simpleParser(message?.raw ?? Buffer.alloc(0));
    expect(mail.subject).toBe('Relevé de reversement CLIENTA-2026-02');
    expect(mail.text).toContain('R124-6');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['releve-CLIENTA-2026-02.pdf', 'application/pdf'],
    ]);
    expect(await pdfText(new Uint8Array(mail.attachments[0]?.content ?? []))).toContain('984,00 €');
    const [february] = await listRemittances(deps, w.actor, { creditorId: w.creditors.a, period: '2026-02' });
    expect(february?.email).toMatchObject({
      status: 'sent',
      to: 'compta@client-a.example',
      sentAt: deps.clock.now(),
    });
  });

  it('never sends again by itself an e-mail interrupted in doubt; a person queues it again', async () => {
    const [february] = await listRemittances(w.at('2026-03-03T08:00:00.000Z'), w.actor, {
      creditorId: w.creditors.a,
      period: '2026-02',
    });
    const remittanceId = february?.remittanceId ?? '';
    // A sender that died after handing the message to the SMTP server: the row is still `sending`.
    await ctx.handle.db
      .updateTable('remittances')
      .set({ email_status: 'sending', email_claimed_until: '2026-03-03T08:10:00.000Z' })
      .where('tenant_id', '=', w.tenantId)
      .where('remittance_id', '=', remittanceId)
      .execute();
    const received = smtp.received.length;
    const later = w.at('2026-03-03T09:00:00.000Z');
    expect(await sendRemittanceEmails(later, w.tenantId)).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
      unconfirmed: 1,
    });
    expect(smtp.received).toHaveLength(received);
    const [doubt] = await listRemittances(later, w.actor, { creditorId: w.creditors.a, period: '2026-02' });
    expect(doubt?.email.status).toBe('unconfirmed');
    const queued = await requeueRemittanceEmail(later, w.actor, remittanceId);
    expect(queued.email).toMatchObject({ status: 'planned', to: 'compta@client-a.example', error: null });
    expect((await refusal(requeueRemittanceEmail(later, w.actor, remittanceId))).details?.reason).toBe(
      'remittance_email_pending',
    );
    expect(await sendRemittanceEmails(later, w.tenantId)).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(received + 1);
    // CLIENTB has no address: nothing to queue.
    const [b] = await listRemittances(later, w.actor, { creditorId: w.creditors.b, period: '2026-02' });
    expect(
      (await refusal(requeueRemittanceEmail(later, w.actor, b?.remittanceId ?? ''))).details?.reason,
    ).toBe('client_email_missing');
  });

  it('records the net as paid to the client', async () => {
    const deps = w.at('2026-03-10T09:00:00.000Z');
    const [february] = await listRemittances(deps, w.actor, { creditorId: w.creditors.a, period: '2026-02' });
    const paid = await markRemittancePaid(deps, w.actor, february?.remittanceId ?? '');
    expect(paid).toMatchObject({ status: 'paid', paidAt: '2026-03-10T09:00:00.000Z', netMinor: 984_00 });
    expect(await listRemittances(deps, w.actor, { status: 'paid' })).toHaveLength(1);
  });
});
