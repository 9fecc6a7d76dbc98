import { Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MailboxResponse } from '@sync-admin/contract';
import { Fragment, type ReactNode } from 'react';
import { EmailAddressStatusBadge, TestStatusBadge, formatDateTime } from './mailbox-badges.tsx';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(200px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** Read-only, as on the Dynamics 365 mailbox form: what the last Test & Enable found, and who approved the address. */
export function ConfigurationTestResults({ mailbox }: { mailbox: MailboxResponse }) {
  const styles = useStyles();
  const rows: [string, ReactNode][] = [
    [
      'Email Address Status',
      <>
        <EmailAddressStatusBadge status={mailbox.emailAddressStatus} />
        {mailbox.emailAddressStatus === 'approved' && (mailbox.emailAddressApprovedByName || mailbox.emailAddressApprovedAt) && (
          <Text size={200} className={styles.muted}>
            Approved{mailbox.emailAddressApprovedByName ? ` by ${mailbox.emailAddressApprovedByName}` : ''}
            {mailbox.emailAddressApprovedAt ? ` on ${formatDateTime(mailbox.emailAddressApprovedAt)}` : ''}
          </Text>
        )}
      </>,
    ],
    ['Incoming Email Status', <TestStatusBadge status={mailbox.incomingEmailStatus} />],
    ['Outgoing Email Status', <TestStatusBadge status={mailbox.outgoingEmailStatus} />],
    ['Appointments, Contacts, and Tasks Status', <TestStatusBadge status={mailbox.appointmentsContactsTasksStatus} />],
    ['Enabled for Incoming Email', yesNo(mailbox.isEnabledForIncomingEmail)],
    ['Enabled for Outgoing Email', yesNo(mailbox.isEnabledForOutgoingEmail)],
    ['Enabled for Appointments, Contacts, and Tasks', yesNo(mailbox.isEnabledForAppointmentsContactsTasks)],
    ['Mailbox Test Completed On', formatDateTime(mailbox.testCompletedOn)],
    ['Test & Enable last attempted by', mailbox.testAndEnableLastAttemptedByName ?? '—'],
    ['Test & Enable queued since', mailbox.testAndEnableRequestedAt ? formatDateTime(mailbox.testAndEnableRequestedAt) : 'Not queued'],
    [
      'Last error',
      mailbox.lastError ? `${mailbox.lastError.code}: ${mailbox.lastError.message} (${formatDateTime(mailbox.lastError.at)})` : 'None',
    ],
    ['Consecutive errors', String(mailbox.consecutiveErrorCount)],
  ];
  return (
    <section className={styles.section} aria-labelledby="section-test-results">
      <Subtitle2 as="h2" id="section-test-results">Configuration Test Results</Subtitle2>
      <dl className={styles.grid}>
        {rows.map(([term, detail]) => (
          <Fragment key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{detail}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
