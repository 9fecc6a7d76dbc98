import { Button, Dropdown, Field, MessageBar, MessageBarBody, Option, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { RUN_STATES, type EnvironmentResponse, type RunState } from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';
import { useRunStateLabels } from '../lib/labels.ts';
import { LoadError } from '../../../components/load-error.tsx';
import { useJobs } from '../api/get-jobs.ts';
import { JobCard } from './job-card.tsx';
import { Pager } from './pager.tsx';

const JOBS_PAGE_SIZE = 20;
const ALL = 'all';

const useStyles = makeStyles({
  // Takes the width it is given rather than widening the page.
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, contain: 'inline-size' },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  state: { minWidth: '200px' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Props {
  environment: EnvironmentResponse;
  state: RunState | undefined;
  page: number;
  onChange: (query: { state?: RunState; page?: number }) => void;
}

/** The Test & Enable jobs of an environment, newest first, like a task queue: each with its progress, live. */
export function JobsList({ environment, state, page, onChange }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('test-and-enable');
  const stateLabels = useRunStateLabels();
  const canWrite = environment.privileges['mailbox.write'] !== undefined;
  const jobs = useJobs(environment.id, { state, offset: (page - 1) * JOBS_PAGE_SIZE, limit: JOBS_PAGE_SIZE });
  const items = jobs.data?.items ?? [];

  return (
    <section className={styles.root} aria-label={t('common:nav.pages.testAndEnableJobs')}>
      <div className={styles.filters} role="search" aria-label={t('filterJobs')}>
        <Field label={t('fact.state')} className={styles.state}>
          <Dropdown
            value={state ? stateLabels[state] : t('allStates')}
            selectedOptions={[state ?? ALL]}
            onOptionSelect={(_, data) => onChange(data.optionValue === ALL ? {} : { state: data.optionValue as RunState })}
          >
            <Option value={ALL}>{t('allStates')}</Option>
            {RUN_STATES.map((value) => <Option key={value} value={value}>{stateLabels[value]}</Option>)}
          </Dropdown>
        </Field>
        <Button appearance="subtle" icon={<ArrowClockwiseRegular />} disabled={jobs.isFetching} onClick={() => void jobs.refetch()}>
          {t('refresh')}
        </Button>
      </div>
      {!canWrite && <MessageBar intent="info"><MessageBarBody>{t('cancelNeedsWrite')}</MessageBarBody></MessageBar>}

      {jobs.isPending ? (
        <Spinner label={t('loadingJobs')} />
      ) : jobs.isError && items.length === 0 ? (
        <LoadError error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : items.length === 0 ? (
        <Text>
          {state
            ? t('noJobsInState', { state: stateLabels[state].toLowerCase() })
            : t('noJobs')}
        </Text>
      ) : (
        <>
          <ul className={styles.list} aria-busy={jobs.isPlaceholderData}>
            {items.map((job) => (
              <li key={job.id}>
                <JobCard environmentId={environment.id} job={job} canWrite={canWrite} headingLevel="h2" />
              </li>
            ))}
          </ul>
          <Pager noun={t('pager.jobs')} page={page} pageSize={JOBS_PAGE_SIZE} total={jobs.data?.total ?? 0} onPageChange={(next) => onChange({ state, page: next })} />
        </>
      )}
    </section>
  );
}
