import { Field, ProgressBar, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { RunItemState, RunResponse } from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format-time.ts';
import { useItemStateLabels } from '../lib/labels.ts';
import { RouterLink } from '../../../components/router-link.tsx';
import { COUNTED_ITEM_STATES, formatEta, formatRate, jobProgress } from '../lib/job-figures.ts';
import { isJobLive } from '../lib/job-liveness.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  count: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'baseline' },
  zero: { color: tokens.colorNeutralForeground3 },
  pace: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  job: RunResponse;
  /** A link per outcome to the job's mailboxes in that state, where there is a list to go to. */
  hrefForState?: (state: RunItemState) => string;
  /** Say each change to screen readers: on for the one job a page is about, off in lists. */
  announce?: boolean;
}

/** How far a job has got: its progress bar, the count per outcome, and its pace while it runs. */
export function JobProgress({ job, hrefForState, announce = false }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('test-and-enable');
  const stateLabels = useItemStateLabels();
  const { ended, percent } = jobProgress(job);
  const summary = t('progressSummary', { count: job.total, ended: formatNumber(ended), total: formatNumber(job.total), percent: formatNumber(percent) });
  const live = isJobLive(job);
  const pace = live && job.state === 'running'
    ? [job.ratePerSecond > 0 ? formatRate(job.ratePerSecond) : null, job.etaSeconds !== null ? formatEta(job.etaSeconds) : null].filter(Boolean).join(', ')
    : '';

  return (
    <div className={styles.root}>
      <Field label={t('progress')} hint={<span aria-live={announce ? 'polite' : undefined}>{summary}</span>}>
        <ProgressBar
          thickness="large"
          max={Math.max(job.total, 1)}
          value={job.total === 0 ? 1 : ended}
          color={job.counts.failed > 0 ? 'warning' : job.state === 'completed' ? 'success' : 'brand'}
          aria-valuetext={summary}
        />
      </Field>
      <ul className={styles.counts} aria-label={t('perOutcome')}>
        {COUNTED_ITEM_STATES.map((state) => {
          const count = job.counts[state];
          const label = t('stateCount', { state: stateLabels[state], formatted: formatNumber(count) });
          return (
            <li key={state} className={mergeClasses(styles.count, count === 0 && styles.zero)}>
              {hrefForState && count > 0 ? <RouterLink to={hrefForState(state)}>{label}</RouterLink> : <Text>{label}</Text>}
            </li>
          );
        })}
      </ul>
      {pace && <Text size={200} className={styles.pace}>{pace}</Text>}
    </div>
  );
}
