import { tokens } from '@fluentui/react-components';

/*
 * Theme tokens, not fixed colours: each resolves to the light or dark theme's value, so bars stay readable in
 * both (decision 46). Foreground tokens: they are meant to stand out on the page's background.
 */
export const OUTCOME_COLORS = {
  success: tokens.colorPaletteGreenForeground1,
  failure: tokens.colorPaletteRedForeground1,
  notRun: tokens.colorNeutralForeground3,
} as const;

export const EMAIL_ADDRESS_STATUS_COLORS = {
  approved: tokens.colorPaletteGreenForeground1,
  pendingApproval: tokens.colorPaletteMarigoldForeground1,
  rejected: tokens.colorPaletteRedForeground1,
  empty: tokens.colorNeutralForeground3,
} as const;

export const SEVERITY_COLORS = {
  error: tokens.colorPaletteRedForeground1,
  warning: tokens.colorPaletteMarigoldForeground1,
  information: tokens.colorBrandForeground1,
} as const;
