import { Badge, Text, createTableColumn, makeStyles, tokens, type TableColumnDefinition } from '@fluentui/react-components';
import { SERVER_TYPE_LABELS, type ServerProfileResponse } from '@sync-admin/contract';
import { RouterLink } from '../../../components/router-link.tsx';
import { SortableDataGrid } from '../../../components/sortable-data-grid.tsx';
import { paths } from '../../../config/paths.ts';
import { TestStatusBadge, formatDateTime } from './test-status-badge.tsx';

const useStyles = makeStyles({
  lastTest: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

function LastTestCell({ profile }: { profile: ServerProfileResponse }) {
  const styles = useStyles();
  if (!profile.lastTest) return <Text>Not tested</Text>;
  return (
    <span className={styles.lastTest}>
      <TestStatusBadge status={profile.lastTest.status} />
      <Text size={200}>{formatDateTime(profile.lastTest.startedAt)}</Text>
    </span>
  );
}

const columns: TableColumnDefinition<ServerProfileResponse>[] = [
  createTableColumn({
    columnId: 'name',
    compare: (a, b) => a.name.localeCompare(b.name),
    renderHeaderCell: () => 'Name',
    renderCell: (p) => <RouterLink to={paths.serverProfile.getHref(p.environmentId, p.id)}>{p.name}</RouterLink>,
  }),
  createTableColumn({
    columnId: 'serverType',
    compare: (a, b) => SERVER_TYPE_LABELS[a.serverType].localeCompare(SERVER_TYPE_LABELS[b.serverType]),
    renderHeaderCell: () => 'Email Server Type',
    renderCell: (p) => SERVER_TYPE_LABELS[p.serverType],
  }),
  createTableColumn({
    columnId: 'isDefault',
    compare: (a, b) => Number(b.isDefault) - Number(a.isDefault),
    renderHeaderCell: () => 'Default',
    renderCell: (p) => (p.isDefault ? <Badge appearance="filled" color="brand">Default</Badge> : null),
  }),
  createTableColumn({
    columnId: 'owner',
    compare: (a, b) => a.ownerName.localeCompare(b.ownerName),
    renderHeaderCell: () => 'Owner',
    renderCell: (p) => p.ownerName,
  }),
  createTableColumn({
    columnId: 'status',
    compare: (a, b) => Number(b.isActive) - Number(a.isActive),
    renderHeaderCell: () => 'Status',
    renderCell: (p) => (p.isActive ? 'Active' : 'Inactive'),
  }),
  createTableColumn({
    columnId: 'lastTest',
    compare: (a, b) => (a.lastTest?.startedAt ?? '').localeCompare(b.lastTest?.startedAt ?? ''),
    renderHeaderCell: () => 'Last test',
    renderCell: (p) => <LastTestCell profile={p} />,
  }),
];

interface Props {
  profiles: ServerProfileResponse[];
  selectedId: string | null;
  onSelect: (profileId: string | null) => void;
}

export function ServerProfilesGrid({ profiles, selectedId, onSelect }: Props) {
  return (
    <SortableDataGrid
      aria-label="Email server profiles"
      items={profiles}
      columns={columns}
      defaultSortColumn="name"
      selection={{ selectedId, onSelect, nameOf: (profile) => profile.name }}
    />
  );
}
