import { Spinner } from '@fluentui/react-components';
import { Navigate } from 'react-router';
import { LoadError } from '../../components/load-error.tsx';
import { paths } from '../../config/paths.ts';
import { useEnvironments } from '../../features/environments/api/get-environments.ts';

/** "/" opens the first environment's server profiles, the area this portal is about. */
export function HomeRoute() {
  const environments = useEnvironments();
  if (environments.isPending) return <Spinner label="Loading environments…" />;
  if (environments.isError) return <LoadError error={environments.error} onRetry={() => void environments.refetch()} />;
  const first = environments.data.items[0];
  return <Navigate to={first ? paths.serverProfiles.getHref(first.id) : paths.environments.getHref()} replace />;
}
