import { signIn } from './support/sign-in.ts';
import { expect, test, type Page } from '@playwright/test';

const APPROVED_USERS = 'Process emails only for approved users';

async function openEmailSettings(page: Page) {
  await page.getByRole('link', { name: 'Email settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Email settings', level: 1 })).toBeVisible();
  await expect(page.getByRole('switch', { name: APPROVED_USERS })).toBeEnabled();
}

test.describe.serial('email settings (seed 000, "Remove the requirement to approve mailboxes")', () => {
  test('turning off "Process emails only for approved users" sends only that setting, persists, and shows in the audit log', async ({ page }) => {
    await signIn(page, 'global.admin@contoso.example', 'Contoso');
    await openEmailSettings(page);
    const approvedUsers = page.getByRole('switch', { name: APPROVED_USERS });
    // On by default, as the article says, and so is its queue counterpart.
    await expect(approvedUsers).toBeChecked();
    await expect(page.getByRole('switch', { name: 'Process emails only for approved queues' })).toBeChecked();
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();

    await approvedUsers.uncheck();
    const patch = page.waitForRequest((request) => request.method() === 'PATCH' && request.url().includes('/email-settings'));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect((await patch).postDataJSON()).toEqual({ processEmailsOnlyForApprovedUsers: false, version: expect.any(Number) });
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();

    await page.reload();
    await expect(page.getByRole('switch', { name: APPROVED_USERS })).not.toBeChecked();
    await expect(page.getByRole('switch', { name: 'Process emails only for approved queues' })).toBeChecked();

    await page.getByRole('link', { name: 'Audit log', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
    await page.getByRole('combobox', { name: 'Record type' }).click();
    await page.getByRole('option', { name: 'Email settings' }).click();
    await expect(page.getByRole('table', { name: 'Audit history entries' })).toHaveAttribute('aria-busy', 'false');
    const entry = page.getByRole('table', { name: 'Audit history entries' }).getByRole('row').filter({ hasText: 'Email settings of Contoso' }).first();
    await expect(entry).toContainText('Grace Global');
    await expect(entry).toContainText('Update');
    await entry.getByRole('button', { name: 'Show changes' }).click();
    const change = page.getByRole('table', { name: 'Changes: Email settings of Contoso' }).getByRole('row').filter({ hasText: APPROVED_USERS });
    await expect(change.getByRole('cell')).toHaveText([APPROVED_USERS, 'Yes', 'No']);

    // Back on, as seeded, so other specs meet the default.
    await page.goBack();
    await page.getByRole('switch', { name: APPROVED_USERS }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  });

  test('a System Administrator who is not in the permissions model cannot remove the approval requirement, and is told why up front', async ({ page }) => {
    await signIn(page, 'sysadmin@contoso.example', 'Contoso');
    await page.getByRole('link', { name: 'Email settings', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Email settings', level: 1 })).toBeVisible();
    for (const name of [APPROVED_USERS, 'Process emails only for approved queues']) {
      await expect(page.getByRole('switch', { name })).toBeDisabled();
      await expect(page.getByRole('switch', { name })).toBeChecked();
    }
    await expect(page.getByText('Only admins as described in the permissions model can change whether mailboxes need approval.', { exact: false }).first()).toBeVisible();
    // Settings the System Administrator may change stay open.
    await expect(page.getByRole('switch', { name: 'RequirePrivilegeToSelfApproveEmailAddress' })).toBeEnabled();
  });

  test('a user without Write privilege on Organization sees the settings read-only', async ({ page }) => {
    await signIn(page, 'support@contoso.example', 'Contoso');
    await page.getByRole('link', { name: 'Email settings', exact: true }).click();
    await expect(page.getByText('You need Write privilege on Organization to change email settings.')).toBeVisible();
    await expect(page.getByRole('switch', { name: APPROVED_USERS })).toBeDisabled();
    await expect(page.getByRole('combobox', { name: 'Incoming Email' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  });
});
