import { apiPaths, type Privilege, type PrivilegeDepth, type SecurityRoleResponse } from '@sync-admin/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { securityRoleKeys } from './query-keys.ts';
import { useRolesWritten } from './use-roles-written.ts';

/** null removes the privilege from the role (level None). */
export const setSecurityRolePrivilege = (environmentId: string, roleId: string, privilege: Privilege, depth: PrivilegeDepth | null) =>
  api.put<SecurityRoleResponse>(apiPaths.securityRolePrivilege(environmentId, roleId, privilege), { depth });

export function useSetSecurityRolePrivilege(environmentId: string) {
  const queryClient = useQueryClient();
  const written = useRolesWritten(environmentId);
  return useMutation({
    mutationFn: ({ roleId, privilege, depth }: { roleId: string; privilege: Privilege; depth: PrivilegeDepth | null }) =>
      setSecurityRolePrivilege(environmentId, roleId, privilege, depth),
    onSuccess: async (role) => {
      // The answer is the changed role: show it at once, then refetch what else may have moved.
      queryClient.setQueryData(securityRoleKeys.roles(environmentId), (previous: { items: SecurityRoleResponse[] } | undefined) =>
        previous && { items: previous.items.map((item) => (item.id === role.id ? role : item)) },
      );
      await written();
    },
  });
}
