import { useQueryClient } from '@tanstack/react-query';
import { getEnvironmentsQueryOptions } from '../../environments/api/get-environments.ts';
import { auditKeys } from '../../audit/api/query-keys.ts';
import { securityRoleKeys } from './query-keys.ts';

/**
 * After any change to roles or who holds them: refetch roles, users and teams (counts move with assignments),
 * the audit history, and the environments list, whose privileges may now be the signed-in user's own.
 */
export function useRolesWritten(environmentId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: securityRoleKeys.all(environmentId) }),
      queryClient.invalidateQueries({ queryKey: auditKeys.all(environmentId) }),
      queryClient.invalidateQueries({ queryKey: getEnvironmentsQueryOptions().queryKey, exact: true }),
    ]);
  };
}
