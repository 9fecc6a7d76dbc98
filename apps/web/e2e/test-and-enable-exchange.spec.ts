import { expect, test } from '@playwright/test';
import { createSessions } from './support/sessions.ts';
import { pickEnvironment } from './support/environment-picker.ts';

// The e2e portal runs with DEMO_EWS_SERVER: Fabrikam's profile talks to a local Exchange test server, where
// one mailbox may not save items (ErrorAccessDenied), one does not exist, and one is briefly unavailable.
const sessions = createSessions();
test.afterEach(() => sessions.closeAll());

test('an admin runs Test & Enable Mailboxes from the profile, watches it reach 100 %, reads a failed mailbox\'s error and retry state, then re-tests the failed ones', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await sessions.signedInPage(browser, 'sysadmin@contoso.example');
  await pickEnvironment(page, 'Fabrikam');
  await page.getByRole('link', { name: 'Server profiles', exact: true }).click();
  await page.getByRole('grid', { name: 'Email server profiles' }).getByRole('link', { name: 'Fabrikam Exchange Server', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Fabrikam Exchange Server', level: 1 })).toBeVisible();

  const startFromProfile = async (command: 'Test & Enable Mailboxes' | 'Re-test failed mailboxes') => {
    await page.getByRole('button', { name: command, exact: true }).click();
    await page.getByRole('dialog', { name: command }).getByRole('button', { name: 'OK' }).click();
    const results = page.getByRole('dialog', { name: `${command}: results` });
    const link = results.getByRole('link', { name: /^job #\d+$/ });
    const job = Number((await link.innerText()).replace('job #', ''));
    await link.click();
    await expect(page.getByRole('heading', { name: `Job #${job}`, level: 1, exact: true })).toBeVisible();
    return job;
  };

  const first = await startFromProfile('Test & Enable Mailboxes');
  const progress = page.getByRole('progressbar', { name: 'Progress' });
  const total = Number(await progress.getAttribute('aria-valuemax'));
  expect(total).toBeGreaterThan(10);
  // The page follows the job by itself; the briefly unavailable mailbox is retried and passes.
  await expect(page.getByText(`${total} of ${total} mailboxes done (100 %)`)).toBeVisible({ timeout: 90_000 });
  await expect(page.getByLabel(`About job #${first}`, { exact: true })).toContainText('Completed');

  // The mailbox Exchange refused to save a draft for: its outgoing channel is disabled, and the page says why.
  const items = page.getByRole('grid', { name: `Mailboxes of job #${first}`, exact: true });
  const denied = items.getByRole('row').filter({ has: page.getByRole('link', { name: 'ErrorAccessDenied', exact: true }) });
  await expect(denied).toHaveCount(1);
  await expect(denied).toContainText('Failed');
  const mailboxName = await denied.getByRole('link').first().innerText();
  await denied.getByRole('link', { name: mailboxName, exact: true }).click();
  await expect(page.getByRole('heading', { name: mailboxName, level: 1 })).toBeVisible();
  const section = page.getByRole('region', { name: 'Test & Enable' });
  await expect(section).toContainText(`Job #${first}`);
  await expect(section).toContainText(/Outgoing Email Status\s*Failure/);
  await expect(section).toContainText(/Incoming Email Status\s*Success/);
  await expect(section).toContainText(/Consecutive failures\s*[1-9]/);
  await expect(section).toContainText('Access is denied. Check credentials and try again.');
  await expect(section.getByRole('tree', { name: `Connectivity check of ${mailboxName}` })).toBeVisible();

  // Its code opens the help: what it means and what to fix.
  // The last error's code (the trace tree repeats it on the failed steps).
  await section.getByRole('link', { name: 'ErrorAccessDenied', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Access denied', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What it means' })).toContainText('may not open this mailbox or folder');
  await expect(page.getByRole('region', { name: 'What to fix' })).toContainText('Full Access');
  await page.goBack();
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Fabrikam Exchange Server', level: 1 })).toBeVisible();

  // Every mailbox whose last test failed, in one step.
  const retest = await startFromProfile('Re-test failed mailboxes');
  expect(retest).toBeGreaterThan(first);
  await expect(page.getByLabel(`About job #${retest}`, { exact: true })).toContainText('Failed mailboxes of Fabrikam Exchange Server');
  const failedTotal = Number(await progress.getAttribute('aria-valuemax'));
  expect(failedTotal).toBeGreaterThan(0);
  expect(failedTotal).toBeLessThan(total);
  await expect(page.getByText(`${failedTotal} of ${failedTotal} mailbox${failedTotal === 1 ? '' : 'es'} done (100 %)`)).toBeVisible({ timeout: 60_000 });
});
