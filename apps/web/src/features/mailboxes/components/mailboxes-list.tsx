import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ColumnEditRegular, DismissRegular } from '@fluentui/react-icons';
import {
  type EnvironmentResponse,
  type MailboxSortField,
} from '@sync-admin/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatNumber } from '../../../lib/format-time.ts';
import { LoadError } from '../../../components/load-error.tsx';
import { paths } from '../../../config/paths.ts';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { lazyComponent } from '../../../lib/lazy-component.tsx';
import { useApproveEmailAvailability } from '../api/get-approve-email-availability.ts';
import { useMailboxPages } from '../api/get-mailboxes.ts';
import { mailboxKeys } from '../api/query-keys.ts';
import {
  useMailboxAction,
  type MailboxActionRequest,
  type MailboxActionResult,
  type SynchronizationMethodChanges,
} from '../api/run-mailbox-action.ts';
import { filterOf, type MailboxGridQuery } from '../lib/grid-query.ts';
import { useMailboxLabels } from '../lib/labels.ts';
import { useMailboxColumns } from '../lib/mailbox-columns.ts';
import {
  NO_SELECTION,
  isRowSelected,
  selectedCount,
  singleSelectedRow,
  targetOf,
  toggleRows,
  type MailboxRow,
  type MailboxSelection,
} from '../lib/selection.ts';
import type { TestAndEnableCommand } from '../../test-and-enable/api/start-test-and-enable.ts';
import { TestAndEnableFlow } from '../../test-and-enable/components/test-and-enable-flow.tsx';
import { ApplyDefaultSettingsDialog } from './apply-default-settings-dialog.tsx';
import { WhyPopover } from './approval-checks.tsx';
import { ApproveEmailDialog } from './approve-email-dialog.tsx';
import { BulkResultDialog } from './bulk-result-dialog.tsx';
import { ChangeMultipleDialog } from './change-multiple-dialog.tsx';
import { mailboxExportHref } from '../api/mailbox-csv.ts';
import { MailboxCommands } from './mailbox-commands.tsx';
import { MailboxesFilters } from './mailboxes-filters.tsx';
import { MailboxesGrid } from './mailboxes-grid.tsx';

const EditColumnsDialog = lazyComponent(async () => (await import('./edit-columns-dialog.tsx')).EditColumnsDialog);
const ImportMailboxesDialog = lazyComponent(async () => (await import('./import-mailboxes-dialog.tsx')).ImportMailboxesDialog);

/** At most this many pages are observed at once: a screenful of rows never spans more. */
const MAX_VISIBLE_PAGES = 4;


const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  statusLine: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '24px' },
  note: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type OpenDialog = 'change' | 'applyDefaults' | 'approve' | null;

interface Props {
  environment: EnvironmentResponse;
  query: MailboxGridQuery;
  onQueryChange: (changes: Partial<MailboxGridQuery>, options?: { replace?: boolean }) => void;
  onClearFilters: () => void;
}

export function MailboxesList({ environment, query, onQueryChange, onClearFilters }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('mailboxes');
  const labels = useMailboxLabels();
  const actionTitles: Record<MailboxActionRequest['action'], string> = {
    'apply-default-email-settings': t('action.applyDefaults'),
    'change-multiple': t('action.changeMultiple'),
    'approve-email': t('action.approveEmail'),
  };
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { columns, setColumns } = useMailboxColumns();
  const [importing, setImporting] = useState(false);
  const [isEditingColumns, setEditingColumns] = useState(false);
  const environmentId = environment.id;
  const canWrite = environment.privileges['mailbox.write'] !== undefined;

  // The pages in view belong to one query: a new view, filter or sort starts from the first page, so no
  // request goes out for the old scroll position's pages of the new query.
  const queryKey = JSON.stringify(query);
  const [visible, setVisible] = useState({ queryKey, first: 0, last: 0 });
  const onVisiblePagesChange = useCallback((key: string, first: number, last: number) => {
    setVisible((prev) => (prev.queryKey === key && prev.first === first && prev.last === last ? prev : { queryKey: key, first, last }));
  }, []);
  const [firstPage, lastPage] = visible.queryKey === queryKey ? [visible.first, visible.last] : [0, 0];
  const pageIndexes: number[] = [];
  for (let page = firstPage; page <= Math.min(lastPage, firstPage + MAX_VISIBLE_PAGES - 1); page++) pageIndexes.push(page);
  const data = useMailboxPages(environmentId, query, pageIndexes);
  const total = data.total ?? 0;
  const loadedRows: MailboxRow[] = pageIndexes.flatMap((page) => data.pages.get(page) ?? []);

  // A selection belongs to one filter: a new view or search starts with nothing selected. Sorting keeps it.
  const filterKey = JSON.stringify(filterOf(query));
  const [selectionState, setSelectionState] = useState<{ key: string; selection: MailboxSelection }>({
    key: filterKey,
    selection: NO_SELECTION,
  });
  const selection = selectionState.key === filterKey ? selectionState.selection : NO_SELECTION;
  const setSelection = (next: MailboxSelection) => setSelectionState({ key: filterKey, selection: next });
  const count = selectedCount(selection, total);
  const single = singleSelectedRow(selection);
  const approve = useApproveEmailAvailability(environment, count > 0 ? targetOf(selection, query) : null);

  const action = useMailboxAction(environmentId);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [result, setResult] = useState<{ title: string; result: MailboxActionResult } | null>(null);
  const [startCommand, setStartCommand] = useState<TestAndEnableCommand | null>(null);
  const [notice, setNotice] = useState<{ title: string; details: string[] } | null>(null);
  const [running, setRunning] = useState<string | null>(null);

  const run = (request: MailboxActionRequest) => {
    setNotice(null);
    // "All that match" can be 100,000 mailboxes: say what is running while the server works through them.
    setRunning(t('action.working', { action: actionTitles[request.action], mailboxes: labels.count(count) }));
    action.mutate(request, {
      onSettled: () => setRunning(null),
      onSuccess: (answer) => {
        setDialog(null);
        setSelection(NO_SELECTION);
        setResult({ title: actionTitles[request.action], result: answer });
      },
      onError: (error) => {
        setDialog(null);
        setNotice({
          title: t('action.failed', { action: actionTitles[request.action], message: errorMessage(error) }),
          details: error instanceof ApiError ? error.fieldErrors.map((e) => e.message) : [],
        });
      },
    });
  };
  const target = () => targetOf(selection, query);

  const allLoadedSelected = loadedRows.length > 0 && loadedRows.every((row) => isRowSelected(selection, row.id));
  const onSortChange = useCallback(
    (sort: MailboxSortField, order: 'asc' | 'desc') => onQueryChange({ sort, order }),
    [onQueryChange],
  );

  const viewLabel = labels.view[query.view];

  return (
    <div className={styles.root}>
      <MailboxCommands
        canWrite={canWrite}
        selectedCount={count}
        busy={action.isPending}
        isRefreshing={data.isFetching}
        approve={approve}
        onNew={(type) => void navigate(paths.newMailbox.getHref(environmentId, type))}
        // One mailbox opens its form; Change Multiple Records is for several (as in the admin center).
        onEdit={() => (single ? void navigate(paths.mailbox.getHref(environmentId, single.id)) : setDialog('change'))}
        onApplyDefaults={() => setDialog('applyDefaults')}
        onTestAndEnable={() => setStartCommand({ kind: 'mailboxes', target: target(), count, name: single?.name ?? null })}
        onRetestFailed={() => setStartCommand({ kind: 'retestFailedMailboxes', filter: filterOf(query) })}
        onApprove={() => setDialog('approve')}
        onRefresh={() => void queryClient.invalidateQueries({ queryKey: mailboxKeys.all(environmentId) })}
        exportHref={mailboxExportHref(environmentId, query, columns)}
        onImport={() => setImporting(true)}
      />
      {importing && <ImportMailboxesDialog environmentId={environmentId} onClose={() => setImporting(false)} />}

      <MailboxesFilters environmentId={environmentId} query={query} onChange={onQueryChange} onClear={onClearFilters} />

      {!canWrite && (
        <MessageBar intent="info"><MessageBarBody>{t('writePrivilegeRequired')}</MessageBarBody></MessageBar>
      )}
      {approve.isShown && !approve.isEnabled && approve.reason && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('approve.unavailable', { name: single ? single.name : t('approve.theSelection') })}</MessageBarTitle>
            <span className={styles.note}>
              <span>{approve.reason}</span>
              {approve.decision && <WhyPopover decision={approve.decision} />}
            </span>
          </MessageBarBody>
        </MessageBar>
      )}
      {approve.isShown && approve.isEnabled && approve.reason && (
        <MessageBar intent="info"><MessageBarBody>{approve.reason}</MessageBarBody></MessageBar>
      )}
      {running && action.isPending && (
        <MessageBar intent="info" icon={<Spinner size="extra-tiny" />}>
          <MessageBarBody>{running}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.details.length > 0 && <ul>{notice.details.map((detail) => <li key={detail}>{detail}</li>)}</ul>}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label={t('list.dismiss')} icon={<DismissRegular />} onClick={() => setNotice(null)} />}
          />
        </MessageBar>
      )}

      {selection.mode === 'allMatching' ? (
        <MessageBar intent="info">
          <MessageBarBody>
            {t('list.allMatchingSelected', { mailboxes: labels.count(total) })}{' '}
            <Link as="button" onClick={() => setSelection(NO_SELECTION)}>{t('list.clearSelection')}</Link>
          </MessageBarBody>
        </MessageBar>
      ) : (
        allLoadedSelected && total > selection.rows.size && (
          <MessageBar intent="info">
            <MessageBarBody>
              {t('list.allLoadedSelected', { number: formatNumber(selection.rows.size) })}{' '}
              <Link as="button" onClick={() => setSelection({ mode: 'allMatching' })}>
                {t('list.selectAllMatching', { mailboxes: labels.count(total) })}
              </Link>
            </MessageBarBody>
          </MessageBar>
        )
      )}

      <div className={styles.statusLine}>
        <div className={styles.status} role="status">
          {data.first.data && (
            <Text>
              {t('list.viewCount', { view: viewLabel, mailboxes: labels.count(total) })}
            </Text>
          )}
          {(data.isShowingPrevious || (data.isFetching && !data.first.isPending)) && <Spinner size="extra-tiny" label={t('list.updating')} />}
        </div>
        <Button appearance="subtle" icon={<ColumnEditRegular />} onClick={() => setEditingColumns(true)}>{t('list.editColumns')}</Button>
      </div>

      {data.pageError && (
        <MessageBar intent="error">
          <MessageBarBody>{t('list.pageError', { message: errorMessage(data.pageError) })}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void queryClient.invalidateQueries({ queryKey: mailboxKeys.lists(environmentId) })}>{t('common:loadError.retry')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {data.first.isPending ? (
        <Spinner label={t('list.loading')} />
      ) : data.first.isError && !data.first.data ? (
        <LoadError error={data.first.error} onRetry={() => void data.first.refetch()} />
      ) : (
        <MailboxesGrid
          environmentId={environmentId}
          query={query}
          columns={columns}
          total={total}
          pages={data.pages}
          loadedRows={loadedRows}
          isShowingPrevious={data.isShowingPrevious}
          isFetching={data.isFetching}
          selection={selection}
          onToggleRows={(rows, selected) => setSelection(toggleRows(selection, rows, selected, loadedRows))}
          onSortChange={onSortChange}
          onVisiblePagesChange={onVisiblePagesChange}
        />
      )}

      {isEditingColumns && (
        <EditColumnsDialog
          columns={columns}
          onApply={(next) => {
            setColumns(next);
            setEditingColumns(false);
          }}
          onCancel={() => setEditingColumns(false)}
        />
      )}
      {dialog === 'change' && (
        <ChangeMultipleDialog
          open
          environmentId={environmentId}
          count={count}
          running={action.isPending}
          onSubmit={(changes: SynchronizationMethodChanges) => run({ action: 'change-multiple', target: target(), changes })}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog === 'applyDefaults' && (
        <ApplyDefaultSettingsDialog
          environment={environment}
          count={count}
          running={action.isPending}
          onSubmit={(testAndEnable) => run({ action: 'apply-default-email-settings', target: target(), testAndEnable })}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog === 'approve' && (
        <ApproveEmailDialog
          count={count}
          name={single?.name ?? null}
          running={action.isPending}
          onConfirm={() => run({ action: 'approve-email', target: target() })}
          onCancel={() => setDialog(null)}
        />
      )}
      {result && (
        <BulkResultDialog
          title={result.title}
          result={result.result}
          job={result.result.run && { number: result.result.run.number, href: paths.job.getHref(environmentId, result.result.run.id) }}
          onClose={() => setResult(null)}
        />
      )}
      {startCommand && (
        <TestAndEnableFlow
          environmentId={environmentId}
          command={startCommand}
          onStarted={() => setSelection(NO_SELECTION)}
          onClose={() => setStartCommand(null)}
        />
      )}
    </div>
  );
}
