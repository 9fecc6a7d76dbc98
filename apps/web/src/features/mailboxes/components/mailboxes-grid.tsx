import { Checkbox, Skeleton, SkeletonItem, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import type { MailboxSortField } from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format-time.ts';
import { useMailboxLabels, type MailboxLabels } from '../lib/labels.ts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { MAILBOX_PAGE_SIZE, type MailboxGridQuery } from '../lib/grid-query.ts';
import type { MailboxColumnId } from '../lib/mailbox-columns.ts';
import { isRowSelected, type MailboxRow, type MailboxSelection } from '../lib/selection.ts';
import { EmailAddressStatusBadge, TestAndEnableQueuedBadge, TestStatusBadge, formatDateTime } from './mailbox-badges.tsx';

const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 44;

interface Column {
  width: string;
  sort?: MailboxSortField;
  /** Whether the cell holds its own focusable control (a link), which takes the cell's place in keyboard focus. */
  hasControl?: boolean;
  render: (row: MailboxRow, environmentId: string, tabIndex: number, labels: MailboxLabels) => ReactNode;
}

const COLUMNS: Record<MailboxColumnId, Column> = {
  name: {
    width: '200px', sort: 'name', hasControl: true,
    render: (row, environmentId, tabIndex) => (
      <RouterLink to={paths.mailbox.getHref(environmentId, row.id)} tabIndex={tabIndex}>{row.name}</RouterLink>
    ),
  },
  incomingEmailStatus: { width: '160px', sort: 'incomingEmailStatus', render: (row) => <TestStatusBadge status={row.incomingEmailStatus} /> },
  outgoingEmailStatus: { width: '160px', sort: 'outgoingEmailStatus', render: (row) => <TestStatusBadge status={row.outgoingEmailStatus} /> },
  appointmentsContactsTasksStatus: {
    width: '190px', sort: 'appointmentsContactsTasksStatus', render: (row) => <TestStatusBadge status={row.appointmentsContactsTasksStatus} />,
  },
  testCompletedOn: { width: '190px', sort: 'testCompletedOn', render: (row) => formatDateTime(row.testCompletedOn) },
  emailAddress: { width: '240px', sort: 'emailAddress', render: (row) => row.emailAddress },
  emailAddressStatus: { width: '170px', sort: 'emailAddressStatus', render: (row) => <EmailAddressStatusBadge status={row.emailAddressStatus} /> },
  type: { width: '80px', sort: 'type', render: (row, _, __, labels) => labels.type[row.type] },
  owner: { width: '150px', render: (row) => row.ownerName },
  serverProfile: { width: '200px', render: (row, _, __, labels) => row.serverProfileName ?? labels.noProfile },
  testAndEnable: {
    width: '120px',
    render: (row) => (row.testAndEnableRequestedAt ? <TestAndEnableQueuedBadge since={row.testAndEnableRequestedAt} /> : null),
  },
};

/** Where keyboard focus is in the grid: a row (-1 for the header) and a column (0 is the selection checkbox). */
interface CellPosition { index: number; column: number }

const CHECK_COLUMN_WIDTH = 44;

/** ±1 for a row, ±2 for a page, or the first/last row; null for keys the grid leaves alone. */
function rowStep(event: KeyboardEvent): -2 | -1 | 1 | 2 | 'first' | 'last' | null {
  switch (event.key) {
    case 'ArrowDown': return 1;
    case 'ArrowUp': return -1;
    case 'PageDown': return 2;
    case 'PageUp': return -2;
    case 'Home': return event.ctrlKey ? 'first' : null;
    case 'End': return event.ctrlKey ? 'last' : null;
    default: return null;
  }
}


const useStyles = makeStyles({
  scroller: {
    position: 'relative',
    overflow: 'auto',
    // As tall as its rows, up to what the window leaves below the filters.
    maxHeight: 'max(360px, calc(100vh - 420px))',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  stale: { opacity: 0.6, transitionProperty: 'opacity', transitionDuration: tokens.durationNormal },
  row: {
    display: 'grid',
    alignItems: 'center',
    minWidth: 'max-content',
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  body: { position: 'relative' },
  dataRow: {
    position: 'absolute',
    // Opaque, so the frozen cells (which inherit it) hide what scrolls beneath them.
    backgroundColor: tokens.colorNeutralBackground1,
    top: 0,
    left: 0,
    height: `${ROW_HEIGHT}px`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected },
    // The dark theme's link blue reaches only 4.2:1 on the selected grey; its second brand foreground reaches 4.8:1
    // (and is the link's own blue in the light theme).
    '& a': { color: tokens.colorBrandForeground2 },
  },
  cell: {
    paddingInline: tokens.spacingHorizontalS,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    minWidth: 0,
  },
  checkCell: { display: 'flex', justifyContent: 'center' },
  // The checkbox and Name stay in place while the other columns scroll sideways beneath them.
  frozen: { position: 'sticky', zIndex: 1, alignSelf: 'stretch', display: 'flex', alignItems: 'center', backgroundColor: 'inherit' },
  frozenName: { boxShadow: `inset -1px 0 0 ${tokens.colorNeutralStroke2}` },
  focusableCell: { ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' } },
  sortButton: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    width: '100%',
    padding: `${tokens.spacingVerticalXS} 0`,
    border: 'none',
    background: 'none',
    font: 'inherit',
    color: 'inherit',
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { color: tokens.colorBrandForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
  headerText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  empty: { padding: tokens.spacingHorizontalL },
});

interface Props {
  environmentId: string;
  query: MailboxGridQuery;
  /** The columns shown, in order (Edit columns); Name first. */
  columns: readonly MailboxColumnId[];
  total: number;
  /** Rows by page index; missing pages render as placeholders until they arrive. */
  pages: ReadonlyMap<number, readonly MailboxRow[]>;
  loadedRows: readonly MailboxRow[];
  isShowingPrevious: boolean;
  isFetching: boolean;
  selection: MailboxSelection;
  onToggleRows: (rows: readonly MailboxRow[], selected: boolean) => void;
  onSortChange: (sort: MailboxSortField, order: 'asc' | 'desc') => void;
  /** Which pages the rows in view fall in, for the grid query identified by queryKey. */
  onVisiblePagesChange: (queryKey: string, first: number, last: number) => void;
}

/**
 * The Mailboxes grid: a real ARIA grid whose rows are virtualized. Only the rows in view exist in the DOM,
 * and only the pages of 100 they fall in are fetched, so a view of 100,000 mailboxes opens as fast as one of 10.
 *
 * Keyboard, as Fluent's DataGrid guidance has it (composite focus): the grid is one Tab stop; arrow keys move
 * between cells and rows (Home/End to the row's ends, Ctrl+Home/End, Page Up/Down), Space selects the row,
 * Enter follows the Name link, Tab leaves the grid. Only the focused cell is tabbable (roving tabindex), and
 * it stays the grid's entry point when focus comes back.
 */
export function MailboxesGrid({
  environmentId, query, columns, total, pages, loadedRows, isShowingPrevious, isFetching, selection, onToggleRows, onSortChange,
  onVisiblePagesChange,
}: Props) {
  const styles = useStyles();
  const { t } = useTranslation('mailboxes');
  const labels = useMailboxLabels();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const anchorIndex = useRef<number | null>(null);
  const shiftPressed = useRef(false);
  const pendingFocus = useRef<CellPosition | null>(null);
  const [active, setActive] = useState<CellPosition>({ index: 0, column: 1 });
  const columnCount = columns.length + 1;
  const template = `${CHECK_COLUMN_WIDTH}px ${columns.map((id) => COLUMNS[id].width).join(' ')}`;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh on every render, never memoized
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;
  const firstPage = Math.floor(firstIndex / MAILBOX_PAGE_SIZE);
  const lastPage = Math.floor(lastIndex / MAILBOX_PAGE_SIZE);

  const queryKey = JSON.stringify(query);
  useEffect(() => {
    onVisiblePagesChange(queryKey, firstPage, lastPage);
    // Only a scroll moves the pages in view; a new query is reported at the top by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [firstPage, lastPage, onVisiblePagesChange]);

  // A new view, filter or sort starts at the top, as a new list does; declared after the effect above so
  // that, when both run, the top of the new query is what the page fetching hears last.
  useEffect(() => {
    scrollerRef.current?.scrollTo({ top: 0 });
    anchorIndex.current = null;
    pendingFocus.current = null;
    onVisiblePagesChange(queryKey, 0, 0);
  }, [queryKey, onVisiblePagesChange]);

  const rowAt = (index: number): MailboxRow | undefined =>
    pages.get(Math.floor(index / MAILBOX_PAGE_SIZE))?.[index % MAILBOX_PAGE_SIZE];

  // The Tab stop: the focused cell while its row is rendered, else the header's cell in that column.
  const isRendered = (index: number) => index === -1 || (rowAt(index) !== undefined && items.some((item) => item.index === index));
  const column = Math.min(active.column, columnCount - 1);
  const tabStop: CellPosition = isRendered(active.index) ? { index: active.index, column } : { index: -1, column };
  const tabIndexOf = (index: number, columnIndex: number) => (tabStop.index === index && tabStop.column === columnIndex ? 0 : -1);

  const loadedSelected = loadedRows.filter((row) => isRowSelected(selection, row.id)).length;
  const headerChecked = loadedRows.length > 0 && loadedSelected === loadedRows.length ? true : loadedSelected > 0 ? 'mixed' : false;

  const toggleRow = (index: number, row: MailboxRow, checked: boolean) => {
    const anchor = anchorIndex.current;
    if (shiftPressed.current && anchor !== null && anchor !== index) {
      // Shift+click selects the range from the last row clicked, as lists in the admin center do.
      const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
      const range: MailboxRow[] = [];
      for (let i = from; i <= to; i++) {
        const inRange = rowAt(i);
        if (inRange) range.push(inRange);
      }
      onToggleRows(range, checked);
    } else {
      onToggleRows([row], checked);
    }
    anchorIndex.current = index;
  };

  /** Focuses a cell (its control when it has one), once its row exists: keys pressed faster than rows render count from the row on its way. */
  const focusCell = (next: CellPosition) => {
    pendingFocus.current = next;
    if (next.index >= 0) virtualizer.scrollToIndex(next.index, { align: 'auto' });
    const attempt = (tries: number) => {
      if (pendingFocus.current !== next) return;
      const cell = scrollerRef.current?.querySelector<HTMLElement>(`[data-index="${next.index}"] [data-column="${next.column}"]`);
      const target = cell?.querySelector<HTMLElement>('input, a, button') ?? (cell?.tabIndex === -1 || cell?.tabIndex === 0 ? cell : null);
      if (target) {
        target.focus({ preventScroll: true });
        // Sideways, bring the cell out from under the frozen columns.
        if (cell && next.column > 1) cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        pendingFocus.current = null;
      } else if (tries < 120) {
        // The row may still be a placeholder while its page loads.
        requestAnimationFrame(() => attempt(tries + 1));
      } else {
        pendingFocus.current = null;
      }
    };
    attempt(0);
  };

  const positionOf = (target: HTMLElement): CellPosition | null => {
    const rowElement = target.closest<HTMLElement>('[data-index]');
    const cell = target.closest<HTMLElement>('[data-column]');
    return rowElement && cell ? { index: Number(rowElement.dataset.index), column: Number(cell.dataset.column) } : null;
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const position = positionOf(event.target);
    if (position && (position.index !== active.index || position.column !== active.column)) setActive(position);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('[role="listbox"], [role="menu"]')) return;
    const from = pendingFocus.current ?? positionOf(target);
    if (!from) return;

    if (event.key === ' ') {
      // Space selects the row, wherever in it focus is; the checkbox itself toggles natively.
      const row = from.index >= 0 ? rowAt(from.index) : undefined;
      if (!row || target instanceof HTMLInputElement) return;
      event.preventDefault();
      shiftPressed.current = false;
      toggleRow(from.index, row, !isRowSelected(selection, row.id));
      return;
    }
    const sideways = event.key === 'ArrowLeft' ? -1 : event.key === 'ArrowRight' ? 1 : null;
    if (sideways !== null || ((event.key === 'Home' || event.key === 'End') && !event.ctrlKey)) {
      const wantedColumn = sideways === null ? (event.key === 'Home' ? 0 : columnCount - 1) : from.column + sideways;
      const nextColumn = Math.min(columnCount - 1, Math.max(0, wantedColumn));
      event.preventDefault();
      if (nextColumn !== from.column) focusCell({ index: from.index, column: nextColumn });
      return;
    }
    const step = rowStep(event);
    if (step === null) return;
    const pageSize = Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    // Row -1 is the header: Up from the first row reaches it, as in a DataGrid.
    const wanted = step === 'first' ? 0 : step === 'last' ? total - 1 : from.index + (Math.abs(step) === 2 ? Math.sign(step) * pageSize : step);
    const next = Math.min(total - 1, Math.max(-1, wanted));
    event.preventDefault();
    if (next === from.index) return;
    focusCell({ index: next, column: from.column });
  };

  const frozenStyle = (columnIndex: number) =>
    columnIndex === 0 ? { left: 0 } : columnIndex === 1 ? { left: `${CHECK_COLUMN_WIDTH}px` } : undefined;
  const cellClass = (columnIndex: number, ...extra: (string | false)[]) =>
    mergeClasses(styles.cell, columnIndex <= 1 && styles.frozen, columnIndex === 1 && styles.frozenName, ...extra);

  const renderHeader = (id: MailboxColumnId, index: number) => {
    const column = COLUMNS[id];
    const label = labels.column[id];
    const columnIndex = index + 1;
    const sorted = column.sort !== undefined && query.sort === column.sort;
    const ariaSort = sorted ? (query.order === 'asc' ? 'ascending' : 'descending') : column.sort ? 'none' : undefined;
    const { sort } = column;
    return (
      <div
        key={id}
        role="columnheader"
        aria-colindex={columnIndex + 1}
        aria-sort={ariaSort}
        data-column={columnIndex}
        tabIndex={sort ? undefined : tabIndexOf(-1, columnIndex)}
        className={cellClass(columnIndex, !sort && styles.focusableCell)}
        style={frozenStyle(columnIndex)}
      >
        {sort ? (
          <button
            type="button"
            className={styles.sortButton}
            title={t('grid.sortBy', { label })}
            tabIndex={tabIndexOf(-1, columnIndex)}
            onClick={() => onSortChange(sort, sorted && query.order === 'asc' ? 'desc' : 'asc')}
          >
            <span className={styles.headerText}>{label}</span>
            {sorted && (query.order === 'asc' ? <ArrowSortUpRegular aria-hidden /> : <ArrowSortDownRegular aria-hidden />)}
          </button>
        ) : (
          <span className={styles.headerText} title={label}>{label}</span>
        )}
      </div>
    );
  };

  const rowStyle = (start?: number) => ({ gridTemplateColumns: template, ...(start === undefined ? {} : { transform: `translateY(${start}px)` }) });

  return (
    <div
      ref={scrollerRef}
      role="grid"
      aria-label={t('common:nav.pages.mailboxes')}
      aria-rowcount={total + 1}
      aria-colcount={columnCount}
      aria-multiselectable="true"
      aria-busy={isFetching}
      className={mergeClasses(styles.scroller, isShowingPrevious && styles.stale)}
      // +16 leaves room for a horizontal scrollbar, so a short list never needs a vertical one as well.
      style={{ height: `${HEADER_HEIGHT + Math.max(total, 2) * ROW_HEIGHT + 16}px` }}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} data-index={-1} className={mergeClasses(styles.row, styles.header)} style={rowStyle()}>
          <div role="columnheader" aria-colindex={1} data-column={0} className={cellClass(0, styles.checkCell)} style={frozenStyle(0)}>
            <Checkbox
              aria-label={t('grid.selectAllLoaded', { number: formatNumber(loadedRows.length) })}
              checked={headerChecked}
              disabled={loadedRows.length === 0}
              tabIndex={tabIndexOf(-1, 0)}
              onChange={(_, data) => onToggleRows(loadedRows, data.checked === true)}
            />
          </div>
          {columns.map(renderHeader)}
        </div>
      </div>
      <div role="rowgroup" className={styles.body} style={{ height: `${total === 0 ? ROW_HEIGHT * 2 : virtualizer.getTotalSize()}px` }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          if (!row) {
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                className={mergeClasses(styles.row, styles.dataRow)}
                style={rowStyle(item.start)}
              >
                <div role="gridcell" aria-colindex={1} data-column={0} className={cellClass(0)} style={frozenStyle(0)} />
                <div role="gridcell" aria-colindex={2} data-column={1} className={cellClass(1)} style={frozenStyle(1)} aria-label={t('common:loading')}>
                  <Skeleton aria-hidden><SkeletonItem size={16} /></Skeleton>
                </div>
              </div>
            );
          }
          const selected = isRowSelected(selection, row.id);
          return (
            <div
              key={row.id}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={selected}
              data-index={item.index}
              className={mergeClasses(styles.row, styles.dataRow, selected && styles.selected)}
              style={rowStyle(item.start)}
            >
              <div role="gridcell" aria-colindex={1} data-column={0} className={cellClass(0, styles.checkCell)} style={frozenStyle(0)}>
                <Checkbox
                  aria-label={t('common:selectRow', { name: row.name })}
                  checked={selected}
                  tabIndex={tabIndexOf(item.index, 0)}
                  onClick={(event: MouseEvent<HTMLInputElement>) => {
                    shiftPressed.current = event.shiftKey;
                  }}
                  onKeyDown={() => {
                    shiftPressed.current = false;
                  }}
                  onChange={(_, data) => toggleRow(item.index, row, data.checked === true)}
                />
              </div>
              {columns.map((id, index) => {
                const columnIndex = index + 1;
                const column = COLUMNS[id];
                const tabIndex = tabIndexOf(item.index, columnIndex);
                return (
                  <div
                    key={id}
                    role="gridcell"
                    aria-colindex={columnIndex + 1}
                    data-column={columnIndex}
                    tabIndex={column.hasControl ? undefined : tabIndex}
                    className={cellClass(columnIndex, !column.hasControl && styles.focusableCell)}
                    style={frozenStyle(columnIndex)}
                  >
                    {column.render(row, environmentId, tabIndex, labels)}
                  </div>
                );
              })}
            </div>
          );
        })}
        {total === 0 && !isFetching && (
          <div role="row" aria-rowindex={2}>
            <div role="gridcell" className={styles.empty}>
              <Text>{t('grid.empty')}</Text>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
