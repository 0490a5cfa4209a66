import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './support/browser.ts';
import { type RunningRelance, startRelance } from './support/server.ts';
import { signInAs } from './support/sign-in.ts';
import { ensureWebBuild } from './support/web-build.ts';

const screenshots = new URL('./screenshots/', import.meta.url).pathname;

/** A placement as a creditor's accounting exports it; the last row's due date is not a date. */
const placement = [
  "N° facture;Date facture;Date d'échéance;Montant TTC;Code client;Raison sociale;E-mail",
  'PORTAIL-001;05/09/2026;05/10/2026;640,00;PORT-C1;Menuiserie Portail SARL;compta@menuiserie-portail.fr',
  'PORTAIL-002;06/09/2026;pas une date;90,00;PORT-C2;Atelier Refusé;',
].join('\r\n');

type CaseControl = { heldAt: string | null; withdrawnAt: string | null; withdrawalReason: string | null };

let relance: RunningRelance | undefined;
let browser: LaunchedBrowser | undefined;
let page: Page;
const pageErrors: string[] = [];

function server(): RunningRelance {
  if (!relance) throw new Error('no server');
  return relance;
}

async function api<T>(path: string): Promise<T> {
  const response = await page.request.get(`${server().url}/api/v1${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

describe('the creditor portal: a client places claims, holds a case and withdraws another', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    relance = await startRelance({ webDist: ensureWebBuild(), clock: '2026-11-23T09:00:00.000Z' });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await relance?.stop();
  });

  it('places a small CSV for its own creditor, the bad row rejected and the good one kept', async () => {
    await signInAs(page, server(), 'client');
    await page.getByRole('navigation').getByRole('link', { name: 'Imports', exact: true }).click();
    await page.waitForURL(/\/imports/);
    const me = await api<{ creditor: { name: string; ref: string } }>('/auth/me');
    expect(await page.getByTestId('import-own-creditor').textContent()).toContain(me.creditor.name);
    expect(await page.getByRole('combobox', { name: 'Créancier' }).count()).toBe(0);
    await page.getByLabel('Fichier à importer').setInputFiles({
      name: 'placement-novembre.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(placement, 'utf8'),
    });
    await page.locator('table[aria-label="Correspondance des colonnes"]').waitFor();
    await page.getByRole('button', { name: "Lancer l'import" }).click();
    await page.getByText('Import terminé').waitFor();
    expect(await page.getByTestId('rejected-count').textContent()).toBe('1');
    const placed = await api<{ items: { invoiceNumber: string; creditor: { name: string } }[] }>(
      '/claims?q=PORTAIL',
    );
    expect(placed.items.map((c) => [c.invoiceNumber, c.creditor.name])).toEqual([
      ['PORTAIL-001', me.creditor.name],
    ]);
    await page.screenshot({ path: `${screenshots}creditor-portal-import.png`, fullPage: true });
  });

  it('puts a case on hold: the case page says so, and nothing is left to send', async () => {
    const cases = await api<{ items: { id: string; status?: string }[] }>('/cases?pageSize=20&sort=balance');
    const open = cases.items.filter((c) => c.status !== 'closed');
    expect(open.length).toBeGreaterThan(1);
    const held = open[0]!.id;
    await page.goto(`${server().url}/cases/${held}`);
    await page.getByRole('button', { name: 'Suspendre' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer' }).click();
    await page.getByTestId('case-held').waitFor();
    expect(await page.getByTestId('case-held').textContent()).toContain('Suspendu par le créancier');
    expect(await page.getByRole('button', { name: 'Reprendre' }).count()).toBe(1);
    const detail = await api<{ control: CaseControl }>(`/cases/${held}`);
    expect(detail.control.heldAt).not.toBeNull();
    // A reload shows the same: the hold is the case's, not the page's.
    await page.reload();
    await page.getByTestId('case-held').waitFor();
    await page.screenshot({ path: `${screenshots}creditor-portal-held.png`, fullPage: true });
  });

  it('withdraws another case with a reason: closed, its claims withdrawn, no more buttons', async () => {
    const cases = await api<{ items: { id: string; status?: string }[] }>('/cases?pageSize=20&sort=balance');
    const open = cases.items.filter((c) => c.status !== 'closed');
    const withdrawn = open[1]!.id;
    await page.goto(`${server().url}/cases/${withdrawn}`);
    await page.getByRole('button', { name: 'Retirer le dossier' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('button', { name: 'Confirmer' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Motif du retrait').fill('Réglé directement avec le client');
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByTestId('case-withdrawn').waitFor();
    expect(await page.getByTestId('case-withdrawn').textContent()).toContain(
      'Réglé directement avec le client',
    );
    expect(await page.getByRole('button', { name: 'Retirer le dossier' }).count()).toBe(0);
    const detail = await api<{
      case: { status: string; outstandingMinor: number };
      claims: { status: string }[];
      control: CaseControl;
    }>(`/cases/${withdrawn}`);
    expect(detail.case.status).toBe('closed');
    expect(detail.case.outstandingMinor).toBe(0);
    expect(detail.claims.filter((c) => c.status === 'open' || c.status === 'disputed')).toEqual([]);
    expect(detail.control.withdrawalReason).toBe('Réglé directement avec le client');
    await page.screenshot({ path: `${screenshots}creditor-portal-withdrawn.png`, fullPage: true });
  });

  it('sets its monthly report and previews the PDF', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Rapports', exact: true }).click();
    await page.waitForURL(/\/reports/);
    await page.getByLabel('Destinataires').fill('direction@exemple.fr, dg@exemple.fr');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Rapport programmé enregistré.').waitFor();
    const me = await api<{ creditor: { id: string } }>('/auth/me');
    const saved = await api<{ subscription: { recipients: string[]; frequency: string } }>(
      `/creditors/${me.creditor.id}/report-subscription`,
    );
    expect(saved.subscription).toMatchObject({
      frequency: 'monthly',
      recipients: ['direction@exemple.fr', 'dg@exemple.fr'],
    });
    const href = await page.getByRole('link', { name: 'Aperçu du PDF' }).getAttribute('href');
    const pdf = await page.request.get(`${server().url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await page.screenshot({ path: `${screenshots}creditor-portal-reports.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
