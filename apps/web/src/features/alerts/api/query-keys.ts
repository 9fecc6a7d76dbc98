import type { AlertFilters } from './get-alerts.ts';

/** Under the environment's prefix, so one invalidation refreshes every wall of that environment. */
export const alertKeys = {
  all: (environmentId: string) => ['environments', environmentId, 'alerts'] as const,
  list: (environmentId: string, filters: AlertFilters) => [...alertKeys.all(environmentId), 'list', filters] as const,
  groups: (environmentId: string, filters: AlertFilters) => [...alertKeys.all(environmentId), 'groups', filters] as const,
};
