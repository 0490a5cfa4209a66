import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAsideForCreditor } from '../../src/use-cases/dispatch/held-by-creditor.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { signInAs, testServer } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('creditor portal: hold, release and withdraw a case', (ctx) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let client: { cookie: string };
  /** What the hold set aside, by status before it: its release gives them back. */
  let setAside: string[] = [];
  const call = (method: 'GET' | 'POST', url: string, headers: { cookie: string }, payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const actionsOf = (caseId: string) =>
    ctx.handle.db
      .selectFrom('actions')
      .select(['status', 'last_error'])
      .where('tenant_id', '=', t.tenantId)
      .where('case_id', '=', caseId)
      .execute();
  const evidenceOf = (caseId: string) =>
    ctx.handle.db
      .selectFrom('evidence')
      .select(['kind', 'payload'])
      .where('tenant_id', '=', t.tenantId)
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    t = await seedTenant(ctx.handle.db, 'A');
    client = await signInAs(app, t.users.client.email);
    const admin = await signInAs(app, t.users.admin.email);
    // The day's run plans the first actions of the open cases.
    expect((await call('POST', '/runs', admin, {})).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('hold and release', () => {
    it('a client holds its own case: the planned actions are cancelled, the run sends nothing more, the case says so', async () => {
      const caseId = t.debtors.D1!.caseId;
      // The run left a formal notice waiting for a supervisor's review.
      const planned = (await actionsOf(caseId)).filter(
        (a) => a.status === 'planned' || a.status === 'review',
      );
      expect(planned.length).toBeGreaterThan(0);
      setAside = planned.map((a) => a.status).sort();
      const held = await call('POST', `/cases/${caseId}/hold`, client);
      expect(held.statusCode, held.body).toBe(200);
      expect(held.json().cancelled.actions).toBe(planned.length);
      const after = await actionsOf(caseId);
      expect(after.filter((a) => a.status === 'planned' || a.status === 'review')).toEqual([]);
      expect(after.filter((a) => a.status === 'cancelled').length).toBe(planned.length);

      const admin = await signInAs(app, t.users.admin.email);
      await call('POST', '/runs', admin, {});
      expect(
        (await actionsOf(caseId)).filter((a) => a.status === 'planned' || a.status === 'review'),
      ).toEqual([]);
      const detail = (await call('GET', `/cases/${caseId}`, client)).json();
      expect(detail.control).toMatchObject({ heldAt: expect.any(String), withdrawnAt: null });
      // The agent's view of the same case shows the hold and the paused ladder.
      const agent = await signInAs(app, t.users.agent.email);
      const seen = (await call('GET', `/cases/${caseId}`, agent)).json();
      expect(seen.control.heldAt).toBe(detail.control.heldAt);
      expect(seen.case.stage).toBe('paused');
      const events = await ctx.handle.db
        .selectFrom('case_events')
        .select(['kind', 'data'])
        .where('tenant_id', '=', t.tenantId)
        .where('case_id', '=', caseId)
        .execute();
      expect(events.map((e) => [e.kind, JSON.parse(e.data).reason])).toContainEqual([
        'pause',
        'held_by_creditor',
      ]);
      expect((await evidenceOf(caseId)).map((e) => e.kind)).toContain('case_held');
      const audit = await ctx.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('tenant_id', '=', t.tenantId)
        .where('entity_id', '=', caseId)
        .execute();
      expect(audit.map((a) => a.action)).toContain('case.hold');
    });

    it('refuses to hold it twice, releases it, and the next run plans again', async () => {
      const caseId = t.debtors.D1!.caseId;
      const again = await call('POST', `/cases/${caseId}/hold`, client);
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({ message: 'Ce dossier est déjà suspendu.' });
      // An agent's "resume" event does not end the creditor's hold.
      const agent = await signInAs(app, t.users.agent.email);
      const resume = await call('POST', `/cases/${caseId}/events`, agent, {
        kind: 'resume',
        on: '2026-03-16',
      });
      expect(resume.statusCode).toBe(409);
      expect(resume.json().error.details.reason).toBe('case_held_by_creditor');
      // A run deciding while the hold landed wrote one more action: the dispatcher sets it aside as the hold's.
      const model = await ctx.handle.db
        .selectFrom('actions')
        .selectAll()
        .where('tenant_id', '=', t.tenantId)
        .where('case_id', '=', caseId)
        .where('status', '=', 'cancelled')
        .executeTakeFirstOrThrow();
      const raced = {
        ...model,
        action_id: `${model.action_id.slice(0, -4)}race`,
        action_key: `${model.action_key}:raced`,
        purpose: 'reminder',
        status: 'sending' as const,
        last_error: null,
        claimed_by: 'dispatcher-test',
        attempts: 1,
      };
      await ctx.handle.db.insertInto('actions').values(raced).execute();
      const claimed = {
        actionId: raced.action_id,
        caseId,
        actionKey: raced.action_key,
        plannedOn: '2026-03-16',
        channel: raced.channel,
        template: raced.template,
        language: raced.language,
        purpose: raced.purpose,
        attempts: 1,
        messageId: raced.action_id,
        amounts: null,
      };
      expect(await setAsideForCreditor(ctx.handle.db, t.tenantId, claimed, 'dispatcher-test')).toBe(true);
      expect(
        await setAsideForCreditor(ctx.handle.db, t.tenantId, { ...claimed, purpose: 'thanks' }, 'x'),
      ).toBe(false);

      const released = await call('POST', `/cases/${caseId}/release`, client);
      expect(released.statusCode, released.body).toBe(200);
      // What the hold and the dispatcher set aside goes again, each as it was (a formal notice back to review).
      const restored = (await actionsOf(caseId)).filter(
        (a) => a.status === 'planned' || a.status === 'review',
      );
      expect(restored.map((a) => a.status).sort()).toEqual([...setAside, 'planned'].sort());
      expect((await call('GET', `/cases/${caseId}`, client)).json().control.heldAt).toBeNull();
      expect((await call('POST', `/cases/${caseId}/release`, client)).statusCode).toBe(409);
      expect((await evidenceOf(caseId)).map((e) => e.kind)).toContain('case_released');
      const supervisor = await signInAs(app, t.users.supervisor.email);
      await call('POST', '/runs', supervisor, {});
      const detail = (await call('GET', `/cases/${caseId}`, client)).json();
      expect(detail.case.stage).not.toBe('paused');
    });

    it('answers 404 for another creditor’s case, 403 to an agent', async () => {
      const beta = t.debtors.B1!.caseId;
      for (const action of ['hold', 'release', 'withdraw']) {
        const response = await call('POST', `/cases/${beta}/${action}`, client, { reason: 'x' });
        expect(response.statusCode, action).toBe(404);
      }
      const agent = await signInAs(app, t.users.agent.email);
      expect((await call('POST', `/cases/${beta}/hold`, agent)).statusCode).toBe(403);
      expect(await actionsOf(beta)).not.toContainEqual(expect.objectContaining({ status: 'cancelled' }));
    });
  });

  describe('withdraw', () => {
    it('needs a reason', async () => {
      const caseId = t.debtors.D5!.caseId;
      const empty = await call('POST', `/cases/${caseId}/withdraw`, client, { reason: '   ' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.message).toBe(
        'Le retrait d’un dossier demande un motif (1 à 500 caractères).',
      );
    });

    it('ends collection: claims cancelled, actions cancelled, case closed with the reason, figures without it', async () => {
      const caseId = t.debtors.D5!.caseId;
      const dashboard = async () => (await call('GET', '/dashboard', client)).json().portfolio.receivables;
      const before = await dashboard();
      const supervisor = await signInAs(app, t.users.supervisor.email);
      const withdrawn = await call('POST', `/cases/${caseId}/withdraw`, supervisor, {
        reason: 'Accord commercial direct',
      });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect(withdrawn.json()).toMatchObject({ claims: 4 });
      const claims = await ctx.handle.db
        .selectFrom('claims')
        .select(['invoice_number', 'status'])
        .where('tenant_id', '=', t.tenantId)
        .where('case_id', '=', caseId)
        .orderBy('invoice_number')
        .execute();
      // M-1..M-4, open or disputed, all cancelled: none left to chase.
      expect(claims.filter((c) => c.status === 'open' || c.status === 'disputed')).toEqual([]);
      expect(await actionsOf(caseId)).not.toContainEqual(expect.objectContaining({ status: 'planned' }));
      const detail = (await call('GET', `/cases/${caseId}`, client)).json();
      expect(detail.case.status).toBe('closed');
      expect(detail.control).toMatchObject({ withdrawalReason: 'Accord commercial direct' });
      expect(detail.case.outstandingMinor).toBe(0);
      const after = await dashboard();
      // M-2 (200), M-3 (300, disputed), M-4 (400) and M-1 (100) were owed: 1 000,00 € less, 4 claims fewer.
      expect(before.outstandingMinor - after.outstandingMinor).toBe(1000_00);
      expect(before.count - after.count).toBe(4);
      const evidence = await evidenceOf(caseId);
      expect(evidence.at(-1)?.kind).toBe('case_withdrawn');
      expect(JSON.parse(evidence.at(-1)?.payload ?? '{}')).toMatchObject({
        reason: 'Accord commercial direct',
      });
    });

    it('refuses a case already withdrawn or closed, with a clear error', async () => {
      const again = await call('POST', `/cases/${t.debtors.D5!.caseId}/withdraw`, client, {
        reason: 'encore',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({
        code: 'conflict',
        message: 'Ce dossier a déjà été retiré.',
      });
      // D4 is paid: its case is closed.
      const paid = await call('POST', `/cases/${t.debtors.D4!.caseId}/withdraw`, client, { reason: 'x' });
      expect(paid.statusCode).toBe(409);
      expect(paid.json().error.details.reason).toBe('case_closed');
      const hold = await call('POST', `/cases/${t.debtors.D4!.caseId}/hold`, client);
      expect(hold.statusCode).toBe(409);
    });
  });
});
