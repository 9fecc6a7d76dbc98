import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { grid, openContosoMailboxes, viewTotal } from './support/mailboxes-grid.ts';
import { signIn } from './support/sign-in.ts';

test('Export to CSV downloads the current view: the grid\'s columns as headers, one line per mailbox of the view', async ({ page }) => {
  await signIn(page, 'global.admin@contoso.example', 'Contoso');
  await openContosoMailboxes(page);
  await page.getByRole('searchbox', { name: 'Quick Find' }).fill('A');
  await expect(page).toHaveURL(/search=A/);
  const total = await viewTotal(page, 'Active Mailboxes');
  expect(total).toBeGreaterThan(0);
  const headers = (await grid(page).getByRole('columnheader').allInnerTexts()).map((text) => text.trim()).filter((text) => text !== '');

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export to CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^mailboxes-contoso-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
  expect(header).toEqual(headers);
  expect(rows).toHaveLength(total);
});

test('Import from CSV: the preview names the bad row\'s field and reason; only the valid rows imports the rest, and the grid shows them', async ({ page }) => {
  const stamp = Date.now().toString(36);
  // Users only: mailboxes.spec counts Contoso's five seeded queues (queue rows are covered by the API tests).
  const file = [
    'Name,Email Address,Type,Incoming Email',
    `CSV Import ${stamp} One,csv1-${stamp}@contoso.example,User,None`,
    `CSV Import ${stamp} Bad,csv2-${stamp}@contoso.example,User,Carrier pigeon`,
    `CSV Import ${stamp} Two,csv3-${stamp}@contoso.example,User,Server-Side Synchronization or Email Router`,
  ].join('\r\n');
  await signIn(page, 'global.admin@contoso.example', 'Contoso');
  await openContosoMailboxes(page);
  await page.getByRole('button', { name: 'Import from CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from CSV' });
  await dialog.getByLabel('CSV file').setInputFiles({ name: 'mailboxes.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await dialog.getByRole('button', { name: 'Preview' }).click();

  const preview = dialog.getByRole('table', { name: 'Import preview' });
  const bad = preview.getByRole('row').filter({ hasText: `csv2-${stamp}@contoso.example` });
  await expect(bad).toContainText('Error');
  await expect(bad).toContainText('Incoming Email: "Carrier pigeon" is not one of: None');
  await expect(preview.getByRole('row').filter({ hasText: `csv1-${stamp}@contoso.example` })).toContainText('Will create');

  await dialog.getByRole('radio', { name: 'Only the valid rows' }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByText('Imported: 2 created, 0 updated.')).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Import results' }).getByRole('row').filter({ hasText: `csv3-${stamp}@contoso.example` })).toContainText('Created');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('searchbox', { name: 'Quick Find' }).fill(`CSV Import ${stamp}`);
  await expect(grid(page).getByRole('link', { name: `CSV Import ${stamp} One` })).toBeVisible();
  await expect(grid(page).getByRole('link', { name: `CSV Import ${stamp} Two` })).toBeVisible();
  await expect(grid(page).getByRole('link', { name: `CSV Import ${stamp} Bad` })).toHaveCount(0);
});
