import { LocalLanguageRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ChoiceMenu } from '../../../components/choice-menu.tsx';
import { LANGUAGE_CHOICES, useLanguagePreference, type LanguageChoice } from '../lib/language-preference.ts';

/** The top bar's Language menu: English, Deutsch, Follow the browser (decision 51). */
export function LanguageMenu({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { choice, setChoice } = useLanguagePreference();
  // Each language is named in itself, so whoever cannot read the page's language still finds their own.
  const labels: Record<LanguageChoice, string> = { en: 'English', de: 'Deutsch', browser: t('language.browser') };
  return (
    <ChoiceMenu
      className={className}
      label={t('language.label')}
      icon={<LocalLanguageRegular />}
      choices={LANGUAGE_CHOICES.map((value) => ({ value, label: labels[value] }))}
      value={choice}
      onChange={setChoice}
    />
  );
}
