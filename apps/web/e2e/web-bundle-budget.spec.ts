import { expect, test } from '@playwright/test';
import { FIRST_SCREEN_BUDGET_BYTES, SIGN_IN_BUDGET_BYTES } from '../bundle-sizes.ts';
import { FIRST_SCREENS, firstScreenScripts, signInPageScripts } from './support/first-screen-scripts.ts';

test('the sign-in page loads at most its budget of JavaScript', async ({ browser }) => {
  expect(await signInPageScripts(browser)).toBeLessThanOrEqual(SIGN_IN_BUDGET_BYTES);
});

test('the first screen after signing in loads at most its budget of JavaScript', async ({ browser }) => {
  for (const screen of FIRST_SCREENS) {
    expect(await firstScreenScripts(browser, screen), screen.email).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET_BYTES);
  }
});
