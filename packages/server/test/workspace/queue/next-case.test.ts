import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/database.ts';
import type { Database } from '../../../src/db/schema.ts';
import { fixedClock } from '../../../src/shared/clock.ts';
import type { Deps } from '../../../src/shared/deps.ts';
import { listQueue } from '../../../src/use-cases/workspace/queue/list-queue.ts';
import { lockCase, releaseCase } from '../../../src/use-cases/workspace/queue/lock-case.ts';
import { nextCase } from '../../../src/use-cases/workspace/queue/next-case.ts';
import { setUserRouting } from '../../../src/use-cases/workspace/queue/user-routing.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { now, queueWorld } from './world.ts';

/**
 * Deps over the same database whose query builder records each statement it sends (one round trip each).
 * Never destroyed: it shares the handle's pool or SQLite connection, which the suite closes.
 */
function recordingDeps(handle: DatabaseHandle): { deps: Deps; statements: string[] } {
  const statements: string[] = [];
  const dialect =
    handle.raw.kind === 'postgres'
      ? new PostgresDialect({ pool: handle.raw.pool })
      : new SqliteDialect({ database: handle.raw.sqlite });
  const db = new Kysely<Database>({
    dialect,
    log: (event) => {
      statements.push(event.query.sql);
    },
  });
  return { deps: { database: { ...handle, db }, clock: fixedClock(now), dataDir: '/tmp' }, statements };
}

describeEachDatabase('next case', (ctx) => {
  it('hands out the highest priority, then the window closing first, then the id; locks task and case', async () => {
    const w = await queueWorld(ctx.handle);
    const agent = await w.user();
    const other = await w.user();
    const a = await w.addCase({ name: 'Alpha' });
    const b = await w.addCase();
    const c = await w.addCase();
    await w.addTask(a.caseId, { priority: 20, windowEnd: '2026-03-16T17:00:00.000Z' });
    const soon = await w.addTask(b.caseId, { priority: 20, windowEnd: '2026-03-16T12:00:00.000Z' });
    await w.addTask(c.caseId, { priority: 5 });
    const first = await nextCase(w.deps, agent);
    expect(first).toMatchObject({
      id: soon,
      caseId: b.caseId,
      priority: 20,
      lockedUntil: '2026-03-16T10:15:00.000Z',
    });
    expect(first?.scoreParts[0]).toMatchObject({ key: 'amount', points: 20 });
    const second = await nextCase(w.deps, other);
    expect(second).toMatchObject({ caseId: a.caseId, debtorName: 'Alpha' });
    const lock = await ctx.handle.db
      .selectFrom('case_locks')
      .selectAll()
      .where('tenant_id', '=', w.tenantId)
      .where('case_id', '=', b.caseId)
      .executeTakeFirstOrThrow();
    expect(lock).toMatchObject({
      locked_by: agent.id,
      task_id: soon,
      locked_until: '2026-03-16T10:15:00.000Z',
    });
    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'data', 'actor_id'])
      .where('tenant_id', '=', w.tenantId)
      .where('action', '=', 'call_task.taken')
      .execute();
    expect(audit).toHaveLength(2);
    const soonTaken = audit.find((a) => a.entity_id === soon);
    expect(soonTaken?.actor_id).toBe(agent.id);
    expect(JSON.parse(soonTaken?.data ?? '{}')).toEqual({
      caseId: expect.any(String),
      priority: expect.any(Number),
      lockedUntil: '2026-03-16T10:15:00.000Z',
    });
  });

  it('asking again returns the task already held; nothing callable gives null', async () => {
    const w = await queueWorld(ctx.handle);
    const agent = await w.user();
    const x = await w.addCase();
    const only = await w.addTask(x.caseId);
    expect((await nextCase(w.deps, agent))?.id).toBe(only);
    expect((await nextCase(w.deps, agent))?.id).toBe(only);
    expect(await nextCase(w.deps, await w.user())).toBeNull();
  });

  it('the routing comes with the session: a team changed between two requests applies to the next', async () => {
    const w = await queueWorld(ctx.handle);
    const agent = await w.user('agent', { team: 'A', skills: ['b2c', 'en'] });
    const supervisor = await w.user('supervisor');
    const forB = await w.addTask((await w.addCase()).caseId, { team: 'B', segment: null, language: null });
    const before = await w.signedIn(agent);
    expect(before.routing).toEqual({ team: 'A', segments: ['b2c'], languages: ['en'] });
    expect(await nextCase(w.deps, before)).toBeNull();
    await setUserRouting(w.deps, supervisor, agent.id, { team: 'B' });
    const after = await w.signedIn(agent);
    expect(after.routing).toEqual({ team: 'B', segments: ['b2c'], languages: ['en'] });
    expect((await nextCase(w.deps, after))?.id).toBe(forB);
  });

  it('a hand-out follows the routing of the request, not a second read of the user', async () => {
    const w = await queueWorld(ctx.handle);
    const agent = await w.user('agent', { team: 'A' });
    const forA = await w.addTask((await w.addCase()).caseId, { team: 'A', priority: 10 });
    const forB = await w.addTask((await w.addCase()).caseId, { team: 'B', priority: 20 });
    // The request's routing (as its session read it) puts the agent in team B; their row now says A.
    const request = { ...agent, routing: { team: 'B', segments: [], languages: [] } };
    expect((await nextCase(w.deps, request))?.id).toBe(forB);
    expect((await nextCase(w.deps, await w.user('agent', { team: 'A' })))?.id).toBe(forA);
  });

  it('asking again returns the task held and takes nothing, even when a better one came meanwhile', async () => {
    const w = await queueWorld(ctx.handle);
    const agent = await w.signedIn(await w.user());
    const first = await w.addTask((await w.addCase({ name: 'Alpha' })).caseId, { priority: 10 });
    const recorded = recordingDeps(ctx.handle);
    const taken = await nextCase(recorded.deps, agent);
    expect(taken).toMatchObject({ id: first, debtorName: 'Alpha', lockedUntil: '2026-03-16T10:15:00.000Z' });
    const better = await w.addCase({ name: 'Beta' });
    const betterTask = await w.addTask(better.caseId, { priority: 90 });
    const held = await nextCase(recorded.deps, agent);
    expect(held).toEqual(taken);
    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('tenant_id', '=', w.tenantId)
      .where('action', '=', 'call_task.taken')
      .execute();
    expect(audit).toEqual([{ entity_id: first }]);
    const locks = await ctx.handle.db
      .selectFrom('case_locks')
      .select('case_id')
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(locks.map((l) => l.case_id)).not.toContain(better.caseId);
    const task = await ctx.handle.db
      .selectFrom('call_tasks')
      .select('locked_by')
      .where('task_id', '=', betterTask)
      .executeTakeFirstOrThrow();
    expect(task.locked_by).toBeNull();
    // The routing came with the session: the hand-out never reads the user again.
    expect(recorded.statements.filter((text) => /"users"/.test(text))).toEqual([]);
    // On PostgreSQL a hand-out and a held task are one statement each; with the session, two round trips.
    if (ctx.handle.dialect === 'postgres') expect(recorded.statements).toHaveLength(2);
  });

  it('keeps to the window: not before it opens, not once it closed', async () => {
    const w = await queueWorld(ctx.handle);
    const agent = await w.user();
    const x = await w.addCase();
    await w.addTask(x.caseId, {
      windowStart: '2026-03-16T12:00:00.000Z',
      windowEnd: '2026-03-16T17:00:00.000Z',
    });
    await w.addTask((await w.addCase()).caseId, {
      windowStart: '2026-03-16T07:00:00.000Z',
      windowEnd: '2026-03-16T10:00:00.000Z',
    });
    expect(await nextCase(w.deps, agent)).toBeNull();
    expect((await nextCase(w.depsAt('2026-03-16T12:00:00.000Z'), agent))?.caseId).toBe(x.caseId);
  });

  it('routes by skills (segment, language), team and pinning', async () => {
    const w = await queueWorld(ctx.handle);
    const b2c = await w.user('agent', { skills: ['b2c'] });
    const english = await w.user('agent', { skills: ['en'] });
    const teamA = await w.user('agent', { team: 'A' });
    const anyone = await w.user();
    const business = await w.addTask((await w.addCase()).caseId, { priority: 50, segment: 'b2b' });
    const consumer = await w.addTask((await w.addCase()).caseId, { priority: 40, segment: 'b2c' });
    const inEnglish = await w.addTask((await w.addCase()).caseId, { priority: 30, language: 'en' });
    const forTeamA = await w.addTask((await w.addCase()).caseId, { priority: 90, team: 'A' });
    const pinned = await w.addTask((await w.addCase()).caseId, { priority: 99, pinnedTo: b2c.id });
    // An agent's view of the queue shows only what they may take; a supervisor's shows everything.
    expect((await listQueue(w.deps, english, {})).map((t) => t.id)).toEqual([inEnglish]);
    expect((await listQueue(w.deps, b2c, {})).map((t) => t.id)).toEqual([pinned, consumer]);
    expect(await listQueue(w.deps, await w.user('supervisor'), {})).toHaveLength(5);
    // The top task is pinned to the b2c agent; the team's task is only for team A.
    expect((await nextCase(w.deps, english))?.id).toBe(inEnglish);
    expect((await nextCase(w.deps, teamA))?.id).toBe(forTeamA);
    expect((await nextCase(w.deps, anyone))?.id).toBe(business);
    expect((await nextCase(w.deps, b2c))?.id).toBe(pinned);
    expect((await nextCase(w.deps, await w.user('agent', { skills: ['b2c'] })))?.id).toBe(consumer);
  });

  it('a lock expires: the case goes to another agent after 15 minutes', async () => {
    const w = await queueWorld(ctx.handle);
    const first = await w.user();
    const second = await w.user();
    const x = await w.addCase();
    const task = await w.addTask(x.caseId);
    expect((await nextCase(w.deps, first))?.id).toBe(task);
    expect(await nextCase(w.depsAt('2026-03-16T10:14:59.000Z'), second)).toBeNull();
    expect(await nextCase(w.depsAt('2026-03-16T10:15:00.000Z'), second)).toMatchObject({
      id: task,
      lockedUntil: '2026-03-16T10:30:00.000Z',
    });
  });

  it('a case opened by hand is not handed out; 409 names the holder; release frees it', async () => {
    const w = await queueWorld(ctx.handle);
    const holder = await w.user();
    const agent = await w.user();
    const x = await w.addCase();
    const y = await w.addCase();
    await w.addTask(x.caseId, { priority: 50 });
    const second = await w.addTask(y.caseId, { priority: 10 });
    expect(await lockCase(w.deps, holder, x.caseId)).toEqual({
      caseId: x.caseId,
      lockedBy: holder.id,
      lockedByName: expect.stringMatching(/^agent /),
      lockedUntil: '2026-03-16T10:15:00.000Z',
    });
    // Renewing extends it.
    expect(await lockCase(w.depsAt('2026-03-16T10:10:00.000Z'), holder, x.caseId)).toMatchObject({
      lockedUntil: '2026-03-16T10:25:00.000Z',
    });
    await expect(lockCase(w.deps, agent, x.caseId)).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'case_locked', lockedBy: holder.id, lockedUntil: '2026-03-16T10:25:00.000Z' },
    });
    expect((await nextCase(w.deps, agent))?.id).toBe(second);
    expect(await releaseCase(w.deps, agent, x.caseId)).toEqual({ caseId: x.caseId, released: false });
    expect(await releaseCase(w.deps, holder, x.caseId)).toEqual({ caseId: x.caseId, released: true });
    expect((await nextCase(w.deps, await w.user()))?.caseId).toBe(x.caseId);
  });

  it('two tasks of one case never go to two agents', async () => {
    const w = await queueWorld(ctx.handle);
    const x = await w.addCase();
    await w.addTask(x.caseId, { priority: 50 });
    await w.addTask(x.caseId, { priority: 40 });
    const y = await w.addCase();
    await w.addTask(y.caseId, { priority: 1 });
    const one = await nextCase(w.deps, await w.user());
    const two = await nextCase(w.deps, await w.user());
    expect(one?.caseId).toBe(x.caseId);
    expect(two?.caseId).toBe(y.caseId);
  });

  it('20 agents at once never get the same case', async () => {
    const w = await queueWorld(ctx.handle);
    const cases = [];
    for (let i = 0; i < 30; i++) {
      const x = await w.addCase();
      cases.push(x.caseId);
      await w.addTask(x.caseId, { priority: i % 3 });
      // A second task on some cases: the case lock, not the task lock, must decide.
      if (i % 4 === 0) await w.addTask(x.caseId, { priority: 5 });
    }
    const agents = await Promise.all(Array.from({ length: 20 }, () => w.user()));
    const got = await Promise.all(agents.map((a) => nextCase(w.deps, a)));
    const caseIds = got.map((t) => t?.caseId);
    expect(caseIds.every((id) => id !== undefined)).toBe(true);
    expect(new Set(caseIds).size).toBe(20);
    const locks = await ctx.handle.db
      .selectFrom('case_locks')
      .select(['case_id', 'locked_by'])
      .where('tenant_id', '=', w.tenantId)
      .where('locked_until', '>', now)
      .execute();
    expect(locks).toHaveLength(20);
  });
});
