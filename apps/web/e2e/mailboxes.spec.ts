import { expect, test, type Locator, type Page } from '@playwright/test';
import { cellIn, chooseView, dataRow, grid, openContosoMailboxes, viewTotal } from './support/mailboxes-grid.ts';
import { createSessions } from './support/sessions.ts';

const sessions = createSessions();
const signedInPage = sessions.signedInPage;

test.afterEach(() => sessions.closeAll());

async function namesOnScreen(page: Page, count: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < count; i++) names.push(await dataRow(page, i).getByRole('link').innerText());
  return names;
}

async function openMoreCommands(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'More Commands' }).click();
  const item = page.getByRole('menuitem', { name: 'Approve Email' });
  await expect(item).toBeVisible();
  return item;
}

test.describe.serial('mailboxes', () => {
  test('a delegated mailbox approver approves 50 pending mailboxes, sees each result, and the view shrinks', async ({ browser }) => {
    const page = await signedInPage(browser, 'approver@contoso.example');
    await openContosoMailboxes(page);
    await chooseView(page, 'Mailboxes Pending Approval');
    await expect(page).toHaveURL(/view=pendingApproval/);
    const before = await viewTotal(page, 'Mailboxes Pending Approval');
    expect(before).toBeGreaterThan(50);
    await expect(dataRow(page, 0).getByText('Pending Approval', { exact: true })).toBeVisible();

    // Only the rows in view exist: the grid is virtualized.
    expect(await grid(page).locator('[role="row"][aria-rowindex]').count()).toBeLessThan(before);
    await expect(grid(page)).toHaveAttribute('aria-rowcount', String(before + 1));

    const selected: string[] = [];
    for (let i = 0; i < 50; i++) {
      const row = dataRow(page, i);
      selected.push(await row.getByRole('link').innerText());
      await row.getByRole('checkbox').check();
    }
    await expect(page.getByText('50 selected', { exact: true })).toBeVisible();

    await (await openMoreCommands(page)).click();
    const confirm = page.getByRole('alertdialog', { name: 'Approve Email' });
    await expect(confirm).toContainText('50 mailboxes');
    await confirm.getByRole('button', { name: 'OK' }).click();

    const results = page.getByRole('dialog', { name: 'Approve Email: results' });
    await expect(results.getByText('50 done', { exact: true })).toBeVisible();
    await expect(results.getByText('0 skipped', { exact: true })).toBeVisible();
    const first = results.getByRole('region', { name: 'Results per mailbox' }).getByRole('listitem').filter({ has: page.getByText(selected[0]!, { exact: true }) });
    await expect(first).toContainText('Done');
    await expect(first).toContainText('Email address approved.');
    await first.getByRole('button', { name: `Show rules checked for ${selected[0]}` }).click();
    await expect(first.getByText('As an approver (permissions model)')).toBeVisible();
    await expect(first.getByText(/Delegated Mailbox Approver and System admin may approve/).first()).toBeVisible();
    await results.getByRole('button', { name: 'Close' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'Mailboxes Pending Approval:' })).toContainText(`${before - 50} mailboxes`);
    await expect(grid(page).getByRole('link', { name: selected[0], exact: true })).toHaveCount(0);
    await expect(page.getByText('No mailboxes selected')).toBeVisible();
  });

  test('System admin alone cannot approve an Exchange Online mailbox, and the page says why', async ({ browser }) => {
    const page = await signedInPage(browser, 'sysadmin@contoso.example');
    await openContosoMailboxes(page);
    await chooseView(page, 'Mailboxes Pending Approval');
    await page.getByLabel('Server Profile').selectOption({ label: 'Microsoft Exchange Online' });
    await page.getByLabel('Type').selectOption({ label: 'User' });
    const total = await viewTotal(page, 'Mailboxes Pending Approval');
    expect(total).toBeGreaterThan(0);

    const name = await dataRow(page, 0).getByRole('link').innerText();
    await dataRow(page, 0).getByRole('checkbox').check();
    await expect(page.getByText('1 selected', { exact: true })).toBeVisible();

    const note = page.getByRole('group', { name: /^Approve Email isn't available for / });
    await expect(note).toContainText(`Approve Email isn't available for ${name}`);
    await expect(note).toContainText(/System admin alone cannot approve/);
    await expect(note).toContainText(/Exchange Online/);

    const approve = await openMoreCommands(page);
    await expect(approve).toBeDisabled();
    await page.keyboard.press('Escape');

    await note.getByRole('button', { name: 'Why?' }).click();
    const why = page.getByRole('region', { name: 'Rules checked for Approve Email' });
    await expect(why.getByRole('heading', { name: 'As an approver (permissions model)' })).toBeVisible();
    await expect(why.getByRole('heading', { name: 'Self-approval' })).toBeVisible();
    await expect(why.getByText('Permissions model: Failed')).toBeVisible();
    await expect(why).toContainText('Needs Global admin and System admin, Exchange admin and System admin, or Delegated Mailbox Approver and System admin.');
    await expect(why.getByText('Not a queue mailbox: Passed')).toBeVisible();
    await page.keyboard.press('Escape');

    // Bulk: "all that match" the view, resolved by the server, each mailbox skipped with its reason.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await chooseView(page, 'Active Mailboxes');
    const active = await viewTotal(page, 'Active Mailboxes');
    await grid(page).getByRole('checkbox', { name: /^Select all \d+ loaded mailboxes$/ }).check();
    await page.getByRole('button', { name: `Select all ${active} mailboxes that match this view` }).click();
    await expect(page.getByText(`All ${active} mailboxes that match this view are selected.`)).toBeVisible();
    await expect(page.getByText(`${active} selected`, { exact: true })).toBeVisible();

    // The server says up front that Approve Email would approve none of them: the command stays disabled.
    const selectionNote = page.getByRole('group', { name: "Approve Email isn't available for the selection" });
    await expect(selectionNote).toContainText(`You cannot approve any of the ${active} mailboxes selected.`);
    await expect(await openMoreCommands(page)).toBeDisabled();
    await page.keyboard.press('Escape');

    // Nothing was approved: the pending view still holds what it held.
    await chooseView(page, 'Mailboxes Pending Approval');
    await page.getByLabel('Server Profile').selectOption({ label: 'Microsoft Exchange Online' });
    await page.getByLabel('Type').selectOption({ label: 'User' });
    expect(await viewTotal(page, 'Mailboxes Pending Approval')).toBe(total);
  });

  test('filters, sort and Quick Find narrow the grid and stay in the URL', async ({ browser }) => {
    const page = await signedInPage(browser, 'sysadmin@contoso.example');
    await openContosoMailboxes(page);
    const active = await viewTotal(page, 'Active Mailboxes');
    expect(active).toBeGreaterThan(250);

    await page.getByLabel('Type').selectOption({ label: 'Queue' });
    await expect(page).toHaveURL(/type=queue/);
    await expect(page.getByRole('status').filter({ hasText: 'Active Mailboxes:' })).toContainText('5 mailboxes');
    await expect(dataRow(page, 0)).toContainText('Queue');
    expect(await namesOnScreen(page, 5)).toEqual(['<Billing>', '<Careers>', '<Info>', '<Sales>', '<Support>']);

    await grid(page).getByRole('button', { name: 'Name', exact: true }).click();
    await expect(page).toHaveURL(/order=desc/);
    await expect(grid(page).getByRole('columnheader', { name: 'Name', exact: true })).toHaveAttribute('aria-sort', 'descending');
    await expect(dataRow(page, 0).getByRole('link')).toHaveText('<Support>');
    expect(await namesOnScreen(page, 5)).toEqual(['<Support>', '<Sales>', '<Info>', '<Careers>', '<Billing>']);

    // Earlier tests may have approved some queues: count the approved ones on screen, then filter by status.
    const statuses: string[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await (await cellIn(page, i, 'Email Address Status')).innerText());
    const approvedQueues = statuses.filter((status) => status === 'Approved').length;
    await page.getByLabel('Email Address Status').selectOption({ label: 'Approved' });
    await expect(page).toHaveURL(/emailAddressStatus=approved/);
    await expect(page.getByRole('status').filter({ hasText: 'Active Mailboxes:' })).toContainText(`${approvedQueues} mailbox`);
    for (let i = 0; i < approvedQueues; i++) await expect(await cellIn(page, i, 'Email Address Status')).toHaveText('Approved');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Active Mailboxes:' })).toContainText(`${active} mailboxes`);

    await page.getByLabel('Server Profile').selectOption({ label: '(none)' });
    const withoutProfile = await viewTotal(page, 'Active Mailboxes');
    expect(withoutProfile).toBeGreaterThan(0);
    expect(withoutProfile).toBeLessThan(30);
    await expect(dataRow(page, 0)).toContainText('(none)');
    await page.getByLabel('Server Profile').selectOption({ label: 'All server profiles' });

    await page.getByRole('searchbox', { name: 'Quick Find' }).fill('Adele B');
    await expect(page).toHaveURL(/search=Adele(\+|%20)B/);
    const found = await viewTotal(page, 'Active Mailboxes');
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(10);
    for (const name of await namesOnScreen(page, found)) expect(name).toMatch(/^Adele Braun /);

    // Begins-with, not contains: "Braun" alone finds no names starting with it.
    await page.getByRole('searchbox', { name: 'Quick Find' }).fill('Braun');
    await expect(page.getByText('No mailboxes match this view.')).toBeVisible();

    // Refresh keeps the search, filters and sort.
    await page.getByRole('searchbox', { name: 'Quick Find' }).fill('Adele B');
    await expect(page).toHaveURL(/search=Adele/);
    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Quick Find' })).toHaveValue('Adele B');
    await expect(page.getByRole('status').filter({ hasText: 'Active Mailboxes:' })).toContainText(`${found} mailbox`);
  });

  test('two filters chosen back to back both hold, on a slow machine too', async ({ browser }) => {
    const page = await signedInPage(browser, 'sysadmin@contoso.example');
    await openContosoMailboxes(page);
    await chooseView(page, 'Mailboxes Pending Approval');
    await page.getByLabel('Server Profile').selectOption({ label: 'Microsoft Exchange Online' });
    await expect(page).toHaveURL(/serverProfileId=/);
    await page.getByLabel('Type').selectOption({ label: 'User' });
    await expect(page).toHaveURL(/type=user/);
    const total = await viewTotal(page, 'Mailboxes Pending Approval');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByRole('button', { name: 'Clear filters' })).toHaveCount(0);

    // A slow CPU keeps a render in progress while the next choice is made; the second must not undo the first.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    await page.getByLabel('Server Profile').selectOption({ label: 'Microsoft Exchange Online' });
    await page.getByLabel('Type').selectOption({ label: 'User' });
    await expect(page).toHaveURL(/serverProfileId=.*type=user/);
    await expect(page.getByLabel('Server Profile').locator('option:checked')).toHaveText('Microsoft Exchange Online');
    expect(await viewTotal(page, 'Mailboxes Pending Approval')).toBe(total);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  });

  test('opens a mailbox; Support sees it read-only and can change nothing', async ({ browser }) => {
    const page = await signedInPage(browser, 'support@contoso.example');
    await openContosoMailboxes(page);
    await expect(page.getByText('You need Write privilege on Mailbox to change mailboxes.')).toBeVisible();
    for (const name of ['Edit', 'Apply Default Email Settings', 'Test & Enable Mailbox']) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    await page.getByRole('searchbox', { name: 'Quick Find' }).fill('Alex');
    await grid(page).getByRole('link', { name: 'Alex Wilber', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Alex Wilber', level: 1 })).toBeVisible();
    await expect(page.getByText("You can view this mailbox but not change it")).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toBeDisabled();
    await expect(page.getByLabel('Incoming Email', { exact: true })).toBeDisabled();
    await expect(page.getByRole('heading', { name: 'Configuration Test Results' })).toBeVisible();

    await page.getByRole('tab', { name: 'Audit history' }).click();
    await expect(page).toHaveURL(/tab=audit/);
  });

  test('a system admin edits a mailbox: only changed fields travel, and a new address needs approval again', async ({ browser }) => {
    const page = await signedInPage(browser, 'sysadmin@contoso.example');
    await openContosoMailboxes(page);
    await page.getByRole('searchbox', { name: 'Quick Find' }).fill('<Info>');
    // The filtered list, not the row as it was before the search landed in the URL (a slow machine can be between).
    await expect(page).toHaveURL(/search=%3CInfo%3E/);
    await grid(page).getByRole('link', { name: '<Info>', exact: true }).click();
    await expect(page.getByRole('heading', { name: '<Info>', level: 1 })).toBeVisible();

    // Queue mailboxes are not offered Microsoft Dynamics 365 for Outlook.
    await expect(page.getByLabel('Incoming Email', { exact: true }).locator('option', { hasText: 'Microsoft Dynamics 365 for Outlook' })).toHaveCount(0);

    await page.getByRole('textbox', { name: 'Email Address', exact: true }).fill('info-desk@contoso.example');
    await expect(page.getByText('Changing the email address means it needs to be approved again.')).toBeVisible();

    const patches: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PATCH') patches.push(request.postData() ?? '');
    });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
    expect(patches).toHaveLength(1);
    expect(JSON.parse(patches[0]!)).toEqual({ emailAddress: 'info-desk@contoso.example', version: expect.any(Number) });
    await expect(page.getByText('The new email address is pending approval.')).toBeVisible();

    await page.getByRole('textbox', { name: 'Email Address', exact: true }).fill('not an address');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Enter an email address such as someone@contoso.com.')).toBeVisible();
    expect(patches).toHaveLength(1);
  });

  test('Edit changes the synchronization method of the selected mailboxes and skips queues that cannot take it', async ({ browser }) => {
    const page = await signedInPage(browser, 'sysadmin@contoso.example');
    await openContosoMailboxes(page);
    // Sorted by name, the queues (<…>) come first and users after them.
    const queue = await dataRow(page, 0).getByRole('link').innerText();
    const user = await dataRow(page, 5).getByRole('link').innerText();
    expect(queue).toMatch(/^</);
    expect(user).not.toMatch(/^</);
    await dataRow(page, 0).getByRole('checkbox').check();
    await dataRow(page, 5).getByRole('checkbox').check();
    await expect(page.getByText('2 selected', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Change Multiple Records' });
    await expect(dialog.getByRole('heading', { name: 'Synchronization Method' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Change' })).toBeDisabled();
    await expect(dialog.getByLabel('Incoming Email')).toHaveValue('');
    await dialog.getByLabel('Appointments, Contacts, and Tasks').selectOption({ label: 'Microsoft Dynamics 365 for Outlook' });
    await dialog.getByRole('button', { name: 'Change' }).click();

    const results = page.getByRole('dialog', { name: 'Change Multiple Records: results' });
    await expect(results.getByText('1 done', { exact: true })).toBeVisible();
    await expect(results.getByText('1 skipped', { exact: true })).toBeVisible();
    const list = results.getByRole('region', { name: 'Results per mailbox' });
    await expect(list.getByRole('listitem').filter({ has: page.getByText(queue, { exact: true }) }))
      .toContainText('Microsoft Dynamics 365 for Outlook is not available for queue mailboxes');
    await expect(list.getByRole('listitem').filter({ has: page.getByText(user, { exact: true }) })).toContainText('Done');
    await results.getByRole('button', { name: 'Close' }).click();

    await grid(page).getByRole('link', { name: user, exact: true }).click();
    await expect(page.getByRole('heading', { name: user, level: 1 })).toBeVisible();
    await expect(page.getByLabel('Appointments, Contacts, and Tasks', { exact: true })).toHaveValue('outlook');
  });

  test('Apply Default Email Settings shows the defaults, then gives a mailbox without a profile the default one and starts a Test & Enable job', async ({ browser }) => {
    const page = await signedInPage(browser, 'sysadmin@contoso.example');
    await openContosoMailboxes(page);
    await page.getByLabel('Server Profile').selectOption({ label: '(none)' });
    const before = await viewTotal(page, 'Active Mailboxes');
    const name = await dataRow(page, 0).getByRole('link').innerText();
    await dataRow(page, 0).getByRole('checkbox').check();

    await page.getByRole('button', { name: 'Apply Default Email Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Apply Default Email Settings' });
    const defaults = dialog.getByRole('definition');
    await expect(defaults.first()).toHaveText('Microsoft Exchange Online');
    await expect(defaults.nth(1)).toHaveText('Server-Side Synchronization or Email Router');
    await expect(dialog.getByRole('checkbox', { name: 'Test and enable mailboxes after applying' })).toBeChecked();
    await dialog.getByRole('button', { name: 'OK' }).click();

    const results = page.getByRole('dialog', { name: 'Apply Default Email Settings: results' });
    await expect(results.getByText('1 done', { exact: true })).toBeVisible();
    // Seed 000: by default the mailboxes are tested and enabled too, by a job the results link to.
    const job = await results.getByRole('link', { name: /^job #\d+$/ }).innerText();
    await expect(results.getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) }))
      .toContainText(`Default email settings applied. Test & Enable started as ${job}.`);
    await results.getByRole('button', { name: 'Close' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'Active Mailboxes:' })).toContainText(`${before - 1} mailbox`);
    await page.getByLabel('Server Profile').selectOption({ label: 'All server profiles' });
    await page.getByRole('searchbox', { name: 'Quick Find' }).fill(name);
    const row = grid(page).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(row).toContainText('Microsoft Exchange Online');

    await row.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('region', { name: 'Test & Enable', exact: true })).toContainText(`${job.replace(/^job/, 'Job')} started by Sam Sysadmin`);
  });

  test('creates a queue mailbox from the email settings defaults, sending only what was entered', async ({ browser }) => {
    const page = await signedInPage(browser, 'sysadmin@contoso.example');
    await openContosoMailboxes(page);
    await page.getByRole('button', { name: 'New' }).click();
    await page.getByRole('menuitem', { name: 'Queue mailbox' }).click();
    await expect(page.getByRole('heading', { name: 'New queue mailbox', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Server Profile', { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
    await expect(page.getByLabel('Server Profile', { exact: true }).locator('option:checked')).toHaveText('Microsoft Exchange Online');
    await expect(page.getByLabel('Incoming Email', { exact: true }).locator('option', { hasText: 'Microsoft Dynamics 365 for Outlook' })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Owner' })).toHaveValue('Sam Sysadmin');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Name is required.')).toBeVisible();
    await expect(page.getByText('Email Address is required.')).toBeVisible();

    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/mailboxes')) posts.push(request.postData() ?? '');
    });
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('<Helpdesk>');
    await page.getByRole('textbox', { name: 'Email Address', exact: true }).fill('helpdesk@contoso.example');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { name: '<Helpdesk>', level: 1 })).toBeVisible();
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
    expect(posts.map((body) => JSON.parse(body))).toEqual([{ type: 'queue', name: '<Helpdesk>', emailAddress: 'helpdesk@contoso.example' }]);
    await expect(page.getByRole('textbox', { name: 'Type' })).toHaveValue('Queue');
    const results = page.getByRole('region', { name: 'Configuration Test Results' });
    await expect(results.getByText('Pending Approval', { exact: true })).toBeVisible();
  });
});
