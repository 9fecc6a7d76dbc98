import { Text, createTableColumn, type TableColumnDefinition } from '@fluentui/react-components';
import type { TeamResponse } from '@sync-admin/contract';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSecurityRoles } from '../api/get-security-roles.ts';
import { useTeams } from '../api/get-teams.ts';
import { useSetTeamSecurityRoles } from '../api/set-team-security-roles.ts';
import { RoleHoldersList, namesOf } from './role-holders-list.tsx';

function columnsFor(t: TFunction<'security-roles'>, roleNames: ReadonlyMap<string, string>): TableColumnDefinition<TeamResponse>[] {
  return [
    createTableColumn({
      columnId: 'name',
      compare: (a, b) => a.name.localeCompare(b.name),
      renderHeaderCell: () => t('column.teamName'),
      renderCell: (team) => <Text weight="semibold">{team.name}</Text>,
    }),
    createTableColumn({
      columnId: 'members',
      compare: (a, b) => a.members.length - b.members.length,
      renderHeaderCell: () => t('column.members'),
      renderCell: (team) =>
        team.members.length === 0
          ? t('noMembers')
          : team.members.map((member) => member.fullName).sort((a, b) => a.localeCompare(b)).join(', '),
    }),
    createTableColumn({
      columnId: 'securityRoles',
      renderHeaderCell: () => t('securityRoles'),
      renderCell: (team) => namesOf(team.roleIds, roleNames).join(', '),
    }),
  ];
}

interface Props {
  environmentId: string;
  canWrite: boolean;
}

/** Settings > Users + permissions > Teams: members inherit the team's security roles. */
export function TeamsList({ environmentId, canWrite }: Props) {
  const { t } = useTranslation('security-roles');
  const teams = useTeams(environmentId);
  const roles = useSecurityRoles(environmentId);
  const setRoles = useSetTeamSecurityRoles(environmentId);

  const roleNames = useMemo(() => new Map((roles.data?.items ?? []).map((r) => [r.id, r.name])), [roles.data]);
  const columns = useMemo(() => columnsFor(t, roleNames), [t, roleNames]);

  return (
    <RoleHoldersList
      kind="team"
      canWrite={canWrite}
      holders={teams}
      roles={roles}
      setRoles={setRoles}
      variablesFor={(teamId, roleIds) => ({ teamId, roleIds })}
      nameOf={(team) => team.name}
      columns={columns}
      defaultSortColumn="name"
      labels={{ commands: t('teams.commands'), grid: t('teams.grid'), loading: t('teams.loading'), empty: t('teams.empty') }}
    />
  );
}
