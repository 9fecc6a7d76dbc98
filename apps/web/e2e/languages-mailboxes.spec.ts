import { expect, test, type Page } from '@playwright/test';
import { signInInGerman } from './support/sign-in.ts';

// A German browser on Mailboxes: the list, a mailbox's form and a dialog speak German (Microsoft's Dynamics 365
// terms). Its own address, so other specs' sign-ins in the same minute do not spend its budget.
test.use({ locale: 'de-DE', extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.71' } });

// The grid is named as the page: "Postfächer".
const grid = (page: Page) => page.getByRole('grid', { name: 'Postfächer' });

async function openMailboxesInGerman(page: Page) {
  await signInInGerman(page, 'sysadmin@contoso.example', 'Contoso');
  await page.getByRole('navigation', { name: 'Admin Center' }).getByRole('link', { name: 'Postfächer' }).click();
  await expect(page.getByRole('heading', { name: 'Postfächer', level: 1 })).toBeVisible();
}

test('a German browser sees Mailboxes in German: the list, Apply Default Email Settings and a mailbox form', async ({ page }) => {
  await openMailboxesInGerman(page);

  // The list: view, filters, columns, count and commands.
  await expect(page.getByRole('combobox', { name: 'Ansicht' })).toHaveText('Aktive Postfächer');
  await expect(page.getByRole('searchbox', { name: 'Schnellsuche' })).toBeVisible();
  await expect(page.getByLabel('Typ', { exact: true }).locator('option:checked')).toHaveText('Alle Typen');
  await expect(page.getByRole('status').filter({ hasText: 'Aktive Postfächer:' })).toContainText(/\d Postfächer$/);
  await expect(grid(page).getByRole('columnheader', { name: 'Status der E-Mail-Adresse', exact: true })).toBeVisible();
  await expect(page.getByText('Keine Postfächer ausgewählt')).toBeVisible();
  await expect(page.getByText('Active Mailboxes')).toHaveCount(0);

  // A dialog: Apply Default Email Settings shows the defaults in German.
  await grid(page).locator('[role="row"][aria-rowindex="2"]').getByRole('checkbox').check();
  await expect(page.getByText('1 ausgewählt', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Standard-E-Mail-Einstellungen anwenden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Standard-E-Mail-Einstellungen anwenden' });
  await expect(dialog).toContainText('Sie werden auf die Auswahl angewendet (1 Postfach).');
  const settings = dialog.getByRole('definition');
  await expect(dialog.getByRole('term').first()).toHaveText('Serverprofil');
  await expect(settings.nth(1)).toHaveText('Serverseitige Synchronisierung oder E-Mail-Router');
  await expect(dialog.getByRole('checkbox', { name: 'Postfächer nach dem Anwenden testen und aktivieren' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toHaveCount(0);

  // A mailbox's form: sections, labels, commands, and its own checks in German.
  await page.getByRole('searchbox', { name: 'Schnellsuche' }).fill('Alex');
  // Fluent names the box's clear button "clear" in English; ours says it in the language shown.
  await expect(page.getByRole('button', { name: 'Suche löschen' })).toBeVisible();
  await grid(page).getByRole('link', { name: 'Alex Wilber', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Alex Wilber', level: 1 })).toBeVisible();
  for (const section of ['Allgemein', 'Synchronisierungsmethode', 'Testen und aktivieren', 'Erweitert']) {
    await expect(page.getByRole('heading', { name: section, level: 2 })).toBeVisible();
  }
  await expect(page.getByLabel('Eingehende E-Mail', { exact: true }).locator('option:checked')).toHaveText('Serverseitige Synchronisierung oder E-Mail-Router');
  await expect(page.getByRole('button', { name: 'Verbindung testen' })).toBeVisible();

  await page.getByRole('button', { name: 'Deaktivieren' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Postfach deaktivieren?' });
  await expect(confirm).toContainText('synchronisiert keine E-Mails, bis es wieder aktiviert wird');
  await confirm.getByRole('button', { name: 'Abbrechen' }).click();

  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('');
  await page.getByRole('textbox', { name: 'E-Mail-Adresse', exact: true }).fill('keine Adresse');
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.getByText('2 Felder müssen überprüft werden.')).toBeVisible();
  await expect(page.getByText('Name ist erforderlich.')).toBeVisible();
  await expect(page.getByText('Geben Sie eine E-Mail-Adresse wie someone@contoso.com ein.')).toBeVisible();
});

test('Import from CSV says its preview\'s errors and a refused file in German, the file\'s columns as the file names them', async ({ page }) => {
  await openMailboxesInGerman(page);
  const file = (lines: string[]) => ({ name: 'postfaecher.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
  await page.getByRole('button', { name: 'Aus CSV importieren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aus CSV importieren' });

  // A file the import refuses as a whole: the reason in German, the columns quoted as they are.
  await dialog.getByLabel('CSV-Datei').setInputFiles(file(['Name,Email Address,Kennwort', 'A,a-de@contoso.example,x']));
  await dialog.getByRole('button', { name: 'Vorschau' }).click();
  await expect(dialog.getByText('Die Datei enthält Spalten, die nicht importiert werden: "Kennwort".')).toBeVisible();
  // Refused for two reasons: both are listed under the count.
  await dialog.getByLabel('CSV-Datei').setInputFiles(file(['Email Address', 'a-de@contoso.example', 'b-de@contoso.example', 'A-de@contoso.example', 'b-de@contoso.example']));
  await dialog.getByRole('button', { name: 'Vorschau' }).click();
  await expect(dialog.getByText('2 Felder müssen überprüft werden.')).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveText([
    'Die Zeilen 2 und 4 enthalten beide a-de@contoso.example: Eine Adresse darf nur einmal in einer Datei vorkommen.',
    'Die Zeilen 3 und 5 enthalten beide b-de@contoso.example: Eine Adresse darf nur einmal in einer Datei vorkommen.',
  ]);

  // A preview (which writes nothing): each row's error in German, under the file's column.
  await dialog.getByLabel('CSV-Datei').setInputFiles(file([
    'Name,Email Address,Owner,Incoming Email',
    'Brieftaube,brieftaube-de@contoso.example,,Carrier pigeon',
    'Niemand,niemand-de@contoso.example,Niemand Hier,None',
    `${'x'.repeat(201)},lang-de@contoso.example,,None`,
  ]));
  await dialog.getByRole('button', { name: 'Vorschau' }).click();
  const preview = dialog.getByRole('table', { name: 'Importvorschau' });
  const row = (address: string) => preview.getByRole('row').filter({ hasText: address });
  await expect(row('brieftaube-de@contoso.example')).toContainText('Incoming Email: „Carrier pigeon“ ist keiner dieser Werte: None, ');
  await expect(row('niemand-de@contoso.example')).toContainText('Owner: Kein Benutzer heißt „Niemand Hier“.');
  await expect(row('lang-de@contoso.example')).toContainText('Name: Name darf höchstens 200 Zeichen lang sein.');
  await expect(preview).not.toContainText('is not one of');
  await expect(dialog.getByRole('status')).toContainText('3 mit Fehlern');
});
