import { Badge, Text, createTableColumn, makeStyles, tokens, type TableColumnDefinition } from '@fluentui/react-components';
import type { DirectoryUserResponse } from '@sync-admin/contract';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSecurityRoles } from '../api/get-security-roles.ts';
import { useTeams } from '../api/get-teams.ts';
import { useUsers } from '../api/get-users.ts';
import { useSetUserSecurityRoles } from '../api/set-user-security-roles.ts';
import { useAccessLabels } from '../lib/labels.ts';
import { RoleHoldersList, namesOf } from './role-holders-list.tsx';

const useStyles = makeStyles({
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

interface ColumnText {
  t: TFunction<'security-roles'>;
  tenantRoles: ReturnType<typeof useAccessLabels>['tenantRole'];
}

function columnsFor({ t, tenantRoles }: ColumnText, roleNames: ReadonlyMap<string, string>, teamNames: ReadonlyMap<string, string>, badgesClass: string) {
  const columns: TableColumnDefinition<DirectoryUserResponse>[] = [
    createTableColumn({
      columnId: 'fullName',
      compare: (a, b) => a.fullName.localeCompare(b.fullName),
      renderHeaderCell: () => t('column.fullName'),
      renderCell: (user) => <Text weight="semibold">{user.fullName}</Text>,
    }),
    createTableColumn({
      columnId: 'email',
      compare: (a, b) => a.email.localeCompare(b.email),
      renderHeaderCell: () => t('column.userPrincipalName'),
      renderCell: (user) => user.email,
    }),
    createTableColumn({
      columnId: 'tenantRoles',
      renderHeaderCell: () => t('column.tenantRoles'),
      renderCell: (user) => (
        <span className={badgesClass}>
          {user.tenantRoles.map((role) => (
            <Badge key={role} appearance="tint" color="brand">{tenantRoles[role]}</Badge>
          ))}
        </span>
      ),
    }),
    createTableColumn({
      columnId: 'securityRoles',
      renderHeaderCell: () => t('securityRoles'),
      renderCell: (user) => namesOf(user.roleIds, roleNames).join(', '),
    }),
    createTableColumn({
      columnId: 'teams',
      renderHeaderCell: () => t('column.teams'),
      renderCell: (user) => namesOf(user.teamIds, teamNames).join(', '),
    }),
  ];
  return columns;
}

const COLUMN_SIZES = {
  fullName: { minWidth: 140, defaultWidth: 180 },
  email: { minWidth: 200, defaultWidth: 280 },
  tenantRoles: { minWidth: 120, defaultWidth: 160 },
  securityRoles: { minWidth: 160, defaultWidth: 300 },
  teams: { minWidth: 120, defaultWidth: 200 },
};

interface Props {
  environmentId: string;
  canWrite: boolean;
}

/** Settings > Users + permissions > Users: who is in the environment, and Manage security roles. */
export function UsersList({ environmentId, canWrite }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('security-roles');
  const { tenantRole } = useAccessLabels();
  const users = useUsers(environmentId);
  const roles = useSecurityRoles(environmentId);
  const teams = useTeams(environmentId);
  const setRoles = useSetUserSecurityRoles(environmentId);

  const roleNames = useMemo(() => new Map((roles.data?.items ?? []).map((r) => [r.id, r.name])), [roles.data]);
  const teamNames = useMemo(() => new Map((teams.data?.items ?? []).map((t) => [t.id, t.name])), [teams.data]);
  const columns = useMemo(
    () => columnsFor({ t, tenantRoles: tenantRole }, roleNames, teamNames, styles.badges),
    [t, tenantRole, roleNames, teamNames, styles.badges],
  );

  return (
    <RoleHoldersList
      kind="user"
      canWrite={canWrite}
      holders={users}
      roles={roles}
      lookups={[teams]}
      setRoles={setRoles}
      variablesFor={(userId, roleIds) => ({ userId, roleIds })}
      nameOf={(user) => user.fullName}
      columns={columns}
      defaultSortColumn="fullName"
      columnSizingOptions={COLUMN_SIZES}
      labels={{ commands: t('users.commands'), grid: t('users.grid'), loading: t('users.loading'), empty: t('users.empty') }}
    />
  );
}
