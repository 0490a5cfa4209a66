import { existsSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './support/browser.ts';
import { frenchCsv } from './support/french-csv.ts';
import { type RunningRelance, startRelance } from './support/server.ts';
import { ensureWebBuild } from './support/web-build.ts';

const screenshots = new URL('./screenshots/', import.meta.url).pathname;
const readmeScreenshot = new URL('../docs/screenshot-portfolio.png', import.meta.url).pathname;

let relance: RunningRelance | undefined;
let browser: LaunchedBrowser | undefined;
let page: Page;
const pageErrors: string[] = [];
let frenchReason = '';

function navLink(name: string) {
  return page.getByRole('navigation').getByRole('link', { name, exact: true });
}

function server(): RunningRelance {
  if (!relance) throw new Error('The server did not start.');
  return relance;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
}

/** Texts of the collectability badges in the cases table (textContent: CSS upper-cases badges). */
async function collectabilities(): Promise<string[]> {
  return page
    .locator('table[aria-label="Dossiers"] [data-collectability]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-collectability') ?? ''));
}

describe('a creditor works its portfolio in the browser', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    const webDist = ensureWebBuild();
    relance = await startRelance({ webDist });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await relance?.stop();
  });

  it('sends a visitor to the sign-in page and refuses a wrong password in French', async () => {
    await page.goto(`${server().url}/portfolio`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Adresse e-mail').fill('admin@demo.relance.test');
    await page.getByLabel('Mot de passe').fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain('Adresse e-mail ou mot de passe incorrect.');
    await shot('sign-in-refused');
  });

  it('signs in with the demo account and shows the portfolio with euro amounts', async () => {
    const admin = server().accounts.find((account) => account.role === 'admin');
    if (!admin) throw new Error('No demo admin account.');
    await page.getByLabel('Mot de passe').fill(admin.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/portfolio/);
    const rows = page.locator('table[aria-label="Dossiers"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(5);
    expect(await page.getByTestId('tenant-name').textContent()).toBe(server().tenantName);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Portefeuille');
    const totals = (await page.getByTestId('portfolio-totals').textContent()) ?? '';
    expect(totals).toMatch(/\d+ dossiers/);
    expect(totals).toMatch(/\d,\d\d\u00a0€/);
    expect(totals).not.toContain('\u202f');
    await shot('portfolio');
    // The README's picture is tracked: write it when missing or when asked, not on every run.
    if (!existsSync(readmeScreenshot) || process.env.RELANCE_UPDATE_SCREENSHOT === '1') {
      await page.screenshot({ path: readmeScreenshot });
    }
  });

  it('filters the portfolio by collectability and keeps the filter in the URL', async () => {
    await page.getByRole('combobox', { name: 'Recouvrabilité' }).click();
    await page.getByRole('option', { name: 'Bloqué' }).click();
    await page.waitForURL(/collectability=blocked/);
    await expect
      .poll(async () => new Set(await collectabilities()), { timeout: 15_000 })
      .toEqual(new Set(['blocked']));
    await page.reload();
    await expect
      .poll(async () => new Set(await collectabilities()), { timeout: 15_000 })
      .toEqual(new Set(['blocked']));
    await shot('portfolio-blocked');
  });

  it('opens a case and shows its claims with the reasons behind each verdict', async () => {
    await page.locator('table[aria-label="Dossiers"] tbody tr a').first().click();
    await page.waitForURL(/\/cases\//);
    const claims = page.locator('table[aria-label="Créances du dossier"]');
    await claims.waitFor();
    expect(await claims.locator('tbody tr').count()).toBeGreaterThan(0);
    const reasons = claims.locator('[data-reason]');
    expect(await reasons.count()).toBeGreaterThan(0);
    frenchReason = (await reasons.first().textContent()) ?? '';
    expect(frenchReason).toMatch(/^(Bloquant|Attention)\u00a0: \S/);
    expect(await page.getByRole('heading', { name: 'Coordonnées' }).isVisible()).toBe(true);
    await shot('case');
  });

  it('switches to English, remembers it, and switches back', async () => {
    await page.getByRole('radiogroup', { name: 'Langue' }).getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Claims', exact: true }).waitFor();
    // The reasons are the API's sentences: they come again in the new language.
    const reason = page.locator('table[aria-label="Claims of the case"] [data-reason]').first();
    await expect.poll(() => reason.textContent(), { timeout: 15_000 }).toMatch(/^(Blocking|Warning): \S/);
    expect(await reason.textContent()).not.toBe(frenchReason);
    expect(await navLink('Portfolio').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Contacts', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await shot('case-english');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('FR', { exact: true }).click();
    await page.getByRole('heading', { name: 'Créances', exact: true }).waitFor();
  });

  it('lists the debtors', async () => {
    await navLink('Débiteurs').click();
    await page.waitForURL(/\/debtors/);
    const rows = page.locator('table[aria-label="Débiteurs"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await shot('debtors');
    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Dossiers', exact: true }).waitFor();
    await shot('debtor');
  });

  it('imports a French CSV: mapping preview, then one rejected row with its reason', async () => {
    await navLink('Imports').click();
    await page.waitForURL(/\/imports/);
    const creditor = page.getByRole('combobox', { name: 'Créancier' });
    if (!(await creditor.inputValue())) {
      await creditor.click();
      await page.getByRole('option').first().click();
    }
    await page.getByLabel('Fichier à importer').setInputFiles({
      name: 'relances-janvier.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(frenchCsv, 'utf8'),
    });
    const mapping = page.locator('table[aria-label="Correspondance des colonnes"]');
    await mapping.waitFor();
    expect(
      await page.getByRole('combobox', { name: 'Colonne pour «\u00a0N° de facture\u00a0»' }).inputValue(),
    ).toBe('N° facture');
    expect(
      await page.getByRole('combobox', { name: "Colonne pour «\u00a0Date d'échéance\u00a0»" }).inputValue(),
    ).toBe("Date d'échéance");
    const sample = page.locator('table[aria-label="Aperçu des premières lignes du fichier"] tbody tr');
    expect(await sample.count()).toBe(3);
    await shot('import-preview');

    await page.getByRole('button', { name: "Lancer l'import" }).click();
    await page.getByText('Import terminé').waitFor();
    expect(await page.getByTestId('rejected-count').textContent()).toBe('1');
    const rejections = page.locator('table[aria-labelledby="rejections-title"] tbody tr');
    expect(await rejections.count()).toBe(1);
    const rejection = (await rejections.first().textContent()) ?? '';
    expect(rejection).toContain('4');
    expect(rejection.length).toBeGreaterThan(10);
    expect(
      await page.getByRole('link', { name: 'Télécharger les rejets (CSV)' }).getAttribute('href'),
    ).toMatch(/\/api\/v1\/imports\/.+\/rejections\.csv$/);
    await shot('import-result');
  });

  it('signs out and protects the pages again', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${server().url}/imports`);
    await page.waitForURL(/\/sign-in\?redirect=/);
  });

  it("shows a creditor's client only its own portfolio, and its imports for its own creditor", async () => {
    const client = server().accounts.find((account) => account.role === 'client');
    if (!client) throw new Error('No demo client account.');
    await page.getByLabel('Adresse e-mail').fill(client.email);
    await page.getByLabel('Mot de passe').fill(client.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/imports/);
    // The creditor portal: a client places claims for its own creditor, without choosing one.
    await page.getByTestId('import-own-creditor').waitFor();
    expect(await page.getByRole('combobox', { name: 'Créancier' }).count()).toBe(0);
    expect(await navLink('Imports').count()).toBe(1);
    await navLink('Portefeuille').click();
    const creditors = page.locator('table[aria-label="Dossiers"] tbody tr td:nth-child(2)');
    await creditors.first().waitFor();
    expect(new Set(await creditors.allTextContents())).toEqual(new Set(['Hexagone Énergie SAS']));
    expect(await page.getByRole('combobox', { name: 'Créancier' }).count()).toBe(0);
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
