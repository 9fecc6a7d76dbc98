import { apiPaths, mailboxResponseSchema } from '@sync-admin/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { mailboxKeys } from './query-keys.ts';

export const getMailbox = (environmentId: string, mailboxId: string) =>
  api.get(apiPaths.mailbox(environmentId, mailboxId), mailboxResponseSchema);

export const getMailboxQueryOptions = (environmentId: string, mailboxId: string) =>
  queryOptions({
    queryKey: mailboxKeys.detail(environmentId, mailboxId),
    queryFn: () => getMailbox(environmentId, mailboxId),
  });

export const useMailbox = (environmentId: string, mailboxId: string) =>
  useQuery(getMailboxQueryOptions(environmentId, mailboxId));
