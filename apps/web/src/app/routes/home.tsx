import { Spinner } from '@fluentui/react-components';
import { Navigate } from 'react-router';
import { LoadError } from '../../components/load-error.tsx';
import { landingHref } from '../../config/portal-pages.ts';
import { useEnvironments } from '../../features/environments/api/get-environments.ts';
import { useTranslation } from 'react-i18next';

/** "/" opens the first page the user may open in their first environment (server profiles when they may read them). */
export function HomeRoute() {
  const { t } = useTranslation();
  const environments = useEnvironments();
  if (environments.isPending) return <Spinner label={t('loadingEnvironments')} />;
  if (environments.isError) return <LoadError error={environments.error} onRetry={() => void environments.refetch()} />;
  return <Navigate to={landingHref(environments.data.items[0])} replace />;
}
