import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/sign-in.ts';

/** Every CSP violation the page reports, and console errors that mention the policy. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('the web app runs under the Content-Security-Policy without a single violation', async ({ page }) => {
  const violations = await recordViolations(page);
  const response = await page.goto('/sign-in');
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

  await signIn(page, 'sysadmin@contoso.example', 'Contoso');
  await page.getByRole('link', { name: 'Mailboxes', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Mailboxes', level: 1 })).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await page.getByRole('link', { name: 'Alerts', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test('Swagger UI at /api/docs runs under the same policy without a violation', async ({ page }) => {
  const violations = await recordViolations(page);
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { name: /Sync Admin API/ })).toBeVisible();
  await page.getByRole('button', { name: /GET \/api\/health/ }).click();
  await expect(page.getByText('Answers 200 once the portal is ready').first()).toBeVisible();
  expect(violations).toEqual([]);
});
