import { expect, test, type Locator, type Page } from '@playwright/test';
import { createSessions } from './support/sessions.ts';
import { signIn } from './support/sign-in.ts';
import { chooseTheme, isDarkColour } from './support/theme.ts';

const sessions = createSessions();
test.afterEach(() => sessions.closeAll());

const background = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).backgroundColor);
const bodyIsDark = async (page: Page) => isDarkColour(await background(page.locator('body')));

async function expectDark(page: Page, dark: boolean) {
  await expect.poll(() => bodyIsDark(page)).toBe(dark);
  expect(isDarkColour(await background(page.getByRole('main'))), 'page background').toBe(dark);
  expect(isDarkColour(await page.getByRole('heading', { level: 1 }).first().evaluate((h) => getComputedStyle(h).color)), 'heading text').toBe(!dark);
}

test('choosing Dark darkens the page, the navigation and dialogs, and is remembered after a reload', async ({ browser }) => {
  const page = await sessions.signedInPage(browser, 'sysadmin@contoso.example');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expectDark(page, false);

  await chooseTheme(page, 'Dark');
  await expectDark(page, true);
  const navigation = page.getByRole('navigation', { name: 'Admin center' });
  expect(isDarkColour(await background(navigation.locator('..'))), 'navigation').toBe(true);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expectDark(page, true);
  await page.getByRole('button', { name: 'Theme' }).click();
  await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toBeChecked();
  await expect(page.getByRole('menuitemradio', { name: 'Follow the system' })).not.toBeChecked();
  await page.keyboard.press('Escape');

  // Dialogs are portals outside the app's root: they take the theme too.
  await page.getByRole('navigation', { name: 'Admin center' }).getByRole('link', { name: 'Server profiles' }).click();
  await page.getByRole('grid').getByRole('row').nth(1).getByRole('gridcell').first().click();
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog').or(page.getByRole('alertdialog'));
  await expect(dialog).toBeVisible();
  const surface = await dialog.evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(isDarkColour(surface), `dialog background ${surface}`).toBe(true);
});

test('the choice is the user\'s: another person on the same browser keeps their own', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'approver@contoso.example');
  await chooseTheme(page, 'Dark');
  await expect.poll(() => bodyIsDark(page)).toBe(true);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // Signed out, the sign-in page follows the system (light here).
  await expect.poll(() => bodyIsDark(page)).toBe(false);

  await signIn(page, 'support@contoso.example');
  await expect.poll(() => bodyIsDark(page)).toBe(false);
  await context.close();
});

test('Follow the system is the default and follows the system setting as it changes', async ({ browser }) => {
  const page = await sessions.signedInPage(browser, 'global.admin@contoso.example');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Theme' }).click();
  await expect(page.getByRole('menuitemradio', { name: 'Follow the system' })).toBeChecked();
  await page.keyboard.press('Escape');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expectDark(page, true);
  await page.emulateMedia({ colorScheme: 'light' });
  await expectDark(page, false);

  // An explicit choice wins over the system's.
  await chooseTheme(page, 'Light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expectDark(page, false);
  await chooseTheme(page, 'Follow the system');
  await expectDark(page, true);
});

test('at 390 px the theme button is in the top bar, which stays on one line', async ({ browser }) => {
  const page = await sessions.signedInPage(browser, 'sysadmin@contoso.example');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('button', { name: 'Navigation' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Theme' })).toBeInViewport();
  const single = await page.getByRole('banner').evaluate((bar) => {
    // What the phone layout hides (the user's name and address) has no box.
    const boxes = [...bar.children].map((child) => child.getBoundingClientRect()).filter((box) => box.height > 0);
    const centres = boxes.map((box) => box.top + box.height / 2);
    return { spread: Math.max(...centres) - Math.min(...centres), overflows: bar.scrollWidth > bar.clientWidth };
  });
  expect(single.overflows).toBe(false);
  expect(single.spread).toBeLessThanOrEqual(2);
  await chooseTheme(page, 'Dark');
  await expect.poll(() => bodyIsDark(page)).toBe(true);
});

test('the Theme menu works from the keyboard', async ({ browser }) => {
  const page = await sessions.signedInPage(browser, 'global.admin@contoso.example');
  await page.getByRole('button', { name: 'Theme' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(page.getByRole('menuitemradio').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => bodyIsDark(page)).toBe(true);
});
