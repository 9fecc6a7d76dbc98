import { expect, test, type Page } from '@playwright/test';
import { grid, viewTotal } from './support/mailboxes-grid.ts';
import { createSessions } from './support/sessions.ts';

const sessions = createSessions();
test.afterEach(() => sessions.closeAll());

interface Figures {
  testOutcomes: { day: string; succeeded: number; failed: number }[];
  failuresByErrorCode: { code: string; mailboxes: number }[];
  emailAddressStatusCounts: Record<string, number>;
  statusCounts: Record<'incomingEmailStatus' | 'outgoingEmailStatus' | 'appointmentsContactsTasksStatus', Record<'success' | 'failure' | 'notRun', number>>;
  profiles: { serverProfileId: string; name: string; lastRun: { runId: string; succeeded: number; failed: number } | null }[];
}

/**
 * A real Test & Enable job on Fabrikam's profile (the e2e server's local Exchange: mailboxes still pending approval
 * fail with EmailAddressNotApproved), then the Email health page against what the API counts.
 */
async function runFabrikamJob(page: Page) {
  const get = async (url: string) => (await page.request.get(url)).json();
  const fabrikam = ((await get('/api/environments')).items as { id: string; name: string }[]).find((e) => e.name === 'Fabrikam')!.id;
  const profile = ((await get(`/api/environments/${fabrikam}/server-profiles`)).items as { id: string; name: string }[]).find((p) => p.name === 'Fabrikam Exchange Server')!.id;
  const { csrfToken } = await get('/api/session');
  const started = await page.request.post(`/api/environments/${fabrikam}/server-profiles/${profile}/test-and-enable-mailboxes`, { headers: { 'x-csrf-token': csrfToken }, data: {} });
  expect(started.ok(), await started.text()).toBe(true);
  const run = (await started.json()).run as { id: string; number: number };
  await expect.poll(async () => (await get(`/api/environments/${fabrikam}/jobs/${run.id}`)).state, { timeout: 90_000 }).toBe('completed');
  const figures = (await get(`/api/environments/${fabrikam}/health-dashboard`)) as Figures;
  return { fabrikam, profile, run, figures };
}

const card = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });

test('after a real job the Email health page shows its figures, as charts and as tables, each leading to the mailboxes it counted', async ({ browser }) => {
  const page = await sessions.signedInPage(browser, 'global.admin@contoso.example');
  const { fabrikam, profile, run, figures } = await runFabrikamJob(page);
  const today = figures.testOutcomes.at(-1)!;
  const ownRow = figures.profiles.find((p) => p.serverProfileId === profile)!;
  expect(ownRow.lastRun).toMatchObject({ runId: run.id });
  expect(today.succeeded + today.failed).toBeGreaterThanOrEqual(ownRow.lastRun!.succeeded + ownRow.lastRun!.failed);
  const notApproved = figures.failuresByErrorCode.find((f) => f.code === 'EmailAddressNotApproved')!;
  expect(notApproved.mailboxes).toBeGreaterThan(0);

  await page.goto(`/environments/${fabrikam}/settings/email/health`);
  await expect(page.getByRole('heading', { name: 'Email health', level: 1 })).toBeVisible();

  // Today's row of the outcomes table holds the API's numbers.
  const outcomes = card(page, 'Test & Enable outcomes per day');
  await outcomes.getByRole('button', { name: 'Show as table' }).click();
  const todayRow = outcomes.getByRole('row').filter({ has: page.getByRole('cell', { name: today.day, exact: true }) });
  await expect(todayRow.getByRole('cell')).toHaveText([today.day, String(today.succeeded), String(today.failed)]);
  await expect(outcomes.getByRole('table').getByRole('row')).toHaveCount(30 + 1);

  // The profile's last job, linked.
  const profiles = card(page, 'Server profiles');
  const profileRow = profiles.getByRole('row').filter({ hasText: 'Fabrikam Exchange Server' });
  await expect(profileRow.getByRole('link', { name: `Job #${run.number}` })).toBeVisible();

  // Failures by error code: the table's count, the code's help page, and the count's link into the grid.
  const failures = card(page, 'Failures by error code');
  await failures.getByRole('button', { name: 'Show as table' }).click();
  const failureRow = failures.getByRole('row').filter({ has: page.getByRole('link', { name: 'EmailAddressNotApproved' }) });
  await expect(failureRow.getByRole('cell').nth(1)).toHaveText(String(notApproved.mailboxes));
  await failureRow.getByRole('link', { name: String(notApproved.mailboxes), exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/email\/mailboxes\?lastErrorCode=EmailAddressNotApproved$/);
  await expect(grid(page)).toBeVisible();
  expect(await viewTotal(page, 'Active Mailboxes')).toBe(notApproved.mailboxes);
  await expect(page.getByRole('button', { name: 'Remove the filter Last error code: EmailAddressNotApproved' })).toBeVisible();

  await page.goBack();
  await card(page, 'Failures by error code').getByRole('button', { name: 'Show as table' }).click();
  await card(page, 'Failures by error code').getByRole('link', { name: 'EmailAddressNotApproved' }).click();
  await expect(page).toHaveURL(/\/help\/errors\/EmailAddressNotApproved$/);
  await expect(page.getByRole('heading', { name: 'Email address not approved', level: 1 })).toBeVisible();

  // Clicking a bar of a chart opens the grid filtered to it: the Pending Approval segment of the donut.
  await page.goBack();
  const pending = figures.emailAddressStatusCounts.pendingApproval!;
  await card(page, 'Mailboxes by Email Address Status').getByRole('option', { name: `Pending Approval, ${pending}.`, exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/email\/mailboxes\?emailAddressStatus=pendingApproval$/);
  expect(await viewTotal(page, 'Active Mailboxes')).toBe(pending);

  // And a bar of the status chart: Incoming Email, Success.
  await page.goBack();
  const incomingSucceeded = figures.statusCounts.incomingEmailStatus.success;
  await card(page, 'Mailboxes by Incoming, Outgoing and ACT status').getByRole('option', { name: `Incoming Email. Success, ${incomingSucceeded}.`, exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/email\/mailboxes\?incomingEmailStatus=success$/);
  expect(await viewTotal(page, 'Active Mailboxes')).toBe(incomingSucceeded);
});
