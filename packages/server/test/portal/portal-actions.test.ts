import { expect, it } from 'vitest';
import { readLinkToken } from '../../src/channels/payments/payment-links.ts';
import { dispatchDue } from '../../src/use-cases/dispatch/dispatch-due.ts';
import { submitBuiltinCheckout } from '../../src/use-cases/payments/attempts/builtin-checkout.ts';
import { paymentFunnel } from '../../src/use-cases/payments/funnel.ts';
import {
  createPortalPlan,
  previewPortalPlan,
  promiseFromPortal,
} from '../../src/use-cases/portal/agree-from-portal.ts';
import { callbackFromPortal, portalCallbackSlots } from '../../src/use-cases/portal/callback-from-portal.ts';
import { setContactPreference } from '../../src/use-cases/portal/contact-preference.ts';
import {
  addPortalDisputeDocument,
  disputeFromPortal,
} from '../../src/use-cases/portal/dispute-from-portal.ts';
import { openPortal } from '../../src/use-cases/portal/open-portal.ts';
import { payFromPortal } from '../../src/use-cases/portal/pay-from-portal.ts';
import { cancelPortalAttempt, getPortalAttempt } from '../../src/use-cases/portal/portal-attempt.ts';
import { getPortalCase } from '../../src/use-cases/portal/portal-case.ts';
import { sendPaymentLink } from '../../src/use-cases/workspace/payment-link/send-payment-link.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { NOW, portalWorld, refusal } from './world.ts';

describeEachDatabase('what the debtor does on the portal', (ctx) => {
  const world = async () => {
    const w = await portalWorld(ctx.handle);
    const { key } = await w.link(w.dupont);
    const cookie = await w.signIn(key);
    return { ...w, key, cookie };
  };
  const journal = (tenantId: string, kind: string) =>
    ctx.handle.db
      .selectFrom('evidence')
      .select(['actor', 'payload', 'case_id', 'action_id'])
      .where('tenant_id', '=', tenantId)
      .where('kind', '=', kind)
      .orderBy('seq')
      .execute();
  const audit = (tenantId: string, action: string) =>
    ctx.handle.db
      .selectFrom('audit_log')
      .select(['actor_kind', 'actor_id', 'data'])
      .where('tenant_id', '=', tenantId)
      .where('action', '=', action)
      .execute();

  it('the SMS a debtor asks for carries a link of its own, which opens the portal', async () => {
    const w = await portalWorld(ctx.handle);
    const sent = await sendPaymentLink(w.deps, w.actor, w.dupont, 'sms');
    await dispatchDue(w.deps, w.tenantId);
    const sms = await ctx.handle.db
      .selectFrom('builtin_sms')
      .select('body')
      .where('tenant_id', '=', w.tenantId)
      .executeTakeFirstOrThrow();
    const key = /\/pay\/([A-Za-z0-9_-]+)$/.exec(sms.body)?.[1] ?? '';
    expect(sms.body).toMatch(/ http:\/\/127\.0\.0\.1:3000\/pay\/[A-Za-z0-9_-]{94}$/);
    expect(readLinkToken(key)).toMatchObject({ caseId: w.dupont, linkId: sent.actionId, purpose: 'pay' });
    expect((await openPortal(w.deps, key, undefined)).state).toBe('check');
  });

  it('shows what is owed and why, and nothing of the people working the case', async () => {
    const w = await world();
    const view = await getPortalCase(w.deps, w.key, w.cookie);
    expect(view.claims.map((c) => [c.invoiceNumber, c.dueDate, c.amountMinor, c.outstandingMinor])).toEqual([
      ['FA-2026-0042', '2026-02-10', 125_000, 125_000],
      ['FA-2026-0117', '2026-02-10', 48_050, 48_050],
    ]);
    // Between businesses: late interest from the due date and €40 per invoice.
    expect(view.interest.regime).toBe('fr-b2b');
    expect(view.balance.principalMinor).toBe(173_050);
    expect(view.balance.feesMinor).toBe(8_000);
    expect(view.balance.interestMinor).toBeGreaterThan(0);
    expect(view.balance.totalMinor).toBe(
      view.balance.principalMinor + view.balance.interestMinor + view.balance.feesMinor,
    );
    expect(view.limits).toMatchObject({ minPaymentMinor: 100, maxPaymentMinor: view.balance.totalMinor });
    expect(view.contacts.map((c) => [c.kind, c.masked, c.optedOut])).toEqual([
      ['email', 'c•••@732829320.example', false],
      ['phone', '•• •• •• 56 78', false],
    ]);
    expect(view.transfer.reference).toMatch(/^RF\d\d /);
    const text = JSON.stringify(view);
    expect(text).not.toContain('Martin');
    expect(text).not.toContain('tester');
  });

  it('a date to pay becomes the debtor’s own promise, confirmed in writing', async () => {
    const w = await world();
    const promise = await promiseFromPortal(w.deps, w.key, w.cookie, {
      schedule: [{ dueOn: '2026-03-20', amountMinor: 50_000 }],
    });
    expect(promise).toMatchObject({ madeBy: 'debtor', channel: 'portal', amountMinor: 50_000 });
    expect(promise.confirmation).not.toBeNull();
    expect((await getPortalCase(w.deps, w.key, w.cookie)).promise?.schedule).toEqual([
      { dueOn: '2026-03-20', amountMinor: 50_000 },
    ]);
    const [entry] = await journal(w.tenantId, 'promise_recorded');
    expect(entry?.actor).toBe('debtor');
  });

  it('instalments within the creditor’s limits: the limits in words, then the plan agreed by the debtor', async () => {
    const w = await world();
    const tooMany = await previewPortalPlan(w.deps, w.key, w.cookie, { count: 24, frequency: 'monthly' });
    expect(tooMany.violations.map((v) => v.code)).toContain('too_many_instalments');
    const fine = await previewPortalPlan(w.deps, w.key, w.cookie, { count: 3, frequency: 'monthly' });
    expect(fine.violations).toEqual([]);
    expect(fine.instalments).toHaveLength(3);
    const refused = await refusal(
      createPortalPlan(w.deps, w.key, w.cookie, { count: 24, frequency: 'monthly' }),
    );
    expect(refused.details?.reason).toBe('plan_policy_refused');
    const plan = await createPortalPlan(w.deps, w.key, w.cookie, { count: 3, frequency: 'monthly' });
    expect(plan).toMatchObject({ agreedBy: 'debtor', status: 'active' });
    expect(plan.instalments.map((i) => i.reminderActionId)).not.toContain(null);
    const [agreed] = await journal(w.tenantId, 'plan_agreed');
    expect(agreed?.actor).toBe('debtor');
    expect((await audit(w.tenantId, 'payment_plan.create'))[0]).toMatchObject({
      actor_kind: 'system',
      actor_id: 'debtor',
    });
    const view = await getPortalCase(w.deps, w.key, w.cookie);
    expect(view.plan?.instalments).toHaveLength(3);
  });

  it('a dispute with a document, both the debtor’s', async () => {
    const w = await world();
    const before = await getPortalCase(w.deps, w.key, w.cookie);
    const claim = before.claims.find((c) => c.invoiceNumber === 'FA-2026-0117');
    const dispute = await disputeFromPortal(w.deps, w.key, w.cookie, {
      reason: 'not_received',
      description: 'Jamais reçu la livraison.',
      claimIds: [claim?.id ?? ''],
    });
    expect(dispute).toMatchObject({ amountMinor: 48_050, currency: 'EUR' });
    const doc = await addPortalDisputeDocument(w.deps, w.key, w.cookie, dispute.id, {
      fileName: 'bon.pdf',
      mediaType: 'application/pdf',
      content: new TextEncoder().encode('%PDF-1.4 bon de livraison'),
    });
    expect(doc).toMatchObject({ fileName: 'bon.pdf', size: 25 });
    const added = await ctx.handle.db
      .selectFrom('dispute_documents')
      .select('added_by')
      .where('tenant_id', '=', w.tenantId)
      .where('dispute_id', '=', dispute.id)
      .execute();
    expect(added).toEqual([{ added_by: 'debtor' }]);
    expect((await journal(w.tenantId, 'dispute_opened'))[0]?.actor).toBe('debtor');
    expect((await journal(w.tenantId, 'document_added'))[0]?.actor).toBe('debtor');
    const after = await getPortalCase(w.deps, w.key, w.cookie);
    expect(after.disputes).toMatchObject([
      { id: dispute.id, invoiceNumbers: ['FA-2026-0117'], documentCount: 1 },
    ]);
    expect(after.balance.principalMinor).toBe(125_000);
    // Another debtor's dispute is not theirs to add to.
    const martin = await w.link(w.martin);
    const theirs = await disputeFromPortal(w.deps, martin.key, await w.signIn(martin.key, '69001'), {
      reason: 'quality',
      claimIds: [
        (await getPortalCase(w.deps, martin.key, await w.signIn(martin.key, '0300'))).claims[0]?.id ?? '',
      ],
    });
    const error = await refusal(
      addPortalDisputeDocument(w.deps, w.key, w.cookie, theirs.id, {
        fileName: 'x.txt',
        mediaType: 'text/plain',
        content: new TextEncoder().encode('x'),
      }),
    );
    expect(error.details).toEqual({ reason: 'dispute_not_found' });
  });

  it('a callback at a time the law allows reaches the outbox as a call for any agent', async () => {
    const w = await world();
    const { timeZone, slots } = await portalCallbackSlots(w.deps, w.key, w.cookie);
    expect(timeZone).toBe('Europe/Paris');
    // An hour from now at the earliest, on the half hour, never on Sunday.
    expect(slots[0]).toBe('2026-03-02T10:00:00.000Z');
    expect(slots.every((s) => new Date(s).getUTCDay() !== 0)).toBe(true);
    const night = await refusal(
      callbackFromPortal(w.deps, w.key, w.cookie, { at: '2026-03-03T02:00:00.000Z' }),
    );
    expect(night.details?.reason).toBe('callback_outside_hours');
    const first = await callbackFromPortal(w.deps, w.key, w.cookie, { at: '2026-03-03T13:00:00+01:00' });
    expect(first.at).toBe('2026-03-03T12:00:00.000Z');
    const second = await callbackFromPortal(w.deps, w.key, w.cookie, { at: slots[3] ?? '' });
    const actions = await ctx.handle.db
      .selectFrom('actions')
      .select(['action_id', 'status', 'channel', 'scheduled_at', 'reason'])
      .where('tenant_id', '=', w.tenantId)
      .where('action_key', 'like', 'callback:portal-%')
      .orderBy('created_at')
      .orderBy('scheduled_at')
      .execute();
    expect(actions.map((a) => [a.action_id, a.status, a.channel])).toEqual(
      expect.arrayContaining([
        [first.actionId, 'cancelled', 'call_task'],
        [second.actionId, 'planned', 'call_task'],
      ]),
    );
    const planned = actions.find((a) => a.action_id === second.actionId);
    expect(JSON.parse(planned?.reason ?? '{}')).toMatchObject({ pinnedTo: null, callback: { at: slots[3] } });
    expect((await getPortalCase(w.deps, w.key, w.cookie)).callback).toEqual({ at: slots[3] });
    const entries = await journal(w.tenantId, 'callback_requested');
    expect(entries.map((e) => [e.actor, e.action_id])).toEqual([
      ['debtor', first.actionId],
      ['debtor', second.actionId],
    ]);
  });

  it('stops messages to one contact and allows them again, each change journaled', async () => {
    const w = await world();
    const { contacts } = await getPortalCase(w.deps, w.key, w.cookie);
    const phone = contacts.find((c) => c.kind === 'phone');
    const after = await setContactPreference(w.deps, w.key, w.cookie, phone?.id ?? '', true);
    expect(after.find((c) => c.kind === 'phone')?.optedOut).toBe(true);
    await setContactPreference(w.deps, w.key, w.cookie, phone?.id ?? '', true);
    const row = await ctx.handle.db
      .selectFrom('contacts')
      .select('opted_out_at')
      .where('tenant_id', '=', w.tenantId)
      .where('contact_id', '=', phone?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(row.opted_out_at).toBe(NOW);
    // The opted-out phone can no longer be called back.
    const error = await refusal(
      callbackFromPortal(w.deps, w.key, w.cookie, { at: '2026-03-03T12:00:00.000Z' }),
    );
    expect(error.details).toEqual({ reason: 'portal_callback_no_phone' });
    await setContactPreference(w.deps, w.key, w.cookie, phone?.id ?? '', false);
    const entries = await journal(w.tenantId, 'contact_preference');
    expect(entries.map((e) => [e.actor, JSON.parse(e.payload).optedOut])).toEqual([
      ['debtor', true],
      ['debtor', false],
    ]);
    expect(await audit(w.tenantId, 'portal.contact_preference')).toHaveLength(2);
    const martin = await w.link(w.martin);
    const theirs = (await getPortalCase(w.deps, martin.key, await w.signIn(martin.key, '69001'))).contacts[0];
    const refused = await refusal(setContactPreference(w.deps, w.key, w.cookie, theirs?.id ?? '', true));
    expect(refused.details).toEqual({ reason: 'portal_contact_not_found' });
  });

  it('pays part by card: an attempt of the portal, tied to the link, at the provider’s card page', async () => {
    const w = await world();
    const link = readLinkToken(w.key);
    const out = await refusal(
      payFromPortal(w.deps, w.key, w.cookie, {
        amountMinor: 99,
        locale: 'fr',
        returnTo: 'https://pay.example/r',
      }),
    );
    expect(out.details).toMatchObject({ reason: 'portal_amount_out_of_range', min: '1,00\u00a0€' });
    const started = await payFromPortal(w.deps, w.key, w.cookie, {
      amountMinor: 50_000,
      locale: 'fr',
      returnTo: 'https://pay.example/r',
    });
    expect(started.redirectUrl).toMatch(/\/api\/v1\/pay\/builtin\//);
    const attempt = await ctx.handle.db
      .selectFrom('payment_attempts')
      .selectAll()
      .where('tenant_id', '=', w.tenantId)
      .where('attempt_id', '=', started.attemptId)
      .executeTakeFirstOrThrow();
    expect(attempt).toMatchObject({
      case_id: w.dupont,
      channel: 'portal',
      provider: 'builtin',
      status: 'started',
      amount_minor: 50_000,
      link_id: link?.linkId,
    });
    expect(attempt.provider_ref).toMatch(/^bcs_/);
    expect(await getPortalAttempt(w.deps, w.key, w.cookie, started.attemptId)).toMatchObject({
      status: 'started',
      paid: false,
    });
    expect(await cancelPortalAttempt(w.deps, w.key, w.cookie, started.attemptId)).toMatchObject({
      status: 'abandoned',
    });
    const martin = await w.link(w.martin);
    const theirs = await refusal(
      getPortalAttempt(w.deps, martin.key, await w.signIn(martin.key, '0300'), started.attemptId),
    );
    expect(theirs.details).toEqual({ reason: 'portal_attempt_not_found' });
  });

  it('pays part by the built-in card page, then instalments for the rest: the case, ladder and funnel follow at once', async () => {
    const w = await world();
    const before = await getPortalCase(w.deps, w.key, w.cookie);
    const started = await payFromPortal(w.deps, w.key, w.cookie, {
      amountMinor: 60_000,
      locale: 'fr',
      returnTo: `https://pay.example/pay/${w.key}/return`,
    });
    const session = new URL(started.redirectUrl, 'https://pay.example').searchParams.get('session') ?? '';
    // A mistyped card number first: an input error of the attempt.
    const typo = await submitBuiltinCheckout(w.deps, {
      attemptId: started.attemptId,
      token: session,
      action: 'pay',
      card: { number: '4242 4242 4242 4241', expiry: '12/30', cvc: '123' },
    });
    expect(typo.kind).toBe('page');
    const paid = await submitBuiltinCheckout(w.deps, {
      attemptId: started.attemptId,
      token: session,
      action: 'pay',
      card: { number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' },
    });
    expect(paid).toEqual({
      kind: 'redirect',
      url: `https://pay.example/pay/${w.key}/return?attempt=${started.attemptId}&outcome=success`,
    });
    expect(await getPortalAttempt(w.deps, w.key, w.cookie, started.attemptId)).toMatchObject({
      status: 'succeeded',
      paid: true,
    });
    const after = await getPortalCase(w.deps, w.key, w.cookie);
    expect(after.payments).toEqual([{ amountMinor: 60_000, receivedOn: '2026-03-02', method: 'card' }]);
    expect(after.balance.totalMinor).toBe(before.balance.totalMinor - 60_000);
    expect(after.balance.paidMinor).toBe(60_000);
    const plan = await createPortalPlan(w.deps, w.key, w.cookie, { count: 3, frequency: 'monthly' });
    expect(plan.totalMinor).toBe(after.balance.totalMinor);
    const kase = await ctx.handle.db
      .selectFrom('cases as c')
      .leftJoin('case_texts as t', (j) =>
        j.onRef('t.tenant_id', '=', 'c.tenant_id').onRef('t.text_id', '=', 'c.next_action_text'),
      )
      .select(['c.stage', 't.body as next_action'])
      .where('c.tenant_id', '=', w.tenantId)
      .where('c.case_id', '=', w.dupont)
      .executeTakeFirstOrThrow();
    const reminders = await ctx.handle.db
      .selectFrom('actions')
      .select('action_key')
      .where('tenant_id', '=', w.tenantId)
      .where('case_id', '=', w.dupont)
      .where('action_key', 'like', `plan:${plan.id}:reminder:%`)
      .execute();
    expect(reminders).toHaveLength(3);
    // The ladder follows the plan at once: no reminder step next, the first instalment's check.
    expect(kase.stage).toBe('plan');
    expect(JSON.parse(kase.next_action ?? '{}')).toMatchObject({ kind: 'plan_check' });
    const funnel = await paymentFunnel(w.deps, w.actor, { from: '2026-03-02', to: '2026-03-02' });
    expect(funnel.channels.find((c) => c.channel === 'portal')).toMatchObject({
      started: 1,
      completed: 1,
      inputErrors: 1,
    });
  });
});
