import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './support/browser.ts';
import { type RunningRelance, startRelance } from './support/server.ts';
import { signInAs } from './support/sign-in.ts';
import { ensureWebBuild } from './support/web-build.ts';

const screenshots = new URL('./screenshots/', import.meta.url).pathname;

let relance: RunningRelance | undefined;
let browser: LaunchedBrowser | undefined;
let page: Page;
const pageErrors: string[] = [];

function server(): RunningRelance {
  if (!relance) throw new Error('The server did not start.');
  return relance;
}

type Debtor = { readonly id: string; readonly name: string; readonly tags: readonly string[] };

/** The tags shown on the debtor's card. */
async function shownTags(): Promise<string[]> {
  const badges = page.getByTestId('debtor-tags');
  if ((await badges.count()) === 0) return [];
  return (await badges.locator('.mantine-Badge-label').allTextContents()).map((t) => t.trim());
}

describe('a supervisor tags a debtor senior', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    const webDist = ensureWebBuild();
    relance = await startRelance({ webDist, size: 30 });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await relance?.stop();
  });

  let debtor: Debtor;

  it('opens a debtor without the tag, adds « senior » and sees it after a reload', async () => {
    await signInAs(page, server(), 'supervisor');
    const list = await page.request.get(`${server().url}/api/v1/debtors?pageSize=50`);
    const found = ((await list.json()) as { items: Debtor[] }).items.find((d) => !d.tags.includes('senior'));
    if (!found) throw new Error('Every demo debtor is already senior.');
    debtor = found;

    await page.goto(`${server().url}/debtors/${debtor.id}`);
    await page.getByRole('heading', { level: 1, name: debtor.name }).waitFor();
    expect(await shownTags()).toEqual([...debtor.tags]);
    await page.getByRole('button', { name: 'Modifier', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Étiquettes du débiteur' });
    await dialog
      .getByText('Les étiquettes « senior » et « actif » choisissent les horaires de contact')
      .waitFor();
    const input = dialog.getByLabel('Étiquettes', { exact: true });
    await input.fill('Senior');
    await input.press('Enter');
    await page.screenshot({ path: `${screenshots}debtor-tags-editor.png` });
    await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Étiquettes enregistrées.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(shownTags).toContain('senior');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: debtor.name }).waitFor();
    expect(await shownTags()).toEqual([...new Set([...debtor.tags, 'senior'])].sort());
  });

  it('shows the server’s refusal naming a tag that is too long, and keeps the tags', async () => {
    const long = `vraiment-${'x'.repeat(40)}`;
    await page.getByRole('button', { name: 'Modifier', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Étiquettes du débiteur' });
    const input = dialog.getByLabel('Étiquettes', { exact: true });
    // Typed but not entered: saved as well.
    await input.fill(long);
    await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await dialog.getByRole('alert').getByText(`L’étiquette « ${long} » dépasse 40 caractères.`).waitFor();
    await page.screenshot({ path: `${screenshots}debtor-tags-refused.png` });
    await dialog.getByRole('button', { name: 'Annuler', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const saved = await page.request.get(`${server().url}/api/v1/debtors/${debtor.id}`);
    expect(((await saved.json()) as Debtor).tags).toContain('senior');
    expect(((await saved.json()) as Debtor).tags).not.toContain(long);
    expect(pageErrors).toEqual([]);
  });
});
