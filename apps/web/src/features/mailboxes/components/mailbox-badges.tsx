import { Badge, Tooltip } from '@fluentui/react-components';
import { ClockRegular } from '@fluentui/react-icons';
import {
  EMAIL_ADDRESS_STATUS_LABELS,
  MAILBOX_TEST_STATUS_LABELS,
  type MailboxListItemResponse,
} from '@sync-admin/contract';

type EmailAddressStatus = MailboxListItemResponse['emailAddressStatus'];
type TestStatus = MailboxListItemResponse['incomingEmailStatus'];
type BadgeColor = 'success' | 'warning' | 'danger' | 'informative' | 'subtle';

const ADDRESS_COLORS: Record<EmailAddressStatus, BadgeColor> = {
  approved: 'success',
  pendingApproval: 'warning',
  rejected: 'danger',
  empty: 'informative',
};

const TEST_COLORS: Record<TestStatus, BadgeColor> = { success: 'success', failure: 'danger', notRun: 'informative' };

export function EmailAddressStatusBadge({ status }: { status: EmailAddressStatus }) {
  return (
    <Badge appearance="tint" color={ADDRESS_COLORS[status]}>
      {EMAIL_ADDRESS_STATUS_LABELS[status]}
    </Badge>
  );
}

export function TestStatusBadge({ status }: { status: TestStatus }) {
  return (
    <Badge appearance={status === 'notRun' ? 'outline' : 'tint'} color={TEST_COLORS[status]}>
      {MAILBOX_TEST_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Shown while a Test & Enable run waits for the job that performs it. */
export function TestAndEnableQueuedBadge({ since }: { since: string }) {
  const text = `Test & Enable queued since ${formatDateTime(since)}`;
  return (
    <Tooltip content={text} relationship="description">
      <Badge appearance="tint" color="brand" icon={<ClockRegular />} aria-label={text}>
        Queued
      </Badge>
    </Tooltip>
  );
}

export const formatDateTime = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
