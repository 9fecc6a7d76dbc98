import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentSession } from '../../features/auth/api/get-session.ts';
import {
  EnvironmentGate,
  canWriteServerProfiles,
} from '../../features/environments/components/environment-gate.tsx';
import { ServerProfileForm } from '../../features/server-profiles/components/server-profile-form.tsx';
import { serverProfilesCrumbs } from './server-profile-crumbs.ts';

const TITLE = 'New server profile';

export function NewServerProfileRoute() {
  const { deployment } = useCurrentSession();
  return (
    <EnvironmentGate>
      {(environment) => (
        <>
          <PageHeader crumbs={[...serverProfilesCrumbs(environment.id), { label: TITLE }]} title={TITLE} />
          <ServerProfileForm
            environmentId={environment.id}
            canWrite={canWriteServerProfiles(environment)}
            deployment={deployment}
          />
        </>
      )}
    </EnvironmentGate>
  );
}
