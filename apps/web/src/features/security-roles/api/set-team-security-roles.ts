import { apiPaths, type TeamResponse } from '@sync-admin/contract';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { useRolesWritten } from './use-roles-written.ts';

/** Replaces the roles the team holds with `roleIds`. */
export const setTeamSecurityRoles = (environmentId: string, teamId: string, roleIds: string[]) =>
  api.put<TeamResponse>(apiPaths.teamSecurityRoles(environmentId, teamId), { roleIds });

export function useSetTeamSecurityRoles(environmentId: string) {
  const written = useRolesWritten(environmentId);
  return useMutation({
    mutationFn: ({ teamId, roleIds }: { teamId: string; roleIds: string[] }) => setTeamSecurityRoles(environmentId, teamId, roleIds),
    onSuccess: written,
  });
}
