import type { MailboxResponse } from '@sync-admin/contract';
import { useQueryClient } from '@tanstack/react-query';
import { alertKeys } from '../../alerts/api/query-keys.ts';
import { auditKeys } from '../../audit/api/query-keys.ts';
import { mailboxKeys } from './query-keys.ts';

/**
 * After any write: cache the returned mailbox, then refetch the environment's pages, details and approval
 * explanations, since one write can move rows between views and change who may approve them; then the
 * environment's audit history and alerts, which the write adds to.
 */
export function useMailboxWritten(environmentId: string) {
  const queryClient = useQueryClient();
  return async (mailbox?: MailboxResponse) => {
    if (mailbox) queryClient.setQueryData(mailboxKeys.detail(environmentId, mailbox.id), mailbox);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: mailboxKeys.all(environmentId) }),
      // Every mailbox write is audited, and Test & Enable raises alerts.
      queryClient.invalidateQueries({ queryKey: auditKeys.all(environmentId) }),
      queryClient.invalidateQueries({ queryKey: alertKeys.all(environmentId) }),
    ]);
  };
}
