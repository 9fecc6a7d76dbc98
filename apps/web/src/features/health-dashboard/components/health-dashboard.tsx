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
  HEALTH_DASHBOARD_DAYS,
  MAILBOX_STATUS_CHANNELS,
  type HealthDashboardResponse,
} from '@sync-admin/contract';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { formatNumber, formatPercent, formatShortDay } from '../../../lib/format-time.ts';
import { formattingLocale } from '../../../lib/i18n.ts';
import { ErrorCodeLink } from '../../exchange-connectivity/components/error-code-link.tsx';
import { useHealthDashboard } from '../api/get-health-dashboard.ts';
import { EMAIL_ADDRESS_STATUS_COLORS, OUTCOME_COLORS, SEVERITY_COLORS } from '../lib/chart-colors.ts';
import { mailboxesHref } from '../lib/mailbox-links.ts';
import { ChartCard } from './chart-card.tsx';
import { FigureTable } from './figure-table.tsx';

const TEST_STATUSES = ['success', 'failure', 'notRun'] as const;
const EMAIL_ADDRESS_STATUSES = ['approved', 'pendingApproval', 'rejected', 'empty'] as const;
const SEVERITIES = ['error', 'warning', 'information'] as const;
const CHART_HEIGHT = 260;

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalL, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 520px), 1fr))' },
  wide: { gridColumn: '1 / -1' },
  summary: { color: tokens.colorNeutralForeground2 },
  // The charts' legends capitalize every word, which German nouns and adjectives must not get ("Genehmigung ausstehend");
  // the labels are already written as each language writes them.
  legend: { textTransform: 'none' },
});

/**
 * The figures' names in the language shown, and what every chart is told: the locale its numbers are written in and
 * the legends' overflow word. The contract's English label tables stay the server's.
 */
function useDashboardText() {
  const { t } = useTranslation(['health-dashboard', 'alerts', 'common']);
  const legend = useStyles().legend;
  return useMemo(() => ({
    t,
    /** The grid's column names for the channels; "ACT" is the admin center's short name for the third. */
    channel: {
      incomingEmailStatus: t('channel.incomingEmailStatus'),
      outgoingEmailStatus: t('channel.outgoingEmailStatus'),
      appointmentsContactsTasksStatus: t('channel.appointmentsContactsTasksStatus'),
    } satisfies Record<(typeof MAILBOX_STATUS_CHANNELS)[number], string>,
    testStatus: { success: t('testStatus.success'), failure: t('testStatus.failure'), notRun: t('testStatus.notRun') } satisfies Record<(typeof TEST_STATUSES)[number], string>,
    addressStatus: {
      approved: t('addressStatus.approved'),
      pendingApproval: t('addressStatus.pendingApproval'),
      rejected: t('addressStatus.rejected'),
      empty: t('addressStatus.empty'),
    } satisfies Record<(typeof EMAIL_ADDRESS_STATUSES)[number], string>,
    severity: { error: t('alerts:severity.error'), warning: t('alerts:severity.warning'), information: t('alerts:severity.information') } satisfies Record<(typeof SEVERITIES)[number], string>,
    chart: { culture: formattingLocale(), legendProps: { overflowText: t('moreLegends'), styles: { legend } } },
  }), [t, legend]);
}

/** The Email health page: every chart with its table, every bar and row leading to the mailboxes it counted. */
export function HealthDashboard({ environmentId }: { environmentId: string }) {
  const styles = useStyles();
  const { t } = useTranslation('health-dashboard');
  const figures = useHealthDashboard(environmentId);
  if (figures.isPending) return <Spinner label={t('loading')} />;
  if (figures.isError) return <LoadError error={figures.error} onRetry={() => void figures.refetch()} />;
  return (
    <div className={styles.root}>
      <Text className={`${styles.summary} ${styles.wide}`}>
        {t('summary', { count: figures.data.mailboxes, formatted: formatNumber(figures.data.mailboxes), days: HEALTH_DASHBOARD_DAYS })}
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
  const text = useDashboardText();
  const { t } = text;
  const data: GroupedVerticalBarChartData[] = MAILBOX_STATUS_CHANNELS.map((channel) => ({
    name: text.channel[channel],
    series: TEST_STATUSES.map((status) => ({
      key: status, legend: text.testStatus[status], data: figures.statusCounts[channel][status], color: OUTCOME_COLORS[status],
      onClick: () => void navigate(mailboxesHref(environmentId, { [channel]: status })),
    })),
  }));
  return (
    <ChartCard
      title={t('status.title')}
      chart={<GroupedVerticalBarChart {...text.chart} chartTitle={t('status.chart')} data={data} height={CHART_HEIGHT} hideLegend={false} />}
      table={(
        <FigureTable
          label={t('status.chart')}
          columns={[t('channel.label'), ...TEST_STATUSES.map((status) => text.testStatus[status])]}
          rows={MAILBOX_STATUS_CHANNELS.map((channel) => ({
            key: channel,
            cells: [text.channel[channel], ...TEST_STATUSES.map((status) => (
              <RouterLink key={status} to={mailboxesHref(environmentId, { [channel]: status })}>{formatNumber(figures.statusCounts[channel][status])}</RouterLink>
            ))],
          }))}
        />
      )}
    />
  );
}

function EmailAddressStatusCard({ environmentId, figures }: CardProps) {
  const navigate = useNavigate();
  const text = useDashboardText();
  const { t } = text;
  const chartData = EMAIL_ADDRESS_STATUSES.map((status) => ({
    legend: text.addressStatus[status], data: figures.emailAddressStatusCounts[status], color: EMAIL_ADDRESS_STATUS_COLORS[status],
    onClick: () => void navigate(mailboxesHref(environmentId, { emailAddressStatus: status })),
  }));
  return (
    <ChartCard
      title={t('address.title')}
      chart={<DonutChart {...text.chart} data={{ chartTitle: t('address.title'), chartData }} innerRadius={55} height={CHART_HEIGHT} hideLabels={false} />}
      table={(
        <FigureTable
          label={t('address.title')}
          columns={[t('addressStatus.label'), t('mailboxes')]}
          rows={EMAIL_ADDRESS_STATUSES.map((status) => ({
            key: status,
            cells: [text.addressStatus[status], <RouterLink key="n" to={mailboxesHref(environmentId, { emailAddressStatus: status })}>{formatNumber(figures.emailAddressStatusCounts[status])}</RouterLink>],
          }))}
        />
      )}
    />
  );
}

function TestOutcomesCard({ environmentId, figures, className }: CardProps) {
  const text = useDashboardText();
  const { t } = text;
  const data: VerticalStackedChartProps[] = figures.testOutcomes.map((day) => ({
    xAxisPoint: formatShortDay(day.day),
    chartData: [
      { legend: t('outcomes.succeeded'), data: day.succeeded, color: OUTCOME_COLORS.success },
      { legend: t('outcomes.failed'), data: day.failed, color: OUTCOME_COLORS.failure },
    ],
  }));
  return (
    <div className={className}>
      <ChartCard
        title={t('outcomes.title')}
        chart={<VerticalStackedBarChart {...text.chart} chartTitle={t('outcomes.chart')} data={data} height={CHART_HEIGHT} />}
        table={(
          <FigureTable
            label={t('outcomes.chart')}
            columns={[t('dayUtc'), t('outcomes.succeeded'), t('outcomes.failed')]}
            rows={figures.testOutcomes.map((day) => ({
              key: day.day,
              // The day as the API names it (YYYY-MM-DD, UTC): the same in every language, and what the columns sort by.
              cells: [day.day, formatNumber(day.succeeded), day.failed === 0 ? formatNumber(0) : <RouterLink key="f" to={mailboxesHref(environmentId, { view: 'failedTests' })}>{formatNumber(day.failed)}</RouterLink>],
            }))}
          />
        )}
      />
    </div>
  );
}

function FailuresCard({ environmentId, figures }: CardProps) {
  const navigate = useNavigate();
  const text = useDashboardText();
  const { t } = text;
  const failures = figures.failuresByErrorCode;
  return (
    <ChartCard
      title={t('failures.title')}
      chart={failures.length > 0 ? (
        <VerticalBarChart
          {...text.chart}
          chartTitle={t('failures.chart')}
          height={CHART_HEIGHT}
          hideLegend
          data={failures.map((failure) => ({
            x: failure.code, y: failure.mailboxes, legend: failure.code, color: OUTCOME_COLORS.failure,
            onClick: () => void navigate(mailboxesHref(environmentId, { lastErrorCode: failure.code })),
          }))}
        />
      ) : <Text>{t('failures.none')}</Text>}
      table={(
        <FigureTable
          label={t('failures.chart')}
          columns={[t('failures.code'), t('mailboxes')]}
          rows={failures.map((failure) => ({
            key: failure.code,
            cells: [<ErrorCodeLink key="c" code={failure.code} />, <RouterLink key="n" to={mailboxesHref(environmentId, { lastErrorCode: failure.code })}>{formatNumber(failure.mailboxes)}</RouterLink>],
          }))}
        />
      )}
    />
  );
}

function AlertsCard({ figures }: CardProps) {
  const text = useDashboardText();
  const { t } = text;
  const data: VerticalStackedChartProps[] = figures.alerts.map((day) => ({
    xAxisPoint: formatShortDay(day.day),
    chartData: SEVERITIES.map((severity) => ({ legend: text.severity[severity], data: day.counts[severity], color: SEVERITY_COLORS[severity] })),
  }));
  return (
    <ChartCard
      title={t('alerts.title')}
      chart={<VerticalStackedBarChart {...text.chart} chartTitle={t('alerts.chart')} data={data} height={CHART_HEIGHT} />}
      table={(
        <FigureTable
          label={t('alerts.chart')}
          columns={[t('dayUtc'), ...SEVERITIES.map((severity) => text.severity[severity])]}
          rows={figures.alerts.map((day) => ({ key: day.day, cells: [day.day, ...SEVERITIES.map((severity) => formatNumber(day.counts[severity]))] }))}
        />
      )}
    />
  );
}

function ProfilesCard({ environmentId, figures, className }: CardProps) {
  const { t } = useTranslation(['health-dashboard', 'common']);
  return (
    <div className={className}>
      <ChartCard
        title={t('profiles.title')}
        table={(
          <FigureTable
            label={t('profiles.table')}
            columns={[t('profiles.profile'), t('mailboxes'), t('profiles.successRate'), t('profiles.retrying'), t('profiles.held'), t('profiles.lastJob')]}
            rows={figures.profiles.map((profile) => ({
              key: profile.serverProfileId,
              cells: [
                profile.name,
                <RouterLink key="m" to={mailboxesHref(environmentId, { serverProfileId: profile.serverProfileId })}>{formatNumber(profile.mailboxes)}</RouterLink>,
                profile.lastRun?.successRate == null ? '—' : t('profiles.rate', {
                  percent: formatPercent(profile.lastRun.successRate),
                  succeeded: formatNumber(profile.lastRun.succeeded),
                  total: formatNumber(profile.lastRun.succeeded + profile.lastRun.failed),
                }),
                formatNumber(profile.retrying),
                formatNumber(profile.held),
                profile.lastRun ? (
                  <span key="j">
                    <RouterLink to={paths.job.getHref(environmentId, profile.lastRun.runId)}>{t('common:jobTitle', { number: profile.lastRun.number })}</RouterLink>
                    {' · '}
                    <RelativeTime iso={profile.lastRun.finishedAt ?? profile.lastRun.startAt} />
                  </span>
                ) : t('profiles.noJob'),
              ],
            }))}
          />
        )}
      />
    </div>
  );
}
