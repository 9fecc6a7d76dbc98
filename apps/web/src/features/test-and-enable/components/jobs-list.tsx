import { Button, Dropdown, Field, MessageBar, MessageBarBody, Option, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { RUN_STATES, RUN_STATE_LABELS, type EnvironmentResponse, type RunState } from '@sync-admin/contract';
import { LoadError } from '../../../components/load-error.tsx';
import { useJobs } from '../api/get-jobs.ts';
import { CANCEL_NEEDS_WRITE } from './cancel-job-button.tsx';
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
  const canWrite = environment.privileges['mailbox.write'] !== undefined;
  const jobs = useJobs(environment.id, { state, offset: (page - 1) * JOBS_PAGE_SIZE, limit: JOBS_PAGE_SIZE });
  const items = jobs.data?.items ?? [];

  return (
    <section className={styles.root} aria-label="Test & Enable jobs">
      <div className={styles.filters} role="search" aria-label="Filter jobs">
        <Field label="State" className={styles.state}>
          <Dropdown
            value={state ? RUN_STATE_LABELS[state] : 'All states'}
            selectedOptions={[state ?? ALL]}
            onOptionSelect={(_, data) => onChange(data.optionValue === ALL ? {} : { state: data.optionValue as RunState })}
          >
            <Option value={ALL}>All states</Option>
            {RUN_STATES.map((value) => <Option key={value} value={value}>{RUN_STATE_LABELS[value]}</Option>)}
          </Dropdown>
        </Field>
        <Button appearance="subtle" icon={<ArrowClockwiseRegular />} disabled={jobs.isFetching} onClick={() => void jobs.refetch()}>
          Refresh
        </Button>
      </div>
      {!canWrite && <MessageBar intent="info"><MessageBarBody>{CANCEL_NEEDS_WRITE}</MessageBarBody></MessageBar>}

      {jobs.isPending ? (
        <Spinner label="Loading jobs…" />
      ) : jobs.isError && items.length === 0 ? (
        <LoadError error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : items.length === 0 ? (
        <Text>
          {state
            ? `There are no ${RUN_STATE_LABELS[state].toLowerCase()} jobs.`
            : 'There are no Test & Enable jobs yet. Start one with Test & Enable Mailbox (Mailboxes) or Test & Enable Mailboxes (Server profiles).'}
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
          <Pager noun="jobs" page={page} pageSize={JOBS_PAGE_SIZE} total={jobs.data?.total ?? 0} onPageChange={(next) => onChange({ state, page: next })} />
        </>
      )}
    </section>
  );
}
