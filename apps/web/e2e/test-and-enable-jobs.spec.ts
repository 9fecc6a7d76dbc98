import { expect, test, type Page } from '@playwright/test';
import { chooseView, dataRow, openContosoMailboxes, viewTotal } from './support/mailboxes-grid.ts';
import { createSessions } from './support/sessions.ts';
import { pickEnvironment } from './support/environment-picker.ts';

const sessions = createSessions();
test.afterEach(() => sessions.closeAll());

const ADMIN = 'sysadmin@contoso.example';
const JOB_PATH = /\/settings\/email\/test-and-enable-jobs\/[0-9a-f-]{36}/;

/** Selects the first `count` rows of the grid and returns their names. */
async function selectRows(page: Page, first: number, count: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = first; i < first + count; i++) {
    names.push(await dataRow(page, i).getByRole('link').innerText());
    await dataRow(page, i).getByRole('checkbox').check();
  }
  await expect(page.getByText(`${count} selected`, { exact: true })).toBeVisible();
  return names;
}

/** Confirms the command (starting now unless a start is given), follows the job link and returns the job's number. */
async function startAndOpenJob(page: Page, dialogName: string, options: { startAt?: string } = {}): Promise<number> {
  const confirm = page.getByRole('dialog', { name: dialogName });
  await expect(confirm.getByRole('radio', { name: 'Start now' })).toBeChecked();
  if (options.startAt) {
    await confirm.getByRole('radio', { name: 'Start at a date and time' }).check();
    await confirm.getByLabel('Start date and time').fill(options.startAt);
  }
  await confirm.getByRole('button', { name: 'OK' }).click();
  const results = page.getByRole('dialog', { name: `${dialogName}: results` });
  const link = results.getByRole('link', { name: /^job #\d+$/ });
  const job = Number((await link.innerText()).replace('job #', ''));
  await link.click();
  await expect(page).toHaveURL(JOB_PATH);
  await expect(page.getByRole('heading', { name: `Job #${job}`, level: 1, exact: true })).toBeVisible();
  return job;
}

const progressOf = (page: Page) => page.getByRole('progressbar', { name: 'Progress' });
const aboutJob = (page: Page, job: number) => page.getByLabel(`About job #${job}`, { exact: true });
const itemsGrid = (page: Page, job: number) => page.getByRole('grid', { name: `Mailboxes of job #${job}`, exact: true });
const itemRow = (page: Page, job: number, mailbox: string) =>
  itemsGrid(page, job).getByRole('row').filter({ has: page.getByRole('link', { name: mailbox, exact: true }) });

test.describe.serial('Test & Enable jobs', () => {
  test('an admin tests and enables a few selected mailboxes, follows the job and watches it reach 100 %', async ({ browser }) => {
    const page = await sessions.signedInPage(browser, ADMIN);
    await openContosoMailboxes(page);
    const names = await selectRows(page, 5, 3);

    await page.getByRole('button', { name: 'Test & Enable Mailbox', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Test & Enable Mailbox' }))
      .toContainText('Test the email configuration of the 3 mailboxes you selected and enable them for email processing.');
    const job = await startAndOpenJob(page, 'Test & Enable Mailbox');

    await expect(aboutJob(page, job)).toContainText('3 selected mailboxes');
    await expect(page.getByText('3 of 3 mailboxes done (100 %)')).toBeVisible({ timeout: 30_000 });
    await expect(progressOf(page)).toHaveAttribute('aria-valuenow', '3');
    await expect(aboutJob(page, job)).toContainText('Completed');
    for (const name of names) {
      const row = itemRow(page, job, name);
      await expect(row).toContainText(/Succeeded|Failed/);
      await expect(row).toContainText(/Success|Failure|Not tested/);
    }
    await expect(itemsGrid(page, job).getByRole('row')).toHaveCount(4);

    // The job is in the URL: a reload shows the same job, finished.
    await page.reload();
    await expect(page.getByRole('heading', { name: `Job #${job}`, level: 1, exact: true })).toBeVisible();
    await expect(page.getByText('3 of 3 mailboxes done (100 %)')).toBeVisible();

    // It heads the Jobs page, with its progress bar and counts.
    await page.getByRole('link', { name: 'Test & Enable jobs', exact: true }).first().click();
    const card = page.getByRole('article', { name: `Job #${job}`, exact: true });
    await expect(card).toContainText('Test & Enable Mailbox · 3 selected mailboxes');
    await expect(card.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '3');
    await expect(card.getByRole('button', { name: `Cancel job #${job}`, exact: true })).toHaveCount(0);
  });

  test('a job with a future start is Scheduled and can be cancelled; its mailboxes then read Cancelled', async ({ browser }) => {
    const page = await sessions.signedInPage(browser, ADMIN);
    await openContosoMailboxes(page);
    const names = await selectRows(page, 10, 2);
    await page.getByRole('button', { name: 'Test & Enable Mailbox', exact: true }).click();

    // A start in the past is refused before anything is sent.
    const confirm = page.getByRole('dialog', { name: 'Test & Enable Mailbox' });
    await confirm.getByRole('radio', { name: 'Start at a date and time' }).check();
    await confirm.getByLabel('Start date and time').fill('2020-01-01T09:00');
    await confirm.getByRole('button', { name: 'OK' }).click();
    await expect(confirm.getByText('Choose a date and time in the future, or Start now.')).toBeVisible();
    await confirm.getByRole('radio', { name: 'Start now' }).check();

    const job = await startAndOpenJob(page, 'Test & Enable Mailbox', { startAt: '2031-06-01T09:30' });
    const about = aboutJob(page, job);
    await expect(about).toContainText('Scheduled');
    await expect(about).toContainText('Start date and time');
    await expect(page.getByText('0 of 2 mailboxes done (0 %)')).toBeVisible();
    for (const name of names) await expect(itemRow(page, job, name)).toContainText('Waiting');

    await page.getByRole('button', { name: `Cancel job #${job}`, exact: true }).click();
    const cancel = page.getByRole('alertdialog', { name: `Cancel job #${job}`, exact: true });
    await expect(cancel).toContainText('Mailboxes not tested yet end as Cancelled');
    await cancel.getByRole('button', { name: 'Cancel job' }).click();
    await expect(cancel).toHaveCount(0);

    await expect(about).toContainText('Cancelled');
    await expect(about).toContainText('by Sam Sysadmin');
    await expect(page.getByText('2 of 2 mailboxes done (100 %)')).toBeVisible();
    for (const name of names) await expect(itemRow(page, job, name)).toContainText('Cancelled');
    await expect(page.getByRole('button', { name: `Cancel job #${job}`, exact: true })).toHaveCount(0);

    // The count links to the mailboxes in that state, kept in the URL.
    await page.getByRole('link', { name: 'Cancelled: 2' }).click();
    await expect(page).toHaveURL(/state=cancelled/);
    await expect(page.getByRole('combobox', { name: 'Show mailboxes' })).toHaveText('Cancelled (2)');
  });

  test("an error code on a job's mailbox opens its help page: what it means and what to fix", async ({ browser }) => {
    const page = await sessions.signedInPage(browser, ADMIN);
    await openContosoMailboxes(page);
    // The portal checks approval itself before Exchange: an unapproved address fails the same way everywhere.
    await chooseView(page, 'Mailboxes Pending Approval');
    await page.getByLabel('Server Profile').selectOption({ label: 'Microsoft Exchange Online' });
    await page.getByLabel('Type').selectOption({ label: 'User' });
    await expect(page).toHaveURL(/type=user/);
    expect(await viewTotal(page, 'Mailboxes Pending Approval')).toBeGreaterThan(0);
    const [name] = await selectRows(page, 0, 1);
    await page.getByRole('button', { name: 'Test & Enable Mailbox', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Test & Enable Mailbox' })).toContainText(`Test the email configuration of ${name}`);
    const job = await startAndOpenJob(page, 'Test & Enable Mailbox');
    await expect(page.getByText('1 of 1 mailbox done (100 %)')).toBeVisible({ timeout: 30_000 });

    const row = itemRow(page, job, name!);
    await expect(row).toContainText('Failed');
    await row.getByRole('gridcell').nth(2).getByRole('link', { name: 'EmailAddressNotApproved' }).click();

    await expect(page).toHaveURL(/\/help\/errors\/EmailAddressNotApproved$/);
    await expect(page.getByRole('heading', { name: 'Email address not approved', level: 1 })).toBeVisible();
    await expect(page.getByLabel('About this error')).toContainText('Permanent');
    await expect(page.getByRole('region', { name: 'What it means' })).toContainText('the email address of the mailbox is not approved');
    await expect(page.getByRole('region', { name: 'What to fix' })).toContainText('Approve the email address');
    await expect(page.getByRole('link', { name: /Learn more at Microsoft/ })).toHaveAttribute('href', /learn\.microsoft\.com/);

    await page.goBack();
    await expect(page.getByRole('heading', { name: `Job #${job}`, level: 1, exact: true })).toBeVisible();
  });

  test('Test & Enable Mailboxes on a profile, scheduled: a second start joins it, the page follows it live to 100 % at its start, then Re-test failed mailboxes', async ({ browser }) => {
    test.setTimeout(300_000);
    const page = await sessions.signedInPage(browser, ADMIN);
    await pickEnvironment(page, 'Contoso');
    await page.getByRole('link', { name: 'Server profiles', exact: true }).click();
    await page.getByRole('grid', { name: 'Email server profiles' }).getByRole('radio', { name: 'Select Microsoft Exchange Online' }).check();

    const startOnProfile = async (startAt?: string) => {
      await page.getByRole('button', { name: 'Test & Enable Mailboxes', exact: true }).click();
      const confirm = page.getByRole('dialog', { name: 'Test & Enable Mailboxes' });
      await expect(confirm).toContainText('every active mailbox of the email server profile Microsoft Exchange Online');
      if (startAt) {
        await confirm.getByRole('radio', { name: 'Start at a date and time' }).check();
        await confirm.getByLabel('Start date and time').fill(startAt);
      }
      await confirm.getByRole('button', { name: 'OK' }).click();
      return page.getByRole('dialog', { name: 'Test & Enable Mailboxes: results' });
    };
    // One to two minutes ahead (whole minutes, in the browser's time zone): long enough to watch it wait.
    const startAt = await page.evaluate(() => {
      const at = new Date(Date.now() + 120_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
    });
    let results = await startOnProfile(startAt);
    const total = Number((await results.getByText(/^\d+ done$/).innerText()).replace(' done', ''));
    expect(total).toBeGreaterThan(100);
    const job = Number((await results.getByRole('link', { name: /^job #\d+$/ }).innerText()).replace('job #', ''));
    await expect(results.getByRole('listitem').first()).toContainText(`Test & Enable started as job #${job}. It starts at`);
    await results.getByRole('button', { name: 'Close' }).click();

    // Started again before it runs: every mailbox joins the job that will test it instead of being tested twice.
    results = await startOnProfile();
    await expect(results.getByText(`${total} done`, { exact: true })).toBeVisible();
    await expect(results.getByRole('link', { name: /^job #\d+$/ })).toHaveCount(0);
    await expect(results.getByRole('listitem').first()).toContainText(`Already being tested by job #${job} (started by Sam Sysadmin); joined it.`);
    await results.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('link', { name: 'Test & Enable jobs', exact: true }).click();
    await page.getByRole('article', { name: `Job #${job}`, exact: true }).getByRole('link', { name: `Job #${job}`, exact: true }).click();
    await expect(page.getByRole('heading', { name: `Job #${job}`, level: 1, exact: true })).toBeVisible();
    await expect(aboutJob(page, job)).toContainText('Scheduled');
    await expect(page.getByText(`0 of ${total} mailboxes done (0 %)`)).toBeVisible();
    // At its start the job runs, and the page follows it to the end without a reload; then it stops asking.
    await expect(page.getByText(`${total} of ${total} mailboxes done (100 %)`)).toBeVisible({ timeout: 200_000 });
    await expect(progressOf(page)).toHaveAttribute('aria-valuenow', String(total));
    await expect(aboutJob(page, job)).toContainText('Completed');
    // Its mailboxes are read once more, final; after that nothing is asked again.
    await page.waitForLoadState('networkidle');
    const reads: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/jobs/')) reads.push(request.url());
    });
    await page.waitForTimeout(5_000);
    expect(reads).toEqual([]);

    // A failed mailbox of the job: its retry state and its error's help.
    const failed = Number((await page.getByRole('link', { name: /^Failed: \d+$/ }).innerText()).replace('Failed: ', ''));
    await page.getByRole('link', { name: /^Failed: \d+$/ }).click();
    await expect(page).toHaveURL(/state=failed/);
    const firstFailed = itemsGrid(page, job).getByRole('row').nth(1);
    await expect(firstFailed).toContainText('Failed');
    const mailbox = await firstFailed.getByRole('link').first().innerText();
    await firstFailed.getByRole('link', { name: mailbox, exact: true }).click();
    const section = page.getByRole('region', { name: 'Test & Enable', exact: true });
    await expect(section).toContainText(/Job #\d+ started by Sam Sysadmin/);
    await expect(section).toContainText('Failure');
    await expect(section.getByRole('definition').filter({ hasText: /^\d+$/ }).first()).not.toHaveText('0');
    const code = await section.getByRole('link', { name: /^[A-Za-z0-9]+$/ }).first().innerText();
    await section.getByRole('link', { name: code, exact: true }).first().click();
    await expect(page).toHaveURL(new RegExp(`/help/errors/${code}$`));
    await expect(page.getByRole('region', { name: 'What it means' })).not.toBeEmpty();
    await expect(page.getByRole('region', { name: 'What to fix' })).not.toBeEmpty();

    // Back on the profile: its last run, then Re-test failed mailboxes of it.
    await page.getByRole('link', { name: 'Server profiles', exact: true }).click();
    await page.getByRole('grid', { name: 'Email server profiles' }).getByRole('link', { name: 'Microsoft Exchange Online' }).click();
    const lastRun = page.getByRole('region', { name: 'Last Test & Enable run' });
    await expect(lastRun.getByRole('article')).toContainText('Test & Enable Mailboxes (server profile)');
    await page.getByRole('button', { name: 'Re-test failed mailboxes', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Re-test failed mailboxes' });
    await expect(confirm).toContainText('Test again every mailbox of the email server profile Microsoft Exchange Online whose last test failed');
    await confirm.getByRole('button', { name: 'OK' }).click();
    results = page.getByRole('dialog', { name: 'Re-test failed mailboxes: results' });
    const retested = Number((await results.getByText(/^\d+ done$/).innerText()).replace(' done', ''));
    expect(retested).toBeGreaterThanOrEqual(failed);
    await results.getByRole('link', { name: /^job #\d+$/ }).click();
    await expect(aboutJob(page, job)).toHaveCount(0);
    await expect(page.getByText('Re-test failed mailboxes', { exact: true })).toBeVisible();
    await expect(page.getByText(/^\d+ of \d+ mailboxes done \(100 %\)$/)).toBeVisible({ timeout: 120_000 });
  });

  test('Support sees the Jobs page, but Cancel and every Test & Enable command are disabled', async ({ browser }) => {
    // An admin schedules a job, so there is one Support could cancel if it were allowed to.
    const admin = await sessions.signedInPage(browser, ADMIN);
    await openContosoMailboxes(admin);
    const [mailbox] = await selectRows(admin, 20, 1);
    await admin.getByRole('button', { name: 'Test & Enable Mailbox', exact: true }).click();
    const job = await startAndOpenJob(admin, 'Test & Enable Mailbox', { startAt: '2031-06-01T09:30' });
    const cancelName = `Cancel job #${job}`;

    const page = await sessions.signedInPage(browser, 'support@contoso.example');
    await pickEnvironment(page, 'Contoso');
    await page.getByRole('link', { name: 'Test & Enable jobs', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Test & Enable jobs', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Test & Enable jobs' }).getByText('You need Write privilege on Mailbox to cancel jobs.')).toBeVisible();
    const card = page.getByRole('article', { name: `Job #${job}`, exact: true });
    await expect(card).toContainText('Scheduled');
    await expect(card.getByRole('button', { name: cancelName })).toBeDisabled();

    await card.getByRole('link', { name: `Job #${job}`, exact: true }).click();
    await expect(page.getByRole('heading', { name: `Job #${job}`, level: 1, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: cancelName })).toBeDisabled();
    await expect(itemRow(page, job, mailbox!)).toContainText('Waiting');

    await itemRow(page, job, mailbox!).getByRole('link', { name: mailbox, exact: true }).click();
    await expect(page.getByRole('heading', { name: mailbox, level: 1 })).toBeVisible();
    for (const name of ['Test & Enable Mailbox', 'Test connection']) await expect(page.getByRole('button', { name, exact: true })).toBeDisabled();
    await expect(page.getByRole('region', { name: 'Test & Enable', exact: true })).toContainText(`Job #${job} started by Sam Sysadmin`);

    await page.getByRole('link', { name: 'Server profiles', exact: true }).click();
    await page.getByRole('grid', { name: 'Email server profiles' }).getByRole('link', { name: 'Microsoft Exchange Online' }).click();
    await expect(page.getByText('You need Write privilege on Mailbox to test and enable mailboxes.')).toBeVisible();
    for (const name of ['Test & Enable Mailboxes', 'Re-test failed mailboxes']) await expect(page.getByRole('button', { name, exact: true })).toBeDisabled();

    // The admin cancels it again, so no later test meets a job waiting on that mailbox.
    await admin.getByRole('button', { name: cancelName }).click();
    await admin.getByRole('alertdialog', { name: cancelName }).getByRole('button', { name: 'Cancel job' }).click();
    await expect(aboutJob(admin, job)).toContainText('Cancelled');
  });
});
