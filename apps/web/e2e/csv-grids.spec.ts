import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { signIn } from './support/sign-in.ts';

async function download(page: Page, fileName: RegExp): Promise<string[][]> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export to CSV' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(fileName);
  const text = await readFile((await file.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

test.use({ extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.65' } });

test('Email server profiles: Export to CSV downloads the View shown, one line per profile under the grid\'s headers', async ({ page }) => {
  await signIn(page, 'global.admin@contoso.example', 'Contoso');
  const grid = page.getByRole('grid', { name: 'Email server profiles' });
  await expect(grid).toBeVisible();
  // Each row's Name is the link to its profile.
  const names = await grid.getByRole('link').allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  const [header, ...rows] = await download(page, /^server-profiles-contoso-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(header).toEqual(['Name', 'Email Server Type', 'Default', 'Owner', 'Status', 'Last test', 'Last test started']);
  expect(rows.map((row) => row[0]).sort()).toEqual([...names].sort());
  expect(new Set(rows.map((row) => row[4]))).toEqual(new Set(['Active']));
});

test('Audit log: Export to CSV downloads the entries of the filters shown', async ({ page }) => {
  await signIn(page, 'global.admin@contoso.example', 'Contoso');
  // A profile made and deleted through the API: two audit entries of its own, leaving the profiles as seeded.
  const get = async (url: string) => (await page.request.get(url)).json();
  const contoso = ((await get('/api/environments')).items as { id: string; name: string }[]).find((e) => e.name === 'Contoso')!.id;
  const headers = { 'x-csrf-token': (await get('/api/session')).csrfToken as string };
  const created = await page.request.post(`/api/environments/${contoso}/server-profiles`, { headers, data: { serverType: 'exchangeOnline', name: `CSV audit ${Date.now().toString(36)}` } });
  expect(created.status(), await created.text()).toBe(201);
  const deleted = await page.request.delete(`/api/environments/${contoso}/server-profiles/${(await created.json()).id}`, { headers });
  expect(deleted.ok(), await deleted.text()).toBe(true);
  await page.getByRole('link', { name: 'Audit log', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await page.getByRole('combobox', { name: 'Record type' }).click();
  await page.getByRole('option', { name: 'Email Server Profile' }).click();
  await expect(page.getByRole('table', { name: 'Audit history entries' })).toHaveAttribute('aria-busy', 'false');
  const total = Number((await page.getByText(/^Showing \d+ of \d+ entr/).innerText()).match(/of (\d+)/)![1]);
  const [header, ...rows] = await download(page, /^audit-log-contoso-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(header).toEqual(['Changed date', 'Changed by', 'Event', 'Record type', 'Record']);
  expect(rows).toHaveLength(total);
  expect(new Set(rows.map((row) => row[3]))).toEqual(new Set(['Email Server Profile']));
  for (const row of rows) expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
});

test('Alerts: Export to CSV downloads every alert of the severity chosen, one line each, though the wall groups them', async ({ page }) => {
  await signIn(page, 'global.admin@contoso.example', 'Contoso');
  await page.getByRole('link', { name: 'Alerts', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
  await page.getByRole('combobox', { name: 'Severity' }).click();
  await page.getByRole('option', { name: 'Error' }).click();
  await expect(page.getByRole('list', { name: 'Alerts by mailbox and code, latest first' })).toHaveAttribute('aria-busy', 'false');
  const get = async (url: string) => (await page.request.get(url)).json();
  const contoso = ((await get('/api/environments')).items as { id: string; name: string }[]).find((e) => e.name === 'Contoso')!.id;
  const errors = (await get(`/api/environments/${contoso}/alerts?severity=error&limit=1`)).total as number;
  expect(errors).toBeGreaterThan(0);
  const [header, ...rows] = await download(page, /^alerts-contoso-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(header).toEqual(['Created on', 'Severity', 'Message', 'Mailbox', 'Server profile', 'Code']);
  expect(rows).toHaveLength(errors);
  expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(['Error']));
  for (const row of rows) expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
});
