import { Badge, createTableColumn, type TableColumnDefinition } from '@fluentui/react-components';
import type { SecurityRoleResponse } from '@sync-admin/contract';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../../components/router-link.tsx';
import { SortableDataGrid } from '../../../components/sortable-data-grid.tsx';
import { paths } from '../../../config/paths.ts';
import { formatNumber } from '../../../lib/format-time.ts';

const columnsFor = (t: TFunction<'security-roles'>, environmentId: string): TableColumnDefinition<SecurityRoleResponse>[] => [
  createTableColumn({
    columnId: 'name',
    compare: (a, b) => a.name.localeCompare(b.name),
    renderHeaderCell: () => t('column.name'),
    renderCell: (role) => <RouterLink to={paths.securityRole.getHref(environmentId, role.id)}>{role.name}</RouterLink>,
  }),
  createTableColumn({
    columnId: 'isBuiltIn',
    compare: (a, b) => Number(b.isBuiltIn) - Number(a.isBuiltIn),
    renderHeaderCell: () => t('column.builtIn'),
    renderCell: (role) => (role.isBuiltIn ? <Badge appearance="tint" color="brand">{t('builtIn')}</Badge> : t('custom')),
  }),
  createTableColumn({
    columnId: 'users',
    compare: (a, b) => a.userCount - b.userCount,
    renderHeaderCell: () => t('column.users'),
    renderCell: (role) => formatNumber(role.userCount),
  }),
  createTableColumn({
    columnId: 'teams',
    compare: (a, b) => a.teamCount - b.teamCount,
    renderHeaderCell: () => t('column.teams'),
    renderCell: (role) => formatNumber(role.teamCount),
  }),
];

export function SecurityRolesGrid({ environmentId, roles }: { environmentId: string; roles: SecurityRoleResponse[] }) {
  const { t } = useTranslation('security-roles');
  const columns = useMemo(() => columnsFor(t, environmentId), [t, environmentId]);
  return <SortableDataGrid aria-label={t('gridLabel')} items={roles} columns={columns} defaultSortColumn="name" />;
}
