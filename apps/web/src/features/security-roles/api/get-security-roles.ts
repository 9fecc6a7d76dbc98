import { apiPaths, type SecurityRoleListResponse } from '@sync-admin/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { securityRoleKeys } from './query-keys.ts';

export const getSecurityRoles = (environmentId: string) =>
  api.get<SecurityRoleListResponse>(apiPaths.securityRoles(environmentId));

export const getSecurityRolesQueryOptions = (environmentId: string) =>
  queryOptions({
    queryKey: securityRoleKeys.roles(environmentId),
    queryFn: () => getSecurityRoles(environmentId),
  });

export const useSecurityRoles = (environmentId: string) => useQuery(getSecurityRolesQueryOptions(environmentId));
