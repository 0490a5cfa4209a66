import { sql } from 'kysely';
import type { Actor } from '../packages/server/src/shared/actor.ts';
import { fixedClock } from '../packages/server/src/shared/clock.ts';
import type { Deps } from '../packages/server/src/shared/deps.ts';
import {
  type ComparisonFilter,
  compareAgencies,
} from '../packages/server/src/use-cases/agency-comparison/compare-agencies.ts';
import { getLive } from '../packages/server/src/use-cases/kpis/get-live.ts';
import { type CaseFilters, listCases } from '../packages/server/src/use-cases/portfolio/list-cases.ts';

/** The timed reads of `live.ts`: each figure read `reads` times in turn over its shapes, a write before every fifth. */
export type Timing = {
  readonly reads: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly afterWriteP95: number;
  readonly writes: number;
  /** Reads right after a write that did not show it. */
  readonly stale: number;
};

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

export function timing(times: number[], afterWrite: number[], writes = 0, stale = 0): Timing {
  times.sort((a, b) => a - b);
  afterWrite.sort((a, b) => a - b);
  return {
    reads: times.length,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    max: times.at(-1) ?? 0,
    afterWriteP95: quantile(afterWrite, 0.95),
    writes,
    stale,
  };
}

/**
 * Times `read` over `shapes` in turn; before every fifth read, `write` changes what the first shape shows and
 * returns the value that read must now give (`check` reads it from the answer).
 */
export async function timeReads<S, R>(
  reads: number,
  shapes: readonly S[],
  read: (shape: S, i: number) => Promise<R>,
  write?: { readonly apply: (i: number) => Promise<number>; readonly check: (answer: R) => number },
): Promise<Timing> {
  const times: number[] = [];
  const afterWrite: number[] = [];
  let writes = 0;
  let stale = 0;
  for (let i = 0; i < reads; i++) {
    const shape = shapes[i % shapes.length] as S;
    const expected = write && i % 5 === 0 ? await write.apply(i) : null;
    const t = performance.now();
    const answer = await read(i % 5 === 0 ? (shapes[0] as S) : shape, i);
    const took = performance.now() - t;
    times.push(took);
    if (expected !== null && write) {
      writes += 1;
      afterWrite.push(took);
      if (write.check(answer) !== expected) stale += 1;
    }
  }
  return timing(times, afterWrite, writes, stale);
}

export type Bench = { readonly deps: Deps; readonly actor: Actor; readonly runOn: string };

/**
 * The live view after the run, at three moments of the day (08:00:30, as the crowd of the day's 08:00 actions
 * waits; 10:00; 16:30), an e-mail of the day dispatched before every fifth read, which its count must show.
 */
export async function readLive(b: Bench, reads: number): Promise<Timing> {
  const db = b.deps.database.db;
  const moments = ['08:00:30.000Z', '10:00:00.000Z', '16:30:00.000Z'].map((t) => `${b.runOn}T${t}`);
  const deps = (i: number): Deps => ({ ...b.deps, clock: fixedClock(moments[i % moments.length] ?? '') });
  const sentEmails = (answer: Awaited<ReturnType<typeof getLive>>) =>
    answer.outbox.today.find((r) => r.channel === 'email' && r.status === 'sent')?.count ?? 0;
  return timeReads(reads, [0, 1, 2], (_, i) => getLive(deps(i), b.actor), {
    apply: async (i) => {
      const before = sentEmails(await getLive(deps(i), b.actor));
      const next = await db
        .selectFrom('actions')
        .select('action_id')
        .where('tenant_id', '=', b.actor.tenantId)
        .where('channel', '=', 'email')
        .where('status', '=', 'planned')
        .limit(1)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('actions')
        .set({ status: 'sent', sent_at: moments[0] ?? '' })
        .where('tenant_id', '=', b.actor.tenantId)
        .where('action_id', '=', next.action_id)
        .execute();
      return before + 1;
    },
    check: sentEmails,
  });
}

/**
 * The agencies compared: the whole tenant, one creditor, the last six months; before every fifth read an agency
 * reports a collection (a line and its booked payment), which the first agency's collected must show.
 */
export async function readAgencies(b: Bench, reads: number): Promise<Timing> {
  const db = b.deps.database.db;
  const shapes: readonly ComparisonFilter[] = [
    {},
    { creditorId: 'cred-C2' },
    { from: '2025-09-16', to: b.runOn },
  ];
  const collected = (answer: Awaited<ReturnType<typeof compareAgencies>>) =>
    answer.agencies.find((a) => a.agency.agencyId === 'agency-0')?.figures.collectedMinor ?? 0;
  return timeReads(reads, shapes, (shape) => compareAgencies(b.deps, b.actor, shape), {
    apply: async (i) => {
      const before = collected(await compareAgencies(b.deps, b.actor, {}));
      const handover = await db
        .selectFrom('agency_handovers')
        .select(['handover_id', 'case_id', 'creditor_id'])
        .where('tenant_id', '=', b.actor.tenantId)
        .where('agency_id', '=', 'agency-0')
        .orderBy('handover_id')
        .offset(i * 7)
        .limit(1)
        .executeTakeFirstOrThrow();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('payments')
          .values({
            tenant_id: b.actor.tenantId,
            payment_id: `pay-read-${i}`,
            case_id: handover.case_id,
            creditor_id: handover.creditor_id,
            amount_minor: 1000,
            currency: 'EUR',
            method: 'transfer',
            channel: 'agency',
            provider: null,
            source_key: `bench-read:${i}`,
            received_on: b.runOn,
            status: 'booked',
            recorded_by: 'system:bench',
            recorded_at: `${b.runOn}T10:00:00.000Z`,
          })
          .execute();
        await trx
          .insertInto('agency_collections')
          .values({
            tenant_id: b.actor.tenantId,
            line_id: `line-read-${i}`,
            agency_id: 'agency-0',
            handover_id: handover.handover_id,
            case_id: handover.case_id,
            line_key: `read-${i}`,
            reference: 'read',
            amount_minor: 1000,
            fee_minor: 150,
            currency: 'EUR',
            collected_on: b.runOn,
            payment_id: `pay-read-${i}`,
            created_at: `${b.runOn}T10:00:00.000Z`,
          })
          .execute();
      });
      return before + 1000;
    },
    check: collected,
  });
}

type DrillShape = { readonly filters: CaseFilters; readonly total: number; readonly timing: Timing };

/**
 * First pages of three drill-downs (an ageing bucket, a channel's collections, an agent's, the last 30 days),
 * read in turn, timed together and by shape; then, apart, three that mix a drill-down's rows with other
 * filters (one creditor; a strategy; a currency, debtor kind and strategy), `reads / 6` times each.
 */
export async function readDrills(
  b: Bench,
  reads: number,
): Promise<Timing & { readonly byShape: readonly DrillShape[]; readonly mixed: readonly DrillShape[] }> {
  const from = new Date(Date.parse(`${b.runOn}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  const shapes: readonly CaseFilters[] = [
    { dueBucket: 'd31_60' },
    { paidChannel: 'portal', from, to: b.runOn },
    { paidBy: 'agent-7', from, to: b.runOn },
  ];
  const byShape = shapes.map(() => ({ times: [] as number[], total: 0 }));
  const all = await timeReads(reads, shapes, async (shape, i) => {
    const t = performance.now();
    const page = await listCases(b.deps, b.actor, shape);
    const entry = byShape[i % shapes.length];
    if (entry) {
      entry.times.push(performance.now() - t);
      entry.total = page.total;
    }
    return page;
  });
  const mixedShapes: readonly CaseFilters[] = [
    { dueBucket: 'd31_60', creditorId: 'cred-C2' },
    { dueBucket: 'd31_60', strategyKey: 'b2b-standard' },
    // As the dashboard links a bucket: with its currency, and its strategy and debtor kind when filtered.
    { dueBucket: 'd31_60', currency: 'EUR', debtorKind: 'business', strategyKey: 'b2b-standard' },
  ];
  const mixed: DrillShape[] = [];
  for (const filters of mixedShapes) {
    let total = 0;
    const timing = await timeReads(Math.max(1, Math.floor(reads / 6)), [filters], async (shape) => {
      const page = await listCases(b.deps, b.actor, shape);
      total = page.total;
      return page;
    });
    mixed.push({ filters, total, timing });
  }
  return {
    ...all,
    byShape: shapes.map((filters, i) => ({
      filters,
      total: byShape[i]?.total ?? 0,
      timing: timing(byShape[i]?.times ?? [], []),
    })),
    mixed,
  };
}

/** The floor: a case read by its key, timed like the reads (the least any answer costs on this pool). */
export async function floorRead(b: Bench, reads: number): Promise<Timing> {
  return timeReads(reads, [0], (_, i) =>
    sql`select * from cases where tenant_id = ${b.actor.tenantId} and case_id = ${`case-${String(i * 7919).padStart(9, '0')}`}`.execute(
      b.deps.database.db,
    ),
  );
}
