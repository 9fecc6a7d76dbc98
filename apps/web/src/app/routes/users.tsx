import { PageHeader } from '../../components/page-header.tsx';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';
import { ReadAccessNotice } from '../../features/security-roles/components/read-access-notice.tsx';
import { UsersList } from '../../features/security-roles/components/users-list.tsx';
import { canReadSecurityRoles, canWriteSecurityRoles } from '../../features/security-roles/lib/access.ts';
import { usersPermissionsCrumbs } from '../../features/security-roles/lib/crumbs.ts';
import { useTranslation } from 'react-i18next';

export function UsersRoute() {
  const { t } = useTranslation();
  return (
    <EnvironmentGate>
      {(environment) => (
        <>
          <PageHeader crumbs={usersPermissionsCrumbs(environment.id, 'users')} title={t('nav.pages.users')} />
          {canReadSecurityRoles(environment) ? (
            <UsersList environmentId={environment.id} canWrite={canWriteSecurityRoles(environment)} />
          ) : (
            <ReadAccessNotice />
          )}
        </>
      )}
    </EnvironmentGate>
  );
}
