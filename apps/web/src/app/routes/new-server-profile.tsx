import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentSession } from '../../features/auth/api/get-session.ts';
import {
  EnvironmentGate,
  canWriteServerProfiles,
} from '../../features/environments/components/environment-gate.tsx';
import { ServerProfileForm } from '../../features/server-profiles/components/server-profile-form.tsx';
import { serverProfilesCrumbs } from './server-profile-crumbs.ts';
import { useTranslation } from 'react-i18next';


export function NewServerProfileRoute() {
  const { t } = useTranslation();
  const { deployment } = useCurrentSession();
  return (
    <EnvironmentGate>
      {(environment) => (
        <>
          <PageHeader crumbs={[...serverProfilesCrumbs(environment.id), { label: t('newServerProfile') }]} title={t('newServerProfile')} />
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
