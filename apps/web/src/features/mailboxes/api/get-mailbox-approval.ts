import { apiPaths, mailboxApprovalResponseSchema } from '@sync-admin/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { mailboxKeys } from './query-keys.ts';

/** Whether the signed-in user may approve this mailbox, with every rule checked: approval never fails silently. */
export const getMailboxApproval = (environmentId: string, mailboxId: string) =>
  api.get(apiPaths.mailboxApproval(environmentId, mailboxId), mailboxApprovalResponseSchema);

export const getMailboxApprovalQueryOptions = (environmentId: string, mailboxId: string) =>
  queryOptions({
    queryKey: mailboxKeys.approval(environmentId, mailboxId),
    queryFn: () => getMailboxApproval(environmentId, mailboxId),
    staleTime: 30_000,
  });

/** Pass null when no single mailbox is in question; nothing is fetched then. */
export const useMailboxApproval = (environmentId: string, mailboxId: string | null) =>
  useQuery({ ...getMailboxApprovalQueryOptions(environmentId, mailboxId ?? ''), enabled: mailboxId !== null });
