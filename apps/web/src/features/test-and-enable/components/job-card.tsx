import { Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RunResponse } from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';
import { useScopeKindLabels } from '../lib/labels.ts';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { CancelJobButton } from './cancel-job-button.tsx';
import { JobStateBadge } from './job-badges.tsx';
import { JobProgress } from './job-progress.tsx';
import { useCardStyles } from '../../../components/card-styles.ts';

const useStyles = makeStyles({
  cancel: { marginInlineStart: 'auto' },
  scope: { overflowWrap: 'anywhere' },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
  },
});

interface Props {
  environmentId: string;
  job: RunResponse;
  canWrite: boolean;
  /** h2 in the Jobs list, h3 inside a page section. */
  headingLevel: 'h2' | 'h3';
  announce?: boolean;
}

/** One job as a task-queue view lists it: a link to it, what it is, who started it and when, its progress, and Cancel. */
export function JobCard({ environmentId, job, canWrite, headingLevel, announce = false }: Props) {
  const styles = useStyles();
  const card = useCardStyles();
  const { t } = useTranslation('test-and-enable');
  const scopeKinds = useScopeKindLabels();
  const headingId = `job-${job.id}`;
  return (
    <article className={card.card} aria-labelledby={headingId}>
      <div className={card.head}>
        <Subtitle2 as={headingLevel} id={headingId}>
          <RouterLink to={paths.job.getHref(environmentId, job.id)}>{t('common:jobTitle', { number: job.number })}</RouterLink>
        </Subtitle2>
        <JobStateBadge state={job.state} />
        <span className={styles.cancel}>
          <CancelJobButton environmentId={environmentId} job={job} canWrite={canWrite} />
        </span>
      </div>
      <Text className={styles.scope}>
        <Text weight="semibold">{scopeKinds[job.scope.kind]}</Text> · {job.scope.description}
      </Text>
      <div className={styles.meta}>
        <Text size={200}>{t('startedBy', { name: job.startedByName })}</Text>
        <Text size={200}>{t('created')} <RelativeTime iso={job.createdAt} /></Text>
        {job.state === 'scheduled' && <Text size={200}>{t('starts')} <RelativeTime iso={job.startAt} /></Text>}
        {job.finishedAt && <Text size={200}>{t('finished')} <RelativeTime iso={job.finishedAt} /></Text>}
      </div>
      <JobProgress job={job} announce={announce} hrefForState={(state) => paths.job.getHref(environmentId, job.id, { state })} />
    </article>
  );
}
