import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import { SERVER_TYPE_LABELS, type CodedSentenceResponse, type DomainHealthCheck, type DomainHealthRowResponse } from '@sync-admin/contract';
import { LoadError } from '../../../components/load-error.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { SideScrollRegion } from '../../../components/side-scroll-region.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { codedSentenceText } from '../../../lib/server-messages.ts';
import { formatNumber } from '../../../lib/format-time.ts';
import { useDomainHealth } from '../api/get-domain-health.ts';
import { useRunDomainHealth } from '../api/run-domain-health.ts';
import { VerdictBadge } from './verdict-badge.tsx';
import { useTranslation } from 'react-i18next';
import { useCardStyles } from '../../../components/card-styles.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground3 },
  again: { marginInlineStart: 'auto' },
  meta: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  table: { tableLayout: 'auto' },
  text: { overflowWrap: 'anywhere' },
  verdict: { whiteSpace: 'nowrap' },
});

/** A check's meaning or fix in the language shown (decision 58). */
const checkSentence = (english: string, coded: CodedSentenceResponse | null | undefined) => codedSentenceText('domain-health:sentence', english, coded);

/** Every email domain of the mailboxes the user can read, each with its checks: verdict, what was found, what it means, what to fix. */
export function DomainHealthList({ environmentId }: { environmentId: string }) {
  const styles = useStyles();
  const { t } = useTranslation('domain-health');
  const domains = useDomainHealth(environmentId);
  const run = useRunDomainHealth(environmentId);

  if (domains.isPending) return <Spinner label={t('loading')} />;
  if (domains.isError) return <LoadError error={domains.error} onRetry={() => void domains.refetch()} />;
  const runningAll = run.isPending && run.variables === undefined;

  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <Button appearance="primary" icon={<ArrowSyncRegular />} disabled={run.isPending || domains.data.items.length === 0} onClick={() => run.mutate(undefined)}>
          {t('runChecks')}
        </Button>
        {runningAll && <Spinner size="tiny" label={t('checkingAll')} />}
        <Text size={200} className={styles.hint}>{t('hint')}</Text>
      </div>
      {run.isError && (
        <MessageBar intent="error">
          <MessageBarBody>{errorMessage(run.error)}</MessageBarBody>
        </MessageBar>
      )}
      {domains.data.items.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{t('empty')}</MessageBarBody>
        </MessageBar>
      )}
      {domains.data.items.map((row) => (
        <DomainCard key={row.domain} row={row} isRunning={run.isPending && (runningAll || run.variables === row.domain)} disabled={run.isPending} onRun={() => run.mutate(row.domain)} />
      ))}
    </div>
  );
}

function DomainCard({ row, isRunning, disabled, onRun }: { row: DomainHealthRowResponse; isRunning: boolean; disabled: boolean; onRun: () => void }) {
  const styles = useStyles();
  const card = useCardStyles();
  const { t } = useTranslation('domain-health');
  const checkLabels: Record<DomainHealthCheck, string> = {
    autodiscoverHost: t('check.autodiscoverHost'),
    autodiscoverSrv: t('check.autodiscoverSrv'),
    mx: t('check.mx'),
    spf: t('check.spf'),
    certificate: t('check.certificate'),
  };
  const headingId = `domain-${row.domain}`;
  const profiles = row.serverTypes.map((type) => SERVER_TYPE_LABELS[type]).join(', ') || t('noServerProfile');
  return (
    <section className={card.card} aria-labelledby={headingId} aria-busy={isRunning}>
      <div className={card.head}>
        <Subtitle2 as="h2" id={headingId} className={styles.text}>{row.domain}</Subtitle2>
        {row.latest && <VerdictBadge verdict={row.latest.verdict} />}
        <span className={styles.again}>
          <Button icon={isRunning ? <Spinner size="tiny" /> : <ArrowSyncRegular />} disabled={disabled} onClick={onRun} aria-label={t('checkAgainDomain', { domain: row.domain })}>
            {t('checkAgain')}
          </Button>
        </span>
      </div>
      <div className={styles.meta}>
        <Text size={200}>{t('mailboxes', { count: row.mailboxes, formatted: formatNumber(row.mailboxes) })} · {profiles}</Text>
        <Text size={200}>{row.latest ? <>{t('checked')} <RelativeTime iso={row.latest.checkedAt} /></> : t('notChecked')}</Text>
      </div>
      {row.latest && (
        <SideScrollRegion label={t('checksOf', { domain: row.domain })} minWidth="640px">
          <Table className={styles.table} size="small" aria-label={t('checksOf', { domain: row.domain })}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('column.check')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('column.result')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('column.found')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('column.meaning')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('column.fix')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {row.latest.results.map((result) => (
                <TableRow key={result.check}>
                  <TableCell><Text weight="semibold">{checkLabels[result.check]}</Text></TableCell>
                  <TableCell className={styles.verdict}><VerdictBadge verdict={result.verdict} /></TableCell>
                  <TableCell className={styles.text}>{result.found}</TableCell>
                  <TableCell className={styles.text}>{checkSentence(result.meaning, result.meaningMessage)}</TableCell>
                  <TableCell className={styles.text}>{result.fix === null ? '—' : checkSentence(result.fix, result.fixMessage)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </SideScrollRegion>
      )}
    </section>
  );
}
