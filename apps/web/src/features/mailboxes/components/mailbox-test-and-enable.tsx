import { Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MailboxResponse } from '@sync-admin/contract';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ReadOnlyFacts } from '../../../components/read-only-facts.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { ConnectivityTraceTree } from '../../exchange-connectivity/components/connectivity-trace-tree.tsx';
import { ErrorCodeLink } from '../../exchange-connectivity/components/error-code-link.tsx';
import { ErrorDetail } from '../../exchange-connectivity/components/error-detail.tsx';
import { ItemStateBadge } from '../../test-and-enable/components/job-badges.tsx';
import { useMailboxLabels } from '../lib/labels.ts';
import { TestStatusBadge } from './mailbox-badges.tsx';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  message: { flexBasis: '100%' },
});

function Muted({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <Text className={styles.muted}>{children}</Text>;
}

/** When the job tests the mailbox next, in the words of its item's state. */
function nextAttempt(run: NonNullable<MailboxResponse['testAndEnable']>, t: TFunction<'mailboxes'>): ReactNode {
  if (run.nextAttemptAt) return <RelativeTime iso={run.nextAttemptAt} />;
  if (run.itemState === 'held') return t('testAndEnable.held');
  if (run.itemState === 'running') return t('testAndEnable.running');
  if (run.itemState === 'pending') return t('testAndEnable.pending');
  return <Muted>{t('testAndEnable.noAttempt')}</Muted>;
}

/**
 * The last Test & Enable of the mailbox and what the admin center keeps to itself: the job that tested it, each
 * channel's status, the retry state (consecutive failures, last error, next attempt), the EWS URL Autodiscover
 * found, and the steps of the last connectivity check.
 */
export function MailboxTestAndEnable({ environmentId, mailbox }: { environmentId: string; mailbox: MailboxResponse }) {
  const styles = useStyles();
  const { t } = useTranslation('mailboxes');
  const labels = useMailboxLabels();
  const run = mailbox.testAndEnable;
  const rows: [string, ReactNode][] = [
    [
      t('testAndEnable.lastRun'),
      run ? (
        <>
          <RouterLink to={paths.job.getHref(environmentId, run.runId)}>{t('testAndEnable.job', { number: run.runNumber })}</RouterLink>{' '}
          <Text>{t('testAndEnable.startedBy', { name: run.startedByName })}</Text>{' '}
          <ItemStateBadge state={run.itemState} />
        </>
      ) : (
        <Muted>{t('testAndEnable.neverRun')}</Muted>
      ),
    ],
    [labels.column.incomingEmailStatus, <TestStatusBadge status={mailbox.incomingEmailStatus} />],
    [labels.column.outgoingEmailStatus, <TestStatusBadge status={mailbox.outgoingEmailStatus} />],
    [labels.column.appointmentsContactsTasksStatus, <TestStatusBadge status={mailbox.appointmentsContactsTasksStatus} />],
    [labels.column.testCompletedOn, mailbox.testCompletedOn ? <RelativeTime iso={mailbox.testCompletedOn} /> : <Muted>{t('testAndEnable.notTested')}</Muted>],
    [t('testAndEnable.consecutiveFailures'), String(mailbox.consecutiveErrorCount)],
    [
      t('testAndEnable.lastError'),
      mailbox.lastError ? (
        <>
          <span>
            <ErrorCodeLink code={mailbox.lastError.code} /> · <RelativeTime iso={mailbox.lastError.at} />
          </span>
          <Text className={styles.message}><ErrorDetail error={mailbox.lastError} /></Text>
        </>
      ) : (
        <Muted>{t('testAndEnable.none')}</Muted>
      ),
    ],
    [t('testAndEnable.attempts'), run ? String(run.attempts) : <Muted>—</Muted>],
    [t('testAndEnable.nextAttempt'), run ? nextAttempt(run, t) : <Muted>{t('testAndEnable.noAttempt')}</Muted>],
    [
      t('connectionTest.discoveredEwsUrl'),
      mailbox.discoveredEwsUrl ? (
        <>
          <Text>{mailbox.discoveredEwsUrl}</Text>
          {mailbox.discoveredEwsUrlAt && (
            <Text size={200} className={styles.muted}>
              <Trans t={t} i18nKey="testAndEnable.found" components={{ time: <RelativeTime iso={mailbox.discoveredEwsUrlAt} /> }} />
            </Text>
          )}
        </>
      ) : (
        <Muted>{t('testAndEnable.noEwsUrl')}</Muted>
      ),
    ],
  ];

  return (
    <section className={styles.section} aria-labelledby="section-test-and-enable">
      <Subtitle2 as="h2" id="section-test-and-enable">{t('testAndEnable.title')}</Subtitle2>
      <ReadOnlyFacts rows={rows} />
      <Subtitle2 as="h3" id="section-last-trace">{t('testAndEnable.lastCheck')}</Subtitle2>
      {mailbox.lastConnectivityTest ? (
        <ConnectivityTraceTree trace={mailbox.lastConnectivityTest.trace} label={t('testAndEnable.trace', { name: mailbox.name })} />
      ) : (
        <Muted>{t('testAndEnable.noCheck')}</Muted>
      )}
    </section>
  );
}
