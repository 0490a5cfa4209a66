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
const pageErrors: string[] = [];

function query<T>(sql: string, ...params: unknown[]): T[] {
  if (!relance) throw new Error('no server');
  const db = new Database(relance.database.replace(/^sqlite:/, ''), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
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

const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ').trim();

describe('agency mode: mandates, statements and agencies compared, as the database has them', () => {
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

  it('an administrator edits a client’s mandate and closes a month: the statements show the database’s nets', async () => {
    if (!relance) throw new Error('no server');
    await signInAs(page, relance, 'admin');
    await page.getByRole('link', { name: 'Mandants' }).click();
    await page.waitForURL(/\/agency/);
    await expect
      .poll(() => page.getByTestId('agency-mandates').locator('tbody tr').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const [first] = query<{ ref: string; creditor_id: string; max_instalments: number }>(
      `select c.ref, m.creditor_id, m.max_instalments from mandates m
       join creditors c on c.tenant_id = m.tenant_id and c.creditor_id = m.creditor_id order by c.ref limit 1`,
    );
    if (!first) throw new Error('no mandate in the demo');
    const next = first.max_instalments === 5 ? 4 : 5;
    const row = page.getByTestId(`mandate-${first.ref}`);
    await row.getByRole('button', { name: 'Modifier' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nombre d’échéances au plus').fill(String(next));
    await dialog.getByRole('button', { name: 'Enregistrer le mandat' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(async () => plain(await row.getByTestId('plan-limits').textContent()))
      .toContain(`${next} échéances au plus`);
    const [saved] = query<{ max_instalments: number; version: number }>(
      'select max_instalments, version from mandates where creditor_id = ?',
      first.creditor_id,
    );
    expect(saved?.max_instalments).toBe(next);
    expect(saved?.version).toBeGreaterThan(1);

    await page.getByLabel('Période').fill('2026-10');
    await page.getByRole('button', { name: 'Clôturer la période' }).click();
    const statements = query<{ ref: string; period: string; net_minor: number }>(
      `select c.ref, r.period, r.net_minor from remittances r
       join creditors c on c.tenant_id = r.tenant_id and c.creditor_id = r.creditor_id where r.period = '2026-10'`,
    );
    await expect
      .poll(() => page.getByTestId('agency-remittances').locator('tbody tr').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const issued = query<{ ref: string; period: string; net_minor: number }>(
      `select c.ref, r.period, r.net_minor from remittances r
       join creditors c on c.tenant_id = r.tenant_id and c.creditor_id = r.creditor_id where r.period = '2026-10'`,
    );
    expect(issued.length).toBeGreaterThanOrEqual(statements.length);
    expect(issued.length).toBeGreaterThan(0);
    for (const statement of issued) {
      const cell = page
        .getByTestId(`remittance-${statement.ref}-${statement.period}`)
        .getByTestId('remittance-net');
      expect(plain(await cell.textContent())).toBe(euros(statement.net_minor));
    }
    await page.screenshot({ path: `${screenshots}agency-clients.png`, fullPage: true });
  });

  it('the agencies’ comparison matches a computation by hand over the hand-overs and the lines reported', async () => {
    const agencies = query<{ agency_id: string; key: string }>(
      'select agency_id, key from outside_agencies order by name',
    );
    expect(agencies.length).toBe(2);
    await expect.poll(() => page.getByTestId('comparison-table').count(), { timeout: 30_000 }).toBe(1);
    for (const agency of agencies) {
      const [handed] = query<{ n: number; minor: number }>(
        'select count(*) as n, coalesce(sum(amount_minor), 0) as minor from agency_handovers where agency_id = ?',
        agency.agency_id,
      );
      const [collected] = query<{ minor: number; fees: number }>(
        `select coalesce(sum(l.amount_minor), 0) as minor, coalesce(sum(l.fee_minor), 0) as fees
         from agency_collections l join payments p on p.tenant_id = l.tenant_id and p.payment_id = l.payment_id
         where l.agency_id = ? and p.status = 'booked'`,
        agency.agency_id,
      );
      const cell = (row: string) =>
        page.getByTestId(`comparison-${row}`).locator(`td[data-agency="${agency.key}"]`).textContent();
      expect(plain(await cell('cases'))).toBe(String(handed?.n));
      expect(plain(await cell('handed'))).toBe(euros(handed?.minor ?? 0));
      expect(plain(await cell('collected'))).toBe(euros(collected?.minor ?? 0));
      expect(plain(await cell('fees'))).toBe(euros(collected?.fees ?? 0));
      expect(plain(await cell('net'))).toBe(euros((collected?.minor ?? 0) - (collected?.fees ?? 0)));
    }
    await page.getByTestId('agency-comparison').screenshot({ path: `${screenshots}agency-comparison.png` });
    expect(pageErrors).toEqual([]);
  });

  it('a supervisor edits an outside agency, deactivates and reactivates it, and recalls a case from it', async () => {
    if (!relance) throw new Error('no server');
    await page.context().clearCookies();
    await signInAs(page, relance, 'supervisor');
    await page.goto(`${relance.url}/agency`);
    const section = page.getByTestId('outside-agencies');
    await expect
      .poll(() => section.getByTestId('outside-agency-list').locator('tbody tr').count(), { timeout: 30_000 })
      .toBe(2);
    const [agency] = query<{ agency_id: string; key: string; name: string }>(
      'select agency_id, key, name from outside_agencies order by name limit 1',
    );
    if (!agency) throw new Error('no outside agency in the demo');
    const savedAudits = () =>
      query<{ n: number }>(
        "select count(*) as n from audit_log where action = 'outside_agency.saved' and entity_id = ?",
        agency.agency_id,
      )[0]?.n ?? 0;
    const auditsBefore = savedAudits();
    const row = section.getByTestId(`outside-agency-${agency.key}`);
    await row.getByRole('button', { name: 'Modifier' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Nom/).fill(`${agency.name} Sud`);
    await dialog.getByLabel(/^E-mail de contact/).fill('contact@agence-sud.example');
    await dialog.getByLabel(/^Commission/).fill('16,5');
    await dialog.getByRole('button', { name: 'Enregistrer l’agence' }).click();
    await expect.poll(() => dialog.count(), { timeout: 15_000 }).toBe(0);
    await expect
      .poll(async () => plain(await row.getByTestId('agency-name').textContent()), { timeout: 15_000 })
      .toBe(`${agency.name} Sud`);
    expect(plain(await row.getByTestId('agency-commission').textContent())).toContain('16,5 %');
    const edited = () =>
      query<{ name: string; email: string | null; commission_rate: string; active: number }>(
        'select name, email, commission_rate, active from outside_agencies where agency_id = ?',
        agency.agency_id,
      )[0];
    expect(edited()).toEqual({
      name: `${agency.name} Sud`,
      email: 'contact@agence-sud.example',
      commission_rate: '16.5',
      active: 1,
    });

    await row.getByRole('button', { name: 'Désactiver' }).click();
    await expect
      .poll(async () => plain(await row.getByTestId('agency-status').textContent()), { timeout: 15_000 })
      .toBe('Désactivée');
    expect(edited()?.active).toBe(0);
    await row.getByRole('button', { name: 'Réactiver' }).click();
    await expect
      .poll(async () => plain(await row.getByTestId('agency-status').textContent()), { timeout: 15_000 })
      .toBe('Active');
    expect(edited()?.active).toBe(1);
    expect(savedAudits()).toBe(auditsBefore + 3);

    const open = () =>
      query<{ handover_id: string }>(
        'select handover_id from agency_handovers where recalled_on is null order by handed_on desc, handover_id',
      );
    const before = open();
    expect(before.length).toBeGreaterThan(0);
    const handovers = page.getByTestId('agency-handovers');
    await expect.poll(() => handovers.locator('tbody tr').count(), { timeout: 15_000 }).toBe(before.length);
    const target = before[0]?.handover_id ?? '';
    await handovers.getByTestId(`handover-${target}`).getByRole('button', { name: 'Rappeler' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rappeler le dossier' }).click();
    await expect.poll(() => handovers.getByTestId(`handover-${target}`).count(), { timeout: 15_000 }).toBe(0);
    expect(open().length).toBe(before.length - 1);
    expect(
      query<{ recalled_on: string }>(
        'select recalled_on from agency_handovers where handover_id = ?',
        target,
      ),
    ).toEqual([{ recalled_on: TODAY }]);
    await section.screenshot({ path: `${screenshots}agency-outside.png` });
    expect(pageErrors).toEqual([]);
  });
});
