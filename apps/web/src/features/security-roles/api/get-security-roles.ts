import { apiPaths, securityRoleListResponseSchema } from '@sync-admin/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { securityRoleKeys } from './query-keys.ts';

export const getSecurityRoles = (environmentId: string) =>
  api.get(apiPaths.securityRoles(environmentId), securityRoleListResponseSchema);

export const getSecurityRolesQueryOptions = (environmentId: string) =>
  queryOptions({
    queryKey: securityRoleKeys.roles(environmentId),
    queryFn: () => getSecurityRoles(environmentId),
  });

export const useSecurityRoles = (environmentId: string) => useQuery(getSecurityRolesQueryOptions(environmentId));
