import { Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MailboxResponse } from '@sync-admin/contract';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadOnlyFacts } from '../../../components/read-only-facts.tsx';
import { EmailAddressStatusBadge, formatDateTime } from './mailbox-badges.tsx';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Read-only, as on the Dynamics 365 mailbox form: who approved the address, and what the mailbox is enabled for. */
export function ConfigurationTestResults({ mailbox }: { mailbox: MailboxResponse }) {
  const styles = useStyles();
  const { t } = useTranslation('mailboxes');
  const yesNo = (value: boolean) => (value ? t('results.yes') : t('results.no'));
  const by = mailbox.emailAddressApprovedByName;
  const on = mailbox.emailAddressApprovedAt ? formatDateTime(mailbox.emailAddressApprovedAt) : null;
  const rows: [string, ReactNode][] = [
    [
      t('column.emailAddressStatus'),
      <>
        <EmailAddressStatusBadge status={mailbox.emailAddressStatus} />
        {mailbox.emailAddressStatus === 'approved' && (mailbox.emailAddressApprovedByName || mailbox.emailAddressApprovedAt) && (
          <Text size={200} className={styles.muted}>
            {by && on ? t('results.approvedByOn', { name: by, time: on }) : by ? t('results.approvedBy', { name: by }) : t('results.approvedOn', { time: on })}
          </Text>
        )}
      </>,
    ],
    [t('results.incoming'), yesNo(mailbox.isEnabledForIncomingEmail)],
    [t('results.outgoing'), yesNo(mailbox.isEnabledForOutgoingEmail)],
    [t('results.act'), yesNo(mailbox.isEnabledForAppointmentsContactsTasks)],
  ];
  return (
    <section className={styles.section} aria-labelledby="section-test-results">
      <Subtitle2 as="h2" id="section-test-results">{t('results.title')}</Subtitle2>
      <ReadOnlyFacts rows={rows} />
    </section>
  );
}
