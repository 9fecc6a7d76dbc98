import { apiPaths } from '@sync-admin/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { serverProfileKeys } from './query-keys.ts';

export const deleteServerProfile = (environmentId: string, profileId: string) =>
  api.delete(apiPaths.serverProfile(environmentId, profileId));

export function useDeleteServerProfile(environmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (profileId: string) => deleteServerProfile(environmentId, profileId),
    onSuccess: async (_, profileId) => {
      queryClient.removeQueries({ queryKey: serverProfileKeys.detail(environmentId, profileId) });
      await queryClient.invalidateQueries({ queryKey: serverProfileKeys.all(environmentId) });
    },
  });
}
