import { addMinor, checkCurrency, checkMinor, checkSameCurrency, compareText } from './common.ts';
import { type Ratio, ratio } from './ratio.ts';

/**
 * Amounts collected per agent and per team: league tables sorted by amount, largest first; equal amounts
 * by name (French collation: 'Élodie' next to 'Eric', not after 'Zoé'), then by id, and they share a rank
 * (1, 2, 2, 4). Each row's share is of the total collected. Several rows of the same agent (per day,
 * per creditor…) are summed; a reversal may be negative.
 */
export type AgentCollection = {
  readonly agentId: string;
  readonly agentName: string;
  /** The agent's team; null: none. */
  readonly team: string | null;
  readonly collectedMinor: number;
  readonly currency: string;
};

export type LeagueRow = {
  readonly rank: number;
  /** The agent's id, or the team's name (null: the agents without a team). */
  readonly key: string | null;
  readonly name: string;
  readonly collectedMinor: number;
  readonly share: Ratio;
};

export type AgentLeague = {
  readonly currency: string;
  readonly totalMinor: number;
  readonly agents: readonly LeagueRow[];
  readonly teams: readonly LeagueRow[];
};

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

type Entry = { key: string | null; name: string; collectedMinor: number };

function rankRows(entries: Iterable<Entry>, totalMinor: number): readonly LeagueRow[] {
  const sorted = [...entries].sort(
    (a, b) =>
      b.collectedMinor - a.collectedMinor ||
      collator.compare(a.name, b.name) ||
      compareText(a.key ?? '', b.key ?? ''),
  );
  let rank = 0;
  return sorted.map((entry, i) => {
    if (i === 0 || sorted[i - 1]?.collectedMinor !== entry.collectedMinor) rank = i + 1;
    return { rank, ...entry, share: ratio(entry.collectedMinor, totalMinor) };
  });
}

export function agentLeague(input: {
  readonly currency: string;
  readonly rows: readonly AgentCollection[];
}): AgentLeague {
  checkCurrency(input.currency);
  const agents = new Map<string, Entry>();
  const teams = new Map<string | null, Entry>();
  let totalMinor = 0;
  for (const row of input.rows) {
    checkSameCurrency(input.currency, row.currency);
    checkMinor(row.collectedMinor, 'collectedMinor');
    const agent = agents.get(row.agentId) ?? { key: row.agentId, name: row.agentName, collectedMinor: 0 };
    agent.collectedMinor = addMinor(agent.collectedMinor, row.collectedMinor);
    agents.set(row.agentId, agent);
    const team = teams.get(row.team) ?? { key: row.team, name: row.team ?? '', collectedMinor: 0 };
    team.collectedMinor = addMinor(team.collectedMinor, row.collectedMinor);
    teams.set(row.team, team);
    totalMinor = addMinor(totalMinor, row.collectedMinor);
  }
  return {
    currency: input.currency,
    totalMinor,
    agents: rankRows(agents.values(), totalMinor),
    teams: rankRows(teams.values(), totalMinor),
  };
}
