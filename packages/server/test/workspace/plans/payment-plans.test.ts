import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMAIL_SETTING } from '../../../src/channels/email/email-settings.ts';
import type { Db } from '../../../src/db/schema.ts';
import type { Deps } from '../../../src/shared/deps.ts';
import { dispatchDue } from '../../../src/use-cases/dispatch/dispatch-due.ts';
import { type SmtpPeer, startSmtpPeer } from '../../dispatch/smtp-peer.ts';
import { type SeededTenant, seedTenant } from '../../http/seed.ts';
import { now, signInAs, testServer, today } from '../../http/support.ts';
import { pdfText } from '../../letters/pdf-inspect.ts';
import { describeEachDatabase } from '../../support/databases.ts';

/** Rows a preview must never write, counted per table. */
async function counts(db: Db, tenantId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'payment_plans',
    'plan_instalments',
    'actions',
    'documents',
    'case_events',
    'evidence',
  ] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

/** The hour in Paris of a UTC instant, and its ISO weekday. */
function parisTime(instant: string): { hour: number; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hour: 'numeric',
    hourCycle: 'h23',
    weekday: 'short',
  }).formatToParts(new Date(instant));
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const day = parts.find((p) => p.type === 'weekday')?.value ?? '';
  return { hour, weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(day) + 1 };
}

describeEachDatabase('payment plans', (ctx) => {
  let app: FastifyInstance;
  let deps: Deps;
  let tenant: SeededTenant;
  let agent: { cookie: string };
  let supervisor: { cookie: string };
  let smtp: SmtpPeer;

  beforeAll(async () => {
    ({ app, deps } = await testServer(ctx.handle));
    tenant = await seedTenant(ctx.handle.db, 'P');
    agent = await signInAs(app, 'agent@p.example');
    supervisor = await signInAs(app, 'supervisor@p.example');
    smtp = await startSmtpPeer();
    await ctx.handle.db
      .insertInto('tenant_settings')
      .values({
        tenant_id: tenant.tenantId,
        key: EMAIL_SETTING,
        value: JSON.stringify({
          host: '127.0.0.1',
          port: smtp.port,
          security: 'none',
          user: null,
          password: null,
          fromName: 'Recouvrement',
          fromAddress: 'recouvrement@p.example',
          replyTo: null,
          readReceipt: false,
        }),
        version: 1,
        updated_by: null,
        updated_at: now,
      })
      .execute();
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  const call = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: unknown,
    who: { cookie: string } = agent,
    language = 'fr',
  ) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...who, 'accept-language': language },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  const dupont = () => tenant.debtors.D1!;
  const mixte = () => tenant.debtors.D5!;
  const threeMonthly = {
    kind: 'instalments',
    count: 3,
    frequency: 'monthly',
    firstDueOn: '2026-03-31',
    downPaymentMinor: 100_00,
  };

  it('previews an exact schedule and writes nothing', async () => {
    const before = await counts(ctx.handle.db, tenant.tenantId);
    const response = await call('POST', `/cases/${dupont().caseId}/payment-plans/preview`, threeMonthly);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.currency).toBe('EUR');
    expect(body.principalMinor).toBe(1200_00);
    // ACME charges interest and the fixed compensation (the defaults): the total is their sum.
    expect(body.feesMinor).toBeGreaterThan(0);
    expect(body.totalMinor).toBe(body.principalMinor + body.interestMinor + body.feesMinor);
    expect(body.violations).toEqual([]);
    expect(body.instalments.map((i: { seq: number; dueOn: string }) => [i.seq, i.dueOn])).toEqual([
      [0, today],
      [1, '2026-03-31'],
      [2, '2026-04-30'],
      [3, '2026-05-31'],
    ]);
    const amounts = body.instalments.map((i: { amountMinor: number }) => i.amountMinor);
    expect(amounts.reduce((s: number, a: number) => s + a, 0)).toBe(body.totalMinor);
    expect(amounts[0]).toBe(100_00);
    expect(amounts[1] - amounts[3]).toBeGreaterThanOrEqual(0);
    expect(amounts[1] - amounts[3]).toBeLessThanOrEqual(1);
    expect(body.policy).toMatchObject({ maxInstalments: 12, minInstalmentMinor: 2000 });
    expect(await counts(ctx.handle.db, tenant.tenantId)).toEqual(before);
  });

  it('refuses a plan beyond the creditor’s limits with 422 and every violation, in French and English', async () => {
    const proposal = { kind: 'instalments', count: 24, frequency: 'monthly', firstDueOn: '2026-03-01' };
    const fr = await call('POST', `/cases/${dupont().caseId}/payment-plans`, proposal);
    expect(fr.statusCode, fr.body).toBe(422);
    const error = fr.json().error;
    expect(error.message).toBe('Le plan dépasse les limites fixées par le créancier.');
    const codes = error.details.violations.map((v: { code: string }) => v.code);
    expect(codes).toEqual(['too_many_instalments', 'first_due_in_past', 'too_long']);
    expect(error.details.violations[0]).toMatchObject({
      limit: 12,
      actual: 24,
      message: '24 échéances demandées : le créancier en accepte 12 au plus.',
    });
    const en = await call('POST', `/cases/${dupont().caseId}/payment-plans`, proposal, agent, 'en');
    expect(en.json().error.message).toBe('The plan goes beyond the limits set by the creditor.');
    expect(en.json().error.details.violations[0].message).toBe(
      '24 instalments asked: the creditor accepts 12 at most.',
    );
    expect((await call('GET', `/cases/${dupont().caseId}/payment-plans`)).json()).toEqual([]);
  });

  it('agrees a plan: rows, the engine’s event, the agreement PDF, its e-mail and the reminders, in one go', async () => {
    const response = await call('POST', `/cases/${dupont().caseId}/payment-plans`, threeMonthly);
    expect(response.statusCode, response.body).toBe(201);
    const plan = response.json();
    expect(plan).toMatchObject({
      caseId: dupont().caseId,
      kind: 'instalments',
      status: 'active',
      currency: 'EUR',
    });
    expect(plan.claimIds).toEqual(dupont().claimIds);
    expect(plan.instalments).toHaveLength(4);
    expect(
      plan.instalments.every(
        (i: { status: string; paidMinor: number }) => i.status === 'pending' && i.paidMinor === 0,
      ),
    ).toBe(true);
    const db = ctx.handle.db;

    const event = await db
      .selectFrom('case_events')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', '=', dupont().caseId)
      .where('kind', '=', 'plan')
      .executeTakeFirstOrThrow();
    const data = JSON.parse(event.data);
    expect(data.instalments).toEqual(
      plan.instalments.map((i: { dueOn: string; amountMinor: number }) => ({
        dueOn: i.dueOn,
        amountMinor: i.amountMinor,
      })),
    );
    expect(data.baselineMinor).toBe(1200_00);
    expect(event.occurred_on).toBe(today);

    // The agreement: a PDF kept with the case, in the evidence journal, and the file the API serves.
    const pdf = await call('GET', `/payment-plans/${plan.id}/agreement.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Accord de paiement');
    expect(text).toContain('Boulangerie Dupont');
    expect(text).toContain('F-1001');
    expect(text).toContain('Échéancier');
    expect(text).toContain('31 mars 2026');
    expect(text).toContain('31 mai 2026');
    expect(text).toContain('100,00 €');
    expect(text).toMatch(/RF\d{2}/);
    const evidence = await db
      .selectFrom('evidence')
      .select(['kind', 'payload', 'document_sha256', 'action_id'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', '=', dupont().caseId)
      .execute();
    const entry = evidence.find((e) => e.kind === 'plan_agreed');
    expect(entry?.document_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(entry?.payload ?? '{}')).toMatchObject({
      planId: plan.id,
      totalMinor: plan.totalMinor,
    });
    expect(entry?.action_id).toBe(plan.agreementActionId);

    // The e-mail carrying it, and one reminder per future instalment, keyed by plan and instalment.
    const actions = await db
      .selectFrom('actions')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', '=', dupont().caseId)
      .orderBy('action_key')
      .execute();
    const agreement = actions.find((a) => a.action_id === plan.agreementActionId);
    expect(agreement).toMatchObject({
      action_key: `plan:${plan.id}:agreement`,
      channel: 'email',
      template: 'plan-agreement',
      purpose: 'confirmation',
      status: 'planned',
      document_id: plan.documentId,
    });
    const reminders = actions.filter((a) => a.action_key.startsWith(`plan:${plan.id}:reminder:`));
    expect(reminders.map((r) => r.action_key)).toEqual(
      [1, 2, 3].map((seq) => `plan:${plan.id}:reminder:${seq}`),
    );
    expect(plan.instalments[0].reminderActionId).toBeNull();
    for (const reminder of reminders) {
      const seq = Number(reminder.action_key.split(':').at(-1));
      const instalment = plan.instalments.find((i: { seq: number }) => i.seq === seq);
      expect(instalment.reminderActionId).toBe(reminder.action_id);
      expect(reminder).toMatchObject({ channel: 'email', template: 'plan-reminder', status: 'planned' });
      expect(reminder.planned_on < instalment.dueOn).toBe(true);
      expect(reminder.scheduled_at?.slice(0, 10) ?? '').not.toBe('');
      expect((reminder.scheduled_at ?? '') < `${instalment.dueOn}T00:00:00Z`).toBe(true);
      const { hour, weekday } = parisTime(reminder.scheduled_at ?? '');
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(20);
      expect(weekday).toBeLessThanOrEqual(6);
    }
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('action', '=', 'payment_plan.create')
      .execute();
    expect(audit).toEqual([{ action: 'payment_plan.create', entity_id: plan.id }]);

    // A second plan on the same case is refused while this one is active.
    const again = await call('POST', `/cases/${dupont().caseId}/payment-plans`, threeMonthly);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('plan_already_active');

    // The dispatcher sends the agreement e-mail with the PDF attached.
    const sent = await dispatchDue(deps, tenant.tenantId);
    expect(sent.sent).toBeGreaterThanOrEqual(1);
    const message = smtp.received.find((m) => m.to.includes('compta@dupont.example'));
    const raw = message?.raw.toString('utf8') ?? '';
    expect(raw).toContain('application/pdf');
    expect(raw).toMatch(/filename="?plan-/);
    const after = await db
      .selectFrom('actions')
      .select('status')
      .where('tenant_id', '=', tenant.tenantId)
      .where('action_id', '=', plan.agreementActionId)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('sent');
  });

  it('the call’s outcome "payment plan agreed" names a plan of the case; its event is a conversation', async () => {
    const [plan] = (await call('GET', `/cases/${dupont().caseId}/payment-plans`)).json();
    const url = `/cases/${dupont().caseId}/outcomes`;
    const missing = await call('POST', url, { disposition: 'payment_plan' }, agent, 'en');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      details: { reason: 'outcome_plan_missing' },
      message: 'Set up the payment plan first, then the call’s outcome.',
    });
    const other = await call('POST', `/cases/${mixte().caseId}/outcomes`, {
      disposition: 'payment_plan',
      planId: plan.id,
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details.reason).toBe('outcome_plan_unknown');
    const recorded = await call('POST', url, { disposition: 'payment_plan', planId: plan.id });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const row = await ctx.handle.db
      .selectFrom('call_outcomes')
      .select(['disposition', 'plan_id'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('outcome_id', '=', recorded.json().outcomeId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ disposition: 'payment_plan', plan_id: plan.id });
    const event = await ctx.handle.db
      .selectFrom('case_events')
      .select('kind')
      .where('tenant_id', '=', tenant.tenantId)
      .where('event_id', '=', recorded.json().eventId)
      .executeTakeFirstOrThrow();
    expect(event.kind).toBe('conversation');
    const labels = (await call('GET', '/dispositions')).json().dispositions;
    expect(labels.find((d: { code: string }) => d.code === 'payment_plan')).toEqual({
      code: 'payment_plan',
      label: { fr: 'Échéancier accordé', en: 'Payment plan agreed' },
      rightParty: true,
      needs: { reason: false, callback: false, promise: false, plan: true, dispute: false },
    });
  });

  it('lists and reads plans; cancels one with its future reminders, once', async () => {
    const [plan] = (await call('GET', `/cases/${dupont().caseId}/payment-plans`)).json();
    expect((await call('GET', `/payment-plans/${plan.id}`)).json()).toEqual(plan);
    const cancelled = await call('POST', `/payment-plans/${plan.id}/cancel`, { reason: 'debtor asked' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      endedOn: today,
      endReason: 'debtor asked',
    });
    const reminders = await ctx.handle.db
      .selectFrom('actions')
      .select('status')
      .where('tenant_id', '=', tenant.tenantId)
      .where(
        'action_id',
        'in',
        plan.instalments.flatMap((i: { reminderActionId: string | null }) =>
          i.reminderActionId ? [i.reminderActionId] : [],
        ),
      )
      .execute();
    expect(reminders.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    const events = await ctx.handle.db
      .selectFrom('case_events')
      .select('kind')
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', '=', dupont().caseId)
      .where('kind', '=', 'plan_cancelled')
      .execute();
    expect(events).toHaveLength(1);
    const evidence = await ctx.handle.db
      .selectFrom('evidence')
      .select(['payload', 'actor'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', '=', dupont().caseId)
      .where('kind', '=', 'plan_cancelled')
      .execute();
    expect(evidence.map((e) => JSON.parse(e.payload))).toEqual([
      { planId: plan.id, reason: 'debtor asked', cancelledReminders: 3 },
    ]);
    const twice = await call('POST', `/payment-plans/${plan.id}/cancel`, {}, agent, 'en');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('This payment plan is no longer active.');
    expect((await call('GET', '/payment-plans/nope')).statusCode).toBe(404);
  });

  it('covers chosen claims of one case, never a disputed one, and reminds by SMS when there is a phone', async () => {
    const [m1, m2, m3, m4] = mixte().claimIds;
    const disputed = await call('POST', `/cases/${mixte().caseId}/payment-plans/preview`, {
      kind: 'scheduled',
      claimIds: [m3],
      firstDueOn: '2026-04-15',
    });
    expect(disputed.statusCode).toBe(400);
    expect(disputed.json().error.details.reason).toBe('plan_claims_invalid');
    // An open promise on the case: the plan replaces it.
    await ctx.handle.db
      .insertInto('promises')
      .values({
        tenant_id: tenant.tenantId,
        promise_id: 'promise-mixte',
        case_id: mixte().caseId,
        made_on: today,
        made_by: 'debtor',
        channel: 'portal',
        schedule: JSON.stringify([{ dueOn: '2026-03-30', amountMinor: 100_00 }]),
        amount_minor: 100_00,
        currency: 'EUR',
        baseline_minor: 1000_00,
        status: 'open',
        paid_minor: 0,
        checked_on: null,
        outcome_id: null,
        note: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const response = await call('POST', `/cases/${mixte().caseId}/payment-plans`, {
      kind: 'scheduled',
      claimIds: [m2, m4],
      firstDueOn: '2026-04-15',
    });
    expect(response.statusCode, response.body).toBe(201);
    const plan = response.json();
    expect([...plan.claimIds].sort()).toEqual([m2, m4].sort());
    expect(plan.claimIds).not.toContain(m1);
    expect(plan.principalMinor).toBe(600_00);
    const promise = await ctx.handle.db
      .selectFrom('promises')
      .select(['status', 'end_reason'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('promise_id', '=', 'promise-mixte')
      .executeTakeFirstOrThrow();
    expect(promise).toEqual({ status: 'cancelled', end_reason: 'superseded' });
    expect(plan.instalments).toHaveLength(1);
    expect(plan.instalments[0]).toMatchObject({ seq: 1, dueOn: '2026-04-15', amountMinor: plan.totalMinor });
    // No e-mail address: no agreement e-mail (the PDF is still kept), the reminder goes by SMS 3 days before.
    expect(plan.agreementActionId).toBeNull();
    expect(plan.documentId).not.toBeNull();
    const reminder = await ctx.handle.db
      .selectFrom('actions')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .where('action_id', '=', plan.instalments[0].reminderActionId)
      .executeTakeFirstOrThrow();
    expect(reminder).toMatchObject({ channel: 'sms', planned_on: '2026-04-12', template: 'plan-reminder' });
    // 12 April 2026 is a Sunday: the French rules move an SMS to the next allowed day.
    expect(reminder.scheduled_at! >= '2026-04-12').toBe(true);
    expect(reminder.scheduled_at! < '2026-04-15').toBe(true);
  });

  describe('the creditor’s plan policy', () => {
    it('is read and changed by supervisors only, checked and audited, and applies at once', async () => {
      const url = `/creditors/${tenant.creditors.acme}/plan-policy`;
      expect((await call('GET', url)).statusCode).toBe(403);
      expect((await call('PATCH', url, { maxInstalments: 2 })).statusCode).toBe(403);
      const read = await call('GET', url, undefined, supervisor);
      expect(read.json()).toEqual({
        maxInstalments: 12,
        maxMonths: 12,
        minInstalmentMinor: 2000,
        minDownPaymentPercent: 0,
        allowedFrequencies: ['monthly', 'biweekly', 'weekly'],
      });
      const bad = await call('PATCH', url, { maxInstalments: 0 }, supervisor);
      expect(bad.statusCode).toBe(400);
      const changed = await call('PATCH', url, { maxInstalments: 2, minDownPaymentPercent: 10 }, supervisor);
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ maxInstalments: 2, minDownPaymentPercent: 10, maxMonths: 12 });
      const preview = await call('POST', `/cases/${dupont().caseId}/payment-plans/preview`, {
        kind: 'instalments',
        count: 3,
        firstDueOn: '2026-04-01',
      });
      expect(preview.json().violations.map((v: { code: string }) => v.code)).toEqual([
        'too_many_instalments',
        'down_payment_too_small',
      ]);
      const audit = await ctx.handle.db
        .selectFrom('audit_log')
        .select('data')
        .where('tenant_id', '=', tenant.tenantId)
        .where('action', '=', 'creditor.plan_policy')
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.data).after.maxInstalments).toBe(2);
    });
  });
});
