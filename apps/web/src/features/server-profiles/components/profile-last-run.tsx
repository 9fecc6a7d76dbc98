import { Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { LoadError } from '../../../components/load-error.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { useJobs } from '../../test-and-enable/api/get-jobs.ts';
import { JobCard } from '../../test-and-enable/components/job-card.tsx';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

interface Props {
  environmentId: string;
  profileId: string;
  canWrite: boolean;
}

/** The profile's latest Test & Enable Mailboxes (or Re-test failed mailboxes) job, live while it runs. */
export function ProfileLastRun({ environmentId, profileId, canWrite }: Props) {
  const styles = useStyles();
  const jobs = useJobs(environmentId, { serverProfileId: profileId, offset: 0, limit: 1 });
  const last = jobs.data?.items[0];
  return (
    <section className={styles.section} aria-labelledby="section-last-run">
      <Subtitle2 as="h2" id="section-last-run">Last Test &amp; Enable run</Subtitle2>
      {jobs.isPending ? (
        <Spinner size="small" label="Loading the last run…" />
      ) : jobs.isError ? (
        <LoadError error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : last ? (
        <>
          <JobCard environmentId={environmentId} job={last} canWrite={canWrite} headingLevel="h3" announce />
          {(jobs.data?.total ?? 0) > 1 && (
            <Text size={200}>
              <RouterLink to={paths.jobs.getHref(environmentId)}>All Test &amp; Enable jobs</RouterLink>
            </Text>
          )}
        </>
      ) : (
        <Text>The mailboxes of this profile haven&apos;t been tested and enabled from here yet.</Text>
      )}
    </section>
  );
}
