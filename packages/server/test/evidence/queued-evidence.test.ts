import { expect, it } from 'vitest';
import type { Actor } from '../../src/shared/actor.ts';
import { listCaseEvidence } from '../../src/use-cases/evidence/case-evidence.ts';
import { appendEvidence } from '../../src/use-cases/evidence/journal.ts';
import { queueEvidence, sealEvidence, sealQueued } from '../../src/use-cases/evidence/journal-queue.ts';
import { verifyEvidence } from '../../src/use-cases/evidence/verify-evidence.ts';
import { nextCase } from '../../src/use-cases/workspace/queue/next-case.ts';
import type { QueuedTask } from '../../src/use-cases/workspace/queue/queued-task.ts';
import { recordOutcome } from '../../src/use-cases/workspace/queue/record-outcome.ts';
import { startDispatcher } from '../../src/worker/dispatcher.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { queueWorld } from '../workspace/queue/world.ts';

describeEachDatabase('evidence queued in its transaction, chained after (decision 0015)', (ctx) => {
  const db = () => ctx.handle.db;
  const pending = async (tenantId: string) =>
    (await db().selectFrom('evidence_pending').select('entry_id').where('tenant_id', '=', tenantId).execute())
      .length;
  const journal = (tenantId: string) =>
    db()
      .selectFrom('evidence')
      .select(['seq', 'kind', 'case_id', 'payload'])
      .where('tenant_id', '=', tenantId)
      .orderBy('seq')
      .execute();

  it('twelve agents record their outcomes at once: each outcome has one entry, the chain holds, nothing waits', async () => {
    const w = await queueWorld(ctx.handle);
    const agents: Actor[] = [];
    for (let i = 0; i < 12; i++) agents.push(await w.user());
    const cases: string[] = [];
    for (let i = 0; i < 12; i++) {
      const x = await w.addCase();
      await w.addTask(x.caseId);
      cases.push(x.caseId);
    }
    const taken: (QueuedTask | null)[] = [];
    for (const agent of agents) taken.push(await nextCase(w.deps, agent));
    expect(new Set(taken.map((t) => t?.caseId)).size).toBe(12);
    const results = await Promise.all(
      agents.map((agent, i) =>
        recordOutcome(w.deps, agent, taken[i]?.caseId ?? '', { disposition: 'no_answer' }),
      ),
    );
    // Every outcome is chained by the time its call returns.
    expect(await pending(w.tenantId)).toBe(0);
    const entries = await journal(w.tenantId);
    expect(entries.map((e) => Number(e.seq))).toEqual(entries.map((_, i) => i + 1));
    const outcomeIds = entries
      .filter((e) => e.kind === 'call_outcome')
      .map((e) => (JSON.parse(e.payload) as { outcomeId: string }).outcomeId)
      .sort();
    expect(outcomeIds).toEqual(results.map((r) => r.outcomeId).sort());
    const report = await verifyEvidence(db(), w.tenantId);
    expect(report.ok, JSON.stringify(report.tenants[0]?.problems)).toBe(true);
    const head = await db()
      .selectFrom('evidence_heads')
      .select('seq')
      .where('tenant_id', '=', w.tenantId)
      .executeTakeFirstOrThrow();
    expect(Number(head.seq)).toBe(entries.length);
  });

  it('an entry queued by a process that never sealed it is chained by the next reader, or the dispatcher tick', async () => {
    const w = await queueWorld(ctx.handle);
    const x = await w.addCase();
    const agent = await w.user();
    // Entries chained at once and entries queued, interleaved: the chain takes the queued ones after.
    await db()
      .transaction()
      .execute((trx) =>
        appendEvidence(trx, {
          tenantId: w.tenantId,
          caseId: x.caseId,
          at: '2026-11-23T09:00:00.000Z',
          kind: 'agent_note',
          actor: 'user:x',
          payload: { text: 'avant' },
        }),
      );
    const queued = async (text: string) =>
      db()
        .transaction()
        .execute((trx) =>
          queueEvidence(
            trx,
            {
              tenantId: w.tenantId,
              caseId: x.caseId,
              at: '2026-11-23T09:01:00.000Z',
              kind: 'agent_note',
              actor: 'user:x',
              payload: { text, quote: 'l’« accord » "signé"\n' },
            },
            `2026-11-23T09:01:0${text.length}.000Z`,
          ),
        );
    await queued('un');
    await queued('deux');
    expect(await pending(w.tenantId)).toBe(2);
    // The case's timeline (what an agent reads) chains them first: nothing recorded is missing from it.
    const timeline = await listCaseEvidence(w.deps, agent, x.caseId, 'fr');
    expect(timeline.map((e) => (e.payload as { text?: string }).text)).toEqual(['avant', 'un', 'deux']);
    expect(timeline.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await pending(w.tenantId)).toBe(0);

    await queued('trois');
    await db()
      .transaction()
      .execute((trx) =>
        appendEvidence(trx, {
          tenantId: w.tenantId,
          caseId: x.caseId,
          at: '2026-11-23T09:02:00.000Z',
          kind: 'agent_note',
          actor: 'user:x',
          payload: { text: 'direct' },
        }),
      );
    const dispatcher = startDispatcher(w.deps, { intervalMs: 3_600_000 });
    await dispatcher.tick();
    await dispatcher.stop();
    expect(await pending(w.tenantId)).toBe(0);
    const texts = (await journal(w.tenantId)).map((e) => (JSON.parse(e.payload) as { text: string }).text);
    expect(texts).toEqual(['avant', 'un', 'deux', 'direct', 'trois']);
    expect((await verifyEvidence(db(), w.tenantId)).ok).toBe(true);
  });

  it('a seal runs in batches and two sealers at once chain every entry once', async () => {
    const w = await queueWorld(ctx.handle);
    await db()
      .transaction()
      .execute(async (trx) => {
        for (let i = 0; i < 1_203; i++) {
          await queueEvidence(
            trx,
            {
              tenantId: w.tenantId,
              caseId: null,
              at: '2026-11-23T10:00:00.000Z',
              kind: 'agent_note',
              actor: 'system',
              payload: { i },
            },
            `2026-11-23T10:00:00.${String(i).padStart(4, '0')}Z`,
          );
        }
      });
    const [a, b] = await Promise.all([sealEvidence(db(), w.tenantId), sealEvidence(db(), w.tenantId)]);
    expect(a + b).toBe(1_203);
    await sealQueued(db(), w.tenantId);
    const entries = await journal(w.tenantId);
    expect(entries.map((e) => (JSON.parse(e.payload) as { i: number }).i)).toEqual(
      Array.from({ length: 1_203 }, (_, i) => i),
    );
    expect((await verifyEvidence(db(), w.tenantId)).ok).toBe(true);
  });
});
