import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { everyPage } from './support/every-page.ts';
import { dataRow, grid, openContosoMailboxes } from './support/mailboxes-grid.ts';
import { createSessions } from './support/sessions.ts';
import { isDarkColour } from './support/theme.ts';

const sessions = createSessions();
test.afterEach(() => sessions.closeAll());

/** The serious and critical WCAG 2.1 A/AA violations axe finds on what is on screen, one line each. */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.filter((node) => !isTabsterDummy(violation.id, node.html)).map((node) => `${violation.id}: ${node.target.join(' ')} (${node.failureSummary?.split('\n')[1]?.trim() ?? ''})`));
}

/**
 * Fluent UI's focus manager (Tabster) brackets focus groups with focusable `aria-hidden` <i data-tabster-dummy>
 * elements on purpose (microsoft/tabster#288, microsoft/fluentui#27517 "By Design"): they pass focus on at once,
 * and hiding them keeps screen readers quiet. That one finding is the library's (docs/accessibility.md); any other
 * node, or any other rule, still fails.
 */
const isTabsterDummy = (rule: string, html: string) => rule === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(html);

async function settled(page: Page) {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  // A background refetch (window focus, polling) restyles controls mid-analysis, e.g. a Refresh disabled while it runs.
  await page.waitForLoadState('networkidle');
}

test('signs in with the keyboard alone', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').focus();
  await page.keyboard.type('sysadmin@contoso.example');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type('Demo!Passw0rd');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('every control of the server profile form has a label, in every layout the form takes', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('global.admin@contoso.example');
  await page.getByLabel('Password').fill('Demo!Passw0rd');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'New server profile' }).click();
  await page.getByRole('button', { name: 'Advanced' }).click();

  const controls = page.locator('main').locator('input, textarea, select, [role="combobox"], [role="switch"], [role="spinbutton"]');
  async function expectAllLabelled(layout: string) {
    const count = await controls.count();
    expect(count, layout).toBeGreaterThan(5);
    for (let i = 0; i < count; i++) {
      await expect(controls.nth(i), `${layout}: control ${i} has no accessible name`).toHaveAccessibleName(/\S/);
    }
  }

  await page.getByLabel('Authentication Type').selectOption({ label: 'Oauth (Cross Tenant)' });
  await expectAllLabelled('Exchange Online, Oauth (Cross Tenant)');

  await page.getByRole('radio', { name: 'Exchange Server' }).check();
  await page.getByRole('switch', { name: 'Auto Discover Server Location' }).uncheck();
  await page.getByLabel('Authenticate Using').selectOption({ label: 'Credentials Specified in Email Server Profile' });
  await page.getByRole('switch', { name: 'Use same settings for Outgoing' }).uncheck();
  await expect(page.getByLabel('Outgoing User Name')).toBeVisible();
  await expectAllLabelled('Exchange Server, manual locations, separate outgoing credentials');
});

// Every page in both of Fluent's web themes: the app follows the system's colour scheme by default (decision 46).
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe: no serious or critical violations, ${colorScheme} theme`, () => {
    // The `page` fixture takes it from here, signed-in pages from `themedPage`.
    test.use({ colorScheme });
    const expectTheme = (page: Page) =>
      expect.poll(async () => isDarkColour(await page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor)), 'theme').toBe(colorScheme === 'dark');
    const themedPage = async (browser: Browser, email: string) => {
      const page = await sessions.signedInPage(browser, email);
      await page.emulateMedia({ colorScheme });
      await expectTheme(page);
      return page;
    };

    test('on every page, signed in as an administrator, wide and narrow', async ({ browser }) => {
      test.setTimeout(240_000);
      const page = await themedPage(browser, 'global.admin@contoso.example');
      for (const url of await everyPage(page)) {
        await page.goto(url);
        await settled(page);
        expect(await seriousViolations(page), url).toEqual([]);
      }
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('button', { name: 'Navigation' }).click();
      await expect(page.getByRole('navigation', { name: 'Admin center' })).toBeVisible();
      expect(await seriousViolations(page), 'navigation drawer').toEqual([]);
    });

    test('on the sign-in page', async ({ page }) => {
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { name: 'Sign in to Sync Admin' })).toBeVisible();
      await expectTheme(page);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('in the main dialogs', async ({ browser }) => {
      test.setTimeout(120_000);
      const page = await themedPage(browser, 'global.admin@contoso.example');
      const dialog = page.getByRole('dialog').or(page.getByRole('alertdialog'));
      const check = async (name: string) => {
        await expect(dialog).toBeVisible();
        expect(await seriousViolations(page), name).toEqual([]);
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      };

      await openContosoMailboxes(page);
      await expect(dataRow(page, 0).getByRole('link')).toBeVisible();
      await page.getByRole('button', { name: 'Edit columns' }).click();
      await check('Edit columns');
      await dataRow(page, 0).getByRole('checkbox').check();
      await dataRow(page, 1).getByRole('checkbox').check();
      await page.getByRole('toolbar', { name: 'Mailbox commands' }).getByRole('button', { name: 'Edit' }).click();
      await check('Change Multiple Records');
      await page.getByRole('button', { name: 'Apply Default Email Settings' }).click();
      await check('Apply Default Email Settings');
      await page.getByRole('button', { name: 'Test & Enable Mailbox' }).click();
      await check('Test & Enable Mailbox');
      await page.getByRole('button', { name: 'Import from CSV' }).click();
      await page.getByRole('dialog').getByLabel('CSV file').setInputFiles({
        name: 'mailboxes.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Email Address\r\nAxe Check,not-an-address\r\n'),
      });
      await page.getByRole('dialog').getByRole('button', { name: 'Preview' }).click();
      await expect(page.getByRole('table', { name: 'Import preview' })).toBeVisible();
      await check('Import from CSV with its preview');
      await expect(grid(page)).toBeVisible();

      await page.getByRole('navigation', { name: 'Admin center' }).getByRole('link', { name: 'Server profiles' }).click();
      await page.getByRole('grid').getByRole('row').nth(1).getByRole('gridcell').first().click();
      await page.getByRole('button', { name: 'Test & Enable Mailboxes' }).click();
      await check('Test & Enable Mailboxes');
      await page.getByRole('button', { name: 'Delete' }).click();
      await check('Delete server profile');
    });
  });
}

// Swagger UI is its own page with its own (light) styles, outside the portal's themes.
test('axe: no serious or critical violations on the API documentation (Swagger UI)', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { name: /Sync Admin API/ })).toBeVisible();
  await expect(page.locator('.opblock').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
