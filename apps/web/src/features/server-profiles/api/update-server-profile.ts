import { apiPaths, type UpdateServerProfileRequest, type ServerProfileResponse } from '@sync-admin/contract';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { useProfileWritten } from './use-profile-written.ts';

export const updateServerProfile = (environmentId: string, profileId: string, body: UpdateServerProfileRequest) =>
  api.patch<ServerProfileResponse>(apiPaths.serverProfile(environmentId, profileId), body);

export function useUpdateServerProfile(environmentId: string) {
  const written = useProfileWritten(environmentId);
  return useMutation({
    mutationFn: ({ profileId, body }: { profileId: string; body: UpdateServerProfileRequest }) =>
      updateServerProfile(environmentId, profileId, body),
    onSuccess: written,
  });
}
