import { expect, test } from '@playwright/test';
import { signInInGerman } from './support/sign-in.ts';

// A German browser on Email settings, Email health and Security roles (with its role editor and Users): each page's
// own texts, its enum names and its numbers and days in German. From an address of its own, so the per-address
// sign-in budget other specs spent in the same minute does not refuse it.
test.use({ locale: 'de-DE', extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.52' } });

test('a German browser gets Email settings, Email health and Security roles in German', async ({ page }) => {
  await signInInGerman(page, 'global.admin@contoso.example', 'Contoso');
  const navigation = page.getByRole('navigation', { name: 'Admin Center' });

  // Email settings: the admin center's German field names (seeds 001/002), delivery methods included.
  await navigation.getByRole('link', { name: 'E-Mail-Einstellungen' }).click();
  const form = page.getByRole('form', { name: 'E-Mail-Einstellungen' });
  await expect(form.getByRole('heading', { name: 'Synchronisierungsmethode', level: 2 })).toBeVisible();
  await expect(form.getByRole('combobox', { name: 'Eingehende E-Mail' }).locator('option:checked'))
    .toHaveText('Serverseitige Synchronisierung oder E-Mail-Router');
  await expect(form.getByRole('combobox', { name: 'Termine, Kontakte und Aufgaben' })).toBeVisible();
  await expect(form.getByRole('switch', { name: 'E-Mails nur für genehmigte Benutzer verarbeiten' })).toBeVisible();
  await expect(form.getByRole('link', { name: 'Berechtigungsmodell' })).toBeVisible();
  await expect(form.getByRole('group', { name: 'Warnungen anzeigen für' }).getByRole('checkbox', { name: 'Fehler' })).toBeChecked();
  await expect(form.getByRole('toolbar', { name: 'Formularbefehle' }).getByRole('button', { name: 'Speichern' })).toBeDisabled();

  // Email health: cards, chart segments and tables, counts and days written the German way.
  await navigation.getByRole('link', { name: 'E-Mail-Integrität' }).click();
  await expect(page.getByRole('heading', { name: 'E-Mail-Integrität', level: 1 })).toBeVisible();
  await expect(page.getByText(/^\d+ aktive Postfächer, die Sie lesen können · im Zeitverlauf: die letzten 30 Tage \(UTC\)$/)).toBeVisible();
  const addresses = page.getByRole('region', { name: 'Postfächer nach Status der E-Mail-Adresse', exact: true });
  await expect(addresses.getByRole('option', { name: /^Genehmigung ausstehend, \d+\.$/ })).toBeVisible();
  // Its legend as German writes it: the charts' own capitalization of every word is undone.
  await expect(addresses.getByText('Genehmigung ausstehend', { exact: true }).first()).toHaveCSS('text-transform', 'none');
  const outcomes = page.getByRole('region', { name: 'Ergebnisse von „Testen und aktivieren“ pro Tag', exact: true });
  // The axis names the days as German does ("4. Dez.").
  await expect(outcomes.getByText(/^\d{1,2}\. [A-ZÄÖÜ][a-zäöü]{2,3}\.?$/).first()).toBeVisible();
  await outcomes.getByRole('button', { name: 'Als Tabelle anzeigen' }).click();
  await expect(outcomes.getByRole('columnheader')).toHaveText(['Tag (UTC)', 'Erfolgreich', 'Fehlgeschlagen']);
  const profiles = page.getByRole('region', { name: 'Serverprofile', exact: true });
  await expect(profiles.getByRole('columnheader', { name: 'Erfolgsquote des letzten Auftrags' })).toBeVisible();

  // Security roles: the grid, and the permissions model with the article's German terms.
  await navigation.getByRole('link', { name: 'Sicherheitsrollen' }).click();
  const roles = page.getByRole('grid', { name: 'Sicherheitsrollen' });
  await expect(roles.getByRole('columnheader', { name: 'Integriert' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Berechtigungsmodell', level: 2 })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Kundenbindungs-Apps (online)' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Delegierter Postfachgenehmiger und Systemadministrator' })).toBeVisible();

  // A role's privileges, tabbed as Dynamics 365 does, with their levels.
  await roles.getByRole('link', { name: 'System Administrator', exact: true }).click();
  await expect(page.getByText('Die Rolle „Systemadministrator“ hat immer jede Berechtigung auf Organisationsebene und kann daher nicht geändert werden.')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Kerndatensätze' })).toHaveAttribute('aria-selected', 'true');
  const profilePrivileges = page.getByRole('table', { name: 'E-Mail-Serverprofil' });
  await expect(profilePrivileges.getByRole('row').filter({ hasText: 'Lesen: E-Mail-Serverprofil' })).toContainText('Organisation');
  await page.getByRole('tab', { name: 'Unternehmensverwaltung' }).click();
  await expect(page.getByRole('cell', { name: 'E-Mail-Adressen für Benutzer oder Warteschlangen genehmigen' })).toBeVisible();

  // Users: the Microsoft 365 roles by their German names, and Manage security roles.
  await navigation.getByRole('link', { name: 'Benutzer', exact: true }).click();
  const users = page.getByRole('grid', { name: 'Benutzer' });
  await expect(users.getByRole('columnheader', { name: 'Vollständiger Name' })).toBeVisible();
  await expect(users.getByText('Globaler Administrator').first()).toBeVisible();
  await users.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Sicherheitsrollen verwalten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sicherheitsrollen verwalten' });
  await expect(dialog.getByText(/^Wählen Sie die Sicherheitsrollen aus, die .+ in dieser Umgebung innehat\.$/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toHaveCount(0);
});
