import { apiPaths, type TeamListResponse } from '@sync-admin/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { securityRoleKeys } from './query-keys.ts';

export const getTeams = (environmentId: string) => api.get<TeamListResponse>(apiPaths.teams(environmentId));

export const getTeamsQueryOptions = (environmentId: string) =>
  queryOptions({
    queryKey: securityRoleKeys.teams(environmentId),
    queryFn: () => getTeams(environmentId),
  });

export const useTeams = (environmentId: string) => useQuery(getTeamsQueryOptions(environmentId));
