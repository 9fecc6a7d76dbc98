import {
  DonutChart,
  GroupedVerticalBarChart,
  VerticalBarChart,
  VerticalStackedBarChart,
  type GroupedVerticalBarChartData,
  type VerticalStackedChartProps,
} from '@fluentui/react-charts';
import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  ALERT_SEVERITY_LABELS,
  EMAIL_ADDRESS_STATUS_LABELS,
  HEALTH_DASHBOARD_DAYS,
  MAILBOX_STATUS_CHANNELS,
  MAILBOX_TEST_STATUS_LABELS,
  type HealthDashboardResponse,
  type MailboxStatusChannel,
} from '@sync-admin/contract';
import { useNavigate } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { ErrorCodeLink } from '../../exchange-connectivity/components/error-code-link.tsx';
import { useHealthDashboard } from '../api/get-health-dashboard.ts';
import { EMAIL_ADDRESS_STATUS_COLORS, OUTCOME_COLORS, SEVERITY_COLORS } from '../lib/chart-colors.ts';
import { mailboxesHref } from '../lib/mailbox-links.ts';
import { ChartCard } from './chart-card.tsx';
import { FigureTable } from './figure-table.tsx';

/** The grid's column names for the channels; "ACT" is the admin center's short name for the third. */
const CHANNEL_LABELS: Record<MailboxStatusChannel, string> = {
  incomingEmailStatus: 'Incoming Email',
  outgoingEmailStatus: 'Outgoing Email',
  appointmentsContactsTasksStatus: 'Appointments, Contacts, and Tasks (ACT)',
};
const TEST_STATUSES = ['success', 'failure', 'notRun'] as const;
const EMAIL_ADDRESS_STATUSES = ['approved', 'pendingApproval', 'rejected', 'empty'] as const;
const SEVERITIES = ['error', 'warning', 'information'] as const;
const CHART_HEIGHT = 260;

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalL, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 520px), 1fr))' },
  wide: { gridColumn: '1 / -1' },
  summary: { color: tokens.colorNeutralForeground2 },
});

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
/** "Dec 3" for a YYYY-MM-DD day, read as the UTC day it is. */
const shortDay = (day: string) => new Date(`${day}T00:00:00.000Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** The Email health page: every chart with its table, every bar and row leading to the mailboxes it counted. */
export function HealthDashboard({ environmentId }: { environmentId: string }) {
  const styles = useStyles();
  const figures = useHealthDashboard(environmentId);
  if (figures.isPending) return <Spinner label="Loading Email health…" />;
  if (figures.isError) return <LoadError error={figures.error} onRetry={() => void figures.refetch()} />;
  return (
    <div className={styles.root}>
      <Text className={`${styles.summary} ${styles.wide}`}>
        {figures.data.mailboxes} active mailboxes you can read · over time: the last {HEALTH_DASHBOARD_DAYS} days (UTC)
      </Text>
      <MailboxStatusCard environmentId={environmentId} figures={figures.data} />
      <EmailAddressStatusCard environmentId={environmentId} figures={figures.data} />
      <TestOutcomesCard environmentId={environmentId} figures={figures.data} className={styles.wide} />
      <FailuresCard environmentId={environmentId} figures={figures.data} />
      <AlertsCard environmentId={environmentId} figures={figures.data} />
      <ProfilesCard environmentId={environmentId} figures={figures.data} className={styles.wide} />
    </div>
  );
}

interface CardProps {
  environmentId: string;
  figures: HealthDashboardResponse;
  className?: string;
}

function MailboxStatusCard({ environmentId, figures }: CardProps) {
  const navigate = useNavigate();
  const data: GroupedVerticalBarChartData[] = MAILBOX_STATUS_CHANNELS.map((channel) => ({
    name: CHANNEL_LABELS[channel],
    series: TEST_STATUSES.map((status) => ({
      key: status, legend: MAILBOX_TEST_STATUS_LABELS[status], data: figures.statusCounts[channel][status], color: OUTCOME_COLORS[status],
      onClick: () => void navigate(mailboxesHref(environmentId, { [channel]: status })),
    })),
  }));
  return (
    <ChartCard
      title="Mailboxes by Incoming, Outgoing and ACT status"
      chart={<GroupedVerticalBarChart chartTitle="Mailboxes by status of each channel" data={data} height={CHART_HEIGHT} hideLegend={false} />}
      table={(
        <FigureTable
          label="Mailboxes by status of each channel"
          columns={['Channel', ...TEST_STATUSES.map((status) => MAILBOX_TEST_STATUS_LABELS[status])]}
          rows={MAILBOX_STATUS_CHANNELS.map((channel) => ({
            key: channel,
            cells: [CHANNEL_LABELS[channel], ...TEST_STATUSES.map((status) => (
              <RouterLink key={status} to={mailboxesHref(environmentId, { [channel]: status })}>{figures.statusCounts[channel][status]}</RouterLink>
            ))],
          }))}
        />
      )}
    />
  );
}

function EmailAddressStatusCard({ environmentId, figures }: CardProps) {
  const navigate = useNavigate();
  const chartData = EMAIL_ADDRESS_STATUSES.map((status) => ({
    legend: EMAIL_ADDRESS_STATUS_LABELS[status], data: figures.emailAddressStatusCounts[status], color: EMAIL_ADDRESS_STATUS_COLORS[status],
    onClick: () => void navigate(mailboxesHref(environmentId, { emailAddressStatus: status })),
  }));
  return (
    <ChartCard
      title="Mailboxes by Email Address Status"
      chart={<DonutChart data={{ chartTitle: 'Mailboxes by Email Address Status', chartData }} innerRadius={55} height={CHART_HEIGHT} hideLabels={false} />}
      table={(
        <FigureTable
          label="Mailboxes by Email Address Status"
          columns={['Email Address Status', 'Mailboxes']}
          rows={EMAIL_ADDRESS_STATUSES.map((status) => ({
            key: status,
            cells: [EMAIL_ADDRESS_STATUS_LABELS[status], <RouterLink key="n" to={mailboxesHref(environmentId, { emailAddressStatus: status })}>{figures.emailAddressStatusCounts[status]}</RouterLink>],
          }))}
        />
      )}
    />
  );
}

function TestOutcomesCard({ environmentId, figures, className }: CardProps) {
  const data: VerticalStackedChartProps[] = figures.testOutcomes.map((day) => ({
    xAxisPoint: shortDay(day.day),
    chartData: [
      { legend: 'Succeeded', data: day.succeeded, color: OUTCOME_COLORS.success },
      { legend: 'Failed', data: day.failed, color: OUTCOME_COLORS.failure },
    ],
  }));
  return (
    <div className={className}>
      <ChartCard
        title="Test & Enable outcomes per day"
        chart={<VerticalStackedBarChart chartTitle="Mailboxes tested per day, by outcome" data={data} height={CHART_HEIGHT} />}
        table={(
          <FigureTable
            label="Mailboxes tested per day, by outcome"
            columns={['Day (UTC)', 'Succeeded', 'Failed']}
            rows={figures.testOutcomes.map((day) => ({
              key: day.day,
              cells: [day.day, day.succeeded, day.failed === 0 ? 0 : <RouterLink key="f" to={mailboxesHref(environmentId, { view: 'failedTests' })}>{day.failed}</RouterLink>],
            }))}
          />
        )}
      />
    </div>
  );
}

function FailuresCard({ environmentId, figures }: CardProps) {
  const navigate = useNavigate();
  const failures = figures.failuresByErrorCode;
  return (
    <ChartCard
      title="Failures by error code"
      chart={failures.length > 0 ? (
        <VerticalBarChart
          chartTitle="Mailboxes whose last test failed, by error code"
          height={CHART_HEIGHT}
          hideLegend
          data={failures.map((failure) => ({
            x: failure.code, y: failure.mailboxes, legend: failure.code, color: OUTCOME_COLORS.failure,
            onClick: () => void navigate(mailboxesHref(environmentId, { lastErrorCode: failure.code })),
          }))}
        />
      ) : <Text>No mailbox's last test failed.</Text>}
      table={(
        <FigureTable
          label="Mailboxes whose last test failed, by error code"
          columns={['Error code', 'Mailboxes']}
          rows={failures.map((failure) => ({
            key: failure.code,
            cells: [<ErrorCodeLink key="c" code={failure.code} />, <RouterLink key="n" to={mailboxesHref(environmentId, { lastErrorCode: failure.code })}>{failure.mailboxes}</RouterLink>],
          }))}
        />
      )}
    />
  );
}

function AlertsCard({ figures }: CardProps) {
  const data: VerticalStackedChartProps[] = figures.alerts.map((day) => ({
    xAxisPoint: shortDay(day.day),
    chartData: SEVERITIES.map((severity) => ({ legend: ALERT_SEVERITY_LABELS[severity], data: day.counts[severity], color: SEVERITY_COLORS[severity] })),
  }));
  return (
    <ChartCard
      title="Alerts by severity per day"
      chart={<VerticalStackedBarChart chartTitle="Alerts per day, by severity" data={data} height={CHART_HEIGHT} />}
      table={(
        <FigureTable
          label="Alerts per day, by severity"
          columns={['Day (UTC)', ...SEVERITIES.map((severity) => ALERT_SEVERITY_LABELS[severity])]}
          rows={figures.alerts.map((day) => ({ key: day.day, cells: [day.day, ...SEVERITIES.map((severity) => day.counts[severity])] }))}
        />
      )}
    />
  );
}

function ProfilesCard({ environmentId, figures, className }: CardProps) {
  return (
    <div className={className}>
      <ChartCard
        title="Server profiles"
        table={(
          <FigureTable
            label="Server profiles: mailboxes, last job, retrying and held"
            columns={['Email Server Profile', 'Mailboxes', 'Success rate of the last job', 'Retrying', 'Held', 'Last job']}
            rows={figures.profiles.map((profile) => ({
              key: profile.serverProfileId,
              cells: [
                profile.name,
                <RouterLink key="m" to={mailboxesHref(environmentId, { serverProfileId: profile.serverProfileId })}>{profile.mailboxes}</RouterLink>,
                profile.lastRun?.successRate == null ? '—' : `${percent.format(profile.lastRun.successRate)} (${profile.lastRun.succeeded} of ${profile.lastRun.succeeded + profile.lastRun.failed})`,
                profile.retrying,
                profile.held,
                profile.lastRun ? (
                  <span key="j">
                    <RouterLink to={paths.job.getHref(environmentId, profile.lastRun.runId)}>Job #{profile.lastRun.number}</RouterLink>
                    {' · '}
                    <RelativeTime iso={profile.lastRun.finishedAt ?? profile.lastRun.startAt} />
                  </span>
                ) : 'None yet',
              ],
            }))}
          />
        )}
      />
    </div>
  );
}
