import { apiPaths, type MailboxResponse } from '@sync-admin/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { LIVE_REFRESH_MS } from '../../test-and-enable/lib/job-liveness.ts';
import { mailboxKeys } from './query-keys.ts';

/**
 * While a job tests the mailbox it is read again: often while it is tested, less while it waits (its job may be
 * scheduled far ahead), now and then while it waits for a retry or for its profile's outage to end.
 */
function refreshWhileTested(mailbox: MailboxResponse | undefined): number | false {
  switch (mailbox?.testAndEnable?.itemState) {
    case 'running': return LIVE_REFRESH_MS;
    case 'pending': return 5_000;
    case 'retrying':
    case 'held': return 30_000;
    default: return false;
  }
}

export const getMailbox = (environmentId: string, mailboxId: string) =>
  api.get<MailboxResponse>(apiPaths.mailbox(environmentId, mailboxId));

export const getMailboxQueryOptions = (environmentId: string, mailboxId: string) =>
  queryOptions({
    queryKey: mailboxKeys.detail(environmentId, mailboxId),
    queryFn: () => getMailbox(environmentId, mailboxId),
    refetchInterval: (query) => refreshWhileTested(query.state.data),
  });

export const useMailbox = (environmentId: string, mailboxId: string) =>
  useQuery(getMailboxQueryOptions(environmentId, mailboxId));
