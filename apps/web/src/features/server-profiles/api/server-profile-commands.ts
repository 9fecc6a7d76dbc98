import { apiPaths, type ServerProfileResponse } from '@sync-admin/contract';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { useProfileWritten } from './use-profile-written.ts';

/** The commands that answer with the changed profile; the two that start Test & Enable jobs live in test-and-enable. */
export type ServerProfileCommand = Exclude<Parameters<typeof apiPaths.serverProfileAction>[2], 'test-and-enable-mailboxes' | 'retest-failed'>;

export const runServerProfileCommand = (environmentId: string, profileId: string, command: ServerProfileCommand) =>
  api.post<ServerProfileResponse>(apiPaths.serverProfileAction(environmentId, profileId, command));

/** Activate, Deactivate, Set as default and Test connection: one POST each, all answering with the changed profile. */
export function useServerProfileCommand(environmentId: string) {
  const written = useProfileWritten(environmentId);
  return useMutation({
    mutationFn: ({ profileId, command }: { profileId: string; command: ServerProfileCommand }) =>
      runServerProfileCommand(environmentId, profileId, command),
    onSuccess: written,
  });
}
