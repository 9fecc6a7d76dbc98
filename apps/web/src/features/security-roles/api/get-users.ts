import { apiPaths, type DirectoryUserListResponse } from '@sync-admin/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { securityRoleKeys } from './query-keys.ts';

export const getUsers = (environmentId: string) => api.get<DirectoryUserListResponse>(apiPaths.users(environmentId));

export const getUsersQueryOptions = (environmentId: string) =>
  queryOptions({
    queryKey: securityRoleKeys.users(environmentId),
    queryFn: () => getUsers(environmentId),
  });

export const useUsers = (environmentId: string) => useQuery(getUsersQueryOptions(environmentId));
