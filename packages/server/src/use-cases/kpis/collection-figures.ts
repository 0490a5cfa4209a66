import { agentLeague, percent } from '@relance/core';
import type { Kysely } from 'kysely';
import { PAYMENT_FIGURES } from '../../db/figures/figure-specs.ts';
import { type FigureFilter, sumFigures } from '../../db/figures/sum-figures.ts';
import type { Database } from '../../db/schema.ts';

export type CollectionDay = { readonly day: string; readonly channel: string; readonly amountMinor: number };

export type CollectionFigures = {
  readonly collectedMinor: number;
  readonly paymentCount: number;
  readonly reversedMinor: number;
  readonly days: readonly CollectionDay[];
  readonly byChannel: readonly {
    readonly channel: string;
    readonly amountMinor: number;
    readonly count: number;
  }[];
  readonly byStrategy: readonly { readonly strategyKey: string; readonly amountMinor: number }[];
  /** Payments an agent booked or took on the phone, ranked; `share` of what agents collected, 1 decimal. */
  readonly agents: readonly {
    readonly rank: number;
    readonly userId: string;
    readonly name: string;
    readonly team: string | null;
    readonly amountMinor: number;
    readonly share: string | null;
  }[];
  readonly teams: readonly {
    readonly rank: number;
    readonly team: string | null;
    readonly amountMinor: number;
  }[];
};

/** What came in over the period, from the running figures of payments (one statement per breakdown). */
export async function collectionFigures(
  db: Kysely<Database>,
  tenantId: string,
  filters: readonly FigureFilter[],
  period: { readonly currency: string; readonly from: string; readonly to: string },
): Promise<CollectionFigures> {
  const where: FigureFilter[] = [
    ...filters,
    { column: 'currency', op: '=', value: period.currency },
    { column: 'received_on', op: '>=', value: period.from },
    { column: 'received_on', op: '<=', value: period.to },
  ];
  const sum = (groupBy: readonly string[]) =>
    sumFigures(db, PAYMENT_FIGURES, { tenantId, groupBy, filters: where });
  const [days, strategies, recorders] = await Promise.all([
    sum(['received_on', 'channel']),
    sum(['strategy_key']),
    sum(['recorded_by']),
  ]);
  const n = (row: Readonly<Record<string, string | number>>, name: string) => Number(row[name] ?? 0);
  const byChannel = new Map<string, { amountMinor: number; count: number }>();
  let collectedMinor = 0;
  let paymentCount = 0;
  let reversedMinor = 0;
  for (const row of days) {
    const channel = String(row.channel);
    const entry = byChannel.get(channel) ?? { amountMinor: 0, count: 0 };
    entry.amountMinor += n(row, 'amount_minor');
    entry.count += n(row, 'payment_count');
    byChannel.set(channel, entry);
    collectedMinor += n(row, 'amount_minor');
    paymentCount += n(row, 'payment_count');
    reversedMinor += n(row, 'reversed_minor');
  }
  const agents = await agentRows(db, tenantId, recorders, period.currency);
  return {
    collectedMinor,
    paymentCount,
    reversedMinor,
    days: days
      .filter((r) => n(r, 'amount_minor') !== 0)
      .map((r) => ({
        day: String(r.received_on),
        channel: String(r.channel),
        amountMinor: n(r, 'amount_minor'),
      })),
    byChannel: [...byChannel.entries()]
      .map(([channel, v]) => ({ channel, ...v }))
      .sort((a, b) => b.amountMinor - a.amountMinor),
    byStrategy: strategies
      .map((r) => ({ strategyKey: String(r.strategy_key), amountMinor: n(r, 'amount_minor') }))
      .filter((r) => r.amountMinor !== 0)
      .sort((a, b) => b.amountMinor - a.amountMinor),
    ...agents,
  };
}

/** `recorded_by` is `user:<id>` for a person: those are the agents of the league table. */
async function agentRows(
  db: Kysely<Database>,
  tenantId: string,
  recorders: readonly Readonly<Record<string, string | number>>[],
  currency: string,
): Promise<Pick<CollectionFigures, 'agents' | 'teams'>> {
  const amounts = new Map<string, number>();
  for (const row of recorders) {
    const by = String(row.recorded_by);
    if (by.startsWith('user:')) amounts.set(by.slice(5), Number(row.amount_minor ?? 0));
  }
  if (amounts.size === 0) return { agents: [], teams: [] };
  const users = await db
    .selectFrom('users')
    .select(['user_id', 'display_name', 'team'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', 'in', [...amounts.keys()])
    .execute();
  const known = new Map(users.map((u) => [u.user_id, u]));
  const league = agentLeague({
    currency,
    rows: [...amounts.entries()].map(([id, amount]) => ({
      agentId: id,
      agentName: known.get(id)?.display_name ?? id,
      team: known.get(id)?.team ?? null,
      collectedMinor: amount,
      currency,
    })),
  });
  return {
    agents: league.agents.map((row) => ({
      rank: row.rank,
      userId: row.key ?? '',
      name: row.name,
      team: known.get(row.key ?? '')?.team ?? null,
      amountMinor: row.collectedMinor,
      share: percent(row.share),
    })),
    teams: league.teams.map((row) => ({ rank: row.rank, team: row.key, amountMinor: row.collectedMinor })),
  };
}
