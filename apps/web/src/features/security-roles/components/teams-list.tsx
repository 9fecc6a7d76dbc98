import { Text, createTableColumn, type TableColumnDefinition } from '@fluentui/react-components';
import type { TeamResponse } from '@sync-admin/contract';
import { useMemo } from 'react';
import { useSecurityRoles } from '../api/get-security-roles.ts';
import { useTeams } from '../api/get-teams.ts';
import { useSetTeamSecurityRoles } from '../api/set-team-security-roles.ts';
import { RoleHoldersList, namesOf } from './role-holders-list.tsx';

function columnsFor(roleNames: ReadonlyMap<string, string>): TableColumnDefinition<TeamResponse>[] {
  return [
    createTableColumn({
      columnId: 'name',
      compare: (a, b) => a.name.localeCompare(b.name),
      renderHeaderCell: () => 'Team name',
      renderCell: (team) => <Text weight="semibold">{team.name}</Text>,
    }),
    createTableColumn({
      columnId: 'members',
      compare: (a, b) => a.members.length - b.members.length,
      renderHeaderCell: () => 'Members',
      renderCell: (team) =>
        team.members.length === 0
          ? 'No members'
          : team.members.map((member) => member.fullName).sort((a, b) => a.localeCompare(b)).join(', '),
    }),
    createTableColumn({
      columnId: 'securityRoles',
      renderHeaderCell: () => 'Security roles',
      renderCell: (team) => namesOf(team.roleIds, roleNames).join(', '),
    }),
  ];
}

const LABELS = {
  commands: 'Team commands',
  grid: 'Teams',
  loading: 'Loading teams…',
  empty: 'There are no teams in this environment.',
};

interface Props {
  environmentId: string;
  canWrite: boolean;
}

/** Settings > Users + permissions > Teams: members inherit the team's security roles. */
export function TeamsList({ environmentId, canWrite }: Props) {
  const teams = useTeams(environmentId);
  const roles = useSecurityRoles(environmentId);
  const setRoles = useSetTeamSecurityRoles(environmentId);

  const roleNames = useMemo(() => new Map((roles.data?.items ?? []).map((r) => [r.id, r.name])), [roles.data]);
  const columns = useMemo(() => columnsFor(roleNames), [roleNames]);

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
      labels={LABELS}
    />
  );
}
