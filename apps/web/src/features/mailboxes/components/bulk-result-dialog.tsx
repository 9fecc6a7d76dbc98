import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { BulkResultResponse } from '@sync-admin/contract';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { RouterLink } from '../../../components/router-link.tsx';
import { formatNumber } from '../../../lib/format-time.ts';
import { bulkRowText } from '../../../lib/server-messages.ts';
import { ApprovalChecks } from './approval-checks.tsx';

type ResultRow = BulkResultResponse['results'][number];

/** The distinct reasons shown above the list; a bulk command over 100,000 mailboxes has only a handful. */
const MAX_REASONS = 8;

/** Skipped rows grouped by reason (the server's English sentence), most frequent first, each with its first row to say it. */
function skipReasons(result: BulkResultResponse): { message: string; row: ResultRow; count: number }[] {
  const groups = new Map<string, { row: ResultRow; count: number }>();
  for (const row of result.results) {
    if (row.outcome !== 'skipped') continue;
    const group = groups.get(row.message);
    if (group) group.count++;
    else groups.set(row.message, { row, count: 1 });
  }
  return [...groups].map(([message, group]) => ({ message, ...group })).sort((a, b) => b.count - a.count);
}

const useStyles = makeStyles({
  surface: { maxWidth: '880px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  totals: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  scroller: {
    height: 'min(420px, 50vh)',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { position: 'relative', margin: 0, padding: 0, listStyleType: 'none' },
  item: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  line: { display: 'grid', gridTemplateColumns: '84px minmax(140px, 240px) 1fr auto', columnGap: tokens.spacingHorizontalM, alignItems: 'start' },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  message: { overflowWrap: 'anywhere' },
  checks: { paddingBlock: tokens.spacingVerticalS, paddingInlineStart: '96px' },
  reasons: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  reasonList: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  reasonButton: {
    justifyContent: 'flex-start',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    maxWidth: '100%',
  },
});

interface Props {
  title: string;
  result: BulkResultResponse;
  /** The Test & Enable job the command started, to follow its progress. */
  job?: { number: number; href: string } | null;
  onClose: () => void;
}

/** After every bulk command: how many were done and skipped, and for each mailbox what happened and why. */
export function BulkResultDialog({ title, result, job, onClose }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('mailboxes');
  const [skippedOnly, setSkippedOnly] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  // The rows' sentences are said in the language shown, from these namespaces (and again when it changes).
  useTranslation(['mailboxes', 'errors', 'security-roles']);
  const reasons = useMemo(() => skipReasons(result), [result]);
  const rows = reason !== null
    ? result.results.filter((row) => row.outcome === 'skipped' && row.message === reason)
    : skippedOnly ? result.results.filter((row) => row.outcome === 'skipped') : result.results;

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('bulkResult.title', { title })}</DialogTitle>
          <DialogContent className={styles.content}>
            {job && (
              <MessageBar intent="success">
                <MessageBarBody>
                  <Trans t={t} i18nKey="bulkResult.job" values={{ number: job.number }} components={{ job: <RouterLink to={job.href} /> }} />
                </MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.totals} role="status">
              <Badge appearance="filled" color="success" size="large">{t('bulkResult.done', { number: formatNumber(result.done) })}</Badge>
              <Badge appearance="filled" color={result.skipped > 0 ? 'warning' : 'subtle'} size="large">
                {t('bulkResult.skipped', { number: formatNumber(result.skipped) })}
              </Badge>
              <Switch
                label={t('bulkResult.skippedOnly')}
                checked={skippedOnly || reason !== null}
                disabled={result.skipped === 0}
                onChange={(_, data) => {
                  setSkippedOnly(data.checked);
                  if (!data.checked) setReason(null);
                }}
              />
            </div>
            {reasons.length > 0 && (
              <section aria-labelledby="bulk-skip-reasons" className={styles.reasons}>
                <Text id="bulk-skip-reasons" weight="semibold">{t('bulkResult.whySkipped')}</Text>
                <ul className={styles.reasonList}>
                  {reasons.slice(0, MAX_REASONS).map(({ message, row, count }) => (
                    <li key={message}>
                      <Button
                        appearance="transparent"
                        size="small"
                        className={styles.reasonButton}
                        aria-pressed={reason === message}
                        title={t('bulkResult.reasonTitle')}
                        onClick={() => setReason(reason === message ? null : message)}
                      >
                        <Badge appearance={reason === message ? 'filled' : 'tint'} color="warning">{formatNumber(count)}</Badge>
                        <span>{bulkRowText(row, result.decisions)}</span>
                      </Button>
                    </li>
                  ))}
                </ul>
                {reasons.length > MAX_REASONS && (
                  <Text size={200}>{t('bulkResult.moreReasons', { number: formatNumber(reasons.length - MAX_REASONS) })}</Text>
                )}
              </section>
            )}
            {rows.length === 0 ? (
              <Text>{skippedOnly ? t('bulkResult.noneSkipped') : t('bulkResult.noneProcessed')}</Text>
            ) : (
              <ResultList key={`${String(skippedOnly)}:${reason ?? ''}`} rows={rows} result={result} expanded={expanded} onToggle={toggle} />
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>{t('form.close')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

interface ListProps {
  rows: readonly ResultRow[];
  result: BulkResultResponse;
  expanded: ReadonlySet<string>;
  onToggle: (mailboxId: string) => void;
}

/** Virtualized: a bulk command on "all that match" can answer for 100,000 mailboxes. */
function ResultList({ rows, result, expanded, onToggle }: ListProps) {
  const styles = useStyles();
  const { t } = useTranslation('mailboxes');
  const scrollerRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh on every render, never memoized
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => 44,
    overscan: 8,
    getItemKey: (index) => rows[index]?.mailboxId ?? index,
  });

  return (
    <div ref={scrollerRef} className={styles.scroller} tabIndex={0} aria-label={t('bulkResult.perMailbox')} role="region">
      <ul className={styles.list} style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const decision = row.decisionIndex === undefined ? undefined : result.decisions[row.decisionIndex];
          const isOpen = expanded.has(row.mailboxId);
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              className={styles.item}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <div className={styles.line}>
                <Badge appearance="tint" color={row.outcome === 'done' ? 'success' : 'warning'}>
                  {row.outcome === 'done' ? t('bulkResult.outcomeDone') : t('bulkResult.outcomeSkipped')}
                </Badge>
                <Text className={styles.name}>{row.name}</Text>
                <Text className={styles.message}>{bulkRowText(row, result.decisions)}</Text>
                {decision && (
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={isOpen ? <ChevronDownRegular /> : <ChevronRightRegular />}
                    aria-expanded={isOpen}
                    aria-label={isOpen ? t('bulkResult.hideRules', { name: row.name }) : t('bulkResult.showRules', { name: row.name })}
                    onClick={() => onToggle(row.mailboxId)}
                  >
                    {t('form.rulesChecked')}
                  </Button>
                )}
              </div>
              {decision && isOpen && (
                <div className={styles.checks}>
                  <ApprovalChecks decision={decision} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
