import { Spinner } from '@fluentui/react-components';
import type { EnvironmentResponse } from '@sync-admin/contract';
import { useParams } from 'react-router';
import { LoadError } from '../../components/load-error.tsx';
import { NotFound } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { paths } from '../../config/paths.ts';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';
import { useSecurityRoles } from '../../features/security-roles/api/get-security-roles.ts';
import { ReadAccessNotice } from '../../features/security-roles/components/read-access-notice.tsx';
import { SecurityRolePrivileges } from '../../features/security-roles/components/security-role-privileges.tsx';
import { canReadSecurityRoles, canWriteSecurityRoles } from '../../features/security-roles/lib/access.ts';
import { usersPermissionsCrumbs } from '../../features/security-roles/lib/crumbs.ts';
import { useTranslation } from 'react-i18next';

export function SecurityRoleRoute() {
  const { t } = useTranslation();
  return (
    <EnvironmentGate>
      {(environment) =>
        canReadSecurityRoles(environment) ? (
          <SecurityRolePage environment={environment} />
        ) : (
          <>
            <PageHeader crumbs={usersPermissionsCrumbs(environment.id, 'securityRoles')} title={t('securityRole')} />
            <ReadAccessNotice />
          </>
        )
      }
    </EnvironmentGate>
  );
}

function SecurityRolePage({ environment }: { environment: EnvironmentResponse }) {
  const { t } = useTranslation();
  const { roleId = '' } = useParams();
  const roles = useSecurityRoles(environment.id);
  const role = roles.data?.items.find((r) => r.id === roleId);
  const crumbs = usersPermissionsCrumbs(environment.id, 'securityRoles');

  if (roles.isPending) return <Spinner label={t('loadingSecurityRole')} />;
  if (roles.isError) return <LoadError error={roles.error} onRetry={() => void roles.refetch()} />;
  if (!role) {
    return <NotFound what="securityRole" crumbs={crumbs} back={{ label: t('nav.pages.securityRoles'), href: paths.securityRoles.getHref(environment.id) }} />;
  }
  return (
    <>
      <PageHeader crumbs={[...crumbs, { label: role.name }]} title={role.name} />
      <SecurityRolePrivileges
        key={role.id}
        environmentId={environment.id}
        role={role}
        canWrite={canWriteSecurityRoles(environment)}
      />
    </>
  );
}
