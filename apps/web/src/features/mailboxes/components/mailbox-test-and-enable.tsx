import { Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MailboxResponse } from '@sync-admin/contract';
import type { ReactNode } from 'react';
import { ReadOnlyFacts } from '../../../components/read-only-facts.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { ConnectivityTraceTree } from '../../exchange-connectivity/components/connectivity-trace-tree.tsx';
import { ErrorCodeLink } from '../../exchange-connectivity/components/error-code-link.tsx';
import { ItemStateBadge } from '../../test-and-enable/components/job-badges.tsx';
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
function nextAttempt(run: NonNullable<MailboxResponse['testAndEnable']>): ReactNode {
  if (run.nextAttemptAt) return <RelativeTime iso={run.nextAttemptAt} />;
  if (run.itemState === 'held') return 'Held while its server profile has an outage; resumes by itself.';
  if (run.itemState === 'running') return 'Being tested now';
  if (run.itemState === 'pending') return 'Waiting its turn in the job';
  return <Muted>No attempt scheduled</Muted>;
}

/**
 * The last Test & Enable of the mailbox and what the admin center keeps to itself: the job that tested it, each
 * channel's status, the retry state (consecutive failures, last error, next attempt), the EWS URL Autodiscover
 * found, and the steps of the last connectivity check.
 */
export function MailboxTestAndEnable({ environmentId, mailbox }: { environmentId: string; mailbox: MailboxResponse }) {
  const styles = useStyles();
  const run = mailbox.testAndEnable;
  const rows: [string, ReactNode][] = [
    [
      'Last run',
      run ? (
        <>
          <RouterLink to={paths.job.getHref(environmentId, run.runId)}>Job #{run.runNumber}</RouterLink>{' '}
          <Text>started by {run.startedByName}</Text>{' '}
          <ItemStateBadge state={run.itemState} />
        </>
      ) : (
        <Muted>This mailbox hasn&apos;t been tested and enabled by a job yet.</Muted>
      ),
    ],
    ['Incoming Email Status', <TestStatusBadge status={mailbox.incomingEmailStatus} />],
    ['Outgoing Email Status', <TestStatusBadge status={mailbox.outgoingEmailStatus} />],
    ['Appointments, Contacts, and Tasks Status', <TestStatusBadge status={mailbox.appointmentsContactsTasksStatus} />],
    ['Mailbox Test Completed On', mailbox.testCompletedOn ? <RelativeTime iso={mailbox.testCompletedOn} /> : <Muted>Not tested yet</Muted>],
    ['Consecutive failures', String(mailbox.consecutiveErrorCount)],
    [
      'Last error',
      mailbox.lastError ? (
        <>
          <span>
            <ErrorCodeLink code={mailbox.lastError.code} /> · <RelativeTime iso={mailbox.lastError.at} />
          </span>
          <Text className={styles.message}>{mailbox.lastError.message}</Text>
        </>
      ) : (
        <Muted>None</Muted>
      ),
    ],
    ['Attempts in the last run', run ? String(run.attempts) : <Muted>—</Muted>],
    ['Next attempt', run ? nextAttempt(run) : <Muted>No attempt scheduled</Muted>],
    [
      'Discovered EWS URL',
      mailbox.discoveredEwsUrl ? (
        <>
          <Text>{mailbox.discoveredEwsUrl}</Text>
          {mailbox.discoveredEwsUrlAt && <Text size={200} className={styles.muted}>found <RelativeTime iso={mailbox.discoveredEwsUrlAt} /></Text>}
        </>
      ) : (
        <Muted>None (Autodiscover not used, or it found none)</Muted>
      ),
    ],
  ];

  return (
    <section className={styles.section} aria-labelledby="section-test-and-enable">
      <Subtitle2 as="h2" id="section-test-and-enable">Test &amp; Enable</Subtitle2>
      <ReadOnlyFacts rows={rows} />
      <Subtitle2 as="h3" id="section-last-trace">Last connectivity check</Subtitle2>
      {mailbox.lastConnectivityTest ? (
        <ConnectivityTraceTree trace={mailbox.lastConnectivityTest.trace} label={`Connectivity check of ${mailbox.name}`} />
      ) : (
        <Muted>No connectivity check has run for this mailbox yet.</Muted>
      )}
    </section>
  );
}
