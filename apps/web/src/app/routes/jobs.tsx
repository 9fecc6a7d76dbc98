import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';
import { JobsList } from '../../features/test-and-enable/components/jobs-list.tsx';
import { jobsCrumbs } from '../../features/test-and-enable/lib/crumbs.ts';
import { jobsSearch, parsePage, parseRunState } from '../../features/test-and-enable/lib/jobs-query.ts';
import { useTranslation } from 'react-i18next';

export function JobsRoute() {
  const { t } = useTranslation();
  // The state filter and page live in the URL, so Back, Refresh and shared links keep what is watched.
  const [searchParams, setSearchParams] = useSearchParams();
  return (
    <EnvironmentGate>
      {(environment) => (
        <>
          <PageHeader crumbs={jobsCrumbs(environment.id)} title={t('nav.pages.testAndEnableJobs')} />
          <JobsList
            environment={environment}
            state={parseRunState(searchParams.get('state'))}
            page={parsePage(searchParams.get('page'))}
            onChange={(query) => setSearchParams(jobsSearch(query))}
          />
        </>
      )}
    </EnvironmentGate>
  );
}
