import { Button, Card, MessageBar, MessageBarBody, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import type { EnvironmentResponse, RunItemState, RunResponse } from '@sync-admin/contract';
import { useQueryClient } from '@tanstack/react-query';
import { paths } from '../../../config/paths.ts';
import { jobKeys } from '../api/query-keys.ts';
import { useTranslation } from 'react-i18next';
import { CancelJobButton } from './cancel-job-button.tsx';
import { JobFacts } from './job-facts.tsx';
import { JobItemsGrid } from './job-items-grid.tsx';
import { JobProgress } from './job-progress.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, contain: 'inline-size' },
  toolbar: { flexWrap: 'wrap', gap: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '880px' },
});

interface Props {
  environment: EnvironmentResponse;
  job: RunResponse;
  itemState: RunItemState | undefined;
  page: number;
  onItemsChange: (query: { state?: RunItemState; page?: number }) => void;
}

/** One job: what it is and how far it has got (live while it runs), then each of its mailboxes and its result. */
export function JobPage({ environment, job, itemState, page, onItemsChange }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('test-and-enable');
  const queryClient = useQueryClient();
  const canWrite = environment.privileges['mailbox.write'] !== undefined;
  return (
    <div className={styles.root}>
      <Toolbar aria-label={t('jobCommands')} className={styles.toolbar}>
        <CancelJobButton environmentId={environment.id} job={job} canWrite={canWrite} />
        <Button
          appearance="subtle"
          icon={<ArrowClockwiseRegular />}
          onClick={() => void queryClient.invalidateQueries({ queryKey: jobKeys.all(environment.id) })}
        >
          {t('refresh')}
        </Button>
      </Toolbar>
      {!canWrite && <MessageBar intent="info"><MessageBarBody>{t('cancelNeedsWrite')}</MessageBarBody></MessageBar>}
      <Card className={styles.summary}>
        <JobFacts job={job} />
        <JobProgress job={job} announce hrefForState={(state) => paths.job.getHref(environment.id, job.id, { state })} />
      </Card>
      <JobItemsGrid environmentId={environment.id} job={job} state={itemState} page={page} onChange={onItemsChange} />
    </div>
  );
}
