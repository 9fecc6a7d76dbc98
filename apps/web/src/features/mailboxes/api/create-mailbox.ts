import { apiPaths, type CreateMailboxRequest, type MailboxResponse } from '@sync-admin/contract';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { useMailboxWritten } from './use-mailbox-written.ts';

export const createMailbox = (environmentId: string, body: CreateMailboxRequest) =>
  api.post<MailboxResponse>(apiPaths.mailboxes(environmentId), body);

export function useCreateMailbox(environmentId: string) {
  const written = useMailboxWritten(environmentId);
  return useMutation({
    mutationFn: (body: CreateMailboxRequest) => createMailbox(environmentId, body),
    onSuccess: written,
  });
}
