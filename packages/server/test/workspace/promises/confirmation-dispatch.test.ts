import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../../src/shared/clock.ts';
import { dispatchDue } from '../../../src/use-cases/dispatch/dispatch-due.ts';
import { recordPromise } from '../../../src/use-cases/workspace/promises/record-promise.ts';
import { dispatchWorld } from '../../dispatch/dispatch-world.ts';
import { type SmtpPeer, startSmtpPeer } from '../../dispatch/smtp-peer.ts';
import { describeEachDatabase } from '../../support/databases.ts';

let smtp: SmtpPeer;
beforeAll(async () => {
  smtp = await startSmtpPeer();
});
afterAll(async () => {
  await smtp.close();
});

describeEachDatabase('a promise’s written confirmation, sent by the dispatcher', (ctx) => {
  it('leaves on the dispatcher’s next pass, with the amounts and dates agreed', async () => {
    const w = await dispatchWorld(
      ctx.handle,
      [{ name: 'Dupont SARL', email: 'compta@dupont.example' }],
      smtp.port,
    );
    const caseId = w.cases[0]?.case_id ?? '';
    const promise = await recordPromise(w.deps, w.actor, caseId, {
      schedule: [
        { dueOn: '2026-03-10', amountMinor: 50_000 },
        { dueOn: '2026-04-10', amountMinor: 75_000 },
      ],
      channel: 'call',
    });
    expect(promise.confirmation).toMatchObject({ channel: 'email', status: 'planned' });
    const action = await ctx.handle.db
      .selectFrom('actions')
      .select(['scheduled_at'])
      .where('tenant_id', '=', w.tenantId)
      .where('action_id', '=', promise.confirmation?.actionId ?? '')
      .executeTakeFirstOrThrow();
    const before = smtp.received.length;
    const totals = await dispatchDue({ ...w.deps, clock: fixedClock(action.scheduled_at ?? '') }, w.tenantId);
    expect(totals).toMatchObject({ claimed: 1, sent: 1 });
    const message = smtp.received.slice(before)[0];
    if (!message) throw new Error('nothing arrived');
    expect(message.to).toEqual(['compta@dupont.example']);
    const parsed = await simpleParser(message.raw);
    expect(parsed.subject).toMatch(/^Confirmation de votre engagement de paiement/);
    expect(parsed.text).toMatch(/régler 1\s250,00\s€ à Société Élan selon l’échéancier suivant/);
    expect(parsed.text).toMatch(/- 500,00\s€ au plus tard le 10\smars 2026/);
    expect(parsed.text).toMatch(/- 750,00\s€ au plus tard le 10\savril 2026/);
  });
});
