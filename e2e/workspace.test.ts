import { mkdirSync } from 'node:fs';
import type { ConsoleMessage, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './support/browser.ts';
import { type RunningRelance, startRelance } from './support/server.ts';
import { signInAs } from './support/sign-in.ts';
import { ensureWebBuild } from './support/web-build.ts';

const screenshots = new URL('./screenshots/', import.meta.url).pathname;

/**
 * The next weekday at 10:00 in Paris (winter offset; 11:00 in summer, still inside the calling hours): the
 * server's clock starts there and the browser's with it, so calls are allowed and both agree on "today".
 */
function weekdayMorning(from: Date = new Date()): string {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + 1));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return `${day.toISOString().slice(0, 10)}T10:00:00+01:00`;
}

const clock = weekdayMorning();
/** Real time when the server was up: its clock is `clock` plus what has passed since (a little more, in fact). */
let startedAt = 0;

let relance: RunningRelance | undefined;
let browser: LaunchedBrowser | undefined;
let page: Page;
const pageErrors: string[] = [];
const consoleErrors: string[] = [];
/** The cases the agent took, in order. */
const taken: string[] = [];

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

/** The answer to the next request whose method and path match (registered before the click that sends it). */
function answerTo(method: string, path: RegExp): Promise<Response> {
  return page.waitForResponse(
    (response) => response.request().method() === method && path.test(new URL(response.url()).pathname),
    { timeout: 30_000 },
  );
}

async function json<T>(response: Response): Promise<T> {
  expect(response.status(), `${response.request().method()} ${response.url()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** The console errors a person would not see as a fault: the session probe before signing in. */
function unjustified(message: ConsoleMessage): boolean {
  return !(message.text().includes('status of 401') && message.location().url.endsWith('/api/v1/auth/me'));
}

type QueueEntry = { readonly id: string; readonly caseId: string; readonly lockedBy: string | null };

function serverNow(): number {
  return Date.parse(clock) + (Date.now() - startedAt);
}

/** Open tasks nobody holds, as the agent's queue lists them. */
async function callable(): Promise<number> {
  const response = await page.request.get(api('/queue?status=open'));
  if (!response.ok()) return -1;
  return ((await response.json()) as QueueEntry[]).filter((entry) => entry.lockedBy === null).length;
}

type CaseItem = { readonly id: string };
type CaseBody = {
  readonly debtor: {
    readonly contacts: readonly { readonly kind: string; readonly validity: string | null }[];
  };
  readonly claims: readonly { readonly status: string }[];
};

/**
 * When the demo's day plans too few calls for this hour, the agent books callbacks a minute or so
 * ahead on collectable cases with a phone and two open claims, which the dispatcher turns into tasks at
 * their time — the path a real callback takes.
 */
async function bookCallbacks(count: number): Promise<void> {
  const list = await page.request.get(api('/cases?pageSize=50&collectability=collectable'));
  const { items } = (await list.json()) as { items: CaseItem[] };
  let booked = 0;
  for (const item of items) {
    if (booked === count) break;
    const detail = (await (await page.request.get(api(`/cases/${item.id}`))).json()) as CaseBody;
    const phone = detail.debtor.contacts.some((c) => c.kind === 'phone' && c.validity !== 'invalid');
    if (!phone || detail.claims.filter((claim) => claim.status === 'open').length < 2) continue;
    const lock = await page.request.post(api(`/cases/${item.id}/lock`), { data: {} });
    if (!lock.ok()) continue;
    // The lock runs 15 minutes from the server's now: the callback goes to the first whole minute 40 s later.
    const { lockedUntil } = (await lock.json()) as { lockedUntil: string };
    const now = Date.parse(lockedUntil) - 15 * 60_000;
    const at = new Date(Math.ceil((now + 40_000) / 60_000) * 60_000).toISOString();
    const outcome = await page.request.post(api(`/cases/${item.id}/outcomes`), {
      data: { disposition: 'callback_requested', callbackAt: at },
    });
    expect(outcome.status(), await outcome.text()).toBe(200);
    booked += 1;
  }
  expect(booked).toBe(count);
}

/** "Next case" by its key, as an agent does; resolves with the task handed over. */
async function nextCase(): Promise<{ readonly id: string; readonly caseId: string }> {
  const answer = answerTo('POST', /\/api\/v1\/queue\/next$/);
  await page.keyboard.press('n');
  const response = await answer;
  expect(response.status(), 'a callable case is handed over').toBe(200);
  const { task } = (await response.json()) as { task: { id: string; caseId: string } };
  await page.waitForURL((url) => url.searchParams.get('caseId') === task.caseId);
  await page.getByTestId('workspace-debtor').waitFor();
  await page.getByTestId('lock-clock').waitFor();
  taken.push(task.caseId);
  return task;
}

/** Clicks the script's answers in order (the French default script). */
async function follow(...answers: readonly string[]): Promise<void> {
  const panel = page.getByTestId('script-panel');
  for (const label of answers) await panel.getByRole('button', { name: label, exact: true }).click();
}

describe('an agent’s day in the workspace: next case, script, promise, plan, payment link, dispute, callback', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    const webDist = ensureWebBuild();
    relance = await startRelance({ webDist, demoRun: true, clock });
    startedAt = Date.now();
    browser = await launchChromium();
    // The browser's clock runs from the server's: "today" and "in the future" mean the same on both sides.
    await browser.context.clock.install({ time: serverNow() });
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

  it('signs in as the agent and finds callable cases in the queue (the demo’s day planned the calls)', async () => {
    await signInAs(page, server(), 'agent');
    // Three cases are worked: a promise, a plan and a dispute on the second, a callback on the third (a dispute
    // of a case's only claim cancels its call: no callback can follow it there).
    const ready = await callable();
    if (ready < 3) await bookCallbacks(3 - Math.max(ready, 0));
    // The dispatcher turns the callbacks into tasks at their time (it looks every 15 s).
    await expect
      .poll(callable, { timeout: 150_000, interval: 2_000, message: 'three callable tasks for the agent' })
      .toBeGreaterThanOrEqual(3);
    await page.getByRole('navigation').getByRole('link', { name: 'Poste agent', exact: true }).click();
    await page.waitForURL(/\/workspace/);
    await page.getByRole('heading', { name: 'Poste agent', exact: true }).waitFor();
    expect(
      await page.getByTestId('queue-panel').count(),
      'the supervision of the queue is not the agent’s',
    ).toBe(0);
  }, 300_000);

  it('takes the next case: why this case now, its lock, the script', async () => {
    await nextCase();
    const parts = page.getByTestId('score-parts').locator('[data-part]');
    expect(await parts.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('lock-clock').textContent()).toMatch(/Réservé pour vous : \d+:\d\d/);
    await page.getByTestId('script-say').waitFor();
    await shot('workspace-next-case');
  });

  it('follows the script to a promise; the debtor gets its written confirmation', async () => {
    await follow('Oui, c’est la bonne personne', 'Un oubli', 'Paiera à une date précise');
    const modal = page.getByRole('dialog', { name: 'Promesse de paiement' });
    await modal.waitFor();
    expect(await modal.getByTestId('promise-written').textContent()).toContain('par écrit');
    await modal.getByLabel('Montant 1 (EUR)').fill('50');
    const saved = answerTo('POST', /\/api\/v1\/cases\/[^/]+\/promises$/);
    await modal.getByRole('button', { name: 'Enregistrer la promesse' }).click();
    const promise = await json<{ id: string; confirmation: { actionId: string } | null }>(await saved);
    expect(promise.confirmation, 'the written confirmation is in the outbox').not.toBeNull();
    await modal.waitFor({ state: 'detached' });
    await page.locator(`[data-promise="${promise.id}"]`).waitFor();
    await page.locator(`[data-action="${promise.confirmation?.actionId}"]`).waitFor();

    // The script suggested the promise: the outcome carries it, the path and the reason.
    expect(await page.getByLabel('Résultat', { exact: true }).inputValue()).toBe('promise');
    const recorded = answerTo('POST', /\/api\/v1\/cases\/[^/]+\/outcomes$/);
    await page.getByRole('button', { name: 'Enregistrer le résultat' }).click();
    const outcome = await recorded;
    await json(outcome);
    const sent = outcome.request().postDataJSON() as {
      promiseId?: string;
      reason?: string;
      scriptAnswers?: unknown[];
    };
    expect(sent.promiseId).toBe(promise.id);
    expect(sent.reason).toBe('oversight');
    expect(sent.scriptAnswers).toHaveLength(3);
    await shot('workspace-promise');
  });

  it('takes another case and sets up a three-instalment plan with its agreement as a PDF', async () => {
    const task = await nextCase();
    expect(task.caseId).not.toBe(taken[0]);
    await follow(
      'Oui, c’est la bonne personne',
      'Des difficultés de trésorerie passagères',
      'Accepte un échéancier',
    );
    const modal = page.getByRole('dialog', { name: 'Échéancier' });
    await modal.waitFor();
    const rows = modal.getByTestId('plan-preview').locator('tbody tr[data-seq]:not([data-seq="0"])');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
    const created = answerTo('POST', /\/api\/v1\/cases\/[^/]+\/payment-plans$/);
    await modal.getByRole('button', { name: 'Créer l’échéancier' }).click();
    const plan = await json<{ id: string; instalments: { seq: number }[] }>(await created);
    expect(plan.instalments.filter((line) => line.seq > 0)).toHaveLength(3);
    const pdf = modal.getByTestId('plan-pdf');
    const href = (await pdf.getAttribute('href')) ?? '';
    expect(href).toContain(`/payment-plans/${plan.id}/agreement.pdf`);
    const file = await page.request.get(`${server().url}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('application/pdf');
    await shot('workspace-plan');
    await modal.getByRole('button', { name: 'Fermer', exact: true }).click();
    await page.locator(`[data-plan="${plan.id}"]`).waitFor();
    // The plan has its own disposition, preselected for the outcome.
    expect(await page.getByLabel('Résultat', { exact: true }).inputValue()).toBe('payment_plan');
  });

  it('sends the payment link by SMS during the call: it leaves on the dispatcher’s next pass', async () => {
    await page.keyboard.press('l');
    const modal = page.getByRole('dialog', { name: 'Envoyer le lien de paiement' });
    await modal.waitFor();
    const sent = answerTo('POST', /\/api\/v1\/cases\/[^/]+\/payment-link$/);
    await modal.getByRole('button', { name: 'Par SMS' }).click();
    const link = await json<{ actionId: string; channel: string }>(await sent);
    expect(link.channel).toBe('sms');
    const status = modal.getByTestId('payment-link-status');
    expect(await status.getAttribute('data-action')).toBe(link.actionId);
    // The dispatcher looks every 15 s; the built-in SMS provider delivers at once.
    await expect
      .poll(() => status.locator('[data-status]').getAttribute('data-status'), { timeout: 60_000 })
      .toMatch(/^(sent|delivered)$/);
    await shot('workspace-payment-link');
    await modal.getByRole('button', { name: 'Fermer', exact: true }).click();
    await modal.waitFor({ state: 'detached' });
  });

  it('opens a dispute on one claim: the claim shows disputed', async () => {
    await page.keyboard.press('d');
    const modal = page.getByRole('dialog', { name: 'Ouvrir un litige' });
    await modal.waitFor();
    await modal.getByRole('checkbox').first().check();
    const opened = answerTo('POST', /\/api\/v1\/cases\/[^/]+\/disputes$/);
    await modal.getByRole('button', { name: 'Ouvrir le litige' }).click();
    const dispute = await json<{ id: string; claims: { claimId: string }[] }>(await opened);
    expect(dispute.claims).toHaveLength(1);
    await modal.waitFor({ state: 'detached' });
    await page.locator(`[data-dispute="${dispute.id}"]`).waitFor();
    const claims = page.getByRole('table', { name: 'Créances du dossier' });
    await expect
      .poll(async () => (await claims.locator('tbody').textContent()) ?? '', { timeout: 15_000 })
      .toContain('Contestée');
  });

  it('takes a third case and schedules a callback: the case comes back to the queue at the agreed time', async () => {
    const task = await nextCase();
    expect(taken.slice(0, -1)).not.toContain(task.caseId);
    await page.keyboard.press('r');
    const modal = page.getByRole('dialog', { name: 'Programmer un rappel' });
    await modal.waitFor();
    const saved = answerTo('POST', /\/api\/v1\/cases\/[^/]+\/outcomes$/);
    await modal.getByRole('button', { name: 'Programmer le rappel' }).click();
    const outcome = await json<{ disposition: string; callbackActionId: string | null }>(await saved);
    expect(outcome.disposition).toBe('callback_requested');
    expect(outcome.callbackActionId).not.toBeNull();
    await modal.waitFor({ state: 'detached' });
    await shot('workspace-callback');
  });

  it('shows the supervisor the open calls with their holders, in hand-out order', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/sign-in/);
    await signInAs(page, server(), 'supervisor');
    await page.goto(`${server().url}/workspace`);
    const panel = page.getByTestId('queue-panel');
    await panel.getByRole('heading', { name: 'Appels ouverts (supervision)' }).waitFor();
    const listed = await page.request.get(api('/queue?status=open'));
    const open = (await listed.json()) as QueueEntry[];
    if (open.length === 0) await panel.getByText('Aucun appel ouvert.').waitFor();
    else {
      const row = panel.locator(`[data-task="${open[0]?.id}"]`);
      await row.waitFor();
      // A supervisor gives a call to a named agent (GET /queue/agents: the users list is the admins' only).
      const picker = row.getByRole('combobox', { name: /^Agent pour l’appel à/ });
      await expect.poll(() => picker.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    }
    // The supervisor sets an agent's team and skills: "next case" routes by them.
    const agents = page.getByTestId('agents-panel');
    const listedAgents = (await (await page.request.get(api('/queue/agents'))).json()) as {
      id: string;
      name: string;
      role: string;
    }[];
    const agent = listedAgents.find((a) => a.role === 'agent');
    if (!agent) throw new Error('No agent listed for the supervisor.');
    const agentRow = agents.locator(`[data-agent="${agent.id}"]`);
    await agentRow.getByRole('textbox', { name: `Équipe de ${agent.name}` }).fill('Équipe Entreprises');
    await agentRow.getByText('Entreprises (B2B)').click();
    await agentRow.getByText('Français').click();
    const saved = answerTo('PATCH', new RegExp(`/api/v1/users/${agent.id}$`));
    await agentRow.getByRole('button', { name: 'Enregistrer' }).click();
    await json(await saved);
    await expect
      .poll(async () => {
        const now = (await (await page.request.get(api('/queue/agents'))).json()) as {
          id: string;
          team: string | null;
          skills: string[];
        }[];
        const found = now.find((a) => a.id === agent.id);
        return found ? [found.team, [...found.skills].sort()] : null;
      })
      .toEqual(['Équipe Entreprises', ['b2b', 'fr']]);
    await shot('workspace-supervision');
  });

  it('works a case from its page: “Traiter ce dossier” locks it and opens it in the workspace', async () => {
    const caseId = taken[0] ?? '';
    await page.goto(`${server().url}/cases/${caseId}`);
    const locked = answerTo('POST', /\/api\/v1\/cases\/[^/]+\/lock$/);
    await page.getByTestId('work-case').click();
    await json(await locked);
    await page.waitForURL(
      (url) => url.pathname === '/workspace' && url.searchParams.get('caseId') === caseId,
    );
    await page.getByTestId('lock-clock').waitFor();
    const released = answerTo('DELETE', /\/api\/v1\/cases\/[^/]+\/lock$/);
    await page.getByRole('button', { name: 'Libérer', exact: true }).click();
    await json(await released);
    await page.waitForURL((url) => url.pathname === '/workspace' && !url.searchParams.has('caseId'));
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
