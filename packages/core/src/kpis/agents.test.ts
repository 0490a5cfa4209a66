import { describe, expect, it } from 'vitest';
import { agentLeague } from './agents.ts';
import { percent } from './ratio.ts';

const row = (agentId: string, agentName: string, team: string | null, collectedMinor: number) => ({
  agentId,
  agentName,
  team,
  collectedMinor,
  currency: 'EUR',
});

describe('agentLeague', () => {
  it('ranks agents and teams by amount, ties by name', () => {
    const league = agentLeague({
      currency: 'EUR',
      rows: [
        row('u1', 'Zoé', 'Nord', 30_000),
        row('u2', 'Élodie', 'Sud', 20_000),
        row('u3', 'Eric', 'Nord', 20_000),
        row('u1', 'Zoé', 'Nord', 10_000), // a second day for Zoé
        row('u4', 'Anne', null, 15_000),
        row('u5', 'Bruno', 'Sud', 5_000),
      ],
    });
    // total: 30 000 + 20 000 + 20 000 + 10 000 + 15 000 + 5 000 = 100 000
    expect(league.totalMinor).toBe(100_000);
    expect(league.agents.map((a) => [a.rank, a.name, a.collectedMinor, percent(a.share)])).toEqual([
      [1, 'Zoé', 40_000, '40.0'],
      // equal amounts share rank 2; 'Élodie' sorts before 'Eric' as a French reader expects
      [2, 'Élodie', 20_000, '20.0'],
      [2, 'Eric', 20_000, '20.0'],
      [4, 'Anne', 15_000, '15.0'],
      [5, 'Bruno', 5_000, '5.0'],
    ]);
    // teams: Nord 30 000 + 20 000 + 10 000 = 60 000; Sud 20 000 + 5 000 = 25 000; no team 15 000
    expect(league.teams.map((t) => [t.rank, t.key, t.collectedMinor, percent(t.share)])).toEqual([
      [1, 'Nord', 60_000, '60.0'],
      [2, 'Sud', 25_000, '25.0'],
      [3, null, 15_000, '15.0'],
    ]);
  });

  it('is empty without rows and refuses another currency', () => {
    expect(agentLeague({ currency: 'EUR', rows: [] })).toEqual({
      currency: 'EUR',
      totalMinor: 0,
      agents: [],
      teams: [],
    });
    expect(() =>
      agentLeague({ currency: 'EUR', rows: [{ ...row('u', 'U', null, 1), currency: 'CHF' }] }),
    ).toThrow(/Currency mismatch/);
  });
});
