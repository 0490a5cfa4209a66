import { mkdirSync } from 'node:fs';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCamt } from '../packages/server/test/payments/statements/camt053-builder.ts';
import { type LaunchedBrowser, launchChromium } from './support/browser.ts';
import { type RunningRelance, startRelance } from './support/server.ts';
import { signInAs } from './support/sign-in.ts';
import { ensureWebBuild } from './support/web-build.ts';

const screenshots = new URL('./screenshots/', import.meta.url).pathname;

let relance: RunningRelance | undefined;
let browser: LaunchedBrowser | undefined;
let page: Page;
const pageErrors: string[] = [];

function api(path: string): string {
  if (!relance) throw new Error('The server did not start.');
  return `${relance.url}/api/v1${path}`;
}

function answerTo(method: string, path: RegExp): Promise<Response> {
  return page.waitForResponse(
    (response) => response.request().method() === method && path.test(new URL(response.url()).pathname),
    { timeout: 30_000 },
  );
}

type FoundCase = {
  readonly id: string;
  readonly debtor: { readonly name: string };
  readonly currency: string;
  readonly outstandingMinor: number;
};
type Payments = { readonly payments: readonly { readonly amountMinor: number; readonly channel: string }[] };

/** Two open cases of the demo with different debtors: one to find by hand, one the amount and name point to. */
let byHand: FoundCase;
let byName: FoundCase;

describe('a supervisor reconciles a bank statement: imported through the API, a line matched by hand', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    relance = await startRelance({ webDist: ensureWebBuild() });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await relance?.stop();
  });

  it('imports a statement through the API', async () => {
    if (!relance) throw new Error('no server');
    await signInAs(page, relance, 'supervisor');
    const list = await page.request.get(api('/cases?pageSize=20&sort=balance&order=desc'));
    const { items } = (await list.json()) as { items: FoundCase[] };
    const [first, second] = items.filter(
      (c, i, all) => all.findIndex((o) => o.debtor.name === c.debtor.name) === i,
    );
    if (!first || !second) throw new Error('two open cases in the demo');
    byHand = first;
    byName = second;
    const xml = buildCamt({
      messageId: 'E2E-RECONCILIATION',
      entries: [
        { amountMinor: 123_45, remittance: 'Paiement', payerName: 'M. X', endToEndId: 'E2E-BY-HAND' },
        {
          amountMinor: byName.outstandingMinor,
          payerName: `${byName.debtor.name.toUpperCase()} SARL`,
          endToEndId: 'E2E-BY-NAME',
        },
      ],
    });
    const imported = await page.request.post(api('/statements/imports'), {
      multipart: { file: { name: 'releve-mars.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) } },
    });
    expect(imported.status(), await imported.text()).toBe(201);
    expect(await imported.json()).toMatchObject({ newCount: 2, statuses: { unmatched: 1, review: 1 } });
  });

  it('lists the lines to finish with their candidates and reasons', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Rapprochement', exact: true }).click();
    await page.waitForURL(/\/reconciliation/);
    await page.getByRole('heading', { name: 'Rapprochement bancaire' }).waitFor();
    const named = page.getByTestId('statement-line').filter({ hasText: 'E2E-BY-NAME' });
    await named.getByTestId('line-candidates').getByRole('link', { name: byName.debtor.name }).waitFor();
    expect(await named.getByTestId('line-reason').textContent()).toContain('Correspondance trop incertaine');
    expect(await named.getByTestId('line-candidates').textContent()).toContain('Montant exact du solde');
    await page.screenshot({ path: `${screenshots}reconciliation-queue.png`, fullPage: true });
  });

  it('finds a case by its debtor’s name and books the line on it', async () => {
    const line = page.getByTestId('statement-line').filter({ hasText: 'E2E-BY-HAND' });
    await line.getByRole('button', { name: 'Chercher un dossier…' }).click();
    const modal = page.getByRole('dialog', { name: 'Rapprocher d’un dossier' });
    await modal.getByLabel('Débiteur, référence ou n° de facture').fill(byHand.debtor.name);
    const results = modal.getByTestId('case-search-results');
    await results.waitFor();
    const matched = answerTo('POST', /\/api\/v1\/statements\/lines\/[^/]+\/match$/);
    await results
      .getByRole('button', { name: `Rapprocher de ${byHand.debtor.name}` })
      .first()
      .click();
    expect((await matched).status()).toBe(200);
    await modal.waitFor({ state: 'detached' });
    await line.waitFor({ state: 'detached' });
    const payments = (await (await page.request.get(api(`/cases/${byHand.id}/payments`))).json()) as Payments;
    expect(payments.payments.some((p) => p.amountMinor === 123_45 && p.channel === 'statement')).toBe(true);
  });

  it('sets the other line aside, saying why', async () => {
    const line = page.getByTestId('statement-line').filter({ hasText: 'E2E-BY-NAME' });
    await line.getByRole('button', { name: 'Écarter' }).click();
    const modal = page.getByRole('dialog', { name: 'Écarter cette ligne' });
    await modal.getByLabel('Pourquoi ?').fill('Virement interne');
    await modal.getByRole('button', { name: 'Écarter' }).click();
    await line.waitFor({ state: 'detached' });
    await page.getByText('Rien à afficher ici.').waitFor();
  });

  it('uploads a statement from the page, and says when it was already imported', async () => {
    const xml = buildCamt({
      messageId: 'E2E-UPLOAD',
      entries: [{ amountMinor: 77_00, remittance: 'Virement', endToEndId: 'E2E-UPLOAD-1' }],
    });
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('statement-upload').click();
    const sent = answerTo('POST', /\/api\/v1\/statements\/imports$/);
    await (await chooser).setFiles({
      name: 'releve-avril.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(xml),
    });
    expect((await sent).status()).toBe(201);
    expect(await page.getByTestId('last-import').textContent()).toContain(
      'releve-avril.xml : 1 ligne(s), 1 nouvelle(s)',
    );
    await page.getByTestId('statement-line').filter({ hasText: 'E2E-UPLOAD-1' }).waitFor();
    await page.getByTestId('statement-imports').getByText('releve-mars.xml').waitFor();

    // The first upload's notice sits over the page's top right corner until it closes by itself — which it
    // does not while the pointer rests on it (Mantine pauses a notice under the mouse): the pointer, left on the
    // upload button it clicked, is moved away first.
    await page.mouse.move(10, 400);
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 20_000 }).toBe(0);
    const again = page.waitForEvent('filechooser');
    await page.getByTestId('statement-upload').click();
    const resent = answerTo('POST', /\/api\/v1\/statements\/imports$/);
    await (await again).setFiles({
      name: 'releve-avril.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(xml),
    });
    expect(await (await resent).json()).toMatchObject({ importId: null, newCount: 0, knownCount: 1 });
    await page.getByText('Relevé déjà importé : sa ligne est connue, rien n’a changé.').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
