import { expect, type Page } from '@playwright/test';
import { pickEnvironment } from './environment-picker.ts';

export const grid = (page: Page) => page.getByRole('grid', { name: 'Mailboxes' });

/** The n-th data row (0-based); the header row is aria-rowindex 1. */
export const dataRow = (page: Page, index: number) => grid(page).locator(`[role="row"][aria-rowindex="${index + 2}"]`);

/** The cell of a data row under the column headed `column`, wherever Edit columns has put that column. */
export async function cellIn(page: Page, index: number, column: string) {
  const colindex = await grid(page).getByRole('columnheader', { name: column, exact: true }).getAttribute('aria-colindex');
  return dataRow(page, index).locator(`[role="gridcell"][aria-colindex="${colindex}"]`);
}

export async function openContosoMailboxes(page: Page) {
  await pickEnvironment(page, 'Contoso');
  await page.getByRole('link', { name: 'Mailboxes' }).click();
  await expect(page.getByRole('heading', { name: 'Mailboxes', level: 1 })).toBeVisible();
  await expect(grid(page)).toBeVisible();
}

export async function chooseView(page: Page, label: string) {
  await page.getByRole('combobox', { name: 'View' }).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

/** "Mailboxes Pending Approval: 104 mailboxes" → 104. */
export async function viewTotal(page: Page, viewLabel: string): Promise<number> {
  const status = page.getByRole('status').filter({ hasText: `${viewLabel}:` });
  await expect(status).toBeVisible();
  await expect(page.getByText('Updating…')).toHaveCount(0);
  const text = (await status.innerText()).replace(/[^\d]/g, '');
  return Number(text);
}
