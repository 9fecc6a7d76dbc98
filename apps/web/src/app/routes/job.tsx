import { Spinner } from '@fluentui/react-components';
import { useParams, useSearchParams } from 'react-router';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { paths } from '../../config/paths.ts';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';
import { useJob } from '../../features/test-and-enable/api/get-job.ts';
import { JobPage } from '../../features/test-and-enable/components/job-page.tsx';
import { jobsCrumbs } from '../../features/test-and-enable/lib/crumbs.ts';
import { jobsSearch, parsePage, parseRunItemState } from '../../features/test-and-enable/lib/jobs-query.ts';
import { useTranslation } from 'react-i18next';

export function JobRoute() {
  const { t } = useTranslation();
  const { environmentId = '', jobId = '' } = useParams();
  // The job is in the path and the mailboxes' filter and page in the query string: a reload keeps watching.
  const [searchParams, setSearchParams] = useSearchParams();
  const job = useJob(environmentId, jobId);

  return (
    <EnvironmentGate>
      {(environment) =>
        job.isPending ? (
          <Spinner label={t('loadingJob')} />
        ) : job.isError ? (
          <LoadError
            error={job.error}
            onRetry={() => void job.refetch()}
            notFound={{ what: 'job', crumbs: jobsCrumbs(environment.id), back: { label: t('nav.pages.testAndEnableJobs'), href: paths.jobs.getHref(environment.id) } }}
          />
        ) : (
          <>
            <PageHeader crumbs={[...jobsCrumbs(environment.id), { label: t('jobTitle', { number: job.data.number }) }]} title={t('jobTitle', { number: job.data.number })} />
            <JobPage
              environment={environment}
              job={job.data}
              itemState={parseRunItemState(searchParams.get('state'))}
              page={parsePage(searchParams.get('page'))}
              onItemsChange={(query) => setSearchParams(jobsSearch(query))}
            />
          </>
        )
      }
    </EnvironmentGate>
  );
}
