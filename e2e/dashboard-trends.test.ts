import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './support/browser.ts';
import { type RunningRelance, startRelance } from './support/server.ts';
import { signInAs } from './support/sign-in.ts';
import { ensureWebBuild } from './support/web-build.ts';

const screenshots = new URL('./screenshots/', import.meta.url).pathname;
const TODAY = '2026-11-23';
const LAST_MONTH_END = '2026-10-31';

let relance: RunningRelance | undefined;
let browser: LaunchedBrowser | undefined;
let page: Page;
const pageErrors: string[] = [];

/**
 * The receivables at the end of last month, by hand from the database file: every claim owed by then (its
 * issue date), owing what it owes today plus the principal of the payments received after that day.
 */
function receivablesByHand(): number {
  if (!relance) throw new Error('no server');
  const db = new Database(relance.database.replace(/^sqlite:/, ''), { readonly: true });
  try {
    const claims = db
      .prepare(
        `select claim_id, status, outstanding_minor from claims
         where status <> 'cancelled' and currency = 'EUR'
           and coalesce(issue_date, substr(created_at, 1, 10)) <= ?`,
      )
      .all(LAST_MONTH_END) as { claim_id: string; status: string; outstanding_minor: number }[];
    const later = db
      .prepare(
        `select a.claim_id, a.amount_minor from payment_allocations a
         join payments p on p.tenant_id = a.tenant_id and p.payment_id = a.payment_id
         where a.part = 'principal' and p.status = 'booked' and p.received_on > ?`,
      )
      .all(LAST_MONTH_END) as { claim_id: string; amount_minor: number }[];
    const paidLater = new Map<string, number>();
    for (const row of later)
      paidLater.set(row.claim_id, (paidLater.get(row.claim_id) ?? 0) + row.amount_minor);
    let total = 0;
    for (const c of claims) {
      const owedNow = c.status === 'open' || c.status === 'disputed' ? c.outstanding_minor : 0;
      total += owedNow + (paidLater.get(c.claim_id) ?? 0);
    }
    return total;
  } finally {
    db.close();
  }
}

function euros(minor: number): string {
  return new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })
    .format(minor / 100)
    .replace(/\s/g, ' ');
}

describe('the dashboard’s trends show last month’s receivables as a hand computation gives them', () => {
  beforeAll(async () => {
    relance = await startRelance({ webDist: ensureWebBuild(), clock: `${TODAY}T09:00:00.000Z` });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await relance?.stop();
  });

  it('a supervisor sees twelve months of history on the demo, last month’s receivables as by hand', async () => {
    if (!relance) throw new Error('no server');
    await signInAs(page, relance, 'supervisor');
    await page.goto(`${relance.url}/dashboard`);
    const row = page.locator('[data-testid="trends-months"] tr[data-month="2026-10"]');
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    const cells = await row.locator('td').allInnerTexts();
    const hand = receivablesByHand();
    expect(hand).toBeGreaterThan(0);
    expect((cells[1] ?? '').replace(/\s/g, ' ')).toBe(euros(hand));
    expect(await page.locator('[data-testid="trends-months"] tbody tr').count()).toBe(12);
    await page.getByTestId('dashboard-trends').screenshot({ path: `${screenshots}dashboard-trends.png` });
    expect(pageErrors).toEqual([]);
  });
});
