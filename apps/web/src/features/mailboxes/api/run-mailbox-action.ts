import { apiPaths, type MailboxSettingsWire, type MailboxTargetWire, type MailboxActionResponse } from '@sync-admin/contract';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { useMailboxWritten } from './use-mailbox-written.ts';

export type SynchronizationMethodChanges = Partial<
  Pick<
    MailboxSettingsWire,
    'serverProfileId' | 'incomingEmailDeliveryMethod' | 'outgoingEmailDeliveryMethod' | 'appointmentsContactsTasksDeliveryMethod'
  >
>;

/** The bulk commands of the Mailboxes command bar that change mailboxes, each with its request body (Test & Enable starts jobs: see test-and-enable). */
export type MailboxActionRequest =
  | { action: 'apply-default-email-settings'; target: MailboxTargetWire; testAndEnable: boolean }
  | { action: 'change-multiple'; target: MailboxTargetWire; changes: SynchronizationMethodChanges }
  | { action: 'approve-email'; target: MailboxTargetWire };

export function runMailboxAction(environmentId: string, request: MailboxActionRequest) {
  const { action, ...body } = request;
  return api.post<MailboxActionResponse>(apiPaths.mailboxAction(environmentId, action), body);
}

export type MailboxActionResult = Awaited<ReturnType<typeof runMailboxAction>>;

/** Every bulk command answers per mailbox (done or skipped, and why); all mailbox queries refresh after it. */
export function useMailboxAction(environmentId: string) {
  const written = useMailboxWritten(environmentId);
  return useMutation({
    mutationFn: (request: MailboxActionRequest) => runMailboxAction(environmentId, request),
    onSuccess: () => written(),
  });
}
