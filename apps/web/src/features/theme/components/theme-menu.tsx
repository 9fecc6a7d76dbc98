import { DarkThemeRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ChoiceMenu } from '../../../components/choice-menu.tsx';
import { THEME_CHOICES, useThemePreference, type ThemeChoice } from '../lib/theme-preference.ts';

/** The top bar's Theme button and its menu: Light, Dark, Follow the system (decision 46). */
export function ThemeMenu({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { choice, setChoice } = useThemePreference();
  const labels: Record<ThemeChoice, string> = { light: t('theme.light'), dark: t('theme.dark'), system: t('theme.system') };
  return (
    <ChoiceMenu
      className={className}
      label={t('theme.label')}
      icon={<DarkThemeRegular />}
      choices={THEME_CHOICES.map((value) => ({ value, label: labels[value] }))}
      value={choice}
      onChange={setChoice}
    />
  );
}
