import type { ServerProfileResponse } from '@sync-admin/contract';
import { useQueryClient } from '@tanstack/react-query';
import { serverProfileKeys } from './query-keys.ts';

/**
 * After any write: cache the returned profile, then refetch the environment's lists and details, because
 * one write can change others too (a new default clears the old one).
 */
export function useProfileWritten(environmentId: string) {
  const queryClient = useQueryClient();
  return async (profile?: ServerProfileResponse) => {
    if (profile) queryClient.setQueryData(serverProfileKeys.detail(environmentId, profile.id), profile);
    await queryClient.invalidateQueries({ queryKey: serverProfileKeys.all(environmentId) });
  };
}
