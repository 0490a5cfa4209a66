import { mkdirSync } from 'node:fs';
import type { ConsoleMessage, Page, Response } from 'playwright-core';
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
const consoleErrors: string[] = [];
/** The case the agent disputes, and the new step's id. */
let caseId = '';
let stepId = '';

function server(): RunningRelance {
  if (!relance) throw new Error('The server did not start.');
  return relance;
}

function api(path: string): string {
  return `${server().url}/api/v1${path}`;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
}

function answerTo(method: string, path: RegExp): Promise<Response> {
  return page.waitForResponse(
    (response) => response.request().method() === method && path.test(new URL(response.url()).pathname),
    { timeout: 30_000 },
  );
}

/** The console errors a person would not see as a fault: the session probe, and the save the test makes fail. */
function unjustified(message: ConsoleMessage): boolean {
  const url = message.location().url;
  if (message.text().includes('status of 401') && url.endsWith('/api/v1/auth/me')) return false;
  return !(message.text().includes('status of 400') && url.includes('/api/v1/call-scripts/'));
}

/** No part of the page wider than the screen: nothing to scroll sideways but the tables themselves. */
async function fitsTheWidth(): Promise<void> {
  // A string, evaluated in the page: the tests are compiled without the DOM's types.
  const [scroll, inner] = (await page.evaluate(
    '[document.documentElement.scrollWidth, window.innerWidth]',
  )) as [number, number];
  expect(scroll, 'the page does not scroll sideways').toBeLessThanOrEqual(inner);
}

describe('call scripts as forms, disputes with documents, the timeline’s zone, a phone’s width', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    const webDist = ensureWebBuild();
    relance = await startRelance({ webDist });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && unjustified(message))
        consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await relance?.stop();
  });

  it('a supervisor edits the call script as a form: a mistake is shown beside its step, then a version is saved', async () => {
    await signInAs(page, server(), 'supervisor');
    await page.getByRole('navigation').getByRole('link', { name: 'Scripts d’appel', exact: true }).click();
    const table = page.getByRole('table', { name: 'Scripts d’appel' });
    await table.locator('[data-script="default:fr"]').getByRole('link').click();
    await page.locator('[data-node-id="identity"]').waitFor();

    // A new step nothing leads to yet: the server refuses it, and says so beside the step.
    await page.getByRole('button', { name: 'Ajouter une étape', exact: true }).click();
    const added = page.locator('section[data-node-id^="step_"]').last();
    stepId = (await added.getAttribute('data-node-id')) ?? '';
    await added
      .getByLabel('Ce que dit le conseiller')
      .fill('Avez-vous bien reçu notre courrier du {{today}} ?');
    await added.getByLabel('Réponse 1', { exact: true }).fill('Oui, reçu');
    const refused = answerTo('PUT', /\/api\/v1\/call-scripts\/default$/);
    await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    expect((await refused).status()).toBe(400);
    await added.getByTestId('script-issue').first().waitFor();
    expect(await added.getByTestId('script-issue').allTextContents()).toEqual([
      `L’étape « ${stepId} » n’est jamais atteinte depuis le départ.`,
    ]);
    await page.getByTestId('script-issues').waitFor();
    await shot('scripts-issue-beside-step');

    // An answer of the first step leads to it: saved as version 1.
    const identity = page.locator('[data-node-id="identity"]');
    await identity.getByRole('button', { name: 'Ajouter une réponse', exact: true }).click();
    const answer = identity.locator('[data-answer="3"]');
    await answer.getByLabel('Réponse 4', { exact: true }).fill('Courrier non reçu');
    await answer.getByLabel('Étape suivante').selectOption({ label: stepId });
    await answer.getByLabel('Motif de non-paiement').selectOption('invoice_not_received');
    const saved = answerTo('PUT', /\/api\/v1\/call-scripts\/default$/);
    await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId('script-saved').getByText('Version 1 enregistrée').waitFor();
    const stored = (await (await page.request.get(api('/call-scripts/default?language=fr'))).json()) as {
      version: number;
      definition: { nodes: Record<string, { say: string }> };
    };
    expect(stored.version).toBe(1);
    expect(stored.definition.nodes[stepId]?.say).toContain('notre courrier');

    // The preview walks it as an agent would.
    await page.getByRole('tab', { name: 'Aperçu' }).click();
    const preview = page.getByTestId('script-preview');
    await preview.getByRole('button', { name: 'Courrier non reçu' }).click();
    expect(await preview.getByTestId('script-say').textContent()).toContain(
      'Avez-vous bien reçu notre courrier',
    );
    await preview.getByRole('button', { name: 'Oui, reçu' }).click();
    await preview.getByTestId('script-done').waitFor();
    await shot('scripts-preview');
  });

  it('an agent reads the scripts but cannot change them', async () => {
    await browser?.context.clearCookies();
    await signInAs(page, server(), 'agent');
    await page.getByRole('navigation').getByRole('link', { name: 'Scripts d’appel', exact: true }).click();
    await page.locator('[data-script="default:fr"]').getByRole('link').click();
    await page.locator(`[data-node-id="${stepId}"]`).waitFor();
    await page
      .getByText('Lecture seule : seuls un superviseur ou un administrateur modifient les scripts.')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).count()).toBe(0);
    expect(
      await page
        .locator('[data-node-id="identity"]')
        .getByLabel('Ce que dit le conseiller')
        .getAttribute('readonly'),
    ).not.toBeNull();
  });

  it('the agent opens a dispute of part of an invoice with the debtor’s documents; they are listed and downloadable', async () => {
    const list = (await (
      await page.request.get(api('/cases?pageSize=20&collectability=collectable'))
    ).json()) as {
      items: { id: string }[];
    };
    caseId = list.items[0]?.id ?? '';
    await page.goto(`${server().url}/workspace?caseId=${caseId}`);
    await page.getByTestId('lock-clock').waitFor();
    await page.keyboard.press('d');
    const modal = page.getByRole('dialog', { name: 'Ouvrir un litige' });
    await modal.waitFor();
    await modal.getByRole('checkbox').first().check();
    await modal.getByLabel(/^Montant contesté sur/).fill('10');

    // A file over the server's 10 MB is refused before anything is sent.
    const files = modal.locator('input[type="file"]');
    const big = {
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 1),
    };
    await files.setInputFiles([big]);
    await modal.getByText('« scan.pdf » dépasse 10 Mo.').waitFor();
    let posted = 0;
    const count = (response: Response) => {
      if (response.request().method() === 'POST' && /\/disputes$/.test(response.url())) posted++;
    };
    page.on('response', count);
    await modal.getByRole('button', { name: 'Ouvrir le litige' }).click();
    await page.waitForTimeout(500);
    expect(posted, 'nothing is sent while a file is refused').toBe(0);
    page.off('response', count);

    const letter = {
      name: 'courrier-debiteur.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 lettre'),
    };
    const photo = {
      name: 'photo-livraison.png',
      mimeType: 'image/png',
      buffer: Buffer.from('PNG photo bytes'),
    };
    await files.setInputFiles([letter, photo]);
    const opened = answerTo('POST', /\/api\/v1\/cases\/[^/]+\/disputes$/);
    await modal.getByRole('button', { name: 'Ouvrir le litige' }).click();
    const dispute = (await (await opened).json()) as {
      id: string;
      amountMinor: number;
      claims: { claimId: string }[];
    };
    expect(dispute.amountMinor).toBe(1000);
    await modal.waitFor({ state: 'detached' });
    const listed = page.locator(`[data-dispute="${dispute.id}"]`).getByTestId('dispute-document');
    await expect.poll(() => listed.count(), { timeout: 15_000 }).toBe(2);
    const href = (await listed.filter({ hasText: 'courrier-debiteur.pdf' }).getAttribute('href')) ?? '';
    const file = await page.request.get(`${server().url}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('application/pdf');
    expect(Buffer.from(await file.body()).toString()).toBe('%PDF-1.4 lettre');
    // Part of the invoice: the claim stays open, the rest of it still collectable, its disputed part told.
    const detail = (await (await page.request.get(api(`/cases/${caseId}`))).json()) as {
      claims: {
        id: string;
        status: string;
        disputedMinor: number;
        assessment: { verdict: string; warnings: { code: string }[] };
      }[];
    };
    const claim = detail.claims.find((c) => c.id === dispute.claims[0]?.claimId);
    expect(claim).toMatchObject({
      status: 'open',
      disputedMinor: 1000,
      assessment: { verdict: 'collectable' },
    });
    expect(claim?.assessment.warnings.map((w) => w.code)).toContain('partly_disputed');
    await shot('workspace-dispute-documents');
  });

  it('the case’s timeline tells its times in the agent’s zone, named', async () => {
    const timeline = page.getByLabel('Journal de preuve du dossier');
    await expect
      .poll(async () => (await timeline.textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/\d{2}:\d{2} UTC\+[12]/);
  });

  it('at a phone’s width the workspace and the case page stack, and a form takes the whole screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('workspace-debtor').waitFor();
    await fitsTheWidth();
    await page
      .getByRole('region', { name: 'Accords pendant l’appel' })
      .getByRole('button', { name: /^Litige/ })
      .click();
    const modal = page.getByRole('dialog', { name: 'Ouvrir un litige' });
    await modal.waitFor();
    const box = await modal.boundingBox();
    expect(box?.width).toBe(390);
    await page.screenshot({ path: `${screenshots}workspace-phone-dispute.png` });
    await modal.getByRole('button', { name: 'Annuler' }).click();
    await modal.waitFor({ state: 'detached' });
    await shot('workspace-phone');
    await page.goto(`${server().url}/cases/${caseId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await fitsTheWidth();
    await shot('case-phone');
    await page.setViewportSize({ width: 768, height: 1024 });
    await fitsTheWidth();
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
