import { Spinner } from '@fluentui/react-components';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useEnvironments } from '../../features/environments/api/get-environments.ts';
import { EnvironmentsTable } from '../../features/environments/components/environments-table.tsx';
import { useTranslation } from 'react-i18next';

export function EnvironmentsRoute() {
  const environments = useEnvironments();
  const { t } = useTranslation();
  return (
    <>
      <PageHeader crumbs={[{ label: t('nav.environments') }]} title={t('nav.environments')} />
      {environments.isPending ? (
        <Spinner label={t('loadingEnvironments')} />
      ) : environments.isError ? (
        <LoadError error={environments.error} onRetry={() => void environments.refetch()} />
      ) : (
        <EnvironmentsTable environments={environments.data.items} />
      )}
    </>
  );
}
