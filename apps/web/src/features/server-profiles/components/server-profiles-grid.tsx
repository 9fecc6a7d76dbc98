import { Badge, Text, createTableColumn, makeStyles, tokens, type TableColumnDefinition } from '@fluentui/react-components';
import { SERVER_TYPE_LABELS, type ServerProfileResponse } from '@sync-admin/contract';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { RouterLink } from '../../../components/router-link.tsx';
import { SortableDataGrid } from '../../../components/sortable-data-grid.tsx';
import { paths } from '../../../config/paths.ts';
import { formatDateTime } from '../../../lib/format-time.ts';
import { TestStatusBadge } from './test-status-badge.tsx';

const useStyles = makeStyles({
  lastTest: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

function LastTestCell({ profile }: { profile: ServerProfileResponse }) {
  const styles = useStyles();
  const { t } = useTranslation('server-profiles');
  if (!profile.lastTest) return <Text>{t('notTested')}</Text>;
  return (
    <span className={styles.lastTest}>
      <TestStatusBadge status={profile.lastTest.status} />
      <Text size={200}>{formatDateTime(profile.lastTest.startedAt)}</Text>
    </span>
  );
}

// Built per language, so the headers follow the language shown; the list's own namespace keeps the first screen small.
const columnsIn = (t: TFunction<'server-profiles'>): TableColumnDefinition<ServerProfileResponse>[] => [

  createTableColumn({
    columnId: 'name',
    compare: (a, b) => a.name.localeCompare(b.name),
    renderHeaderCell: () => t('columns.name'),
    renderCell: (p) => <RouterLink to={paths.serverProfile.getHref(p.environmentId, p.id)}>{p.name}</RouterLink>,
  }),
  createTableColumn({
    columnId: 'serverType',
    compare: (a, b) => SERVER_TYPE_LABELS[a.serverType].localeCompare(SERVER_TYPE_LABELS[b.serverType]),
    renderHeaderCell: () => t('columns.serverType'),
    // Product names, the same in every language.
    renderCell: (p) => SERVER_TYPE_LABELS[p.serverType],
  }),
  createTableColumn({
    columnId: 'isDefault',
    compare: (a, b) => Number(b.isDefault) - Number(a.isDefault),
    renderHeaderCell: () => t('columns.default'),
    renderCell: (p) => (p.isDefault ? <Badge appearance="filled" color="brand">{t('columns.default')}</Badge> : null),
  }),
  createTableColumn({
    columnId: 'owner',
    compare: (a, b) => a.ownerName.localeCompare(b.ownerName),
    renderHeaderCell: () => t('columns.owner'),
    renderCell: (p) => p.ownerName,
  }),
  createTableColumn({
    columnId: 'status',
    compare: (a, b) => Number(b.isActive) - Number(a.isActive),
    renderHeaderCell: () => t('columns.status'),
    renderCell: (p) => (p.isActive ? t('active') : t('inactive')),
  }),
  createTableColumn({
    columnId: 'lastTest',
    compare: (a, b) => (a.lastTest?.startedAt ?? '').localeCompare(b.lastTest?.startedAt ?? ''),
    renderHeaderCell: () => t('columns.lastTest'),
    renderCell: (p) => <LastTestCell profile={p} />,
  }),
];

interface Props {
  profiles: ServerProfileResponse[];
  selectedId: string | null;
  onSelect: (profileId: string | null) => void;
}

export function ServerProfilesGrid({ profiles, selectedId, onSelect }: Props) {
  const { t } = useTranslation('server-profiles');
  // t changes with the language, which rebuilds the headers.
  const columns = useMemo(() => columnsIn(t), [t]);
  return (
    <SortableDataGrid
      aria-label={t('gridLabel')}
      items={profiles}
      columns={columns}
      defaultSortColumn="name"
      selection={{ selectedId, onSelect, nameOf: (profile) => profile.name }}
    />
  );
}
