import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './support/browser.ts';
import { type RunningRelance, startRelance } from './support/server.ts';
import { signInAs } from './support/sign-in.ts';
import { ensureWebBuild } from './support/web-build.ts';

const screenshots = new URL('./screenshots/', import.meta.url).pathname;

/** The server's day: its clock is fixed so that the hand computation below ages the claims on the same day. */
const TODAY = '2026-11-23';

let relance: RunningRelance | undefined;
let browser: LaunchedBrowser | undefined;
let page: Page;
const pageErrors: string[] = [];

type Line = { count: number; minor: number };
type HandFigures = {
  readonly buckets: Readonly<Record<string, Line>>;
  readonly creditors: readonly string[];
};

/**
 * The ageing balance computed by hand from the database file, claim by claim, with nothing of Relance's
 * code: the days past due of each open or disputed claim, and its outstanding added to its bucket.
 */
function byHand(creditorName: string | null): HandFigures {
  if (!relance) throw new Error('no server');
  const db = new Database(relance.database.replace(/^sqlite:/, ''), { readonly: true });
  try {
    const rows = db
      .prepare(
        `select k.due_date as due, k.outstanding_minor as minor, c.name as creditor
         from claims k join creditors c on c.tenant_id = k.tenant_id and c.creditor_id = k.creditor_id
         where k.status in ('open', 'disputed') and k.currency = 'EUR'`,
      )
      .all() as { due: string; minor: number; creditor: string }[];
    const buckets: Record<string, Line> = {};
    for (const name of ['not_due', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'])
      buckets[name] = { count: 0, minor: 0 };
    for (const row of rows) {
      if (creditorName !== null && row.creditor !== creditorName) continue;
      const late = (Date.parse(TODAY) - Date.parse(row.due)) / 86_400_000;
      const bucket =
        late <= 0
          ? 'not_due'
          : late <= 30
            ? 'd1_30'
            : late <= 60
              ? 'd31_60'
              : late <= 90
                ? 'd61_90'
                : 'd90_plus';
      const line = buckets[bucket] as Line;
      line.count += 1;
      line.minor += row.minor;
    }
    return { buckets, creditors: [...new Set(rows.map((r) => r.creditor))] };
  } finally {
    db.close();
  }
}

/** "12 345,67 €" as the French page writes it (Intl's narrow no-break spaces made plain). */
function euros(minor: number): string {
  return new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })
    .format(minor / 100)
    .replace(/\s/g, ' ');
}

async function ageingOnScreen(): Promise<Record<string, Line>> {
  const found: Record<string, Line> = {};
  for (const bucket of ['not_due', 'd1_30', 'd31_60', 'd61_90', 'd90_plus']) {
    const cells = await page.getByTestId(`ageing-${bucket}`).locator('td').allInnerTexts();
    found[bucket] = { count: Number(cells[1]), minor: 0 };
    (found[bucket] as Line & { text?: string }).text = (cells[2] ?? '').replace(/\s/g, ' ');
  }
  return found;
}

describe('the dashboard shows a supervisor and a creditor the figures a hand computation gives', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    relance = await startRelance({ webDist: ensureWebBuild(), clock: `${TODAY}T09:00:00.000Z` });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await relance?.stop();
  });

  it('a supervisor sees the whole portfolio’s ageing balance, bucket by bucket', async () => {
    if (!relance) throw new Error('no server');
    await signInAs(page, relance, 'supervisor');
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await page.waitForURL(/\/dashboard/);
    await expect.poll(() => page.getByTestId('ageing-not_due').count(), { timeout: 30_000 }).toBe(1);
    const hand = byHand(null);
    expect(hand.creditors.length).toBeGreaterThan(1);
    const screen = await ageingOnScreen();
    for (const [bucket, line] of Object.entries(hand.buckets)) {
      expect(screen[bucket]?.count, bucket).toBe(line.count);
      expect((screen[bucket] as Line & { text?: string }).text, bucket).toBe(euros(line.minor));
    }
    const total = Object.values(hand.buckets).reduce((s, l) => s + l.minor, 0);
    const stats = ((await page.getByTestId('dashboard-stats').textContent()) ?? '').replace(/\s/g, ' ');
    expect(stats).toContain(euros(total));
    // The export gives the same figures, as decimals a spreadsheet reads.
    const href = await page.getByTestId('dashboard-csv').getAttribute('href');
    const csv = await (await page.request.get(`${relance.url}${href}`)).text();
    const decimal = (minor: number) => `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
    const notDue = hand.buckets.not_due as Line;
    expect(csv).toContain(`Balance âgée;Non échu;${notDue.count};${decimal(notDue.minor)};`);
    await page.screenshot({ path: `${screenshots}dashboard-supervisor.png`, fullPage: true });
  });

  it('the creditor’s account sees its own portfolio only, and the same figures as by hand', async () => {
    if (!relance) throw new Error('no server');
    await page.context().clearCookies();
    await signInAs(page, relance, 'client');
    await page.goto(`${relance.url}/dashboard`);
    await expect.poll(() => page.getByTestId('ageing-not_due').count(), { timeout: 30_000 }).toBe(1);
    const me = (await (await page.request.get(`${relance.url}/api/v1/auth/me`)).json()) as {
      creditor: { name: string };
    };
    const own = byHand(me.creditor.name);
    const screen = await ageingOnScreen();
    for (const [bucket, line] of Object.entries(own.buckets)) {
      expect(screen[bucket]?.count, bucket).toBe(line.count);
      expect((screen[bucket] as Line & { text?: string }).text, bucket).toBe(euros(line.minor));
    }
    const all = byHand(null);
    const ownTotal = Object.values(own.buckets).reduce((s, l) => s + l.count, 0);
    const allTotal = Object.values(all.buckets).reduce((s, l) => s + l.count, 0);
    expect(ownTotal).toBeLessThan(allTotal);
    // No creditor filter for a client, and asking the API for another creditor gives nothing.
    expect(await page.getByLabel('Créancier').count()).toBe(0);
    const other = all.creditors.find((name) => name !== me.creditor.name);
    expect(other).toBeDefined();
    const creditors = await page.request.get(`${relance.url}/api/v1/creditors`);
    expect(JSON.stringify(await creditors.json())).not.toContain(other);
    await page.screenshot({ path: `${screenshots}dashboard-client.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
