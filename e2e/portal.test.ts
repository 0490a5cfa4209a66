import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './support/browser.ts';
import { type RunningRelance, startRelance } from './support/server.ts';
import { ensureWebBuild } from './support/web-build.ts';

const screenshots = new URL('./screenshots/', import.meta.url).pathname;

/** The next weekday at 10:00 in Paris: the SMS may leave at once, and a callback can be booked. */
function weekdayMorning(from: Date = new Date()): string {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + 1));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return `${day.toISOString().slice(0, 10)}T10:00:00+01:00`;
}

const clock = weekdayMorning();
let startedAt = 0;
let relance: RunningRelance | undefined;
let browser: LaunchedBrowser | undefined;
let page: Page;
const pageErrors: string[] = [];
/** The staff's session cookie (the agent's), for the API calls made beside the debtor's browser. */
let staffCookie = '';

/** What the journey found on the way. */
const journey = {
  caseId: '',
  postcode: '',
  key: '',
  smsTotal: '',
  totalBefore: '',
  openInvoices: [] as { readonly number: string; readonly outstandingMinor: number }[],
};

function server(): RunningRelance {
  if (!relance) throw new Error('The server did not start.');
  return relance;
}

async function staff<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${server().url}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: {
      cookie: staffCookie,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  expect(response.status, `${init.method ?? 'GET'} ${path}: ${response.status}`).toBeLessThan(300);
  return (await response.json()) as T;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
}

/** "1 298,32 €" → 129832: what a French page shows, back in cents. */
function cents(text: string): number {
  const digits = text.replace(/[^\d,]/g, '').replace(',', '.');
  return Math.round(Number(digits) * 100);
}

type Contact = { readonly kind: string; readonly validity: string; readonly postalCode: string | null };
type CaseBody = {
  readonly case: {
    readonly id: string;
    readonly outstandingMinor: number;
    readonly stage: string;
    readonly nextAction: { readonly kind: string } | null;
  };
  readonly debtor: {
    readonly kind: string;
    readonly language: string;
    readonly contacts: readonly Contact[];
  };
  readonly claims: readonly {
    readonly invoiceNumber: string;
    readonly status: string;
    readonly outstandingMinor: number;
  }[];
};

/** A French-speaking business debtor of the demo with a phone, a postcode and at least two open invoices, nothing disputed. */
async function chooseCase(): Promise<CaseBody> {
  const list = await staff<{ items: { id: string }[] }>('/cases?pageSize=100&collectability=collectable');
  for (const item of list.items) {
    const detail = await staff<CaseBody>(`/cases/${item.id}`);
    const phone = detail.debtor.contacts.some((c) => c.kind === 'phone' && c.validity !== 'invalid');
    const postal = detail.debtor.contacts.find((c) => c.kind === 'postal' && c.postalCode);
    const open = detail.claims.filter((c) => c.status === 'open');
    const disputed = detail.claims.some((c) => c.status === 'disputed');
    const french = detail.debtor.language === 'fr';
    if (french && detail.debtor.kind === 'business' && phone && postal && open.length >= 2 && !disputed)
      return detail;
  }
  throw new Error('No demo case fits the journey.');
}

describe('a debtor pays part by card from the payment link and sets up instalments for the rest', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    const webDist = ensureWebBuild();
    relance = await startRelance({ webDist, clock });
    startedAt = Date.now();
    browser = await launchChromium();
    await browser.context.clock.install({ time: Date.parse(clock) + (Date.now() - startedAt) });
    page = await browser.context.newPage();
    // A phone.
    await page.setViewportSize({ width: 390, height: 844 });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const agent = server().accounts.find((a) => a.role === 'agent');
    const signedIn = await fetch(`${server().url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: agent?.email, password: agent?.password }),
    });
    expect(signedIn.status).toBe(200);
    staffCookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  });

  afterAll(async () => {
    await browser?.close();
    await relance?.stop();
  });

  it('the agent sends the payment link by SMS; it carries a signed link of its own', async () => {
    const chosen = await chooseCase();
    journey.caseId = chosen.case.id;
    journey.postcode =
      chosen.debtor.contacts.find((c) => c.kind === 'postal' && c.postalCode)?.postalCode ?? '';
    journey.openInvoices = chosen.claims
      .filter((c) => c.status === 'open')
      .map((c) => ({ number: c.invoiceNumber, outstandingMinor: c.outstandingMinor }));
    await staff(`/cases/${journey.caseId}/payment-link`, { method: 'POST', body: { channel: 'sms' } });
    // The dispatcher looks every 15 s; the built-in SMS provider keeps the text.
    type Entry = { readonly kind: string; readonly payload: { readonly text?: string } };
    let text = '';
    await expect
      .poll(
        async () => {
          const entries = await staff<Entry[]>(`/cases/${journey.caseId}/evidence`);
          text = entries.find((e) => e.kind === 'sms_sent')?.payload.text ?? '';
          return text;
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toMatch(/\/pay\/[A-Za-z0-9_-]{94}$/);
    journey.key = /\/pay\/([A-Za-z0-9_-]{94})$/.exec(text)?.[1] ?? '';
    journey.smsTotal = /réglez (.+?) en ligne/.exec(text)?.[1] ?? '';
    expect(journey.smsTotal).toMatch(/€$/);
  }, 120_000);

  it('opens the link on a phone: the creditor’s name only, then the identity check', async () => {
    await page.goto(`${server().url}/pay/${journey.key}`);
    await page.getByRole('heading', { name: 'Bonjour,' }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/€/);
    const answer = page.getByLabel(/Code postal de votre adresse/);
    await answer.fill('00000');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('alert').filter({ hasText: 'Il vous reste 4 essais' }).waitFor();
    await answer.fill(journey.postcode);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByTestId('portal-total').waitFor();
  });

  it('sees the right amounts: the SMS’s total, each open invoice and what is left of it', async () => {
    const total = (await page.getByTestId('portal-total').textContent()) ?? '';
    // The SMS has plain spaces where the page keeps no-break ones.
    expect(total.replace(/\s/g, ' ')).toBe(journey.smsTotal.replace(/\s/g, ' '));
    journey.totalBefore = total;
    const cards = page.getByTestId('portal-claim');
    expect(await cards.count()).toBe(journey.openInvoices.length);
    const shown = await cards.allTextContents();
    for (const invoice of journey.openInvoices) {
      const card = shown.find((c) => c.includes(`Facture ${invoice.number}`)) ?? '';
      expect(cents(/Reste à payer(.+?€)/.exec(card)?.[1] ?? ''), invoice.number).toBe(
        invoice.outstandingMinor,
      );
    }
    // Interest and the fixed compensation are shown exactly when the case's computation asks for them, each
    // explained in one line; the total is their sum with the invoices.
    const api = await page.request.get(`${server().url}/api/v1/portal/links/${journey.key}/case`);
    expect(api.status()).toBe(200);
    const { balance } = (await api.json()) as {
      balance: { principalMinor: number; interestMinor: number; feesMinor: number; totalMinor: number };
    };
    expect(balance.totalMinor).toBe(balance.principalMinor + balance.interestMinor + balance.feesMinor);
    expect(cents(total)).toBe(balance.totalMinor);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main.includes('Intérêts de retard')).toBe(balance.interestMinor > 0);
    expect(main.includes('Indemnité forfaitaire pour frais de recouvrement')).toBe(balance.feesMinor > 0);
    if (balance.feesMinor > 0) expect(main).toMatch(/40 € par facture payée en retard/);
    await shot('portal-case');
  });

  it('pays 100 € by card on the built-in provider’s page and comes back thanked', async () => {
    await page.getByRole('button', { name: 'Payer maintenant par carte' }).click();
    await page.getByLabel('Montant à payer').fill('100');
    await page.getByRole('button', { name: /^Payer 100,00\s€ par carte$/ }).click();
    await page.getByLabel('Numéro de carte').waitFor();
    await page.getByLabel('Numéro de carte').fill('4242 4242 4242 4242');
    await page.getByLabel(/Date d’expiration/).fill('12/34');
    await page.getByLabel(/Cryptogramme/).fill('123');
    await page.getByRole('button', { name: /^Payer 100,00/ }).click();
    await page.waitForURL(/\/pay\/[A-Za-z0-9_-]+\/return\?attempt=.+&outcome=success/);
    const outcome = page.getByTestId('portal-return');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-outcome')).toBe('success');
    expect(await outcome.textContent()).toContain('Merci, votre paiement est bien reçu');
    await shot('portal-paid');
    await page.getByRole('button', { name: 'Revenir à mon dossier' }).click();
    await page.getByTestId('portal-paid').waitFor();
    const after = (await page.getByTestId('portal-total').textContent()) ?? '';
    expect(cents(after)).toBe(cents(journey.totalBefore) - 10_000);
  });

  it('sets up three monthly instalments for the rest', async () => {
    await page.getByRole('button', { name: 'Payer en plusieurs fois' }).click();
    const preview = page.getByTestId('portal-plan-preview');
    await expect.poll(() => preview.locator('li').count(), { timeout: 15_000 }).toBe(3);
    await page.getByRole('button', { name: 'Confirmer cet échéancier' }).click();
    const plan = page.getByTestId('portal-plan');
    await plan.waitFor();
    expect(await plan.locator('li').count()).toBe(3);
    await shot('portal-plan');
  });

  it('the case, the ladder and the funnel reflect it at once', async () => {
    const detail = await staff<CaseBody>(`/cases/${journey.caseId}`);
    // The payment went to interest and fees first, then principal: the principal went down, not by more.
    const before = journey.openInvoices.reduce((sum, c) => sum + c.outstandingMinor, 0);
    expect(detail.case.outstandingMinor).toBeLessThanOrEqual(before);
    expect(detail.case.outstandingMinor).toBeGreaterThanOrEqual(before - 10_000);
    // The ladder follows the plan: no reminder step next, the first instalment's check.
    expect(detail.case.stage).toBe('plan');
    expect(detail.case.nextAction?.kind).toBe('plan_check');
    type Plan = {
      readonly agreedBy: string;
      readonly instalments: readonly { readonly reminderActionId: string | null }[];
    };
    const [plan] = await staff<Plan[]>(`/cases/${journey.caseId}/payment-plans`);
    expect(plan?.agreedBy).toBe('debtor');
    expect(plan?.instalments.every((i) => i.reminderActionId !== null)).toBe(true);
    type Entry = { readonly kind: string; readonly actor: string };
    const kinds = (await staff<Entry[]>(`/cases/${journey.caseId}/evidence`)).map(
      (e) => `${e.kind}:${e.actor}`,
    );
    expect(kinds).toEqual(expect.arrayContaining(['portal_identity_check:debtor', 'plan_agreed:debtor']));
    expect(kinds.some((k) => k.startsWith('payment_received:'))).toBe(true);
    type Funnel = {
      readonly channels: readonly {
        readonly channel: string;
        readonly started: number;
        readonly completed: number;
      }[];
    };
    const funnel = await staff<Funnel>('/payments/funnel');
    expect(funnel.channels.find((c) => c.channel === 'portal')).toMatchObject({ started: 1, completed: 1 });
    expect(pageErrors).toEqual([]);
  });
});
