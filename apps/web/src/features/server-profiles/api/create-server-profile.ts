import { apiPaths, type CreateServerProfileRequest, type ServerProfileResponse } from '@sync-admin/contract';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { useProfileWritten } from './use-profile-written.ts';

export const createServerProfile = (environmentId: string, body: CreateServerProfileRequest) =>
  api.post<ServerProfileResponse>(apiPaths.serverProfiles(environmentId), body);

export function useCreateServerProfile(environmentId: string) {
  const written = useProfileWritten(environmentId);
  return useMutation({
    mutationFn: (body: CreateServerProfileRequest) => createServerProfile(environmentId, body),
    onSuccess: written,
  });
}
