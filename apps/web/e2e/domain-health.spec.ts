import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/sign-in.ts';

// The portal asks the e2e server's own DNS server (scripts/e2e-server.mjs): Contoso's domain routes mail to
// Exchange Online but its SPF record leaves Exchange Online out; its autodiscover host resolves to 127.0.0.1.
const domainSection = (page: Page, domain: string) => page.getByRole('region', { name: domain, exact: true });
const checkRow = (page: Page, domain: string, check: string) =>
  page.getByRole('table', { name: `Checks of ${domain}` }).getByRole('row').filter({ has: page.getByRole('cell', { name: check, exact: true }) });

test('Domain health shows each check of a domain from the DNS server, and Run checks refreshes them', async ({ page }) => {
  await signIn(page, 'global.admin@contoso.example', 'Contoso');
  await page.getByRole('link', { name: 'Domain health', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Domain health', level: 1 })).toBeVisible();

  const contoso = domainSection(page, 'contoso.example');
  await expect(contoso.getByText(/mailboxes · Exchange Online/)).toBeVisible();

  await page.getByRole('button', { name: 'Run checks', exact: true }).click();
  await expect(contoso.getByText(/^Checked/)).toBeVisible();
  await expect(contoso.getByText('Not checked yet')).toHaveCount(0);

  const spf = checkRow(page, 'contoso.example', 'SPF record');
  await expect(spf.getByText('Fail', { exact: true })).toBeVisible();
  await expect(spf).toContainText('The SPF record of contoso.example (v=spf1 mx -all) does not include include:spf.protection.outlook.com.');
  await expect(spf).toContainText('Add include:spf.protection.outlook.com to the SPF record of contoso.example, before its all mechanism.');

  const mx = checkRow(page, 'contoso.example', 'MX records');
  await expect(mx.getByText('Pass', { exact: true })).toBeVisible();
  await expect(mx).toContainText('contoso-example.mail.protection.outlook.com (0)');
  await expect(mx).toContainText('Mail is delivered to Exchange Online.');

  const host = checkRow(page, 'contoso.example', 'Autodiscover host');
  await expect(host).toContainText('autodiscover.contoso.example resolves to 127.0.0.1 through autodiscover.outlook.com.');

  // 127.0.0.1 is not on the internet: the certificate is not read, and the page says why and what to change.
  const certificate = checkRow(page, 'contoso.example', 'Autodiscover certificate');
  await expect(certificate.getByText('Warning', { exact: true })).toBeVisible();
  await expect(certificate).toContainText('EWS_ALLOWED_HOSTS');
  // The domain's verdict is its worst check.
  await expect(contoso.getByText('Fail', { exact: true }).first()).toBeVisible();

  // Kept: a reload shows the same results, and checking again answers with fresh ones.
  await page.reload();
  await expect(checkRow(page, 'contoso.example', 'SPF record').getByText('Fail', { exact: true })).toBeVisible();
  const checkedAt = await contoso.locator('time').getAttribute('datetime');
  await contoso.getByRole('button', { name: 'Check again: contoso.example' }).click();
  await expect(contoso.locator('time')).not.toHaveAttribute('datetime', checkedAt ?? '');
  await expect(checkRow(page, 'contoso.example', 'SPF record').getByText('Fail', { exact: true })).toBeVisible();
});
