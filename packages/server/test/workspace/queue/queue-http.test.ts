import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enqueueCallTask } from '../../../src/channels/voice/call-queue.ts';
import { newId } from '../../../src/db/ids.ts';
import { apiPrefix } from '../../../src/http/paths.ts';
import { type SeededTenant, seedTenant } from '../../http/seed.ts';
import { now, signInAs, testServer, today } from '../../http/support.ts';
import { describeEachDatabase } from '../../support/databases.ts';

describeEachDatabase('call queue over HTTP', (ctx) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  const tasks: Record<string, string> = {};
  const headers: Record<string, { cookie: string }> = {};

  const addTask = async (name: string, caseId: string, priority: number, team: string | null = null) => {
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
        scheduled_at: '2026-03-16T08:00:00.000Z',
        channel: 'call_task',
        template: 'cordial-call',
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
        windowStart: '2026-03-16T08:00:00.000Z',
        windowEnd: '2026-03-16T18:00:00.000Z',
        priority,
        scoreParts: [{ key: 'amount', points: priority, detail: { fr: 'montant', en: 'amount' } }],
        segment: 'b2b',
        language: 'fr',
        team,
        script: null,
        now,
      }),
    );
    tasks[name] = task.taskId;
  };

  beforeAll(async () => {
    app = (await testServer(ctx.handle)).app;
    t = await seedTenant(ctx.handle.db, 'Queue');
    await addTask('high', t.debtors.D5!.caseId, 50);
    await addTask('low', t.debtors.D1!.caseId, 10);
    for (const role of ['admin', 'supervisor', 'agent', 'client'] as const) {
      headers[role] = await signInAs(app, t.users[role].email);
    }
  });
  afterAll(async () => {
    await app.close();
  });

  const call = (method: 'GET' | 'POST' | 'DELETE' | 'PATCH', url: string, role: string, payload?: object) =>
    app.inject({
      method,
      url: `${apiPrefix}${url}`,
      headers: headers[role],
      ...(payload ? { payload } : {}),
    });

  it('the supervisor sees the queue with its score parts; a client may not', async () => {
    const response = await call('GET', '/queue', 'supervisor');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject([
      {
        id: tasks.high,
        priority: 50,
        debtorName: 'Mixte SAS',
        segment: 'b2b',
        lockedBy: null,
        pinnedTo: null,
      },
      { id: tasks.low, priority: 10 },
    ]);
    expect(response.json()[0].scoreParts).toEqual([
      { key: 'amount', points: 50, detail: { fr: 'montant', en: 'amount' } },
    ]);
    expect((await call('GET', '/queue', 'client')).statusCode).toBe(403);
  });

  it('next case: the best task locked for the agent, the same again, then a lock conflict for others', async () => {
    const first = await call('POST', '/queue/next', 'agent');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().task).toMatchObject({
      id: tasks.high,
      caseId: t.debtors.D5!.caseId,
      debtorName: 'Mixte SAS',
      phone: '+33612345678',
      lockedUntil: '2026-03-16T10:15:00.000Z',
    });
    expect((await call('POST', '/queue/next', 'agent')).json().task.id).toBe(tasks.high);
    const locked = await app.inject({
      method: 'POST',
      url: `${apiPrefix}/cases/${t.debtors.D5!.caseId}/lock`,
      headers: { ...headers.supervisor, 'accept-language': 'fr' },
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({ code: 'conflict' });
    expect(locked.json().error.message).toContain('agent Queue travaille sur ce dossier');
    const queue = await call('GET', '/queue', 'supervisor');
    expect(queue.json()[0]).toMatchObject({ lockedBy: t.users.agent.id });
  });

  it('the outcome closes the task and releases the case; the list shows it with the agent', async () => {
    const caseId = t.debtors.D5!.caseId;
    const response = await call('POST', `/cases/${caseId}/outcomes`, 'agent', {
      disposition: 'refusal',
      reason: 'dissatisfaction',
      note: 'Conteste la qualité',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ disposition: 'refusal', callbackActionId: null });
    const listed = await call('GET', `/cases/${caseId}/outcomes`, 'agent');
    expect(listed.json()).toMatchObject([
      { disposition: 'refusal', reason: 'dissatisfaction', agentName: 'agent Queue', taskId: tasks.high },
    ]);
    const lock = await call('POST', `/cases/${caseId}/lock`, 'supervisor');
    expect(lock.statusCode, lock.body).toBe(200);
    expect(lock.json()).toMatchObject({
      caseId,
      lockedBy: t.users.supervisor.id,
      lockedByName: 'supervisor Queue',
    });
    expect((await call('DELETE', `/cases/${caseId}/lock`, 'supervisor')).json()).toEqual({
      caseId,
      released: true,
    });
    const bad = await call('POST', `/cases/${caseId}/outcomes`, 'agent', { disposition: 'sleeping' });
    expect(bad.statusCode).toBe(400);
  });

  it('a supervisor pins a task to an agent; an agent may not; nothing left gives 204', async () => {
    expect(
      (await call('POST', `/call-tasks/${tasks.low}/assign`, 'agent', { agentId: null })).statusCode,
    ).toBe(403);
    const pinned = await call('POST', `/call-tasks/${tasks.low}/assign`, 'supervisor', {
      agentId: t.users.admin.id,
    });
    expect(pinned.statusCode, pinned.body).toBe(200);
    expect(pinned.json()).toEqual({ taskId: tasks.low, pinnedTo: t.users.admin.id });
    const none = await call('POST', '/queue/next', 'agent');
    expect(none.statusCode).toBe(204);
    expect((await call('POST', '/queue/next', 'admin')).json().task.id).toBe(tasks.low);
  });

  it('dispositions and reasons, in both languages', async () => {
    const response = await call('GET', '/dispositions', 'agent');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.dispositions).toHaveLength(14);
    expect(body.dispositions.find((d: { code: string }) => d.code === 'callback_requested')).toEqual({
      code: 'callback_requested',
      label: { fr: 'Rappel demandé', en: 'Callback requested' },
      rightParty: true,
      needs: { reason: false, callback: true, promise: false, plan: false, dispute: false },
    });
    expect(body.reasons.map((r: { code: string }) => r.code)).toContain('invoice_not_received');
  });

  it('team and skills: set by a supervisor, shown in the users list and to the agent', async () => {
    const url = `/users/${t.users.agent.id}`;
    expect((await call('PATCH', url, 'agent', { team: 'B2B' })).statusCode).toBe(403);
    const set = await call('PATCH', url, 'supervisor', { team: 'B2B', skills: ['fr', 'b2b', 'fr'] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ userId: t.users.agent.id, team: 'B2B', skills: ['b2b', 'fr'] });
    const users = await call('GET', '/users', 'admin');
    expect(users.json().items.find((u: { id: string }) => u.id === t.users.agent.id)).toMatchObject({
      team: 'B2B',
      skills: ['b2b', 'fr'],
    });
    expect((await call('GET', '/queue/me', 'agent')).json()).toEqual({
      userId: t.users.agent.id,
      team: 'B2B',
      skills: ['b2b', 'fr'],
    });
    expect((await call('PATCH', '/users/nobody', 'admin', { team: null })).statusCode).toBe(404);
  });

  it('a team changed by the supervisor applies at the agent’s next request', async () => {
    await addTask('team', t.debtors.D2!.caseId, 30, 'Relances');
    expect((await call('POST', '/queue/next', 'agent')).statusCode).toBe(204);
    const url = `/users/${t.users.agent.id}`;
    expect((await call('PATCH', url, 'supervisor', { team: 'Relances' })).statusCode).toBe(200);
    const next = await call('POST', '/queue/next', 'agent');
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().task.id).toBe(tasks.team);
    expect((await call('PATCH', url, 'supervisor', { team: 'B2B' })).statusCode).toBe(200);
  });

  it('the agents a call can be given to: supervisors see them too (the users list is the admins’)', async () => {
    const disabled = newId();
    await ctx.handle.db
      .insertInto('users')
      .values({
        tenant_id: t.tenantId,
        user_id: disabled,
        email: `gone-${disabled}@example.test`,
        display_name: 'Agent parti',
        role: 'agent',
        creditor_id: null,
        password_hash: 'x',
        locale: 'fr',
        created_at: now,
        disabled_at: now,
      })
      .execute();
    expect((await call('GET', '/users', 'supervisor')).statusCode).toBe(403);
    const response = await call('GET', '/queue/agents', 'supervisor');
    expect(response.statusCode, response.body).toBe(200);
    const agents = response.json();
    expect(agents.map((a: { id: string }) => a.id).sort()).toEqual(
      [t.users.agent.id, t.users.supervisor.id].sort(),
    );
    expect(agents.find((a: { id: string }) => a.id === t.users.agent.id)).toEqual({
      id: t.users.agent.id,
      name: expect.stringMatching(/^agent /),
      role: 'agent',
      team: 'B2B',
      skills: ['b2b', 'fr'],
    });
    expect((await call('GET', '/queue/agents', 'admin')).statusCode).toBe(200);
    expect((await call('GET', '/queue/agents', 'agent')).statusCode).toBe(403);
    expect((await call('GET', '/queue/agents', 'client')).statusCode).toBe(403);
  });
});
