import { signIn } from './support/sign-in.ts';
import { expect, test, type Page } from '@playwright/test';

const APPROVER_ROLE = 'Delegated Mailbox Approver';
const APPROVE_PRIVILEGE = 'Approve Email Addresses for Users or Queues';

async function openUsersPermissionsPage(page: Page, name: 'Users' | 'Teams' | 'Security roles') {
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** Selects a row of the Users or Teams grid and opens Manage security roles on it. */
async function manageRolesOf(page: Page, grid: 'Users' | 'Teams', name: string) {
  await page.getByRole('grid', { name: grid }).getByRole('radio', { name: `Select ${name}` }).check();
  await page.getByRole('button', { name: 'Manage security roles' }).click();
  const dialog = page.getByRole('dialog', { name: 'Manage security roles' });
  await expect(dialog).toBeVisible();
  return dialog;
}

const rowOf = (page: Page, grid: 'Users' | 'Teams', name: string) =>
  page.getByRole('grid', { name: grid }).getByRole('row').filter({ hasText: name });

test.describe.serial('Delegated Mailbox Approver assignment (seed 000, "Delegate mailbox approval")', () => {
  test('a System Administrator who is not a Global or Exchange admin cannot tick it, and is told why up front (0x80090904)', async ({ page }) => {
    await signIn(page, 'sysadmin@contoso.example', 'Contoso');
    await openUsersPermissionsPage(page, 'Users');
    await expect(rowOf(page, 'Users', 'Alex Wilber')).toContainText('Basic User');

    const dialog = await manageRolesOf(page, 'Users', 'Alex Wilber');
    await expect(dialog.getByRole('checkbox', { name: APPROVER_ROLE })).toBeDisabled();
    await expect(dialog.getByText(
      'You must be an Office 365 Global Administrator or an Exchange Administrator to assign the Delegated Mailbox Approver role. (Error code: 0x80090904)',
    )).toBeVisible();
    // Other roles stay open to a System Administrator.
    await expect(dialog.getByRole('checkbox', { name: 'Basic User' })).toBeEnabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(rowOf(page, 'Users', 'Alex Wilber')).not.toContainText(APPROVER_ROLE);
  });

  test('a Global admin assigns it to a user, and it persists', async ({ page }) => {
    await signIn(page, 'global.admin@contoso.example', 'Contoso');
    await openUsersPermissionsPage(page, 'Users');

    const dialog = await manageRolesOf(page, 'Users', 'Alex Wilber');
    await dialog.getByRole('checkbox', { name: APPROVER_ROLE }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Security roles of Alex Wilber were saved.')).toBeVisible();
    await expect(rowOf(page, 'Users', 'Alex Wilber')).toContainText(`Basic User, ${APPROVER_ROLE}`);

    await page.reload();
    await expect(rowOf(page, 'Users', 'Alex Wilber')).toContainText(`Basic User, ${APPROVER_ROLE}`);

    // Put Alex back as seeded, so other specs meet the demo data they expect.
    const again = await manageRolesOf(page, 'Users', 'Alex Wilber');
    await expect(again.getByRole('checkbox', { name: APPROVER_ROLE })).toBeChecked();
    await again.getByRole('checkbox', { name: APPROVER_ROLE }).uncheck();
    await again.getByRole('button', { name: 'Save' }).click();
    await expect(again).toBeHidden();
    await expect(rowOf(page, 'Users', 'Alex Wilber')).not.toContainText(APPROVER_ROLE);
  });

  test('nobody can assign it to a team: 0x80090905, said up front', async ({ page }) => {
    await signIn(page, 'global.admin@contoso.example', 'Contoso');
    await openUsersPermissionsPage(page, 'Teams');
    await expect(rowOf(page, 'Teams', 'Contoso Helpdesk')).toContainText('Sky Support');

    const dialog = await manageRolesOf(page, 'Teams', 'Contoso Helpdesk');
    await expect(dialog.getByRole('checkbox', { name: APPROVER_ROLE })).toBeDisabled();
    await expect(dialog.getByText('The Delegated Mailbox Approver role cannot be assigned to a team. (Error code: 0x80090905)')).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(rowOf(page, 'Teams', 'Contoso Helpdesk')).not.toContainText(APPROVER_ROLE);
  });
});

test.describe.serial('security role privileges (seed 000, "Add the Approve Email Addresses … privilege")', () => {
  test('sets Approve Email Addresses for Users or Queues on the Support role under Business Management, and it persists', async ({ page }) => {
    await signIn(page, 'sysadmin@contoso.example', 'Contoso');
    await openUsersPermissionsPage(page, 'Security roles');
    await page.getByRole('grid', { name: 'Security roles' }).getByRole('link', { name: 'Support', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Support', level: 1 })).toBeVisible();

    await page.getByRole('tab', { name: 'Business Management' }).click();
    await expect(page.getByRole('heading', { name: 'Miscellaneous Privileges' })).toBeVisible();
    const level = page.getByRole('combobox', { name: APPROVE_PRIVILEGE });
    await expect(level).toHaveText('None');

    await level.click();
    await page.getByRole('option', { name: 'Business Unit' }).click();
    await expect(page.getByText(`${APPROVE_PRIVILEGE} is now Business Unit on Support.`)).toBeVisible();

    await page.reload();
    await page.getByRole('tab', { name: 'Business Management' }).click();
    await expect(page.getByRole('combobox', { name: APPROVE_PRIVILEGE })).toHaveText('Business Unit');

    // The change is audited against the role.
    await page.getByRole('link', { name: 'Audit log', exact: true }).click();
    const entry = page.getByRole('table', { name: 'Audit history entries' }).getByRole('row').filter({ hasText: 'Security role: Support' }).first();
    await entry.getByRole('button', { name: 'Show changes' }).click();
    const changes = page.getByRole('table', { name: 'Changes: Support' });
    await expect(changes.getByRole('row').filter({ hasText: APPROVE_PRIVILEGE })).toContainText('None');
    await expect(changes.getByRole('row').filter({ hasText: APPROVE_PRIVILEGE })).toContainText('Business Unit');

    // Back to None, as seeded.
    await page.goBack();
    await page.getByRole('tab', { name: 'Business Management' }).click();
    await page.getByRole('combobox', { name: APPROVE_PRIVILEGE }).click();
    await page.getByRole('option', { name: 'None' }).click();
    await expect(page.getByText(`${APPROVE_PRIVILEGE} is now None on Support.`)).toBeVisible();
  });

  test('the System Administrator role is read-only, and says why', async ({ page }) => {
    await signIn(page, 'global.admin@contoso.example', 'Contoso');
    await openUsersPermissionsPage(page, 'Security roles');
    await page.getByRole('grid', { name: 'Security roles' }).getByRole('link', { name: 'System Administrator', exact: true }).click();
    await expect(page.getByText('The System Administrator role always has every privilege', { exact: false })).toBeVisible();
    await page.getByRole('tab', { name: 'Business Management' }).click();
    await expect(page.getByRole('main').getByRole('combobox')).toHaveCount(0);
    await expect(page.getByRole('row').filter({ hasText: APPROVE_PRIVILEGE })).toContainText('Organization');
  });
});
