import type { Page } from '@playwright/test';

/** The top bar's Environment picker: a native select whose options read "<name> · <Customer engagement>". */
// Named in the language shown: German browsers (languages*.spec.ts) see "Umgebung".
export const environmentPicker = (page: Page) => page.getByRole('combobox', { name: /^(Environment|Umgebung)$/ });

/** Opens an environment from the top bar's picker. */
export async function pickEnvironment(page: Page, name: 'Contoso' | 'Fabrikam') {
  const picker = environmentPicker(page);
  const label = await picker.getByRole('option', { name: new RegExp(`^${name} ·`) }).textContent();
  await picker.selectOption({ label: label ?? name });
}
