import { expect, type Page } from '@playwright/test';
import { pickEnvironment } from './environment-picker.ts';

/** Every demo account's password (README). */
export const DEMO_PASSWORD = 'Demo!Passw0rd';

/** Signs in through the sign-in page and, when asked, opens an environment from the top bar's picker. */
export async function signIn(page: Page, email: string, environment?: 'Contoso' | 'Fabrikam') {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  if (!environment) return;
  await pickEnvironment(page, environment);
}

/**
 * Fills and sends the German sign-in page once it is on screen. Sign out navigates only after its request settles,
 * so a caller coming from Abmelden must wait for the page, not for the click: until then the old page (whose grids
 * are also labelled "E-Mail…") is still there.
 */
export async function submitGermanSignIn(page: Page, email: string) {
  await expect(page.getByRole('heading', { name: 'Bei Sync Admin anmelden', level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: 'E-Mail' }).fill(email);
  await page.getByLabel('Kennwort').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

/** The same in a German browser: the sign-in page and the top bar in German. */
export async function signInInGerman(page: Page, email: string, environment?: 'Contoso' | 'Fabrikam') {
  await page.goto('/');
  await submitGermanSignIn(page, email);
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
  if (!environment) return;
  await pickEnvironment(page, environment);
}
