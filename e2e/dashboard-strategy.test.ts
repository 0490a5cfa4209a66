import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './support/browser.ts';
import { type RunningRelance, startRelance } from './support/server.ts';
import { signInAs } from './support/sign-in.ts';
import { ensureWebBuild } from './support/web-build.ts';

/** The server's day: its clock is fixed so that the hand computation below ages the claims on the same day. */
const TODAY = '2026-11-23';
const BUCKETS = ['not_due', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;

let relance: RunningRelance | undefined;
let browser: LaunchedBrowser | undefined;
let page: Page;
const pageErrors: string[] = [];

type Hand = {
  readonly buckets: Readonly<Record<string, number>>;
  readonly cases: number;
  readonly owedMinor: number;
};

/** The database file, read with nothing of Relance's code. */
function query<T>(text: string, ...params: unknown[]): T[] {
  if (!relance) throw new Error('no server');
  const db = new Database(relance.database.replace(/^sqlite:/, ''), { readonly: true });
  try {
    return db.prepare(text).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The ageing of the open claims (EUR) of the cases following `strategy`, claim by claim, and their cases. */
function byHand(strategy: string): Hand {
  const rows = query<{ due: string; minor: number; caseId: string }>(
    `select k.due_date as due, k.outstanding_minor as minor, k.case_id as caseId from claims k
     join cases c on c.tenant_id = k.tenant_id and c.case_id = k.case_id
     where c.strategy_key = ? and k.status in ('open', 'disputed') and k.outstanding_minor > 0 and k.currency = 'EUR'`,
    strategy,
  );
  const buckets: Record<string, number> = Object.fromEntries(BUCKETS.map((b) => [b, 0]));
  for (const row of rows) {
    const late = (Date.parse(TODAY) - Date.parse(row.due)) / 86_400_000;
    const bucket = BUCKETS[late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4];
    buckets[bucket as string] = (buckets[bucket as string] ?? 0) + 1;
  }
  return {
    buckets,
    cases: new Set(rows.map((r) => r.caseId)).size,
    owedMinor: rows.reduce((sum, r) => sum + r.minor, 0),
  };
}

/**
 * The cohorts of the liquidation curves (EUR) of the cases following `strategy`: each claim in the month of its
 * placement, else of its issue date (else of its creation), over the trends' twelve months.
 */
function cohortsByHand(strategy: string): [string, number, number][] {
  const rows = query<{ cohort: string; placed: number; n: number }>(
    `select substr(coalesce(p.placed_on, k.issue_date, k.created_at), 1, 7) as cohort,
       sum(k.amount_minor) as placed, count(*) as n from claims k
     join cases c on c.tenant_id = k.tenant_id and c.case_id = k.case_id
     left join placements p on p.tenant_id = k.tenant_id and p.placement_id = k.placement_id
     where c.strategy_key = ? and k.status <> 'cancelled' and k.currency = 'EUR'
     group by cohort order by cohort`,
    strategy,
  );
  const [year, month] = TODAY.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 7);
  return rows.filter((r) => r.cohort >= first).map((r) => [r.cohort, r.placed, r.n]);
}

describe('the dashboard filtered by strategy shows that strategy’s portfolio, and opens its cases', () => {
  beforeAll(async () => {
    relance = await startRelance({
      webDist: ensureWebBuild(),
      clock: `${TODAY}T09:00:00.000Z`,
      demoRun: true,
    });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await relance?.stop();
  });

  it('a supervisor picks a strategy: the ageing and trends are its cases’ claims, no notice, the drill-down its cases', async () => {
    if (!relance) throw new Error('no server');
    // The strategy most open cases follow after the demo's run, and the second one.
    const strategies = query<{ key: string; n: number }>(
      `select strategy_key as key, count(*) as n from cases where strategy_key is not null and status = 'open'
       group by strategy_key order by n desc`,
    );
    const [first, second] = strategies;
    if (!first || !second) throw new Error('the demo run assigns at least two strategies');
    await signInAs(page, relance, 'supervisor');
    await page.goto(`${relance.url}/dashboard`);
    await expect.poll(() => page.getByTestId('ageing-not_due').count(), { timeout: 30_000 }).toBe(1);
    const names = (await (await page.request.get(`${relance.url}/api/v1/strategies`)).json()) as {
      items: { key: string; definition: { name: { fr: string } } }[];
    };
    const nameOf = (key: string) => names.items.find((s) => s.key === key)?.definition.name.fr ?? key;
    for (const strategy of [first.key, second.key]) {
      await page.getByTestId('dashboard-strategy').click();
      await page.getByRole('option', { name: nameOf(strategy), exact: true }).click();
      await page.waitForURL(new RegExp(`strategyKey=${strategy}`));
      const hand = byHand(strategy);
      await expect
        .poll(
          async () => {
            const counts: Record<string, number> = {};
            for (const bucket of BUCKETS) {
              const cells = await page.getByTestId(`ageing-${bucket}`).locator('td').allInnerTexts();
              counts[bucket] = Number(cells[1]);
            }
            return counts;
          },
          { timeout: 15_000 },
        )
        .toEqual(hand.buckets);
      expect(await page.getByTestId('dashboard-unfiltered').count()).toBe(0);
      // The trends follow the strategy, the liquidation curves too (decisions 0014 and 0016): no notice, the
      // current month owes what that strategy's cases owe, and each cohort placed what its claims add up to.
      await expect.poll(() => page.getByTestId('trends-current').count(), { timeout: 15_000 }).toBe(1);
      expect(await page.getByTestId('trends-unfiltered').count()).toBe(0);
      const trends = (await (
        await page.request.get(`${relance.url}/api/v1/dashboard/trends?strategyKey=${strategy}&currency=EUR`)
      ).json()) as {
        months: { month: string; receivableMinor: number | null }[];
        liquidation: { cohort: string; placedMinor: number; placedCount: number }[];
      };
      expect(trends).not.toHaveProperty('unfiltered');
      expect(trends.months.at(-1)).toMatchObject({
        month: TODAY.slice(0, 7),
        receivableMinor: hand.owedMinor,
      });
      expect(trends.liquidation.map((c) => [c.cohort, c.placedMinor, c.placedCount])).toEqual(
        cohortsByHand(strategy),
      );
      expect(trends.liquidation.length).toBeGreaterThan(0);
      const drill = page.getByTestId('drill-receivables');
      expect(await drill.getAttribute('href')).toContain(`strategyKey=${strategy}`);
    }
    // The receivables of the second strategy open exactly its cases with something owed.
    await page.getByTestId('drill-receivables').click();
    await page.waitForURL(/\/portfolio/);
    const total = (await (
      await page.request.get(
        `${relance.url}/api/v1/cases?receivable=true&strategyKey=${second.key}&currency=EUR&pageSize=1`,
      )
    ).json()) as { total: number };
    expect(total.total).toBe(byHand(second.key).cases);
    await expect.poll(() => page.url()).toContain(`strategyKey=${second.key}`);
    expect(pageErrors).toEqual([]);
  });
});
