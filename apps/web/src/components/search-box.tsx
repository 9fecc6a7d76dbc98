import { SearchBox as FluentSearchBox, type SearchBoxProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** Fluent's SearchBox, whose clear button Fluent names "clear" in English whatever the language shown. */
export function SearchBox(props: SearchBoxProps) {
  const { t } = useTranslation();
  return <FluentSearchBox {...props} dismiss={{ 'aria-label': t('clearSearch') }} />;
}
