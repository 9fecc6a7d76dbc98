import { Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('server-profile-form');
  const jobs = useJobs(environmentId, { serverProfileId: profileId, offset: 0, limit: 1 });
  const last = jobs.data?.items[0];
  return (
    <section className={styles.section} aria-labelledby="section-last-run">
      <Subtitle2 as="h2" id="section-last-run">{t('lastRun.title')}</Subtitle2>
      {jobs.isPending ? (
        <Spinner size="small" label={t('lastRun.loading')} />
      ) : jobs.isError ? (
        <LoadError error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : last ? (
        <>
          <JobCard environmentId={environmentId} job={last} canWrite={canWrite} headingLevel="h3" announce />
          {(jobs.data?.total ?? 0) > 1 && (
            <Text size={200}>
              <RouterLink to={paths.jobs.getHref(environmentId)}>{t('lastRun.allJobs')}</RouterLink>
            </Text>
          )}
        </>
      ) : (
        <Text>{t('lastRun.none')}</Text>
      )}
    </section>
  );
}
