import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { ALERT_SEVERITIES, exchangeErrorDefinition, type AlertGroupResponse, type AlertResponse } from '@sync-admin/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codedSentenceText, exchangeErrorTexts } from '../../../lib/server-messages.ts';
import type { TFunction } from 'i18next';
import { ExportToCsvLink } from '../../../components/export-to-csv-link.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { useEnvironment } from '../../environments/api/get-environments.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { alertsExportHref, useAlertGroups, useAlerts, type AlertFilters, type AlertSeverity } from '../api/get-alerts.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { AlertSeverityBadge, useSeverityLabels } from './alert-severity-badge.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { formatDateTime, formatNumber } from '../../../lib/format-time.ts';
import { ErrorCodeLink } from '../../exchange-connectivity/components/error-code-link.tsx';
import { isCatalogCode } from '../../exchange-connectivity/components/error-help.tsx';
import { SearchBox } from '../../../components/search-box.tsx';

const ALL_SEVERITIES = 'all';

const useStyles = makeStyles({
  // Takes the width it is given rather than widening the page: the filters and grid wrap or scroll inside it.
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, contain: 'inline-size' },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  severity: { minWidth: '180px' },
  search: { minWidth: '260px' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    borderRadius: tokens.borderRadiusMedium,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  information: { borderLeftColor: tokens.colorBrandStroke1 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  message: { margin: 0 },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground3,
  },
  footer: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  help: { margin: 0, color: tokens.colorNeutralForeground2 },
  nextStep: { margin: 0 },
});

/** An alert's text in the language shown: its sentence by code, or the English it was kept with. */
const alertSentence = (english: string, coded: AlertResponse['sentence']) => codedSentenceText('alerts:sentence', english, coded);

/** The next step of a group, in words: what the portal will do, or what the admin should. */
function nextStepText(step: AlertGroupResponse['nextStep'], t: TFunction<'alerts'>): string | null {
  switch (step.kind) {
    case 'retrying': return step.at ? t('nextStep.retryingAt', { at: formatDateTime(step.at) }) : t('nextStep.waiting');
    case 'testing': return t('nextStep.testing');
    case 'held': return t('nextStep.held');
    case 'disabled': return t('nextStep.disabled');
    case 'retest': return t('nextStep.retest');
    case 'none': return null;
  }
}

interface Props {
  environmentId: string;
  mailboxId?: string;
  serverProfileId?: string;
  mine?: boolean;
  /** One entry per mailbox (or profile) and code, with its count and next step, instead of one card per alert. */
  grouped?: boolean;
}

/**
 * The Alerts wall (seed 000: "an alert is shown on the Alerts wall of the mailbox and the profile owner"): one
 * environment's alerts, narrowed to a mailbox, a server profile or the profiles the user owns, newest first.
 */
export function AlertsList({ environmentId, mailboxId, serverProfileId, mine, grouped = false }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('alerts');
  // The labels inside the alerts' sentences (channels, error titles and meanings, outage families), loaded as
  // ErrorCodeLink loads the catalog: without suspending the wall, English until they are in.
  useTranslation(['exchange-connectivity', 'exchange-errors'], { useSuspense: false });
  const severityLabels = useSeverityLabels();
  const { environment, isPending: environmentPending } = useEnvironment(environmentId);
  const canRead = environment?.privileges['mailbox.read'] !== undefined;
  const [severity, setSeverity] = useState<AlertSeverity | undefined>(undefined);
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim());
  const filters: AlertFilters = { mailboxId, serverProfileId, mine, severity, search: search || undefined };
  const list = useAlerts(environmentId, filters, { enabled: canRead && !grouped });
  const groups = useAlertGroups(environmentId, filters, { enabled: canRead && grouped });
  const alerts = grouped ? groups : list;

  if (environmentPending) return <Spinner label={t('loading')} />;
  const denial = alerts.error instanceof ApiError && alerts.error.status === 403 ? alerts.error : null;
  if (!canRead || denial) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{denial ? denial.message : t('readRequired')}</MessageBarBody>
      </MessageBar>
    );
  }

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const groupItems = groups.data?.pages.flatMap((page) => page.items) ?? [];
  const shown = grouped ? groupItems.length : items.length;
  const total = alerts.data?.pages.at(-1)?.total ?? 0;
  const isFiltered = severity !== undefined || search !== '';

  return (
    <section className={styles.root} aria-label={t('label')}>
      <div className={styles.filters} role="search" aria-label={t('filterLabel')}>
        <Field label={t('severityLabel')} className={styles.severity}>
          <Dropdown
            value={severity ? severityLabels[severity] : t('allSeverities')}
            selectedOptions={[severity ?? ALL_SEVERITIES]}
            onOptionSelect={(_, data) =>
              setSeverity(data.optionValue === ALL_SEVERITIES ? undefined : (data.optionValue as AlertSeverity))
            }
          >
            <Option value={ALL_SEVERITIES}>{t('allSeverities')}</Option>
            {ALERT_SEVERITIES.map((value) => (
              <Option key={value} value={value}>{severityLabels[value]}</Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('searchLabel')} className={styles.search}>
          <SearchBox
            placeholder={t('searchPlaceholder')}
            maxLength={200}
            value={searchText}
            onChange={(_, data) => setSearchText(data.value)}
          />
        </Field>
        <Button
          appearance="subtle"
          icon={<ArrowClockwiseRegular />}
          disabled={alerts.isFetching}
          onClick={() => void alerts.refetch()}
        >
          {t('refresh')}
        </Button>
        <ExportToCsvLink href={alertsExportHref(environmentId, filters)} />
      </div>

      {alerts.isPending ? (
        <Spinner label={t('loading')} />
      ) : alerts.isError && shown === 0 ? (
        <LoadError error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : shown === 0 ? (
        <Text>
          {isFiltered ? t('emptyFiltered') : mailboxId ? t('emptyMailbox') : t('empty')}
        </Text>
      ) : (
        <>
          {grouped ? (
            <ul className={styles.list} aria-label={t('groupsLabel')} aria-busy={alerts.isFetching}>
              {groupItems.map((group) => (
                <li key={`${group.mailboxId}|${group.serverProfileId}|${group.code}|${group.severity}`}>
                  <AlertGroupCard group={group} environmentId={environmentId} />
                </li>
              ))}
            </ul>
          ) : (
            <ul className={styles.list} aria-label={t('listLabel')} aria-busy={alerts.isFetching}>
              {items.map((alert) => (
                <li key={alert.id}>
                  <AlertCard alert={alert} environmentId={environmentId} showMailbox={mailboxId === undefined} />
                </li>
              ))}
            </ul>
          )}
          <div className={styles.footer}>
            <Text size={200} aria-live="polite">
              {grouped
                ? t('showingGroups', { count: total, shown: formatNumber(shown), total: formatNumber(total) })
                : t('showing', { count: total, shown: formatNumber(shown), total: formatNumber(total) })}
            </Text>
            {alerts.hasNextPage && (
              <Button disabled={alerts.isFetchingNextPage} onClick={() => void alerts.fetchNextPage()}>
                {alerts.isFetchingNextPage ? t('common:loading') : t('loadMore')}
              </Button>
            )}
          </div>
          {alerts.isFetchNextPageError && <LoadError error={alerts.error} onRetry={() => void alerts.fetchNextPage()} />}
        </>
      )}
    </section>
  );
}

function AlertCard({ alert, environmentId, showMailbox }: { alert: AlertResponse; environmentId: string; showMailbox: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation('alerts');
  const messageId = `alert-${alert.id}`;
  return (
    <article className={mergeClasses(styles.card, styles[alert.severity])} aria-labelledby={messageId}>
      <div className={styles.head}>
        <AlertSeverityBadge severity={alert.severity} />
        <RelativeTime iso={alert.createdAt} />
      </div>
      <Text as="p" weight="semibold" id={messageId} className={styles.message}>
        {alertSentence(alert.message, alert.sentence)}
      </Text>
      <div className={styles.meta}>
        {showMailbox && alert.mailboxId && (
          <Text size={200}>
            {t('mailbox')}{' '}
            <RouterLink to={paths.mailbox.getHref(environmentId, alert.mailboxId, 'alerts')}>
              {alert.mailboxName ?? t('openMailbox')}
            </RouterLink>
          </Text>
        )}
        {alert.serverProfileId && (
          <Text size={200}>
            {t('serverProfile')}{' '}
            <RouterLink to={paths.serverProfile.getHref(environmentId, alert.serverProfileId)}>
              {alert.serverProfileName ?? t('openServerProfile')}
            </RouterLink>
          </Text>
        )}
        {alert.code && <Text size={200}>{t('code')} <ErrorCodeLink code={alert.code} /></Text>}
      </div>
    </article>
  );
}

function AlertGroupCard({ group, environmentId }: { group: AlertGroupResponse; environmentId: string }) {
  const styles = useStyles();
  const { t } = useTranslation('alerts');
  // As ErrorCodeLink: the catalog's texts load without suspending the wall, English until they are in.
  useTranslation('exchange-errors', { useSuspense: false });
  const messageId = `alert-group-${group.mailboxId}-${group.serverProfileId}-${group.code}-${group.severity}`;
  const help = group.code && isCatalogCode(group.code) ? exchangeErrorTexts(exchangeErrorDefinition(group.code)) : null;
  const next = nextStepText(group.nextStep, t);
  return (
    <article className={mergeClasses(styles.card, styles[group.severity])} aria-labelledby={messageId}>
      <div className={styles.head}>
        <AlertSeverityBadge severity={group.severity} />
        <Text weight="semibold">{t('count', { count: group.count, formatted: formatNumber(group.count) })}</Text>
        <Text size={200}>{t('latest')} <RelativeTime iso={group.latestAt} /></Text>
      </div>
      <Text as="p" weight="semibold" id={messageId} className={styles.message}>
        {alertSentence(group.latestMessage, group.latestSentence)}
      </Text>
      {help && <Text as="p" size={200} className={styles.help}>{help.meaning} {help.fix}</Text>}
      {next && <Text as="p" className={styles.nextStep}>{next}</Text>}
      <div className={styles.meta}>
        {group.mailboxId && (
          <Text size={200}>
            {t('mailbox')}{' '}
            <RouterLink to={paths.mailbox.getHref(environmentId, group.mailboxId, 'alerts')}>{group.mailboxName ?? t('openMailbox')}</RouterLink>
          </Text>
        )}
        {group.serverProfileId && (
          <Text size={200}>
            {t('serverProfile')}{' '}
            <RouterLink to={paths.serverProfile.getHref(environmentId, group.serverProfileId)}>{group.serverProfileName ?? t('openServerProfile')}</RouterLink>
          </Text>
        )}
        {group.code && <Text size={200}>{t('code')} <ErrorCodeLink code={group.code} /></Text>}
      </div>
    </article>
  );
}
