import { apiPaths, type HealthDashboardResponse } from '@sync-admin/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** Under the environment's prefix, like every other read of that environment. */
export const healthDashboardKeys = {
  all: (environmentId: string) => ['environments', environmentId, 'health-dashboard'] as const,
};

export const getHealthDashboard = (environmentId: string) => api.get<HealthDashboardResponse>(apiPaths.healthDashboard(environmentId));

export const getHealthDashboardQueryOptions = (environmentId: string) =>
  queryOptions({ queryKey: healthDashboardKeys.all(environmentId), queryFn: () => getHealthDashboard(environmentId) });

export const useHealthDashboard = (environmentId: string) => useQuery(getHealthDashboardQueryOptions(environmentId));
