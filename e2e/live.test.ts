import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './support/browser.ts';
import { type RunningRelance, startRelance } from './support/server.ts';
import { signInAs } from './support/sign-in.ts';
import { ensureWebBuild } from './support/web-build.ts';

const screenshots = new URL('./screenshots/', import.meta.url).pathname;
const TODAY = '2026-11-23';

let relance: RunningRelance | undefined;
let browser: LaunchedBrowser | undefined;
let page: Page;

/** A query over the demo's database file, with nothing of Relance's code. */
function byHand<T>(sql: string, ...params: unknown[]): T {
  if (!relance) throw new Error('no server');
  const db = new Database(relance.database.replace(/^sqlite:/, ''), { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

const TENANT = '(select tenant_id from users where email = ?)';
const supervisorEmail = () => relance?.accounts.find((a) => a.role === 'supervisor')?.email ?? '';

/** The digits of "1 234 dossiers" (any kind of space as thousands separator). */
const countIn = (text: string) =>
  Number((/([\d\s\u202f\u00a0]+)\s*dossier/.exec(text)?.[1] ?? '').replace(/\D/g, ''));

describe('the live view and the drill-down, on the demo', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    relance = await startRelance({ webDist: ensureWebBuild(), clock: `${TODAY}T09:00:00.000Z` });
    browser = await launchChromium();
    page = await browser.context.newPage();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await relance?.stop();
  });

  it('a supervisor opens /live: today’s payments are the database’s', async () => {
    if (!relance) throw new Error('no server');
    await signInAs(page, relance, 'supervisor');
    await page.getByRole('link', { name: 'En direct' }).click();
    await page.waitForURL(/\/live/);
    await expect.poll(() => page.getByTestId('live-payments-count').count(), { timeout: 30_000 }).toBe(1);
    const hand = byHand<{ n: number }>(
      `select count(*) as n from payments where status = 'booked' and received_on = ? and tenant_id = ${TENANT}`,
      TODAY,
      supervisorEmail(),
    );
    expect(Number(await page.getByTestId('live-payments-count').textContent())).toBe(hand.n);
    const queue = await page.getByTestId('live-queue-depth').textContent();
    expect(Number(queue)).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: `${screenshots}live-supervisor.png`, fullPage: true });
  });

  it('the receivables figure opens the cases that hold them: as many as by hand', async () => {
    if (!relance) throw new Error('no server');
    await page.goto(`${relance.url}/dashboard`);
    await expect.poll(() => page.getByTestId('drill-receivables').count(), { timeout: 30_000 }).toBe(1);
    await page.getByTestId('drill-receivables').click();
    await page.waitForURL(/\/portfolio.*receivable=true/);
    await expect.poll(() => page.getByTestId('drill-receivable').count(), { timeout: 30_000 }).toBe(1);
    const hand = byHand<{ n: number }>(
      `select count(distinct c.case_id) as n from cases c join claims k
         on k.tenant_id = c.tenant_id and k.case_id = c.case_id
       where k.status in ('open', 'disputed') and k.outstanding_minor > 0 and c.currency = 'EUR'
         and c.tenant_id = ${TENANT}`,
      supervisorEmail(),
    );
    await expect
      .poll(async () => countIn((await page.getByTestId('portfolio-totals').textContent()) ?? ''), {
        timeout: 30_000,
      })
      .toBe(hand.n);
  });
});
