import { B2B_LADDER } from '@relance/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { type SeededTenant, seedTenant } from './seed.ts';
import { signInAs, testServer } from './support.ts';

describeEachDatabase('http strategies, runs and case events', (ctx) => {
  let app: FastifyInstance;
  let tenant: SeededTenant;
  let supervisor: { cookie: string };
  let agent: { cookie: string };

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    tenant = await seedTenant(ctx.handle.db, 'A');
    supervisor = await signInAs(app, 'supervisor@a.example');
    agent = await signInAs(app, 'agent@a.example');
  });
  afterAll(async () => {
    await app?.close();
  });

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    headers: { cookie: string },
    payload?: unknown,
  ) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('gives a tenant the three ready strategies and the assignment rules, first match wins', async () => {
    const response = await call('GET', '/strategies', agent);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items.map((s: { key: string }) => s.key).sort()).toEqual([
      'b2b-standard',
      'b2c-active',
      'b2c-senior',
    ]);
    expect(body.assignment.rules.map((r: { strategy: string }) => r.strategy)).toEqual([
      'b2b-standard',
      'b2c-senior',
      'b2c-active',
    ]);
  });

  it('refuses a strategy with its mistakes located, and saves a corrected one as a new version', async () => {
    const steps = [...B2B_LADDER.steps];
    const wrong = {
      ...B2B_LADDER,
      steps: [steps[1], { ...steps[0], at: { after: 'due_date', days: -5 } }, ...steps.slice(2)],
    };
    const refused = await call('POST', '/strategies', supervisor, wrong);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues).toMatchObject([
      { path: 'steps[1].at.days', code: 'steps_out_of_order' },
    ]);

    const shape = await call('POST', '/strategies', supervisor, { ...B2B_LADDER, backlog: 'sometimes' });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.details.issues[0]).toMatchObject({
      path: 'backlog',
      code: 'invalid_shape',
      message: {
        fr: 'backlog : valeur non reconnue (attendu : "jump", "walk")',
        en: 'backlog: unknown value (expected "jump", "walk")',
      },
    });

    const edited = {
      ...B2B_LADDER,
      steps: B2B_LADDER.steps.map((s) =>
        s.key === 'reminder-email' ? { ...s, at: { ...s.at, days: 3 } } : s,
      ),
    };
    const saved = await call('POST', '/strategies', supervisor, edited);
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toEqual({ key: 'b2b-standard', version: 2 });
    const versions = await call('GET', '/strategies/versions?key=b2b-standard', agent);
    expect(versions.json().map((v: { version: number }) => v.version)).toEqual([2, 1]);

    expect((await call('POST', '/strategies', agent, edited)).statusCode).toBe(403);
  });

  it('refuses assignment rules naming a strategy that does not exist', async () => {
    const response = await call('PUT', '/strategies/assignment', supervisor, {
      rules: [{ when: { debtorKind: 'consumer' }, strategy: 'nope' }],
      defaultStrategy: 'b2b-standard',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues[0]).toMatchObject({
      path: 'rules[0].strategy',
      code: 'unknown_strategy',
    });
  });

  it('previews a day without writing, runs today, and shows each case its next action', async () => {
    const preview = await call('POST', '/runs', supervisor, { dryRun: true });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, runId: null });
    expect(preview.json().cases).toBeGreaterThan(0);
    expect(preview.json().preview[0].reason.text.fr).toMatch(/Étape|étape/);
    expect((await call('GET', '/runs', supervisor)).json()).toEqual([]);

    const future = await call('POST', '/runs', supervisor, { date: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect((await call('POST', '/runs', agent, {})).statusCode).toBe(403);

    const run = await call('POST', '/runs', supervisor, {});
    expect(run.statusCode).toBe(200);
    expect(run.json().actions).toBe(preview.json().actions);
    const again = await call('POST', '/runs', supervisor, {});
    expect(again.json()).toMatchObject({ cases: 0, actions: 0 });
    const runs = (await call('GET', '/runs', supervisor)).json();
    expect(runs).toHaveLength(2);
    expect(runs[1]).toMatchObject({ status: 'completed', actions: run.json().actions });

    const cases = (await call('GET', '/cases?pageSize=200', agent)).json().items as {
      id: string;
      stage: string;
      nextAction: unknown;
    }[];
    expect(cases.every((c) => c.stage !== 'new')).toBe(true);
  });

  it('records a promise on a case, and the case view explains where the case stands', async () => {
    const caseId = tenant.debtors.D1?.caseId ?? '';
    const promise = await call('POST', `/cases/${caseId}/events`, agent, {
      kind: 'promise',
      on: '2026-03-16',
      dueOn: '2026-03-30',
      amountMinor: 10_000,
    });
    expect(promise.statusCode).toBe(201);
    expect(promise.json()).toMatchObject({ kind: 'promise', nextRunOn: '2026-03-16' });
    const future = await call('POST', `/cases/${caseId}/events`, agent, {
      kind: 'debtor_replied',
      on: '2030-01-01',
    });
    expect(future.statusCode).toBe(400);
    const unknown = await call('POST', `/cases/${caseId}/events`, agent, {
      kind: 'teleport',
      on: '2026-03-16',
    });
    expect(unknown.statusCode).toBe(400);

    const view = await call('GET', `/cases/${caseId}/engine`, agent, undefined);
    expect(view.statusCode).toBe(200);
    const body = view.json();
    expect(body.events).toMatchObject([{ kind: 'promise', applied: false }]);
    expect(body.interest).toHaveProperty('claimedInterestMinor');
    expect(body.strategy?.key).toBeTruthy();
  });

  it('asks the gate before an agent contacts a debtor by hand, and logs the answer either way', async () => {
    const caseId = tenant.debtors.D1?.caseId ?? '';
    // The test clock stands at 2026-03-16T09:00Z (10:00 in Paris, a Monday).
    const letter = await call('POST', `/cases/${caseId}/contact-check`, agent, {
      channel: 'letter',
      purpose: 'reminder',
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.json()).toMatchObject({ kind: 'allowed', policy: 'fr-default' });
    const threat = await call('POST', `/cases/${caseId}/contact-check`, agent, { channel: 'telegram' });
    expect(threat.statusCode).toBe(400);
    const logged = await ctx.handle.db
      .selectFrom('compliance_log')
      .select(['allowed', 'started_by', 'channel'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', '=', caseId)
      .where('started_by', 'like', 'agent:%')
      .execute();
    expect(logged).toEqual([{ allowed: 1, started_by: expect.stringMatching(/^agent:/), channel: 'letter' }]);
  });

  it('lets a supervisor approve or cancel an action waiting for review, once', async () => {
    const waiting = await ctx.handle.db
      .selectFrom('actions')
      .select(['action_id', 'status'])
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    const planned = waiting.find((a) => a.status === 'planned');
    if (planned) {
      const refused = await call('POST', `/actions/${planned.action_id}/review`, supervisor, {
        decision: 'approve',
      });
      expect(refused.statusCode).toBe(409);
    }
    const review = waiting.find((a) => a.status === 'review');
    const listed = (await call('GET', '/actions?status=review', supervisor)).json() as {
      id: string;
      reasonText: string;
    }[];
    expect(listed.map((a) => a.id)).toContain(review?.action_id);
    expect(listed[0]?.reasonText).toBeTruthy();
    if (!review)
      throw new Error('the seeded portfolio should have a formal notice or a hand-over waiting for review');
    expect(
      (await call('POST', `/actions/${review.action_id}/review`, agent, { decision: 'approve' })).statusCode,
    ).toBe(403);
    const approved = await call('POST', `/actions/${review.action_id}/review`, supervisor, {
      decision: 'approve',
    });
    expect(approved.json()).toEqual({ actionId: review.action_id, status: 'planned' });
    expect(
      (await call('POST', `/actions/${review.action_id}/review`, supervisor, { decision: 'cancel' }))
        .statusCode,
    ).toBe(409);
  });

  it("records the creditor's choice on interest and the fixed compensation", async () => {
    const creditorId = tenant.creditors.acme;
    const set = await call('PATCH', `/creditors/${creditorId}/charges`, supervisor, {
      interestPolicy: 'lever',
      fixedFeePolicy: 'waive',
    });
    expect(set.statusCode).toBe(204);
    const bad = await call('PATCH', `/creditors/${creditorId}/charges`, supervisor, {
      contractRate: 'twelve',
    });
    expect(bad.statusCode).toBe(400);
    const creditors = (await call('GET', '/creditors', agent)).json().items as {
      id: string;
      interestPolicy: string;
      fixedFeePolicy: string;
    }[];
    expect(creditors.find((c) => c.id === creditorId)).toMatchObject({
      interestPolicy: 'lever',
      fixedFeePolicy: 'waive',
    });
    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', tenant.tenantId)
      .where('action', '=', 'creditor.charges_set')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("sets when the daily run starts, in the tenant's zone, and refuses a zone that does not exist", async () => {
    expect((await call('GET', '/runs/schedule', agent)).json()).toEqual({
      time: '06:00',
      timeZone: 'Europe/Paris',
    });
    const set = await call('PUT', '/runs/schedule', supervisor, {
      time: '07:30',
      timeZone: 'America/Martinique',
    });
    expect(set.json()).toEqual({ time: '07:30', timeZone: 'America/Martinique' });
    expect((await call('GET', '/runs/schedule', agent)).json()).toEqual({
      time: '07:30',
      timeZone: 'America/Martinique',
    });
    const bad = await call('PUT', '/runs/schedule', supervisor, { time: '25:00', timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
  });
});
