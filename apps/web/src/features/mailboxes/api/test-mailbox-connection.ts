import { apiPaths, type MailboxConnectionTestResponse } from '@sync-admin/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { mailboxKeys } from './query-keys.ts';

/** Runs the Test & Enable checks on one mailbox now, step by step; its statuses stay as they are. */
export const testMailboxConnection = (environmentId: string, mailboxId: string) =>
  api.post<MailboxConnectionTestResponse>(apiPaths.mailboxTestConnection(environmentId, mailboxId));

export function useTestMailboxConnection(environmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mailboxId: string) => testMailboxConnection(environmentId, mailboxId),
    // The mailbox keeps the trace as its last connectivity test (and any EWS URL found).
    onSuccess: (_, mailboxId) => queryClient.invalidateQueries({ queryKey: mailboxKeys.detail(environmentId, mailboxId) }),
  });
}
