import { apiPaths, type DirectoryUserResponse } from '@sync-admin/contract';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { useRolesWritten } from './use-roles-written.ts';

/** Replaces the roles the user holds directly in the environment with `roleIds`. */
export const setUserSecurityRoles = (environmentId: string, userId: string, roleIds: string[]) =>
  api.put<DirectoryUserResponse>(apiPaths.userSecurityRoles(environmentId, userId), { roleIds });

export function useSetUserSecurityRoles(environmentId: string) {
  const written = useRolesWritten(environmentId);
  return useMutation({
    mutationFn: ({ userId, roleIds }: { userId: string; roleIds: string[] }) => setUserSecurityRoles(environmentId, userId, roleIds),
    onSuccess: written,
  });
}
