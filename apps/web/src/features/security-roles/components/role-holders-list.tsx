import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  Toolbar,
  ToolbarButton,
  makeStyles,
  tokens,
  type TableColumnDefinition,
  type TableColumnSizingOptions,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, DismissRegular, ShieldPersonRegular } from '@fluentui/react-icons';
import type { SecurityRoleResponse } from '@sync-admin/contract';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/load-error.tsx';
import { SideScrollRegion } from '../../../components/side-scroll-region.tsx';
import { SortableDataGrid } from '../../../components/sortable-data-grid.tsx';
import { ManageSecurityRolesDialog, type RoleAssignee } from './manage-security-roles-dialog.tsx';

const useStyles = makeStyles({
  // Takes the width it is given rather than widening the page: the filters and grid wrap or scroll inside it.
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, contain: 'inline-size' },
  toolbar: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

/** Names for ids, in name order; an id the list doesn't know shows as itself rather than vanishing. */
export const namesOf = (ids: string[], names: ReadonlyMap<string, string>) =>
  ids.map((id) => names.get(id) ?? id).sort((a, b) => a.localeCompare(b));

/** A user or a team: what security roles are assigned to. */
interface RoleHolder {
  id: string;
  roleIds: string[];
}

interface Props<T extends RoleHolder, V> {
  kind: RoleAssignee['kind'];
  canWrite: boolean;
  /** The grid's rows. */
  holders: UseQueryResult<{ items: T[] }>;
  /** The roles Manage security roles offers. */
  roles: UseQueryResult<{ items: SecurityRoleResponse[] }>;
  /** Further lists the columns read: they load, fail and refresh with the rows. */
  lookups?: UseQueryResult<unknown>[];
  /** Replaces the roles one holder holds; answers with the saved holder. */
  setRoles: UseMutationResult<T, Error, V>;
  /** setRoles' variables giving the holder with this id exactly these roles. */
  variablesFor: (holderId: string, roleIds: string[]) => V;
  /** The holder's name: its row's radio, the dialog and the saved message say it. */
  nameOf: (holder: T) => string;
  columns: TableColumnDefinition<T>[];
  defaultSortColumn: string;
  /** Makes the columns resizable, starting at these sizes. */
  columnSizingOptions?: TableColumnSizingOptions;
  labels: {
    /** The toolbar's accessible name. */
    commands: string;
    /** The grid's accessible name. */
    grid: string;
    loading: string;
    empty: string;
  };
}

/** Settings > Users + permissions > Users or Teams: who holds security roles here, and Manage security roles. */
export function RoleHoldersList<T extends RoleHolder, V>({
  kind,
  canWrite,
  holders,
  roles,
  lookups = [],
  setRoles,
  variablesFor,
  nameOf,
  columns,
  defaultSortColumn,
  columnSizingOptions,
  labels,
}: Props<T, V>) {
  const styles = useStyles();
  const { t } = useTranslation(['security-roles', 'common']);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [assignee, setAssignee] = useState<RoleAssignee | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const items = holders.data?.items ?? [];
  const selected = items.find((holder) => holder.id === selectedId);

  const open = () => {
    if (!selected) return;
    setRoles.reset();
    setSaved(null);
    setAssignee({ kind, id: selected.id, name: nameOf(selected), roleIds: selected.roleIds });
  };

  const save = (roleIds: string[]) => {
    if (!assignee) return;
    setRoles.mutate(variablesFor(assignee.id, roleIds), {
      onSuccess: (holder) => {
        setAssignee(null);
        setSaved(t('saved', { name: nameOf(holder) }));
      },
    });
  };

  const queries = [holders, roles, ...lookups];
  const firstError = queries.reduce<Error | null>((found, query) => found ?? query.error, null);
  const retry = () => void Promise.all(queries.map((query) => query.refetch()));

  return (
    <div className={styles.root}>
      <Toolbar aria-label={labels.commands} className={styles.toolbar}>
        <ToolbarButton icon={<ShieldPersonRegular />} disabled={!canWrite || !selected || !roles.data} onClick={open}>
          {t('manage')}
        </ToolbarButton>
        <ToolbarButton icon={<ArrowClockwiseRegular />} disabled={holders.isFetching} onClick={retry}>
          {t('common:commands.refresh')}
        </ToolbarButton>
      </Toolbar>

      {!canWrite && (
        <MessageBar intent="info">
          <MessageBarBody>{t('assignRequired')}</MessageBarBody>
        </MessageBar>
      )}
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>{saved}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label={t('common:commands.dismiss')} icon={<DismissRegular />} onClick={() => setSaved(null)} />}
          />
        </MessageBar>
      )}

      {firstError ? (
        <LoadError error={firstError} onRetry={retry} />
      ) : queries.some((query) => query.isPending) ? (
        <Spinner label={labels.loading} />
      ) : items.length === 0 ? (
        <Text>{labels.empty}</Text>
      ) : (
        <SideScrollRegion label={labels.grid}>
          <SortableDataGrid
            aria-label={labels.grid}
            items={items}
            columns={columns}
            defaultSortColumn={defaultSortColumn}
            columnSizingOptions={columnSizingOptions}
            selection={{ selectedId, onSelect: setSelectedId, nameOf }}
          />
        </SideScrollRegion>
      )}

      <ManageSecurityRolesDialog
        assignee={assignee}
        roles={roles.data?.items ?? []}
        saving={setRoles.isPending}
        error={setRoles.error}
        onSave={save}
        onCancel={() => setAssignee(null)}
      />
    </div>
  );
}
