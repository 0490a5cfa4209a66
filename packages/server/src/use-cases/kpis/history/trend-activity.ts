import {
  ACTION_CHANNELS,
  type ActionChannel,
  type AttemptCount,
  addDays,
  type ChannelResponseReport,
  channelResponses,
  type PaymentFunnel,
  paymentFunnel,
  type ResponsePair,
} from '@relance/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export type ActivityScope = {
  readonly tenantId: string;
  readonly creditorId: string | null;
  readonly segment: string | null;
  /** The funnel: the cases' strategy today; the channels: the strategy each action was sent under. */
  readonly strategyKey: string | null;
  readonly currency: string;
  readonly from: string;
  readonly to: string;
};

/** A response counts for the actions of its case sent up to this many days before it. */
export const RESPONSE_WINDOW_DAYS = 14;

/** Rows of a table with a `case_id`, narrowed to the scope's creditor and debtors' kind through the case. */
function inScope<T extends 'payment_attempts' | 'actions' | 'payments' | 'promises' | 'disputes'>(
  db: Kysely<Database>,
  table: T,
  s: ActivityScope,
) {
  return db
    .selectFrom(`${table} as t` as 'actions as t')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.case_id', '=', 't.case_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .where('t.tenant_id', '=', s.tenantId)
    .$if(s.creditorId !== null, (q) => q.where('c.creditor_id', '=', s.creditorId ?? ''))
    .$if(s.segment !== null, (q) => q.where('d.kind', '=', (s.segment ?? 'business') as 'business'));
}

/**
 * The payment funnel of the period (attempts begun from `from` to `to`, UTC days), by channel. An IVR caller
 * never identified has no case: the attempt counts (with its wrong references) unless the scope narrows the
 * cases (a creditor, a segment…), which it cannot be in.
 */
export async function periodFunnel(db: Kysely<Database>, s: ActivityScope): Promise<PaymentFunnel> {
  const rows = await db
    .selectFrom('payment_attempts as a')
    .leftJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.case_id', '=', 'a.case_id'),
    )
    .leftJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select((eb) => [
      'a.channel',
      'a.status',
      eb.fn.countAll<number>().as('attempts'),
      eb.fn.sum<number>('a.input_errors').as('input_errors'),
      eb.fn.sum<number>(sql`case when a.input_errors > 0 then 1 else 0 end`).as('with_errors'),
    ])
    .where('a.tenant_id', '=', s.tenantId)
    .where('a.currency', '=', s.currency)
    .where('a.started_at', '>=', s.from)
    .where('a.started_at', '<', addDays(s.to, 1))
    .$if(s.creditorId !== null, (q) => q.where('c.creditor_id', '=', s.creditorId ?? ''))
    .$if(s.segment !== null, (q) => q.where('d.kind', '=', (s.segment ?? 'business') as 'business'))
    .$if(s.strategyKey !== null, (q) => q.where('c.strategy_key', '=', s.strategyKey ?? ''))
    .groupBy(['a.channel', 'a.status'])
    .execute();
  return paymentFunnel(
    rows.map(
      (r): AttemptCount => ({
        channel: r.channel,
        status: r.status,
        attempts: Number(r.attempts),
        inputErrors: Number(r.input_errors ?? 0),
        attemptsWithInputErrors: Number(r.with_errors ?? 0),
      }),
    ),
  );
}

/**
 * Actions sent in the period by channel, and how many drew a response on their case — a payment, a
 * promise or a dispute — within RESPONSE_WINDOW_DAYS days (core `channelResponses`, every action in the
 * window credited). Actions carry no currency: the currency does not narrow them.
 */
export async function periodChannels(db: Kysely<Database>, s: ActivityScope): Promise<ChannelResponseReport> {
  const sent = await inScope(db, 'actions', s)
    .select(['t.action_id', 't.case_id', 't.channel', 't.sent_at'])
    .where('t.status', 'in', ['sent', 'delivered'])
    .where('t.channel', 'in', [...ACTION_CHANNELS])
    .where('t.sent_at', '>=', s.from)
    .where('t.sent_at', '<', addDays(s.to, 1))
    // An action written by no strategy's step (an agent's own) counts under its case's strategy today.
    .$if(s.strategyKey !== null, (q) =>
      q.where(sql`coalesce(t.strategy_key, c.strategy_key)`, '=', s.strategyKey ?? ''),
    )
    .execute();
  if (sent.length === 0)
    return channelResponses({ actions: [], responses: [], windowDays: RESPONSE_WINDOW_DAYS });
  const last = addDays(s.to, RESPONSE_WINDOW_DAYS + 1);
  const cases = (q: ReturnType<typeof inScope>) =>
    q.where('t.case_id', 'in', (eb) =>
      eb
        .selectFrom('actions as x')
        .select('x.case_id')
        .where('x.tenant_id', '=', s.tenantId)
        .where('x.status', 'in', ['sent', 'delivered'])
        .where('x.sent_at', '>=', s.from)
        .where('x.sent_at', '<', addDays(s.to, 1)),
    );
  const [payments, promises, disputes] = await Promise.all([
    cases(inScope(db, 'payments', s))
      .select(['t.case_id', sql<string>`t.payment_id`.as('id'), sql<string>`t.received_on`.as('on')])
      .where(sql`t.status`, '=', 'booked')
      .where(sql`t.received_on`, '>=', s.from)
      .where(sql`t.received_on`, '<', last)
      .execute(),
    cases(inScope(db, 'promises', s))
      .select(['t.case_id', sql<string>`t.promise_id`.as('id'), sql<string>`t.made_on`.as('on')])
      .where(sql`t.made_on`, '>=', s.from)
      .where(sql`t.made_on`, '<', last)
      .execute(),
    cases(inScope(db, 'disputes', s))
      .select([
        't.case_id',
        sql<string>`t.dispute_id`.as('id'),
        sql<string>`substr(t.created_at, 1, 10)`.as('on'),
      ])
      .where('t.created_at', '>=', s.from)
      .where('t.created_at', '<', last)
      .execute(),
  ]);
  const byCase = new Map<string, { actionId: string }[]>();
  for (const a of sent) byCase.set(a.case_id, [...(byCase.get(a.case_id) ?? []), { actionId: a.action_id }]);
  const responses: ResponsePair[] = [];
  const pairs = (
    rows: readonly { case_id: string; id: string; on: string }[],
    kind: ResponsePair['kind'],
  ) => {
    for (const r of rows)
      for (const a of byCase.get(r.case_id) ?? [])
        responses.push({ actionId: a.actionId, responseId: `${kind}:${r.id}`, kind, respondedOn: r.on });
  };
  pairs(payments, 'payment');
  pairs(promises, 'promise');
  pairs(disputes, 'dispute');
  return channelResponses({
    actions: sent.map((a) => ({
      actionId: a.action_id,
      channel: a.channel as ActionChannel,
      sentOn: (a.sent_at ?? '').slice(0, 10),
    })),
    responses,
    windowDays: RESPONSE_WINDOW_DAYS,
  });
}
