import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import type { ServerProfileView } from '../../config/paths.ts';
import {
  EnvironmentGate,
  canWriteMailboxes,
  canWriteServerProfiles,
} from '../../features/environments/components/environment-gate.tsx';
import { ServerProfilesList } from '../../features/server-profiles/components/server-profiles-list.tsx';
import { serverProfilesCrumbs } from './server-profile-crumbs.ts';
import { useTranslation } from 'react-i18next';

const VIEWS: readonly ServerProfileView[] = ['active', 'inactive', 'all'];

export function ServerProfilesRoute() {
  const { t } = useTranslation();
  // The view lives in the URL so Back, Refresh and shared links keep it.
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('view');
  const view = VIEWS.find((v) => v === requested) ?? 'active';

  return (
    <EnvironmentGate>
      {(environment) => (
        <>
          <PageHeader crumbs={serverProfilesCrumbs(environment.id)} title={t('nav.pages.serverProfiles')} />
          <ServerProfilesList
            environmentId={environment.id}
            canWrite={canWriteServerProfiles(environment)}
            canTestAndEnable={canWriteMailboxes(environment)}
            view={view}
            onViewChange={(next) => setSearchParams(next === 'active' ? {} : { view: next })}
          />
        </>
      )}
    </EnvironmentGate>
  );
}
