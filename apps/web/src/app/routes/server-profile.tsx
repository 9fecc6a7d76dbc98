import { Spinner } from '@fluentui/react-components';
import { useLocation, useParams } from 'react-router';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { paths } from '../../config/paths.ts';
import { useCurrentSession } from '../../features/auth/api/get-session.ts';
import {
  EnvironmentGate,
  canWriteMailboxes,
  canWriteServerProfiles,
} from '../../features/environments/components/environment-gate.tsx';
import { useServerProfile } from '../../features/server-profiles/api/get-server-profile.ts';
import { ServerProfileForm } from '../../features/server-profiles/components/server-profile-form.tsx';
import { TestAndEnableHoldBanner } from '../../features/server-profiles/components/test-and-enable-hold-banner.tsx';
import { serverProfilesCrumbs } from './server-profile-crumbs.ts';
import { useTranslation } from 'react-i18next';

export function ServerProfileRoute() {
  const { t } = useTranslation();
  const { environmentId = '', profileId = '' } = useParams();
  const { deployment } = useCurrentSession();
  const location = useLocation();
  const profile = useServerProfile(environmentId, profileId);
  // Set by the create form when it lands here, so the admin sees the save went through.
  const savedOnArrival = (location.state as { saved?: boolean } | null)?.saved === true;

  return (
    <EnvironmentGate>
      {(environment) =>
        profile.isPending ? (
          <Spinner label={t('loadingServerProfile')} />
        ) : profile.isError ? (
          <LoadError
            error={profile.error}
            onRetry={() => void profile.refetch()}
            notFound={{ what: 'serverProfile', crumbs: serverProfilesCrumbs(environment.id), back: { label: t('nav.pages.serverProfiles'), href: paths.serverProfiles.getHref(environment.id) } }}
          />
        ) : (
          <>
            <PageHeader
              crumbs={[...serverProfilesCrumbs(environment.id), { label: profile.data.name }]}
              title={profile.data.name}
            />
            {profile.data.testAndEnableHold && <TestAndEnableHoldBanner hold={profile.data.testAndEnableHold} />}
            {/* Keyed by id so the form's edits start fresh per profile but survive refetches of the same one. */}
            <ServerProfileForm
              key={profile.data.id}
              environmentId={environment.id}
              canWrite={canWriteServerProfiles(environment)}
              canTestAndEnable={canWriteMailboxes(environment)}
              deployment={deployment}
              profile={profile.data}
              savedOnArrival={savedOnArrival}
            />
          </>
        )
      }
    </EnvironmentGate>
  );
}
