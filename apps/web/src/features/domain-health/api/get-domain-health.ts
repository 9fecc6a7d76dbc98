import { apiPaths, domainHealthListResponseSchema } from '@sync-admin/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { domainHealthKeys } from './query-keys.ts';

export const getDomainHealth = (environmentId: string) => api.get(apiPaths.domainHealth(environmentId), domainHealthListResponseSchema);

export const getDomainHealthQueryOptions = (environmentId: string) =>
  queryOptions({ queryKey: domainHealthKeys.list(environmentId), queryFn: () => getDomainHealth(environmentId) });

export const useDomainHealth = (environmentId: string) => useQuery(getDomainHealthQueryOptions(environmentId));
