import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signIn } from './sign-in.ts';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * The API limits sign-in attempts per account, so each user signs in once per spec file and later tests
 * reuse the session. Close the contexts after each test with `closeAll`.
 */
export function createSessions() {
  const states = new Map<string, StorageState>();
  const contexts: BrowserContext[] = [];
  return {
    async signedInPage(browser: Browser, email: string): Promise<Page> {
      const stored = states.get(email);
      const context = await browser.newContext(stored ? { storageState: stored } : {});
      contexts.push(context);
      const page = await context.newPage();
      if (stored) {
        await page.goto('/');
        await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
        return page;
      }
      await signIn(page, email);
      states.set(email, await context.storageState());
      return page;
    },
    closeAll: () => Promise.all(contexts.splice(0).map((context) => context.close())),
  };
}
