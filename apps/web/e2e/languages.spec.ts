import { expect, test, type Page } from '@playwright/test';
import { pickEnvironment } from './support/environment-picker.ts';
import { signInInGerman, submitGermanSignIn } from './support/sign-in.ts';

// A German browser (navigator.languages = ['de-DE']): the portal speaks German until a user chooses otherwise.
// It signs in four times; from an address of its own (the e2e server trusts the proxy header), so the per-address
// sign-in budget other specs spent in the same minute does not refuse it.
test.use({ locale: 'de-DE', extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.49' } });

const GERMAN_DATE = /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/; // "03.12.2026, 12:47"
const ENGLISH_DATE = /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/; // "Dec 3, 2026, 12:47 PM"

/** The audit log's first entry's moment, as written beside "how long ago" (opened from the German navigation). */
async function firstAuditDate(page: Page) {
  await page.getByRole('navigation', { name: 'Admin Center' }).getByRole('link', { name: 'Überwachungsprotokoll' }).click();
  const time = page.locator('main time').first();
  await expect(time).toBeVisible();
  return time.getAttribute('title');
}

test('a German browser gets German: navigation, pages, server errors from their codes, dates; English is chosen and remembered per user', async ({ page }) => {
  await signInInGerman(page, 'global.admin@contoso.example');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await pickEnvironment(page, 'Contoso');

  const navigation = page.getByRole('navigation', { name: 'Admin Center' });
  await expect(navigation.getByRole('link', { name: 'Umgebungen' })).toBeVisible();
  await navigation.getByRole('link', { name: 'Serverprofile' }).click();
  await expect(page.getByRole('heading', { name: 'Serverprofile', level: 1 })).toBeVisible();

  // The API answers in English with a code; the form says it in German, the profile's name filled in.
  await page.getByRole('button', { name: 'Neues Serverprofil' }).click();
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  // The form's own check, from the same rule and code as the API's, in German too.
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.getByText('Name ist erforderlich.').first()).toBeVisible();
  await name.fill('Microsoft Exchange Online');
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.getByText('In dieser Umgebung ist bereits ein Serverprofil namens „Microsoft Exchange Online“ vorhanden.').first()).toBeVisible();
  await expect(page.getByText('A server profile named "Microsoft Exchange Online" already exists in this environment.')).toHaveCount(0);

  // A saved profile leaves an audit entry, whose moment is written the German way.
  await name.fill(`Sprachtest ${Date.now()}`);
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page).not.toHaveURL(/\/new/);
  expect(await firstAuditDate(page)).toMatch(GERMAN_DATE);

  await page.getByRole('button', { name: 'Sprache' }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Admin center' }).getByRole('link', { name: 'Environments' })).toBeVisible();
  expect(await page.locator('main time').first().getAttribute('title')).toMatch(ENGLISH_DATE);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Language' }).click();
  await expect(page.getByRole('menuitemradio', { name: 'English' })).toBeChecked();
  await expect(page.getByRole('menuitemradio', { name: 'Follow the browser' })).not.toBeChecked();
  await page.keyboard.press('Escape');

  // Another person on this browser keeps the browser's language; the sign-in page follows the browser too.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/); // signed out before the next goto, or it could cut the request short
  await signInInGerman(page, 'sysadmin@contoso.example');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  // Back to the first user: English again, and Follow the browser brings German back.
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await submitGermanSignIn(page, 'global.admin@contoso.example');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitemradio', { name: 'Follow the browser' }).click();
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
});
