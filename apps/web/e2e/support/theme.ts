import { expect, type Page } from '@playwright/test';

/** Picks a theme from the top bar's Theme menu. */
export async function chooseTheme(page: Page, name: 'Light' | 'Dark' | 'Follow the system') {
  await page.getByRole('button', { name: 'Theme' }).click();
  await page.getByRole('menuitemradio', { name }).click();
  await expect(page.getByRole('menu')).toBeHidden();
}

/** Whether a computed CSS colour (`rgb(r, g, b)` or `rgba(…)`) is dark: relative luminance below 0.2. */
export function isDarkColour(colour: string): boolean {
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((part) => Number(part) / 255);
  if (r === undefined || g === undefined || b === undefined) throw new Error(`Not a colour: ${colour}`);
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b) < 0.2;
}
