import { Button, type ButtonProps } from '@fluentui/react-components';
import { DarkThemeRegular } from '@fluentui/react-icons';
import { THEME_CHOICE_LABELS, useThemePreference } from '../lib/theme-preference.ts';

/** The top bar's theme button: an icon alone, so the bar stays on one line at phone widths. */
export function ThemeButton(props: ButtonProps) {
  const { choice } = useThemePreference();
  return <Button {...props} icon={<DarkThemeRegular />} aria-label="Theme" title={`Theme: ${THEME_CHOICE_LABELS[choice]}`} />;
}
