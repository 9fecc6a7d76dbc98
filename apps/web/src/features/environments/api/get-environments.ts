import { apiPaths, type EnvironmentListResponse } from '@sync-admin/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export const getEnvironments = () => api.get<EnvironmentListResponse>(apiPaths.environments);

export const getEnvironmentsQueryOptions = () =>
  queryOptions({ queryKey: ['environments'], queryFn: getEnvironments, staleTime: 5 * 60_000 });

export const useEnvironments = () => useQuery(getEnvironmentsQueryOptions());

/** One environment of the list, with the signed-in user's privileges there. */
export function useEnvironment(environmentId: string | undefined) {
  const query = useEnvironments();
  return { ...query, environment: query.data?.items.find((e) => e.id === environmentId) };
}
