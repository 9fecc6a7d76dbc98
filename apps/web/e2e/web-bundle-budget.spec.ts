import { gzipSync } from 'node:zlib';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { FIRST_SCREEN_BUDGET_BYTES, SIGN_IN_BUDGET_BYTES } from '../bundle-sizes.ts';
import { signIn } from './support/sign-in.ts';

/** Opens a URL in a fresh context (nothing cached) and adds up the JavaScript it loads, gzip-compressed file by file. */
async function scriptBytes(browser: Browser, url: string, ready: (page: Page) => Promise<void>, state?: Awaited<ReturnType<BrowserContext['storageState']>>) {
  const context = await browser.newContext(state ? { storageState: state } : {});
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

test('the sign-in page loads at most its budget of JavaScript', async ({ browser }) => {
  const bytes = await scriptBytes(browser, '/sign-in', (page) => expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible());
  expect(bytes).toBeLessThanOrEqual(SIGN_IN_BUDGET_BYTES);
});

test('the first screen after signing in loads at most its budget of JavaScript', async ({ browser }) => {
  for (const [email, heading] of [['sysadmin@contoso.example', 'Server profiles'], ['alex@contoso.example', 'Email settings']] as const) {
    const context = await browser.newContext();
    await signIn(await context.newPage(), email);
    const state = await context.storageState();
    await context.close();
    const bytes = await scriptBytes(browser, '/', async (page) => {
      await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
      await expect(page.getByRole('progressbar')).toHaveCount(0);
    }, state);
    expect(bytes, email).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET_BYTES);
  }
});
