import { apiPaths, type DomainHealthListResponse } from '@sync-admin/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { domainHealthKeys } from './query-keys.ts';

export const getDomainHealth = (environmentId: string) => api.get<DomainHealthListResponse>(apiPaths.domainHealth(environmentId));

export const getDomainHealthQueryOptions = (environmentId: string) =>
  queryOptions({ queryKey: domainHealthKeys.list(environmentId), queryFn: () => getDomainHealth(environmentId) });

export const useDomainHealth = (environmentId: string) => useQuery(getDomainHealthQueryOptions(environmentId));
