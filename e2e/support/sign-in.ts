import type { Page } from 'playwright-core';
import type { RunningRelance } from './server.ts';

/** Signs in on the French sign-in page as the demo account of that role; resolves on the portfolio. */
export async function signInAs(page: Page, relance: RunningRelance, role: string): Promise<void> {
  const account = relance.accounts.find((a) => a.role === role);
  if (!account) throw new Error(`No demo ${role} account.`);
  await page.goto(`${relance.url}/sign-in`);
  await page.getByLabel('Adresse e-mail').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/portfolio/);
}
