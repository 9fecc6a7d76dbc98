import { apiPaths, type MailboxFilterWire, type MailboxTargetWire, type StartRunResponse } from '@sync-admin/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { useMailboxWritten } from '../../mailboxes/api/use-mailbox-written.ts';
import { serverProfileKeys } from '../../server-profiles/api/query-keys.ts';
import { jobKeys } from './query-keys.ts';

/** The four commands that start a Test & Enable job, with what each confirmation names. */
export type TestAndEnableCommand =
  | { kind: 'mailboxes'; target: MailboxTargetWire; count: number; name: string | null }
  | { kind: 'retestFailedMailboxes'; filter: MailboxFilterWire }
  | { kind: 'serverProfile'; profileId: string; profileName: string }
  | { kind: 'retestFailedServerProfile'; profileId: string; profileName: string };

export const TEST_AND_ENABLE_NEEDS_WRITE = 'You need Write privilege on Mailbox to test and enable mailboxes.';

/** `startAt` null starts now; the API answers per mailbox (started, joined a running job, or skipped and why). */
export function startTestAndEnable(environmentId: string, command: TestAndEnableCommand, startAt: string | null) {
  switch (command.kind) {
    case 'mailboxes':
      return api.post<StartRunResponse>(apiPaths.mailboxAction(environmentId, 'test-and-enable'), { target: command.target, startAt });
    case 'retestFailedMailboxes':
      return api.post<StartRunResponse>(apiPaths.mailboxAction(environmentId, 'retest-failed'), { filter: command.filter, startAt });
    case 'serverProfile':
      return api.post<StartRunResponse>(apiPaths.serverProfileAction(environmentId, command.profileId, 'test-and-enable-mailboxes'), { startAt });
    case 'retestFailedServerProfile':
      return api.post<StartRunResponse>(apiPaths.serverProfileAction(environmentId, command.profileId, 'retest-failed'), { startAt });
  }
}

export function useStartTestAndEnable(environmentId: string) {
  const queryClient = useQueryClient();
  const mailboxWritten = useMailboxWritten(environmentId);
  return useMutation({
    mutationFn: ({ command, startAt }: { command: TestAndEnableCommand; startAt: string | null }) =>
      startTestAndEnable(environmentId, command, startAt),
    // Mailboxes are queued, a job appears, and a profile's last run changes.
    onSuccess: () =>
      Promise.all([
        mailboxWritten(),
        queryClient.invalidateQueries({ queryKey: jobKeys.all(environmentId) }),
        queryClient.invalidateQueries({ queryKey: serverProfileKeys.all(environmentId) }),
      ]),
  });
}
