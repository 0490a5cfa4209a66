import { Temporal } from 'temporal-polyfill';
import { PAYMENT_FIGURES } from '../../db/figures/figure-specs.ts';
import { sumFigures } from '../../db/figures/sum-figures.ts';
import type { ActionStatus, Db } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { requireSupervisor } from '../workspace/queue/supervisor.ts';

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
 * the callbacks, the money in and the portal. Every figure is read from the rows themselves on each call
 * (a handful of indexed counts over today's rows), so the page that polls it is never behind.
 */
export async function getLive(deps: Deps, actor: Actor): Promise<LiveView> {
  requireSupervisor(actor);
  const db = deps.database.db;
  const tenantId = actor.tenantId;
  const now = deps.clock.now();
  const today = deps.clock.today(TIME_ZONE);
  const dayStart = Temporal.PlainDate.from(today).toZonedDateTime(TIME_ZONE).toInstant().toString();
  const [run, outbox, callQueue, agents, callbacks, payments, portal] = await Promise.all([
    todaysRun(db, tenantId, today),
    outboxToday(db, tenantId, dayStart, now),
    queueNow(db, tenantId, now),
    agentsNow(db, tenantId, now),
    callbacksDue(db, tenantId, today, now),
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
  const [batches, channels, remaining] = await Promise.all([
    db
      .selectFrom('run_batches')
      .select((eb) => [
        eb.fn.countAll<number>().as('batches'),
        eb.fn.sum<number>('cases').as('cases'),
        eb.fn.sum<number>('blocked').as('blocked'),
      ])
      .where('tenant_id', '=', tenantId)
      .where('run_id', '=', run.run_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('actions')
      .select((eb) => ['channel', eb.fn.countAll<number>().as('n')])
      .where('tenant_id', '=', tenantId)
      .where('run_id', '=', run.run_id)
      .groupBy('channel')
      .orderBy('channel')
      .execute(),
    db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'open')
      .where('next_run_on', '<=', today)
      .where((eb) => eb.or([eb('last_run_on', 'is', null), eb('last_run_on', '<', today)]))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    id: run.run_id,
    status: run.status,
    trigger: run.trigger,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    batches: n(batches.batches),
    casesEvaluated: n(batches.cases),
    casesRemaining: run.status === 'running' ? n(remaining.n) : 0,
    blocked: n(batches.blocked),
    actionsByChannel: channels.map((c) => ({ key: c.channel, count: n(c.n) })),
    error: run.error,
  };
}

const ACTION_STATUSES: readonly ActionStatus[] = [
  'planned',
  'review',
  'blocked',
  'cancelled',
  'sending',
  'sent',
  'delivered',
  'failed',
  'unconfirmed',
];

/**
 * The actions whose time to go falls today (Paris), by channel and status — read through the index on
 * (tenant, status, scheduled_at), every status named so that the range on the time uses it.
 */
async function outboxToday(
  db: Db,
  tenantId: string,
  dayStart: string,
  now: string,
): Promise<LiveView['outbox']> {
  const dayEnd = Temporal.Instant.from(dayStart)
    .toZonedDateTimeISO(TIME_ZONE)
    .add({ days: 1 })
    .toInstant()
    .toString();
  const [rows, backlog] = await Promise.all([
    db
      .selectFrom('actions')
      .select((eb) => ['channel', 'status', eb.fn.countAll<number>().as('n')])
      .where('tenant_id', '=', tenantId)
      .where('status', 'in', ACTION_STATUSES)
      .where('scheduled_at', '>=', dayStart)
      .where('scheduled_at', '<', dayEnd)
      .groupBy(['channel', 'status'])
      .orderBy('channel')
      .orderBy('status')
      .execute(),
    db
      .selectFrom('actions')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('scheduled_at').as('oldest')])
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'planned')
      .where('scheduled_at', '<=', now)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    today: rows.map((r) => ({ channel: r.channel, status: r.status, count: n(r.n) })),
    backlog: { count: n(backlog.n), oldestScheduledAt: backlog.oldest ?? null },
  };
}

/** Agent calls open and inside their window now, by team and skill (segment, language). */
async function queueNow(db: Db, tenantId: string, now: string): Promise<LiveView['callQueue']> {
  const rows = await db
    .selectFrom('call_tasks')
    .select((eb) => [
      'team',
      'segment',
      'language',
      eb.fn.countAll<number>().as('n'),
      eb.fn.min('window_start').as('oldest'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'agent_call')
    .where('status', '=', 'open')
    .where('window_start', '<=', now)
    .where('window_end', '>', now)
    .groupBy(['team', 'segment', 'language'])
    .execute();
  const groups = rows
    .map((r) => ({
      team: r.team,
      segment: r.segment,
      language: r.language,
      count: n(r.n),
      oldestWaitingSince: String(r.oldest),
    }))
    .sort((a, b) => b.count - a.count || a.oldestWaitingSince.localeCompare(b.oldestWaitingSince));
  const oldest = groups.map((g) => g.oldestWaitingSince).sort()[0] ?? null;
  return { depth: groups.reduce((s, g) => s + g.count, 0), oldestWaitingSince: oldest, groups };
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

/** Callbacks a debtor asked for (outbox rows keyed `callback:`) still to be put in the queue. */
async function callbacksDue(
  db: Db,
  tenantId: string,
  today: string,
  now: string,
): Promise<LiveView['callbacks']> {
  const row = await db
    .selectFrom('actions')
    .select((eb) => [
      eb.fn.countAll<number>().as('due'),
      eb.fn.sum<number>(eb.case().when('scheduled_at', '<=', now).then(1).else(0).end()).as('overdue'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('action_key', 'like', 'callback:%')
    .where('status', '=', 'planned')
    .where('scheduled_at', '<', `${today}T24`)
    .executeTakeFirstOrThrow();
  return { dueToday: n(row.due), overdue: n(row.overdue) };
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
  const [links, attempts] = await Promise.all([
    db
      .selectFrom('payment_links')
      .select((eb) => [
        eb.fn
          .sum<number>(eb.case().when('last_opened_at', '>=', dayStart).then(1).else(0).end())
          .as('opened'),
        eb.fn.sum<number>(eb.case().when('verified_at', '>=', dayStart).then(1).else(0).end()).as('verified'),
      ])
      .where('tenant_id', '=', tenantId)
      .where((eb) => eb.or([eb('last_opened_at', '>=', dayStart), eb('verified_at', '>=', dayStart)]))
      .executeTakeFirstOrThrow(),
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
    linksOpened: n(links.opened),
    verified: n(links.verified),
    attempts: attempts.map((a) => ({ key: a.status, count: n(a.n) })),
    inputErrors: attempts.reduce((s, a) => s + n(a.errors), 0),
  };
}
