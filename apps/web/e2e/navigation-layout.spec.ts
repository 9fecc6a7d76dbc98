import { expect, test, type Page } from '@playwright/test';
import { environmentPicker, pickEnvironment } from './support/environment-picker.ts';
import { everyPage } from './support/every-page.ts';
import { createSessions } from './support/sessions.ts';

const sessions = createSessions();
test.afterEach(() => sessions.closeAll());

const navigation = (page: Page) => page.getByRole('navigation', { name: 'Admin center' });

test.describe('navigation follows what the API says the user may open', () => {
  test('alex@ (Basic User) lands on a page he may read, and the navigation lists only pages he may open', async ({ browser }) => {
    const page = await sessions.signedInPage(browser, 'alex@contoso.example');
    await expect(page).toHaveURL(/\/settings\/email\/email-settings$/);
    await expect(page.getByRole('heading', { name: 'Email settings', level: 1 })).toBeVisible();
    await expect(page.getByText("Couldn't load this page")).toHaveCount(0);
    await expect(navigation(page).getByRole('link')).toHaveText(
      ['Environments', 'Alerts', 'Email settings', 'Mailboxes', 'Email health', 'Test & Enable jobs', 'Domain health', 'Exchange errors'],
    );
    await expect(navigation(page).getByText('Users + permissions')).toHaveCount(0);
  });

  test('an administrator still lands on Server profiles and sees every page', async ({ browser }) => {
    const page = await sessions.signedInPage(browser, 'sysadmin@contoso.example');
    await expect(page).toHaveURL(/\/settings\/email\/server-profiles$/);
    await expect(navigation(page).getByRole('link')).toHaveText([
      'Environments', 'Alerts', 'Server profiles', 'Email settings', 'Mailboxes', 'Email health', 'Test & Enable jobs', 'Domain health',
      'Security roles', 'Users', 'Teams', 'Audit log', 'Exchange errors',
    ]);
  });

  test('switching environment stays on the same page; from a record, it opens that page’s list', async ({ browser }) => {
    const page = await sessions.signedInPage(browser, 'sysadmin@contoso.example');
    await pickEnvironment(page, 'Contoso');
    await navigation(page).getByRole('link', { name: 'Security roles' }).click();
    await expect(page.getByRole('heading', { name: 'Security roles', level: 1 })).toBeVisible();
    await pickEnvironment(page, 'Fabrikam');
    await expect(page).toHaveURL(/\/settings\/users-permissions\/security-roles$/);
    await expect(environmentPicker(page).locator('option:checked')).toHaveText(/^Fabrikam ·/);

    await navigation(page).getByRole('link', { name: 'Mailboxes' }).click();
    await page.getByRole('grid', { name: 'Mailboxes' }).locator('[role="row"][aria-rowindex="2"] a').click();
    await expect(page).toHaveURL(/\/settings\/email\/mailboxes\/[0-9a-f-]{36}/);
    await pickEnvironment(page, 'Contoso');
    await expect(page).toHaveURL(/\/settings\/email\/mailboxes$/);
    await expect(page.getByRole('heading', { name: 'Mailboxes', level: 1 })).toBeVisible();
  });
});

test.describe('layout', () => {
  test('at 390 px the navigation is a drawer opened from the top bar, and no page scrolls sideways', async ({ browser }) => {
    const page = await sessions.signedInPage(browser, 'sysadmin@contoso.example');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(navigation(page)).toBeHidden();
    await page.getByRole('button', { name: 'Navigation' }).click();
    const drawer = navigation(page);
    await expect(drawer.getByRole('link', { name: 'Mailboxes' })).toBeVisible();
    const box = await drawer.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    await drawer.getByRole('link', { name: 'Mailboxes' }).click();
    await expect(page.getByRole('heading', { name: 'Mailboxes', level: 1 })).toBeVisible();
    await expect(drawer).toBeHidden();

    for (const url of await everyPage(page)) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      // Loading spinners gone (a job's progress bar on the Jobs page stays, and is part of the page).
      await expect(page.getByRole('progressbar', { name: /^Loading/ })).toHaveCount(0);
      const widths = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, viewport: window.innerWidth }));
      expect(widths.scroll, `${url} scrolls sideways`).toBeLessThanOrEqual(widths.viewport);
    }
  });

  test('below 1024 px the navigation is a drawer; at 1024 px it is inline and the top bar stays on one line', async ({ browser }) => {
    const page = await sessions.signedInPage(browser, 'exchange.admin@contoso.example');
    await page.setViewportSize({ width: 1023, height: 768 });
    await expect(navigation(page)).toBeHidden();
    await expect(page.getByRole('button', { name: 'Navigation' })).toBeVisible();

    await page.setViewportSize({ width: 1024, height: 768 });
    await expect(navigation(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Navigation' })).toHaveCount(0);
    const header = page.getByRole('banner');
    const single = await header.evaluate((bar) => {
      const centres = [...bar.children].map((child) => child.getBoundingClientRect().top + child.getBoundingClientRect().height / 2);
      return { spread: Math.max(...centres) - Math.min(...centres), overflows: bar.scrollWidth > bar.clientWidth };
    });
    expect(single.overflows).toBe(false);
    expect(single.spread).toBeLessThanOrEqual(2);
    await expect(page.getByText('exchange.admin@contoso.example')).toBeVisible();
  });
});
