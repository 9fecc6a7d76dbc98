import { Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MailboxResponse } from '@sync-admin/contract';
import type { ReactNode } from 'react';
import { ReadOnlyFacts } from '../../../components/read-only-facts.tsx';
import { EmailAddressStatusBadge, formatDateTime } from './mailbox-badges.tsx';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** Read-only, as on the Dynamics 365 mailbox form: who approved the address, and what the mailbox is enabled for. */
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
    ['Enabled for Incoming Email', yesNo(mailbox.isEnabledForIncomingEmail)],
    ['Enabled for Outgoing Email', yesNo(mailbox.isEnabledForOutgoingEmail)],
    ['Enabled for Appointments, Contacts, and Tasks', yesNo(mailbox.isEnabledForAppointmentsContactsTasks)],
  ];
  return (
    <section className={styles.section} aria-labelledby="section-test-results">
      <Subtitle2 as="h2" id="section-test-results">Configuration Test Results</Subtitle2>
      <ReadOnlyFacts rows={rows} />
    </section>
  );
}
