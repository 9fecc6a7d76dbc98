import { expect, test } from '@playwright/test';

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
