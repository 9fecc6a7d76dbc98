import { gzipSync } from 'node:zlib';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signIn } from './sign-in.ts';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

// In a Playwright test the config's baseURL applies by itself; the bench, outside the runner, passes its own.
const contextOptions = (baseURL: string | undefined, storageState?: StorageState) => ({
  ...(baseURL ? { baseURL } : {}),
  ...(storageState ? { storageState } : {}),
});

/** Opens a URL in a fresh context (nothing cached) and adds up the JavaScript it loads, gzip-compressed file by file. */
async function scriptBytes(browser: Browser, baseURL: string | undefined, url: string, ready: (page: Page) => Promise<void>, storageState?: StorageState) {
  const context = await browser.newContext(contextOptions(baseURL, storageState));
  const page = await context.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.body());
  });
  await page.goto(url);
  await ready(page);
  const total = (await Promise.all(bodies)).reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
  await context.close();
  return total;
}

/** The first screens issue 10 budgets: who signs in, and the page "/" lands them on. */
export const FIRST_SCREENS = [
  { email: 'sysadmin@contoso.example', heading: 'Server profiles' },
  { email: 'alex@contoso.example', heading: 'Email settings' },
] as const;

/** The JavaScript Chromium loads for the sign-in page, in gzip bytes. */
export const signInPageScripts = (browser: Browser, baseURL?: string) =>
  scriptBytes(browser, baseURL, '/sign-in', (page) => expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible());

/** The JavaScript Chromium loads for a user's first screen after signing in ("/"), translations included, in gzip bytes. */
export async function firstScreenScripts(browser: Browser, { email, heading }: (typeof FIRST_SCREENS)[number], baseURL?: string) {
  const context = await browser.newContext(contextOptions(baseURL));
  await signIn(await context.newPage(), email);
  const state = await context.storageState();
  await context.close();
  return scriptBytes(browser, baseURL, '/', async (page) => {
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
  }, state);
}
