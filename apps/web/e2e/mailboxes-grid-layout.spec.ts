import { expect, test, type Page } from '@playwright/test';
import { createSessions } from './support/sessions.ts';
import { dataRow, grid, openContosoMailboxes } from './support/mailboxes-grid.ts';

const sessions = createSessions();
test.afterEach(() => sessions.closeAll());

const STATUS_COLUMNS = ['Incoming Email Status', 'Outgoing Email Status', 'Appointments, Contacts, and Tasks Status', 'Mailbox Test Completed On'];

async function headerNames(page: Page) {
  return grid(page).getByRole('columnheader').evaluateAll((headers) => headers.slice(1).map((h) => h.textContent?.trim() ?? ''));
}

async function openAt1440(page: Page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openContosoMailboxes(page);
  await expect(dataRow(page, 0).getByRole('link')).toBeVisible();
}

test.describe('Mailboxes grid at 1440 px', () => {
  test('shows the statuses the seeds send admins to, on screen, and keeps Name frozen when scrolling sideways', async ({ browser }) => {
    const page = await sessions.signedInPage(browser, 'sysadmin@contoso.example');
    await openAt1440(page);
    const gridBox = (await grid(page).boundingBox())!;
    for (const name of STATUS_COLUMNS) {
      const box = (await grid(page).getByRole('columnheader', { name, exact: true }).boundingBox())!;
      expect(box.x + box.width, `${name} is cut off`).toBeLessThanOrEqual(gridBox.x + gridBox.width);
    }

    const name = dataRow(page, 0).getByRole('gridcell').nth(1);
    const before = (await name.boundingBox())!.x;
    await grid(page).evaluate((element) => element.scrollBy({ left: 800 }));
    await expect.poll(() => grid(page).evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect((await name.boundingBox())!.x).toBe(before);
    await expect(name.getByRole('link')).toBeVisible();
  });

  test('Edit columns chooses and orders the columns, remembered for that user only', async ({ browser }) => {
    const page = await sessions.signedInPage(browser, 'sysadmin@contoso.example');
    await openAt1440(page);
    await page.getByRole('button', { name: 'Edit columns' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit columns' });
    await dialog.getByRole('checkbox', { name: 'Type' }).uncheck();
    for (let i = 0; i < 7; i++) await dialog.getByRole('button', { name: 'Move Owner up' }).click();
    await expect(dialog.getByRole('button', { name: 'Move Owner up' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(async () => (await headerNames(page)).slice(0, 2)).toEqual(['Name', 'Owner']);
    const chosen = await headerNames(page);
    expect(chosen).not.toContain('Type');

    await page.reload();
    await expect(dataRow(page, 0).getByRole('link')).toBeVisible();
    expect(await headerNames(page)).toEqual(chosen);

    const support = await sessions.signedInPage(browser, 'support@contoso.example');
    await openAt1440(support);
    expect((await headerNames(support)).slice(0, 3)).toEqual(['Name', 'Incoming Email Status', 'Outgoing Email Status']);

    await page.getByRole('button', { name: 'Edit columns' }).click();
    await page.getByRole('dialog', { name: 'Edit columns' }).getByRole('button', { name: 'Reset to default' }).click();
    await expect.poll(() => headerNames(page)).toContain('Type');
  });

  test('keyboard: one Tab stop, arrows move between cells and rows, Space selects, Tab leaves', async ({ browser }) => {
    const page = await sessions.signedInPage(browser, 'sysadmin@contoso.example');
    await openAt1440(page);
    await page.getByRole('button', { name: 'Edit columns' }).focus();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => {
      const element = document.activeElement!;
      const row = element.closest('[role="row"]');
      const cell = element.closest('[role="gridcell"], [role="columnheader"]');
      return { inGrid: !!element.closest('[role="grid"]'), row: row?.getAttribute('aria-rowindex'), column: cell?.getAttribute('aria-colindex') };
    });
    expect(await focused()).toEqual({ inGrid: true, row: '2', column: '2' });

    await page.keyboard.press('ArrowRight');
    expect(await focused()).toEqual({ inGrid: true, row: '2', column: '3' });
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toEqual({ inGrid: true, row: '3', column: '3' });
    await page.keyboard.press('Space');
    await expect(dataRow(page, 1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toEqual({ inGrid: true, row: '3', column: '1' });
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toEqual({ inGrid: true, row: '1', column: '1' });
    await page.keyboard.press('ArrowDown');

    await page.keyboard.press('Tab');
    expect((await focused()).inGrid).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toEqual({ inGrid: true, row: '2', column: '1' });
  });
});
