import { Divider, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { EnvironmentResponse } from '@sync-admin/contract';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';
import { useSecurityRoles } from '../../features/security-roles/api/get-security-roles.ts';
import { PermissionsModelTable } from '../../features/security-roles/components/permissions-model-table.tsx';
import { ReadAccessNotice } from '../../features/security-roles/components/read-access-notice.tsx';
import { SecurityRolesGrid } from '../../features/security-roles/components/security-roles-grid.tsx';
import { canReadSecurityRoles } from '../../features/security-roles/lib/access.ts';
import { usersPermissionsCrumbs } from '../../features/security-roles/lib/crumbs.ts';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, contain: 'inline-size' },
});

export function SecurityRolesRoute() {
  const { t } = useTranslation();
  return (
    <EnvironmentGate>
      {(environment) => (
        <>
          <PageHeader crumbs={usersPermissionsCrumbs(environment.id, 'securityRoles')} title={t('nav.pages.securityRoles')} />
          {canReadSecurityRoles(environment) ? <SecurityRolesPage environment={environment} /> : <ReadAccessNotice />}
        </>
      )}
    </EnvironmentGate>
  );
}

function SecurityRolesPage({ environment }: { environment: EnvironmentResponse }) {
  const { t } = useTranslation(['common', 'security-roles']);
  const styles = useStyles();
  const roles = useSecurityRoles(environment.id);
  return (
    <div className={styles.root}>
      <Text>{t('security-roles:intro')}</Text>
      {roles.isPending ? (
        <Spinner label={t('loadingSecurityRoles')} />
      ) : roles.isError ? (
        <LoadError error={roles.error} onRetry={() => void roles.refetch()} />
      ) : (
        <SecurityRolesGrid environmentId={environment.id} roles={roles.data.items} />
      )}
      <Divider />
      <PermissionsModelTable />
    </div>
  );
}
