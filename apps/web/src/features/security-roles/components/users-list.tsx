import { Badge, Text, createTableColumn, makeStyles, tokens, type TableColumnDefinition } from '@fluentui/react-components';
import { TENANT_ROLE_LABELS, type DirectoryUserResponse } from '@sync-admin/contract';
import { useMemo } from 'react';
import { useSecurityRoles } from '../api/get-security-roles.ts';
import { useTeams } from '../api/get-teams.ts';
import { useUsers } from '../api/get-users.ts';
import { useSetUserSecurityRoles } from '../api/set-user-security-roles.ts';
import { RoleHoldersList, namesOf } from './role-holders-list.tsx';

const useStyles = makeStyles({
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

function columnsFor(roleNames: ReadonlyMap<string, string>, teamNames: ReadonlyMap<string, string>, badgesClass: string) {
  const columns: TableColumnDefinition<DirectoryUserResponse>[] = [
    createTableColumn({
      columnId: 'fullName',
      compare: (a, b) => a.fullName.localeCompare(b.fullName),
      renderHeaderCell: () => 'Full name',
      renderCell: (user) => <Text weight="semibold">{user.fullName}</Text>,
    }),
    createTableColumn({
      columnId: 'email',
      compare: (a, b) => a.email.localeCompare(b.email),
      renderHeaderCell: () => 'User Principal Name',
      renderCell: (user) => user.email,
    }),
    createTableColumn({
      columnId: 'tenantRoles',
      renderHeaderCell: () => 'Microsoft 365 roles',
      renderCell: (user) => (
        <span className={badgesClass}>
          {user.tenantRoles.map((role) => (
            <Badge key={role} appearance="tint" color="brand">{TENANT_ROLE_LABELS[role]}</Badge>
          ))}
        </span>
      ),
    }),
    createTableColumn({
      columnId: 'securityRoles',
      renderHeaderCell: () => 'Security roles',
      renderCell: (user) => namesOf(user.roleIds, roleNames).join(', '),
    }),
    createTableColumn({
      columnId: 'teams',
      renderHeaderCell: () => 'Teams',
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

const LABELS = {
  commands: 'User commands',
  grid: 'Users',
  loading: 'Loading users…',
  empty: 'There are no users in this environment.',
};

interface Props {
  environmentId: string;
  canWrite: boolean;
}

/** Settings > Users + permissions > Users: who is in the environment, and Manage security roles. */
export function UsersList({ environmentId, canWrite }: Props) {
  const styles = useStyles();
  const users = useUsers(environmentId);
  const roles = useSecurityRoles(environmentId);
  const teams = useTeams(environmentId);
  const setRoles = useSetUserSecurityRoles(environmentId);

  const roleNames = useMemo(() => new Map((roles.data?.items ?? []).map((r) => [r.id, r.name])), [roles.data]);
  const teamNames = useMemo(() => new Map((teams.data?.items ?? []).map((t) => [t.id, t.name])), [teams.data]);
  const columns = useMemo(() => columnsFor(roleNames, teamNames, styles.badges), [roleNames, teamNames, styles.badges]);

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
      labels={LABELS}
    />
  );
}
