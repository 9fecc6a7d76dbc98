import { signIn } from './support/sign-in.ts';
import { expect, test, type Page } from '@playwright/test';
import { pickEnvironment } from './support/environment-picker.ts';

const CLIENT_SECRET = 's3cr3t-CLIENT-value-XYZ';
const NEW_PROFILE = 'Fabrikam mail tenant';

async function openContosoServerProfiles(page: Page) {
  await pickEnvironment(page, 'Contoso');
  await page.getByRole('link', { name: 'Server profiles' }).click();
  await expect(page.getByRole('heading', { name: 'Server profiles', level: 1 })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Email server profiles' })).toBeVisible();
}

const profileRow = (page: Page, name: string) =>
  page.getByRole('grid', { name: 'Email server profiles' }).getByRole('row').filter({
    has: page.getByRole('link', { name, exact: true }),
  });

test.describe.serial('server profiles as a global admin', () => {
  test('creates an Oauth cross-tenant profile, makes it the default, and never echoes its secret', async ({ page }) => {
    const bodies: string[] = [];
    page.on('response', async (response) => {
      // Redirects and some aborted requests have no body to read; only real answers matter here.
      bodies.push(await response.text().catch(() => ''));
    });

    await signIn(page, 'global.admin@contoso.example');
    await openContosoServerProfiles(page);
    await expect(profileRow(page, 'Microsoft Exchange Online').getByText('Default', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'New server profile' }).click();
    await expect(page.getByRole('heading', { name: 'New server profile', level: 1 })).toBeVisible();
    await page.getByRole('radio', { name: 'Exchange Online' }).check();
    await page.getByLabel('Authentication Type').selectOption({ label: 'Oauth (Cross Tenant)' });

    await page.getByLabel('Tenant ID').fill('not-a-guid');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText(/^Tenant ID must be a GUID/)).toBeVisible();
    await expect(page.getByText('Application ID is required.')).toBeVisible();
    await expect(page.getByText('Client Secret is required.')).toBeVisible();
    // A new profile starts without a name, so Name is one of them.
    await expect(page.getByText('Name is required.')).toBeVisible();
    await expect(page.getByText('4 fields need attention.')).toBeVisible();

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(NEW_PROFILE);
    await page.getByLabel('Tenant ID').fill('8c1d6b2e-4f1a-4b7e-9a3c-2d5e6f708192');
    await page.getByLabel('Application ID').fill('0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f');
    await page.getByLabel('Client Secret').fill(CLIENT_SECRET);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: NEW_PROFILE, level: 1 })).toBeVisible();
    // The stored secret shows only as "Set"; its value never comes back.
    await expect(page.getByText('Set', { exact: true })).toBeVisible();

    await page.getByRole('link', { name: 'Server profiles' }).click();
    const row = profileRow(page, NEW_PROFILE);
    await expect(row).toBeVisible();
    await row.getByRole('gridcell', { name: 'Active', exact: true }).click();
    await page.getByRole('button', { name: 'Set as default' }).click();
    await expect(row.getByText('Default', { exact: true })).toBeVisible();
    await expect(profileRow(page, 'Microsoft Exchange Online').getByText('Default', { exact: true })).toHaveCount(0);

    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(body).not.toContain(CLIENT_SECRET);
  });

  test("shows the server's field error beside the field when only the server can tell", async ({ page }) => {
    await signIn(page, 'global.admin@contoso.example');
    await openContosoServerProfiles(page);
    await page.getByRole('button', { name: 'New server profile' }).click();
    // A new profile starts without a name (the usual "Microsoft Exchange Online" is taken in Contoso).
    await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Microsoft Exchange Online');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('A server profile named "Microsoft Exchange Online" already exists in this environment.')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveAttribute('aria-invalid', 'true');
  });
});

test.describe.serial('two admins on one server profile', () => {
  test('a Save after someone else saved says so and changes nothing; Reload shows their change', async ({ page }) => {
    await signIn(page, 'global.admin@contoso.example');
    await openContosoServerProfiles(page);
    await page.getByRole('link', { name: 'Microsoft Exchange Online', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Microsoft Exchange Online', level: 1 })).toBeVisible();
    const description = page.getByRole('textbox', { name: 'Description', exact: true });
    await expect(description).toBeVisible();
    const [, environmentId, profileId] = /\/environments\/([^/]+)\/settings\/email\/server-profiles\/([^/?]+)/.exec(page.url())!;
    const profileUrl = `/api/environments/${environmentId}/server-profiles/${profileId}`;

    // Another admin saves the same profile while this form is open (through the API, with this session).
    const { csrfToken } = await (await page.request.get('/api/session')).json();
    const { version } = await (await page.request.get(profileUrl)).json();
    const elsewhere = await page.request.patch(profileUrl, { headers: { 'x-csrf-token': csrfToken }, data: { description: 'Changed by the other admin', version } });
    expect(elsewhere.status()).toBe(200);

    await description.fill('My stale change');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Someone else changed this email server profile after you opened it, so nothing was saved.', { exact: false })).toBeVisible();
    expect((await (await page.request.get(profileUrl)).json()).description).toBe('Changed by the other admin');

    await page.getByRole('button', { name: 'Reload', exact: true }).click();
    await expect(description).toHaveValue('Changed by the other admin');
    await expect(page.getByText('Reloaded: these are the current values. Make your change again.')).toBeVisible();

    await description.fill('My change, on the current values');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
    expect((await (await page.request.get(profileUrl)).json()).description).toBe('My change, on the current values');
  });
});

test.describe.serial('server profiles as Support (read only)', () => {
  test('sees the list but every write command is disabled', async ({ page }) => {
    await signIn(page, 'support@contoso.example');
    await openContosoServerProfiles(page);
    await expect(page.getByText('You need Write privilege on Email Server Profile', { exact: false })).toBeVisible();
    await expect(profileRow(page, 'Microsoft Exchange Online')).toBeVisible();

    await profileRow(page, 'Microsoft Exchange Online').getByRole('gridcell', { name: 'Active', exact: true }).click();
    for (const name of ['New server profile', 'Edit', 'Deactivate', 'Delete', 'Set as default', 'Test connection', 'Test & Enable Mailboxes', 'Re-test failed mailboxes']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeDisabled();
    }
    await expect(page.getByRole('button', { name: 'Refresh', exact: true })).toBeEnabled();
  });
});
