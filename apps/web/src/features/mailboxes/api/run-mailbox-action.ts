import {
  apiPaths,
  bulkResultResponseSchema,
  type MailboxAction,
  type MailboxSettingsWire,
  type MailboxTargetWire,
} from '@sync-admin/contract';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { useMailboxWritten } from './use-mailbox-written.ts';

export type SynchronizationMethodChanges = Partial<
  Pick<
    MailboxSettingsWire,
    'serverProfileId' | 'incomingEmailDeliveryMethod' | 'outgoingEmailDeliveryMethod' | 'appointmentsContactsTasksDeliveryMethod'
  >
>;

/** The four bulk commands of the Mailboxes command bar, each with its request body. */
export type MailboxActionRequest =
  | { action: 'apply-default-email-settings'; target: MailboxTargetWire; testAndEnable: boolean }
  | { action: 'change-multiple'; target: MailboxTargetWire; changes: SynchronizationMethodChanges }
  | { action: 'approve-email'; target: MailboxTargetWire }
  | { action: 'test-and-enable'; target: MailboxTargetWire };

export const MAILBOX_ACTION_TITLES: Record<MailboxAction, string> = {
  'apply-default-email-settings': 'Apply Default Email Settings',
  'change-multiple': 'Change Multiple Records',
  'approve-email': 'Approve Email',
  'test-and-enable': 'Test & Enable Mailbox',
};

export function runMailboxAction(environmentId: string, request: MailboxActionRequest) {
  const { action, ...body } = request;
  return api.post(apiPaths.mailboxAction(environmentId, action), bulkResultResponseSchema, body);
}

/** Every bulk command answers per mailbox (done or skipped, and why); all mailbox queries refresh after it. */
export function useMailboxAction(environmentId: string) {
  const written = useMailboxWritten(environmentId);
  return useMutation({
    mutationFn: (request: MailboxActionRequest) => runMailboxAction(environmentId, request),
    onSuccess: () => written(),
  });
}
