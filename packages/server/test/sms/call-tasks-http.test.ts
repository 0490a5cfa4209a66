import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enqueueCallTask } from '../../src/channels/voice/call-queue.ts';
import { newId } from '../../src/db/ids.ts';
import { apiPrefix } from '../../src/http/paths.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { now, signInAs, testServer, today } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { evidenceOf } from './world.ts';

describeEachDatabase('call tasks over HTTP', (ctx) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  const tasks: Record<string, string> = {};

  beforeAll(async () => {
    app = (await testServer(ctx.handle)).app;
    t = await seedTenant(ctx.handle.db, 'Calls');
    const caseId = t.debtors.D5!.caseId;
    const specs = [
      ['late-low', '2026-03-16T13:00:00.000Z', 10],
      ['early-low', '2026-03-16T09:00:00.000Z', 5],
      ['early-high', '2026-03-16T09:00:00.000Z', 50],
    ] as const;
    for (const [name, start, priority] of specs) {
      const actionId = newId();
      await ctx.handle.db
        .insertInto('actions')
        .values({
          tenant_id: t.tenantId,
          action_id: actionId,
          case_id: caseId,
          action_key: `test:0:${name}:0`,
          run_id: null,
          planned_on: today,
          scheduled_at: start,
          channel: 'call_task',
          template: 'call',
          language: 'fr',
          purpose: 'reminder',
          status: 'sent',
          strategy_key: null,
          strategy_version: null,
          step_key: null,
          reason: '{}',
          gate: '{}',
          amounts: null,
          created_at: now,
        })
        .execute();
      const task = await ctx.handle.db.transaction().execute((trx) =>
        enqueueCallTask(trx, {
          tenantId: t.tenantId,
          actionId,
          caseId,
          kind: 'agent_call',
          phone: '+33612345678',
          windowStart: start,
          windowEnd: '2026-03-16T18:00:00.000Z',
          priority,
          script: `Script ${name}`,
          now,
        }),
      );
      tasks[name] = task.taskId;
    }
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists the open queue by window, then priority', async () => {
    const agent = await signInAs(app, t.users.agent.email);
    const response = await app.inject({ method: 'GET', url: `${apiPrefix}/call-tasks`, headers: agent });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().map((x: { id: string }) => x.id)).toEqual([
      tasks['early-high'],
      tasks['early-low'],
      tasks['late-low'],
    ]);
    expect(response.json()[0]).toMatchObject({
      debtorName: 'Mixte SAS',
      kind: 'agent_call',
      script: 'Script early-high',
    });
    const client = await signInAs(app, t.users.client.email);
    const refused = await app.inject({ method: 'GET', url: `${apiPrefix}/call-tasks`, headers: client });
    expect(refused.statusCode).toBe(403);
  });

  it('an outcome closes the task, feeds the strategy and the journal; a second one is refused', async () => {
    const agent = await signInAs(app, t.users.agent.email);
    const url = `${apiPrefix}/call-tasks/${tasks['early-high']}/outcome`;
    const response = await app.inject({
      method: 'POST',
      url,
      headers: agent,
      payload: { outcome: 'no_answer' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const again = await app.inject({ method: 'POST', url, headers: agent, payload: { outcome: 'answered' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
    const events = await ctx.handle.db
      .selectFrom('case_events')
      .select(['kind', 'case_id'])
      .where('tenant_id', '=', t.tenantId)
      .execute();
    expect(events).toEqual([{ kind: 'call_unanswered', case_id: t.debtors.D5!.caseId }]);
    const outcomes = await ctx.handle.db
      .selectFrom('call_outcomes')
      .select(['disposition', 'task_id'])
      .where('tenant_id', '=', t.tenantId)
      .execute();
    expect(outcomes).toEqual([{ disposition: 'no_answer', task_id: tasks['early-high'] }]);
    const evidence = await evidenceOf(ctx.handle, t.tenantId);
    expect(evidence.at(-1)).toMatchObject({ kind: 'call_outcome', payload: { outcome: 'no_answer' } });
    const open = await app.inject({ method: 'GET', url: `${apiPrefix}/call-tasks`, headers: agent });
    expect(open.json()).toHaveLength(2);
    const done = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/call-tasks?status=done`,
      headers: agent,
    });
    expect(done.json()).toMatchObject([{ id: tasks['early-high'], outcome: 'no_answer' }]);
  });

  it('a wrong number flags the phone; a promise needs its date and amount', async () => {
    const agent = await signInAs(app, t.users.agent.email);
    const missing = await app.inject({
      method: 'POST',
      url: `${apiPrefix}/call-tasks/${tasks['early-low']}/outcome`,
      headers: agent,
      payload: { outcome: 'promise' },
    });
    expect(missing.statusCode).toBe(400);
    const promise = await app.inject({
      method: 'POST',
      url: `${apiPrefix}/call-tasks/${tasks['early-low']}/outcome`,
      headers: agent,
      payload: { outcome: 'promise', promise: { dueOn: '2026-03-30', amountMinor: 100_00 } },
    });
    expect(promise.statusCode, promise.body).toBe(200);
    const wrong = await app.inject({
      method: 'POST',
      url: `${apiPrefix}/call-tasks/${tasks['late-low']}/outcome`,
      headers: agent,
      payload: { outcome: 'wrong_number', note: 'Une boulangerie répond' },
    });
    expect(wrong.statusCode).toBe(200);
    const phone = await ctx.handle.db
      .selectFrom('contacts')
      .select('validity')
      .where('tenant_id', '=', t.tenantId)
      .where('value', '=', '+33612345678')
      .executeTakeFirstOrThrow();
    expect(phone.validity).toBe('invalid');
    const kinds = await ctx.handle.db
      .selectFrom('case_events')
      .select(['kind', 'data'])
      .where('tenant_id', '=', t.tenantId)
      .orderBy('created_at')
      .orderBy('event_id')
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual(['call_unanswered', 'promise', 'wrong_number']);
    expect(JSON.parse(kinds[1]!.data)).toMatchObject({ dueOn: '2026-03-30', amountMinor: 100_00 });
    const unknown = await app.inject({
      method: 'POST',
      url: `${apiPrefix}/call-tasks/${newId()}/outcome`,
      headers: agent,
      payload: { outcome: 'answered' },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
