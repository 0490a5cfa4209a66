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

/**
 * The browser's day in `days` days ('YYYY-MM-DD'), as the page computes it: in Paris, the browser's zone
 * (`support/browser.ts`), not this process's — between 23:00 and midnight UTC the two days differ.
 */
function isoDay(days: number, now: Date = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** A day as the French UI writes it ('30 mars 2026'). */
function frenchDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'UTC' })
    .format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)))
    .replaceAll('\u202f', '\u00a0');
}

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

  it('lists the actions waiting for review: one approved, one cancelled after a confirmation, each leaves the list', async () => {
    const queue = page.getByTestId('review-queue');
    await queue.getByRole('heading', { name: 'À relire avant envoi' }).waitFor();
    const rows = queue.locator('table[aria-label="Actions à relire"] tbody tr');
    await rows.first().waitFor({ timeout: 15_000 });
    const waiting = await rows.count();
    // The demo's old invoices reach the formal notice and the hand-over, both reviewed before they leave.
    expect(waiting).toBeGreaterThan(2);
    expect(await rows.first().textContent()).toMatch(/Mise en demeure|Transmission à une agence/);
    await expect.poll(() => page.getByTestId('review-count').textContent()).toBe(String(waiting));
    await shot('runs-review');

    const approved = await rows.first().getAttribute('data-action');
    await rows.first().getByRole('button', { name: 'Approuver', exact: true }).click();
    await page.getByText('Action approuvée\u00a0: elle sera envoyée à l’heure prévue.').waitFor();
    await queue.locator(`tr[data-action="${approved}"]`).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(waiting - 1);

    const cancelled = await rows.first().getAttribute('data-action');
    await rows.first().getByRole('button', { name: 'Annuler', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Annuler cette action/ });
    await dialog.getByRole('button', { name: 'Garder l’action' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await queue.locator(`tr[data-action="${cancelled}"]`).count()).toBe(1);
    await rows.first().getByRole('button', { name: 'Annuler', exact: true }).click();
    await dialog.getByRole('button', { name: 'Annuler l’action' }).click();
    await queue.locator(`tr[data-action="${cancelled}"]`).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(waiting - 2);
    await expect.poll(() => page.getByTestId('review-count').textContent()).toBe(String(waiting - 2));
  });

  it('offers the same decision on the case page, and says so when the action was decided meanwhile', async () => {
    const row = page
      .getByTestId('review-queue')
      .locator('table[aria-label="Actions à relire"] tbody tr')
      .first();
    const actionId = await row.getAttribute('data-action');
    await row.getByRole('link').click();
    await page.waitForURL(/\/cases\//);
    const panel = page.getByTestId('engine-panel');
    const action = panel.locator(`tr[data-action="${actionId}"]`);
    await action.waitFor({ timeout: 15_000 });
    expect(await action.getAttribute('data-status')).toBe('review');
    // Another supervisor approves it first.
    const elsewhere = await page.request.post(`${server().url}/api/v1/actions/${actionId}/review`, {
      data: { decision: 'approve' },
    });
    expect(elsewhere.status()).toBe(200);
    await action.getByRole('button', { name: 'Approuver', exact: true }).click();
    await page.getByText('Cette action a déjà été décidée.', { exact: false }).waitFor();
    await expect.poll(() => action.getAttribute('data-status'), { timeout: 15_000 }).toBe('planned');
    expect(await action.getByRole('button', { name: 'Approuver', exact: true }).count()).toBe(0);
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

    // A pause for two weeks applies at once: the case waits for that day, then carries on by itself.
    const inTwoWeeks = isoDay(14);
    await panel.getByRole('button', { name: 'Mettre en pause' }).click();
    await page.getByRole('menuitem', { name: 'Pendant deux semaines' }).click();
    await panel.getByRole('button', { name: 'Reprendre la relance' }).waitFor();
    expect(await panel.getByTestId('pause-end').textContent()).toBe(
      `En pause jusqu’au ${frenchDay(inTwoWeeks)}`,
    );
    const event = panel.locator('[data-event="pause"]');
    await event.waitFor();
    expect(await event.textContent()).toContain(`jusqu’au ${frenchDay(inTwoWeeks)}`);
    expect(await event.textContent()).toContain('Pris en compte');
    await expect
      .poll(() => next.textContent(), { timeout: 15_000 })
      .toContain(`Fin de la pause le ${frenchDay(inTwoWeeks)}`);
    // Resumed, then paused until a chosen day: a day more than a year ahead is refused before sending.
    await panel.getByRole('button', { name: 'Reprendre la relance' }).click();
    await panel.getByRole('button', { name: 'Mettre en pause' }).click();
    await page.getByRole('menuitem', { name: 'Jusqu’au…' }).click();
    const until = page.getByRole('dialog', { name: 'Mettre en pause jusqu’au…' });
    await until.getByLabel('Reprise de la relance le').fill(isoDay(400));
    await until.getByRole('button', { name: 'Mettre en pause' }).click();
    await until.getByText('Choisissez un jour après aujourd’hui', { exact: false }).waitFor();
    await until.getByLabel('Reprise de la relance le').fill(isoDay(40));
    await until.getByRole('button', { name: 'Mettre en pause' }).click();
    await expect
      .poll(() => panel.getByTestId('pause-end').textContent(), { timeout: 15_000 })
      .toBe(`En pause jusqu’au ${frenchDay(isoDay(40))}`);

    await panel.getByRole('button', { name: 'Enregistrer une promesse' }).click();
    const dialog = page.getByRole('dialog', { name: 'Promesse de paiement' });
    await dialog.getByRole('textbox', { name: /^Montant 1/ }).fill('150,50');
    await dialog.getByRole('button', { name: 'Enregistrer la promesse' }).click();
    await panel.locator('[data-event="promise"]').waitFor();
    expect(await panel.locator('[data-event="promise"]').textContent()).toMatch(/150,50\u00a0€ pour le/);
    await shot('case-engine');

    await page.getByRole('radiogroup', { name: 'Langue' }).getByText('EN', { exact: true }).click();
    // The promise is applied at once (POST /cases/:caseId/promises): on a case paused by hand, nothing is planned.
    await expect
      .poll(() => next.textContent(), { timeout: 15_000 })
      .toMatch(/^(Next action: .+ on \d|No action planned: )/);
    await panel.getByRole('heading', { name: 'Late interest and fees' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('FR', { exact: true }).click();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
