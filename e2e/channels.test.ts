import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './support/browser.ts';
import { type RunningRelance, startRelance } from './support/server.ts';
import { ensureWebBuild } from './support/web-build.ts';

const repoRoot = new URL('../', import.meta.url).pathname;
const screenshots = new URL('./screenshots/', import.meta.url).pathname;
const docsScreenshot = (name: string) => new URL(`../docs/${name}.png`, import.meta.url).pathname;

let relance: RunningRelance | undefined;
let browser: LaunchedBrowser | undefined;
let page: Page;
const pageErrors: string[] = [];
const consoleErrors: string[] = [];
/** The case whose e-mail the journey opens in the demo mailbox, then follows to its evidence. */
let mailedDebtor = '';

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

type OutboxPage = {
  readonly counts: Readonly<Record<string, number>>;
  readonly items: readonly { readonly channel: string; readonly scheduledAt: string | null }[];
};

async function outbox(status: string): Promise<OutboxPage> {
  const response = await page.request.get(`${server().url}/api/v1/outbox?status=${status}&limit=500`);
  expect(response.status()).toBe(200);
  return (await response.json()) as OutboxPage;
}

/**
 * `relance dispatch --once` beside the running server, on its database, as of a minute after the last
 * planned action is due: the demo's run schedules the day's contacts in the morning's opening hours,
 * which may still be hours away when the journey runs.
 */
async function dispatchOnce(now: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [
      'packages/server/src/cli/main.ts',
      'dispatch',
      '--once',
      '--json',
      '--now',
      now,
      '--db',
      server().database,
    ],
    { cwd: repoRoot, env: { ...process.env, RELANCE_DATA_DIR: server().dataDir, NO_COLOR: '1' } },
  );
}

/** While true, the server's 400 to a template save is the refusal the journey asks for. */
let refusalExpected = false;

/**
 * Console errors a user would not see as a fault: Chromium logs every 4xx answer, so the session probe
 * before signing in and the refused template save are expected; anything else fails the journey.
 */
function unjustified(message: ConsoleMessage): boolean {
  const url = message.location().url;
  if (message.text().includes('status of 401') && url.endsWith('/api/v1/auth/me')) return false;
  if (refusalExpected && message.text().includes('status of 400') && url.includes('/api/v1/templates/'))
    return false;
  return true;
}

describe('a supervisor follows the day’s messages, edits a template, prints the letters and keeps the evidence', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    const webDist = ensureWebBuild();
    relance = await startRelance({ webDist, demoRun: true, dispatch: false });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && unjustified(message))
        consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await relance?.stop();
  });

  it('signs in as the supervisor; the dispatcher sends the day’s planned e-mails, SMS and letters', async () => {
    const supervisor = server().accounts.find((account) => account.role === 'supervisor');
    if (!supervisor) throw new Error('No demo supervisor account.');
    await page.goto(`${server().url}/sign-in`);
    await page.getByLabel('Adresse e-mail').fill(supervisor.email);
    await page.getByLabel('Mot de passe').fill(supervisor.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/portfolio/);

    const planned = await outbox('planned');
    const emails = planned.items.filter((item) => item.channel === 'email' && item.scheduledAt);
    expect(emails.length).toBeGreaterThan(0);
    const last = Math.max(...planned.items.map((item) => Date.parse(item.scheduledAt ?? '') || 0));
    await dispatchOnce(new Date(last + 60_000).toISOString());
    await expect
      .poll(async () => (await outbox('sent')).counts.sent ?? 0, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(emails.length);
  });

  it('sees the sent e-mails in the outbox and opens one in the demo mailbox', async () => {
    await navLink('File d’envoi').click();
    await page.waitForURL(/\/outbox$/);
    await page.getByRole('heading', { level: 1, name: 'File d’envoi' }).waitFor();
    await page.getByRole('tab', { name: /^À valider/ }).click();
    const waiting = page.locator('table[aria-label="File d’envoi"] tbody tr[data-status="review"]');
    await waiting.first().waitFor();
    await shot('outbox-review');
    // An action waiting for review is approved from the outbox itself: it leaves the tab.
    const reviewed = await waiting.first().getAttribute('data-action');
    await waiting.first().getByRole('button', { name: 'Approuver' }).click();
    await page.getByText('Action approuvée : elle sera envoyée à l’heure prévue.').waitFor();
    await page.locator(`tr[data-action="${reviewed}"]`).waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByRole('tab', { name: /^Envoyées/ }).click();
    const rows = page.locator('table[aria-label="File d’envoi"] tbody tr[data-status="sent"]');
    await rows.first().waitFor({ timeout: 15_000 });
    const emailRow = rows.filter({ hasText: 'E-mail' }).first();
    await emailRow.waitFor();
    expect(await emailRow.textContent()).toMatch(/envoyé le \d{1,2} \S+ 20\d\d, \d\d:\d\d/);
    mailedDebtor = (await emailRow.locator('a').first().textContent()) ?? '';
    expect(mailedDebtor).not.toBe('');
    // Nothing to decide about a sent action: no empty "Décision" column.
    expect(await page.locator('table[aria-label="File d’envoi"] th').allTextContents()).not.toContain(
      'Décision',
    );
    await shot('outbox-sent');
    await docsShot('screenshot-outbox', (path) => page.screenshot({ path }));

    await page.getByRole('tab', { name: 'Boîte de démonstration' }).click();
    const messages = page.locator('table[aria-label="Boîte de démonstration"] tbody tr');
    await messages.first().waitFor({ timeout: 15_000 });
    const message = messages.filter({ hasText: mailedDebtor }).first();
    await message.getByRole('button').click();
    const opened = page.getByTestId('mailbox-message');
    await opened.waitFor();
    expect(await opened.textContent()).toContain(mailedDebtor);
    expect(await opened.textContent()).toMatch(/Objet :.*restant dû/);
    expect(await opened.textContent()).toContain(`À : ${mailedDebtor} <`);
    const body = page.frameLocator('iframe').first();
    await body
      .locator('body')
      .getByText(/restent impayées/)
      .waitFor();
    await shot('outbox-mailbox');
  });

  it('edits the reminder e-mail: the live preview follows on a real case, an unknown variable is refused where it stands, a valid version is saved', async () => {
    await navLink('Modèles').click();
    await page.waitForURL(/\/templates$/);
    await page.getByText('Choisissez un modèle pour le modifier').waitFor();
    await shot('templates');
    await page.locator('tr[data-template="reminder-email/email/fr"]').getByRole('button').click();
    const subject = page.getByRole('textbox', { name: 'Objet' });
    await expect.poll(() => subject.inputValue(), { timeout: 15_000 }).toContain('{{balance.total}}');

    const caseSearch = page.getByTestId('preview-case');
    await caseSearch.fill(mailedDebtor.slice(0, 12));
    await page.getByRole('option', { name: new RegExp(`^${mailedDebtor}`) }).click();
    const preview = page.getByTestId('template-preview');
    await expect.poll(() => preview.textContent(), { timeout: 15_000 }).not.toContain('exemple fictif');
    const previewSubject = page.getByTestId('preview-subject');
    expect(await previewSubject.textContent()).toMatch(/^Relance : .+\s€ restant dû — dossier [A-Z]+-/);

    await subject.fill('Rappel amical pour {{debtor.name}} — {{balance.total}}');
    await expect
      .poll(() => previewSubject.textContent(), { timeout: 15_000 })
      .toMatch(new RegExp(`^Rappel amical pour ${mailedDebtor} — .+\\s€$`));

    const body = page.getByTestId('template-body');
    const original = await body.inputValue();
    await body.fill(`Bonjour {{debtor.nickname}},\n${original}`);
    const issues = page.getByTestId('template-issues');
    await expect.poll(() => issues.first().textContent(), { timeout: 15_000 }).toMatch(/Texte 1:9/);
    refusalExpected = true;
    await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    await expect.poll(() => issues.count(), { timeout: 15_000 }).toBe(2);
    expect(await issues.last().textContent()).toMatch(/Texte 1:9.*nickname/);
    refusalExpected = false;
    // Told once, beside the text, in French: not again in a notification with the server's English.
    expect(await page.getByText('The template is not valid').count()).toBe(0);
    await shot('template-refused');

    await body.fill(`Bonjour {{debtor.name}},\n${original}`);
    await expect.poll(() => page.getByTestId('template-issues').count(), { timeout: 15_000 }).toBe(0);
    await expect
      .poll(() => page.getByTestId('preview-text').textContent(), { timeout: 15_000 })
      .toContain(`Bonjour ${mailedDebtor},`);
    await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    await page.getByText('Version 1 enregistrée.').waitFor();
    await page
      .locator('tr[data-template="reminder-email/email/fr"]')
      .getByText('Version 1')
      .waitFor({ timeout: 15_000 });
    await shot('template-editor');
    await docsShot('screenshot-template-editor', (path) => page.screenshot({ path }));
  });

  it('builds today’s print batch from the letters the dispatcher produced; its PDF answers as a PDF', async () => {
    await navLink('Courrier').click();
    await page.waitForURL(/\/mail$/);
    const waiting = page.locator('table[aria-label="Lettres à imprimer"] tbody tr');
    await waiting.first().waitFor({ timeout: 15_000 });
    const letters = await waiting.count();
    expect(letters).toBeGreaterThan(0);
    await shot('mail-to-print');
    await page.getByRole('button', { name: 'Constituer le lot du jour' }).click();
    await page.getByText(new RegExp(`Lot constitué : ${letters} lettres?, \\d+ pages?\\.`)).waitFor();
    await page.getByText('Aucune lettre à imprimer.').waitFor();
    const batch = page.locator('table[aria-label="Lots d’impression"] tbody tr').first();
    await batch.waitFor();
    const pdf = await batch.getByRole('link', { name: 'PDF des lettres' }).getAttribute('href');
    expect(pdf).toBeTruthy();
    const response = await page.request.get(new URL(pdf ?? '', server().url).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await shot('mail-batch');
  });

  it('opens the mailed case: its evidence timeline, a note added to it, the evidence file downloaded', async () => {
    await navLink('File d’envoi').click();
    await page.getByRole('tab', { name: /^Envoyées/ }).click();
    await page
      .locator('table[aria-label="File d’envoi"]')
      .getByRole('link', { name: mailedDebtor })
      .first()
      .click();
    await page.waitForURL(/\/cases\//);
    const panel = page.locator('section[aria-labelledby="evidence-title"]');
    await panel.getByRole('heading', { name: 'Preuves' }).waitFor();
    const timeline = panel.getByLabel('Journal de preuve du dossier');
    await timeline.waitFor({ timeout: 15_000 });
    expect(await timeline.textContent()).toContain('E-mail envoyé');
    expect(await timeline.textContent()).toContain('envoi automatique');
    await timeline.getByRole('link', { name: 'Télécharger l’e-mail tel qu’envoyé (.eml)' }).waitFor();

    const note = 'Appel du gérant : il promet un virement vendredi.';
    await panel.getByRole('textbox', { name: 'Ajouter une note' }).fill(note);
    await panel.getByRole('button', { name: 'Ajouter la note' }).click();
    await timeline.getByText(note).waitFor({ timeout: 15_000 });
    expect(await timeline.textContent()).not.toMatch(/user:|dispatcher/);
    await panel.scrollIntoViewIfNeeded();
    await shot('case-evidence');
    await docsShot('screenshot-evidence', (path) => panel.screenshot({ path }));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('link', { name: 'Exporter le dossier de preuve' }).click(),
    ]);
    const file = await download.path();
    const zip = readFileSync(file);
    expect(zip.subarray(0, 4).toString('hex')).toBe('504b0304');
    expect(zip.includes('00-summary.pdf')).toBe(true);
  });

  it('reads the evidence panel in English once the language is switched', async () => {
    await page.getByRole('radiogroup', { name: 'Langue' }).getByText('EN', { exact: true }).click();
    const panel = page.locator('section[aria-labelledby="evidence-title"]');
    await panel.getByRole('heading', { name: 'Evidence' }).waitFor();
    await panel.getByRole('link', { name: 'Export evidence file' }).waitFor();
    await panel.getByRole('button', { name: 'Add the note' }).waitFor();
    await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toMatch(/entry #\d+/);
    await shot('case-evidence-en');
    await navLink('Outbox').click();
    await page.getByRole('tab', { name: /^Sent/ }).waitFor();
    // The planned tab (the action approved above waits there for its time) speaks English too.
    await page.getByRole('columnheader', { name: 'Reason / last error' }).waitFor();
    await shot('outbox-en');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('FR', { exact: true }).click();
  });

  it('raised no error in the page or its console', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
