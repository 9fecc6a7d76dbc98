import { Badge, Tooltip } from '@fluentui/react-components';
import { ClockRegular } from '@fluentui/react-icons';
import type { MailboxListItemResponse } from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime as formatInLanguage } from '../../../lib/format-time.ts';
import { useMailboxLabels } from '../lib/labels.ts';

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
  const labels = useMailboxLabels();
  return (
    <Badge appearance="tint" color={ADDRESS_COLORS[status]}>
      {labels.addressStatus[status]}
    </Badge>
  );
}

export function TestStatusBadge({ status }: { status: TestStatus }) {
  const labels = useMailboxLabels();
  return (
    <Badge appearance={status === 'notRun' ? 'outline' : 'tint'} color={TEST_COLORS[status]}>
      {labels.testStatus[status]}
    </Badge>
  );
}

/** Shown while a Test & Enable run waits for the job that performs it. */
export function TestAndEnableQueuedBadge({ since }: { since: string }) {
  const { t } = useTranslation('mailboxes');
  const text = t('queuedSince', { time: formatDateTime(since) });
  return (
    <Tooltip content={text} relationship="description">
      <Badge appearance="tint" color="brand" icon={<ClockRegular />} aria-label={text}>
        {t('queued')}
      </Badge>
    </Tooltip>
  );
}

/** A date and time in the language shown, or a dash where there is none. */
export const formatDateTime = (iso: string | null | undefined) => (iso ? formatInLanguage(iso) : '—');
