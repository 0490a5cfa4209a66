import { Temporal } from 'temporal-polyfill';
import { PAYMENT_FIGURES } from '../../db/figures/figure-specs.ts';
import { sumFigures } from '../../db/figures/sum-figures.ts';
import type { Db } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { requireSupervisor } from '../workspace/queue/supervisor.ts';
import { callbacksDue, outboxNow } from './live-outbox.ts';
import { queueNow } from './live-queue.ts';

const TIME_ZONE = 'Europe/Paris';

type Count = { readonly key: string; readonly count: number };

export type LiveView = {
  readonly asOf: string;
  readonly today: string;
  /** Today's latest run; null before it starts. */
  readonly run: {
    readonly id: string;
    readonly status: string;
    readonly trigger: string;
    readonly startedAt: string;
    readonly finishedAt: string | null;
    readonly batches: number;
    readonly casesEvaluated: number;
    /** Open cases due today the run has not looked at yet: the progress is evaluated / (evaluated + remaining). */
    readonly casesRemaining: number;
    readonly blocked: number;
    readonly actionsByChannel: readonly Count[];
    readonly error: string | null;
  } | null;
  /** Actions whose time to go falls today, by channel and status, and what waits past its time. */
  readonly outbox: {
    readonly today: readonly { readonly channel: string; readonly status: string; readonly count: number }[];
    readonly backlog: { readonly count: number; readonly oldestScheduledAt: string | null };
  };
  readonly callQueue: {
    readonly depth: number;
    readonly oldestWaitingSince: string | null;
    readonly groups: readonly {
      readonly team: string | null;
      readonly segment: string | null;
      readonly language: string | null;
      readonly count: number;
      readonly oldestWaitingSince: string;
    }[];
  };
  readonly agents: { readonly signedIn: number; readonly onCase: number };
  readonly callbacks: { readonly dueToday: number; readonly overdue: number };
  readonly payments: {
    readonly byCurrency: readonly {
      readonly currency: string;
      readonly count: number;
      readonly amountMinor: number;
      readonly byChannel: readonly {
        readonly channel: string;
        readonly count: number;
        readonly amountMinor: number;
      }[];
    }[];
  };
  /** The debtors' portal today: links opened, identities checked, payment attempts by what became of them. */
  readonly portal: {
    readonly linksOpened: number;
    readonly verified: number;
    readonly attempts: readonly Count[];
    readonly inputErrors: number;
  };
};

/**
 * What is happening now, for supervisors and admins: today's run, the outbox, the call queue, the agents,
 * the callbacks, the money in and the portal. Every figure is read on each call from what the last commit
 * left: the run's batches, the outbox's and the payments' running counts (kept by triggers in the writes'
 * own transactions), and indexed counts over today's few rows elsewhere — so the page that polls it is
 * never behind, and a million actions a day cost it a few hundred rows (issue #7, bench/live.ts).
 */
export async function getLive(deps: Deps, actor: Actor): Promise<LiveView> {
  requireSupervisor(actor);
  const db = deps.database.db;
  const tenantId = actor.tenantId;
  const now = deps.clock.now();
  const today = deps.clock.today(TIME_ZONE);
  const start = Temporal.PlainDate.from(today).toZonedDateTime(TIME_ZONE);
  const dayStart = start.toInstant().toString();
  const dayEnd = start.add({ days: 1 }).toInstant().toString();
  const [run, outbox, callQueue, agents, callbacks, payments, portal] = await Promise.all([
    todaysRun(db, tenantId, today),
    outboxNow(db, tenantId, dayStart, dayEnd, now),
    queueNow(db, tenantId, now),
    agentsNow(db, tenantId, now),
    callbacksDue(db, deps.database.dialect, tenantId, today, now),
    paymentsToday(db, tenantId, today),
    portalToday(db, tenantId, dayStart),
  ]);
  return { asOf: now, today, run, outbox, callQueue, agents, callbacks, payments, portal };
}

const n = (value: unknown) => Number(value ?? 0);

async function todaysRun(db: Db, tenantId: string, today: string): Promise<LiveView['run']> {
  const run = await db
    .selectFrom('runs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('run_on', '=', today)
    .orderBy('started_at', 'desc')
    .orderBy('run_id', 'desc')
    .executeTakeFirst();
  if (!run) return null;
  const [batches, remaining] = await Promise.all([
    db
      .selectFrom('run_batches')
      .select(['cases', 'blocked', 'by_channel'])
      .where('tenant_id', '=', tenantId)
      .where('run_id', '=', run.run_id)
      .execute(),
    run.status === 'running' && run.cases_due === null ? casesRemaining(db, tenantId, today) : 0,
  ]);
  const evaluated = batches.reduce((sum, b) => sum + n(b.cases), 0);
  return {
    id: run.run_id,
    status: run.status,
    trigger: run.trigger,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    batches: batches.length,
    casesEvaluated: evaluated,
    // What the run found due at its start less what its batches decided; a run from before migration 0027
    // has no count of its own, and the queue is counted.
    casesRemaining:
      run.status !== 'running'
        ? 0
        : run.cases_due === null
          ? remaining
          : Math.max(0, n(run.cases_due) - evaluated),
    blocked: batches.reduce((sum, b) => sum + n(b.blocked), 0),
    actionsByChannel: await runChannels(db, tenantId, run.run_id, batches),
    error: run.error,
  };
}

/**
 * The run's actions by channel: the sum of what its batches inserted. A batch written before migration 0021
 * did not keep its channels; a run with one is counted from its actions.
 */
async function runChannels(
  db: Db,
  tenantId: string,
  runId: string,
  batches: readonly { readonly by_channel: string | null }[],
): Promise<readonly Count[]> {
  const counts = new Map<string, number>();
  if (batches.every((b) => b.by_channel !== null)) {
    for (const b of batches) {
      for (const [channel, count] of Object.entries(
        JSON.parse(b.by_channel ?? '{}') as Record<string, number>,
      ))
        counts.set(channel, (counts.get(channel) ?? 0) + count);
    }
  } else {
    const rows = await db
      .selectFrom('actions')
      .select((eb) => ['channel', eb.fn.countAll<number>().as('n')])
      .where('tenant_id', '=', tenantId)
      .where('run_id', '=', runId)
      .groupBy('channel')
      .execute();
    for (const r of rows) counts.set(r.channel, n(r.n));
  }
  return [...counts.entries()]
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, count]) => ({ key, count }));
}

/**
 * Open cases due today the run has not decided yet, from the run's queue index alone (tenant, day due, case,
 * status, last run: migration 0028), on both engines.
 */
async function casesRemaining(db: Db, tenantId: string, today: string): Promise<number> {
  const row = await casesRemainingQuery(db, tenantId, today).executeTakeFirstOrThrow();
  return n(row.n);
}

/** The count of `casesRemaining`, as a query (its plan is tested with migration 0028). */
export function casesRemainingQuery(db: Db, tenantId: string, today: string) {
  return db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'open')
    .where('next_run_on', '<=', today)
    .where((eb) => eb.or([eb('last_run_on', 'is', null), eb('last_run_on', '<', today)]));
}

async function agentsNow(db: Db, tenantId: string, now: string): Promise<LiveView['agents']> {
  const [signedIn, onCase] = await Promise.all([
    db
      .selectFrom('sessions as s')
      .innerJoin('users as u', (j) =>
        j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.user_id', '=', 's.user_id'),
      )
      .select((eb) => eb.fn.count<number>('s.user_id').distinct().as('n'))
      .where('s.tenant_id', '=', tenantId)
      .where('s.expires_at', '>', now)
      .where('u.role', 'in', ['agent', 'supervisor'])
      .where('u.disabled_at', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('case_locks')
      .select((eb) => eb.fn.count<number>('locked_by').distinct().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('locked_until', '>', now)
      .executeTakeFirstOrThrow(),
  ]);
  return { signedIn: n(signedIn.n), onCase: n(onCase.n) };
}

async function paymentsToday(db: Db, tenantId: string, today: string): Promise<LiveView['payments']> {
  const rows = await sumFigures(db, PAYMENT_FIGURES, {
    tenantId,
    groupBy: ['currency', 'channel'],
    filters: [{ column: 'received_on', op: '=', value: today }],
  });
  const byCurrency = new Map<string, { count: number; amountMinor: number }>();
  const channels = new Map<string, { channel: string; count: number; amountMinor: number }[]>();
  for (const row of rows) {
    const count = n(row.payment_count);
    if (count === 0) continue;
    const currency = String(row.currency);
    const entry = byCurrency.get(currency) ?? { count: 0, amountMinor: 0 };
    entry.count += count;
    entry.amountMinor += n(row.amount_minor);
    byCurrency.set(currency, entry);
    const list = channels.get(currency) ?? [];
    list.push({ channel: String(row.channel), count, amountMinor: n(row.amount_minor) });
    channels.set(currency, list);
  }
  return {
    byCurrency: [...byCurrency.entries()]
      .map(([currency, v]) => ({
        currency,
        count: v.count,
        amountMinor: v.amountMinor,
        byChannel: (channels.get(currency) ?? []).sort((a, b) => b.amountMinor - a.amountMinor),
      }))
      .sort((a, b) => b.amountMinor - a.amountMinor),
  };
}

async function portalToday(db: Db, tenantId: string, dayStart: string): Promise<LiveView['portal']> {
  // Two counts, each through its own index, rather than one over the links opened or verified.
  const since = (column: 'last_opened_at' | 'verified_at') =>
    db
      .selectFrom('payment_links')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where(column, '>=', dayStart)
      .executeTakeFirstOrThrow();
  const [opened, verified, attempts] = await Promise.all([
    since('last_opened_at'),
    since('verified_at'),
    db
      .selectFrom('payment_attempts')
      .select((eb) => [
        'status',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('input_errors').as('errors'),
      ])
      .where('tenant_id', '=', tenantId)
      .where('channel', '=', 'portal')
      .where('started_at', '>=', dayStart)
      .groupBy('status')
      .orderBy('status')
      .execute(),
  ]);
  return {
    linksOpened: n(opened.n),
    verified: n(verified.n),
    attempts: attempts.map((a) => ({ key: a.status, count: n(a.n) })),
    inputErrors: attempts.reduce((s, a) => s + n(a.errors), 0),
  };
}
