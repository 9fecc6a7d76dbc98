import { apiPaths, type UpdateEmailSettingsRequest, type EmailSettingsResponse } from '@sync-admin/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { auditKeys } from '../../audit/api/query-keys.ts';
import { serverProfileKeys } from '../../server-profiles/api/query-keys.ts';
import { emailSettingsKeys } from './query-keys.ts';

/** Sends only the settings that changed; the rest keep what is stored. */
export const updateEmailSettings = (environmentId: string, changes: UpdateEmailSettingsRequest) =>
  api.patch<EmailSettingsResponse>(apiPaths.emailSettings(environmentId), changes);

export function useUpdateEmailSettings(environmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdateEmailSettingsRequest) => updateEmailSettings(environmentId, changes),
    onSuccess: async (settings, changes) => {
      queryClient.setQueryData(emailSettingsKeys.detail(environmentId), settings);
      // A new Server Profile here is the environment's new default profile; every save is audited.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: auditKeys.all(environmentId) }),
        changes.defaultServerProfileId !== undefined
          ? queryClient.invalidateQueries({ queryKey: serverProfileKeys.all(environmentId) })
          : undefined,
      ]);
    },
  });
}
