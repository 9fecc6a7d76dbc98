import { Spinner } from '@fluentui/react-components';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useEnvironments } from '../../features/environments/api/get-environments.ts';
import { EnvironmentsTable } from '../../features/environments/components/environments-table.tsx';

export function EnvironmentsRoute() {
  const environments = useEnvironments();
  return (
    <>
      <PageHeader crumbs={[{ label: 'Environments' }]} title="Environments" />
      {environments.isPending ? (
        <Spinner label="Loading environments…" />
      ) : environments.isError ? (
        <LoadError error={environments.error} onRetry={() => void environments.refetch()} />
      ) : (
        <EnvironmentsTable environments={environments.data.items} />
      )}
    </>
  );
}
