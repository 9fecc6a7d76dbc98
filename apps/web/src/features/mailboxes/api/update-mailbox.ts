import { apiPaths, type UpdateMailboxRequest, type MailboxResponse } from '@sync-admin/contract';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { useMailboxWritten } from './use-mailbox-written.ts';

/** Only the fields in the body change; the password is write-only (a value sets, null clears, absent keeps). */
export const updateMailbox = (environmentId: string, mailboxId: string, body: UpdateMailboxRequest) =>
  api.patch<MailboxResponse>(apiPaths.mailbox(environmentId, mailboxId), body);

export function useUpdateMailbox(environmentId: string) {
  const written = useMailboxWritten(environmentId);
  return useMutation({
    mutationFn: ({ mailboxId, body }: { mailboxId: string; body: UpdateMailboxRequest }) =>
      updateMailbox(environmentId, mailboxId, body),
    onSuccess: written,
  });
}
