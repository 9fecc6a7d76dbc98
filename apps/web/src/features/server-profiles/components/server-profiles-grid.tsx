import {
  Badge,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Text,
  createTableColumn,
  makeStyles,
  tokens,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { SERVER_TYPE_LABELS, type ServerProfileResponse } from '@sync-admin/contract';
import { RouterLink } from '../../../components/router-link.tsx';
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
    <DataGrid
      aria-label="Email server profiles"
      items={profiles}
      columns={columns}
      getRowId={(profile: ServerProfileResponse) => profile.id}
      sortable
      defaultSortState={{ sortColumn: 'name', sortDirection: 'ascending' }}
      selectionMode="single"
      selectedItems={selectedId ? [selectedId] : []}
      onSelectionChange={(_, data) => {
        const [first] = data.selectedItems;
        onSelect(first === undefined ? null : String(first));
      }}
    >
      <DataGridHeader>
        <DataGridRow>
          {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<ServerProfileResponse>>
        {({ item, rowId }) => (
          <DataGridRow<ServerProfileResponse>
            key={rowId}
            selectionCell={{ radioIndicator: { 'aria-label': `Select ${item.name}` } }}
          >
            {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
