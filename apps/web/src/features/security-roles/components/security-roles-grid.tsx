import { Badge, createTableColumn, type TableColumnDefinition } from '@fluentui/react-components';
import type { SecurityRoleResponse } from '@sync-admin/contract';
import { useMemo } from 'react';
import { RouterLink } from '../../../components/router-link.tsx';
import { SortableDataGrid } from '../../../components/sortable-data-grid.tsx';
import { paths } from '../../../config/paths.ts';

const columnsFor = (environmentId: string): TableColumnDefinition<SecurityRoleResponse>[] => [
  createTableColumn({
    columnId: 'name',
    compare: (a, b) => a.name.localeCompare(b.name),
    renderHeaderCell: () => 'Name',
    renderCell: (role) => <RouterLink to={paths.securityRole.getHref(environmentId, role.id)}>{role.name}</RouterLink>,
  }),
  createTableColumn({
    columnId: 'isBuiltIn',
    compare: (a, b) => Number(b.isBuiltIn) - Number(a.isBuiltIn),
    renderHeaderCell: () => 'Built-in',
    renderCell: (role) => (role.isBuiltIn ? <Badge appearance="tint" color="brand">Built-in</Badge> : 'Custom'),
  }),
  createTableColumn({
    columnId: 'users',
    compare: (a, b) => a.userCount - b.userCount,
    renderHeaderCell: () => 'Users',
    renderCell: (role) => role.userCount,
  }),
  createTableColumn({
    columnId: 'teams',
    compare: (a, b) => a.teamCount - b.teamCount,
    renderHeaderCell: () => 'Teams',
    renderCell: (role) => role.teamCount,
  }),
];

export function SecurityRolesGrid({ environmentId, roles }: { environmentId: string; roles: SecurityRoleResponse[] }) {
  const columns = useMemo(() => columnsFor(environmentId), [environmentId]);
  return <SortableDataGrid aria-label="Security roles" items={roles} columns={columns} defaultSortColumn="name" />;
}
