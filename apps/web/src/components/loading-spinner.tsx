import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/**
 * "Loading…" while a page's code or text arrives. It cannot wait for its own text (it is what shows while text
 * loads), so before the common namespace is there it says it in English.
 */
export function LoadingSpinner() {
  const { t } = useTranslation('common', { useSuspense: false });
  return <Spinner label={t('loading', { defaultValue: 'Loading…' })} />;
}
