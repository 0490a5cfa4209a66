import { existsSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './support/browser.ts';
import { type RunningRelance, startRelance } from './support/server.ts';
import { ensureWebBuild } from './support/web-build.ts';

const screenshots = new URL('./screenshots/', import.meta.url).pathname;
const docsScreenshot = (name: string) => new URL(`../docs/${name}.png`, import.meta.url).pathname;

let relance: RunningRelance | undefined;
let browser: LaunchedBrowser | undefined;
let page: Page;
const pageErrors: string[] = [];

function server(): RunningRelance {
  if (!relance) throw new Error('The server did not start.');
  return relance;
}

function navLink(name: string) {
  return page.getByRole('navigation').getByRole('link', { name, exact: true });
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
}

/** The docs' pictures are tracked: written when missing or when asked, not on every run. */
async function docsShot(name: string, take: (path: string) => Promise<unknown>): Promise<void> {
  const path = docsScreenshot(name);
  if (!existsSync(path) || process.env.RELANCE_UPDATE_SCREENSHOT === '1') await take(path);
}

describe('a supervisor tunes a strategy and follows the daily run', () => {
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

  it('signs in as the supervisor and lists the strategies with their assignment rules', async () => {
    const supervisor = server().accounts.find((account) => account.role === 'supervisor');
    if (!supervisor) throw new Error('No demo supervisor account.');
    expect(supervisor.email).toBe('supervisor@demo.relance.test');
    await page.goto(`${server().url}/sign-in`);
    await page.getByLabel('Adresse e-mail').fill(supervisor.email);
    await page.getByLabel('Mot de passe').fill(supervisor.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/portfolio/);

    await navLink('Stratégies').click();
    await page.waitForURL(/\/strategies$/);
    const rows = page.locator('table[aria-label="Stratégies"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    const b2b = page.locator('tr[data-strategy="b2b-standard"]');
    expect(await b2b.textContent()).toContain('Relance B2B');
    expect(await b2b.textContent()).toContain('Retard\u00a0: aller directement au bon niveau');
    expect(await page.locator('tr[data-strategy="b2c-senior"]').textContent()).toContain(
      'Retard\u00a0: une étape par passage',
    );
    const rules = page.getByTestId('assignment-rules');
    expect(await rules.locator('li').first().textContent()).toContain('Entreprises → Relance B2B');
    expect(await rules.textContent()).toContain('Tous les autres dossiers → Relance B2B');
    await shot('strategies');
  });

  it('edits the assignment rules and saves them as a new version', async () => {
    await page.getByRole('button', { name: 'Modifier les règles' }).click();
    const first = page.locator('li[data-rule="0"]');
    await first.getByRole('textbox', { name: 'Nom de la règle' }).fill('Entreprises');
    await page.getByRole('button', { name: 'Enregistrer les règles' }).click();
    await page.getByText('Règles en version 2').waitFor();
    const rules = page.getByTestId('assignment-rules');
    expect(await rules.locator('li').first().textContent()).toContain('Entreprises → Relance B2B');
    expect(await rules.locator('li').first().textContent()).not.toContain('Businesses');
  });

  it('edits a step of the B2B ladder: the server’s objection shows beside the field, then version 2 is saved', async () => {
    await page.getByRole('link', { name: 'Relance B2B' }).first().click();
    await page.waitForURL(/\/strategies\/b2b-standard$/);
    await page.getByRole('heading', { level: 1, name: 'Relance B2B' }).waitFor();
    expect(await page.getByTestId('strategy-version').textContent()).toBe('Version 1 en service');

    await page.getByRole('button', { name: 'Modifier l’étape 3' }).click();
    const step = page.locator('li[data-step="reminder-email"]');
    const days = step.getByRole('textbox', { name: 'Jours' });
    expect(await days.inputValue()).toBe('4');
    const template = step.getByRole('textbox', { name: 'Modèle de l’action 1' });
    await template.fill('Relance Mail');
    await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    await page.getByTestId('strategy-issues').waitFor();
    await step.getByText('n’est pas une clé de modèle').waitFor();

    await template.fill('reminder-email');
    await days.fill('6');
    expect(await step.textContent()).toContain('6 jours après l’étape précédente');
    await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    await page.getByText('Version 2 enregistrée.').waitFor();
    await expect
      .poll(() => page.getByTestId('strategy-version').textContent(), { timeout: 15_000 })
      .toBe('Version 2 en service');
    await docsShot('screenshot-strategy', async (path) => {
      await page.setViewportSize({ width: 1440, height: 1500 });
      await page.getByRole('button', { name: 'Modifier l’étape 2' }).click();
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path });
      await page.getByRole('button', { name: 'Replier l’étape 2' }).click();
      await page.setViewportSize({ width: 1440, height: 900 });
    });
    await page.getByRole('button', { name: 'Modifier l’étape 3' }).click();
    const saved = page.locator('li[data-step="reminder-email"]').getByRole('textbox', { name: 'Jours' });
    expect(await saved.inputValue()).toBe('6');

    await page.getByRole('tab', { name: 'Versions' }).click();
    const versions = page.locator('table[aria-label="Versions de la stratégie"] tbody tr');
    await versions.first().waitFor();
    expect(await versions.count()).toBe(2);
    expect(await versions.first().getAttribute('data-version')).toBe('2');
    await page.getByRole('tab', { name: 'JSON' }).click();
    expect(await page.getByLabel('JSON de la stratégie').textContent()).toContain('"days": 6');
    await shot('strategy-editor');
  });

  it('previews today: counts by channel and the first actions with their reasons and compliance verdicts', async () => {
    await navLink('Passages').click();
    await page.waitForURL(/\/runs$/);
    await page.getByRole('button', { name: 'Prévisualiser' }).click();
    const actions = page.locator('table[aria-label="Actions prévues"] tbody tr');
    await actions.first().waitFor({ timeout: 30_000 });
    expect(await actions.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('run-by-channel').locator('[data-channel]').count()).toBeGreaterThan(0);
    const first = (await actions.first().textContent()) ?? '';
    expect(first).toMatch(/Étape «\s.+\s»|Canal remplacé|Promesse|Dossier/);
    await shot('runs-preview');
  });

  it('runs today after a confirmation and lists the run', async () => {
    await page.getByRole('button', { name: 'Lancer le passage du jour' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lancer le passage du jour ?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Lancer le passage' }).click();
    const runs = page.locator('table[aria-label="Derniers passages"] tbody tr');
    await runs.first().waitFor({ timeout: 60_000 });
    expect(await runs.count()).toBe(1);
    expect(await runs.first().textContent()).toContain('Manuel');
  });

  it('shows a case’s next action, its actions with their compliance verdict, and records a pause', async () => {
    await page.goto(`${server().url}/portfolio?pageSize=100`);
    const withNext = page.locator('table[aria-label="Dossiers"] tbody tr:has([data-next-action])');
    await withNext.first().waitFor({ timeout: 15_000 });
    await withNext.first().getByRole('link').first().click();
    await page.waitForURL(/\/cases\//);
    const next = page.getByTestId('next-action');
    await expect
      .poll(() => next.textContent(), { timeout: 15_000 })
      .toMatch(/^Prochaine action\u00a0: .+ le \d/);
    const panel = page.getByTestId('engine-panel');
    expect(await panel.getByRole('link', { name: /\(v\d+\)$/ }).count()).toBe(1);
    // Late interest: the demo's 2026 S2 ECB rate is missing, so a business case warns instead of showing 0;
    // a consumer without a formal notice is told why nothing runs yet.
    const interest = panel.getByTestId('interest-block');
    await interest.getByRole('heading', { name: 'Intérêts de retard et indemnités' }).waitFor();
    const interestText = (await interest.textContent()) ?? '';
    expect(interestText).toMatch(/Taux manquant\u00a0: intérêts non calculés|mise en demeure/);
    expect(interestText).not.toMatch(/\b0,00\u00a0€/);
    await docsShot('screenshot-case-engine', (path) => panel.screenshot({ path }));

    await panel.getByRole('button', { name: 'Mettre en pause' }).click();
    await panel.getByRole('button', { name: 'Reprendre la relance' }).waitFor();
    const event = panel.locator('[data-event="pause"]');
    await event.waitFor();
    expect(await event.textContent()).toContain('Au prochain passage');

    await panel.getByRole('button', { name: 'Enregistrer une promesse' }).click();
    const dialog = page.getByRole('dialog', { name: 'Promesse de paiement' });
    await dialog.getByRole('textbox', { name: /Montant promis/ }).fill('150,50');
    await dialog.getByRole('button', { name: 'Enregistrer la promesse' }).click();
    await panel.locator('[data-event="promise"]').waitFor();
    expect(await panel.locator('[data-event="promise"]').textContent()).toMatch(/150,50\u00a0€ pour le/);
    await shot('case-engine');

    await page.getByRole('radiogroup', { name: 'Langue' }).getByText('EN', { exact: true }).click();
    await expect.poll(() => next.textContent(), { timeout: 15_000 }).toMatch(/^Next action: .+ on \d/);
    await panel.getByRole('heading', { name: 'Late interest and fees' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('FR', { exact: true }).click();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
