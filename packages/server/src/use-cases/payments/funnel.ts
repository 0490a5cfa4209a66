import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { AttemptChannel, AttemptStatus } from '../../db/schema-payments.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { DEFAULT_SCHEDULE, type RunSchedule } from '../../worker/scheduler.ts';
import { reportPeriod } from '../kpis/report-period.ts';
import { readScope } from '../portfolio/scope.ts';

export type FunnelCounts = {
  /** Attempts begun (each one, whatever became of it). */
  readonly started: number;
  /** Paid. */
  readonly completed: number;
  /** Refused by the provider (declined card, failed capture…), and not paid since. */
  readonly failed: number;
  /** Given up: the payer cancelled, hung up, or the checkout expired. */
  readonly abandoned: number;
  /** Still open. */
  readonly open: number;
  /** Mistakes keyed (card number, expiry, reference on the IVR…), over all attempts. */
  readonly inputErrors: number;
  /** Attempts with at least one mistake. */
  readonly attemptsWithInputErrors: number;
};

export type FunnelDay = FunnelCounts & { readonly day: string; readonly channel: AttemptChannel };
export type FunnelChannel = FunnelCounts & { readonly channel: AttemptChannel };

export type Funnel = {
  readonly from: string;
  readonly to: string;
  /** Days are the tenant's (its run schedule's zone). */
  readonly timeZone: string;
  readonly days: readonly FunnelDay[];
  readonly channels: readonly FunnelChannel[];
  readonly total: FunnelCounts;
};

const ZERO: FunnelCounts = {
  started: 0,
  completed: 0,
  failed: 0,
  abandoned: 0,
  open: 0,
  inputErrors: 0,
  attemptsWithInputErrors: 0,
};

const STATUS_FIELD: Readonly<Record<AttemptStatus, keyof FunnelCounts>> = {
  started: 'open',
  succeeded: 'completed',
  failed: 'failed',
  abandoned: 'abandoned',
};

type Bucket = {
  readonly hour: string;
  readonly channel: AttemptChannel;
  readonly status: AttemptStatus;
  readonly attempts: number | string;
  readonly input_errors: number | string | null;
  readonly with_errors: number | string | null;
};

function add(counts: FunnelCounts, bucket: Bucket): FunnelCounts {
  const attempts = Number(bucket.attempts);
  const field = STATUS_FIELD[bucket.status];
  return {
    ...counts,
    started: counts.started + attempts,
    [field]: counts[field] + attempts,
    inputErrors: counts.inputErrors + Number(bucket.input_errors ?? 0),
    attemptsWithInputErrors: counts.attemptsWithInputErrors + Number(bucket.with_errors ?? 0),
  };
}

async function timeZoneOf(deps: Deps, tenantId: string): Promise<string> {
  const row = await deps.database.db
    .selectFrom('tenant_settings')
    .select('value')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', 'run_schedule')
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as RunSchedule).timeZone : DEFAULT_SCHEDULE.timeZone;
}

/**
 * The payment funnel: every attempt on every channel (portal card, IVR, agent-assisted) by the day it
 * began and by channel — started, completed, failed, abandoned, still open — with the mistakes keyed. The
 * database groups by channel, status and UTC hour; the hours are then put on the tenant's days (exact for
 * zones a whole number of hours from UTC, as France's).
 */
export async function paymentFunnel(
  deps: Deps,
  actor: Actor,
  input: { readonly from?: string | undefined; readonly to?: string | undefined } = {},
): Promise<Funnel> {
  const scope = readScope(actor, 'portfolio:read');
  const timeZone = await timeZoneOf(deps, scope.tenantId);
  const { from, to } = reportPeriod(input, deps.clock.today(timeZone), 'funnel_period_invalid');
  const start = Temporal.PlainDate.from(from).toZonedDateTime(timeZone).toInstant().toString();
  const end = Temporal.PlainDate.from(to).add({ days: 1 }).toZonedDateTime(timeZone).toInstant().toString();
  const hour = sql<string>`substr(a.started_at, 1, 13)`;
  const buckets: readonly Bucket[] = await deps.database.db
    .selectFrom('payment_attempts as a')
    .$if(scope.creditorId !== null, (q) =>
      q
        .innerJoin('cases as c', (j) =>
          j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.case_id', '=', 'a.case_id'),
        )
        .where('c.creditor_id', '=', scope.creditorId ?? ''),
    )
    .select((eb) => [
      hour.as('hour'),
      'a.channel',
      'a.status',
      eb.fn.countAll<number>().as('attempts'),
      eb.fn.sum<number>('a.input_errors').as('input_errors'),
      eb.fn.sum<number>(sql`case when a.input_errors > 0 then 1 else 0 end`).as('with_errors'),
    ])
    .where('a.tenant_id', '=', scope.tenantId)
    .where('a.started_at', '>=', start)
    .where('a.started_at', '<', end)
    .groupBy([hour, 'a.channel', 'a.status'])
    .execute();
  const days = new Map<string, FunnelDay>();
  const channels = new Map<AttemptChannel, FunnelChannel>();
  let total = ZERO;
  for (const bucket of buckets) {
    const day = Temporal.Instant.from(`${bucket.hour}:00:00Z`)
      .toZonedDateTimeISO(timeZone)
      .toPlainDate()
      .toString();
    const key = `${day} ${bucket.channel}`;
    days.set(key, {
      ...add(days.get(key) ?? { ...ZERO, day, channel: bucket.channel }, bucket),
      day,
      channel: bucket.channel,
    });
    const byChannel = channels.get(bucket.channel) ?? { ...ZERO, channel: bucket.channel };
    channels.set(bucket.channel, { ...add(byChannel, bucket), channel: bucket.channel });
    total = add(total, bucket);
  }
  const byKey = <T extends { readonly channel: string }>(a: T & { day?: string }, b: T & { day?: string }) =>
    (a.day ?? '').localeCompare(b.day ?? '') || a.channel.localeCompare(b.channel);
  return {
    from,
    to,
    timeZone,
    days: [...days.values()].sort(byKey),
    channels: [...channels.values()].sort(byKey),
    total,
  };
}
