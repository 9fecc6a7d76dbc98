import { Checkbox, Skeleton, SkeletonItem, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { MAILBOX_TYPE_LABELS, type MailboxSortField } from '@sync-admin/contract';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { MAILBOX_PAGE_SIZE, type MailboxGridQuery } from '../lib/grid-query.ts';
import { isRowSelected, type MailboxRow, type MailboxSelection } from '../lib/selection.ts';
import { EmailAddressStatusBadge, TestAndEnableQueuedBadge, TestStatusBadge, formatDateTime } from './mailbox-badges.tsx';

const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 44;

interface Column {
  id: string;
  label: string;
  width: string;
  sort?: MailboxSortField;
  render: (row: MailboxRow, environmentId: string) => ReactNode;
}

const COLUMNS: Column[] = [
  {
    id: 'name', label: 'Name', width: '220px', sort: 'name',
    render: (row, environmentId) => <RouterLink to={paths.mailbox.getHref(environmentId, row.id)}>{row.name}</RouterLink>,
  },
  { id: 'emailAddress', label: 'Email Address', width: '260px', sort: 'emailAddress', render: (row) => row.emailAddress },
  { id: 'type', label: 'Type', width: '80px', sort: 'type', render: (row) => MAILBOX_TYPE_LABELS[row.type] },
  { id: 'owner', label: 'Owner', width: '150px', render: (row) => row.ownerName },
  { id: 'serverProfile', label: 'Server Profile', width: '200px', render: (row) => row.serverProfileName ?? '(none)' },
  {
    id: 'emailAddressStatus', label: 'Email Address Status', width: '170px', sort: 'emailAddressStatus',
    render: (row) => <EmailAddressStatusBadge status={row.emailAddressStatus} />,
  },
  {
    id: 'incomingEmailStatus', label: 'Incoming Email Status', width: '170px', sort: 'incomingEmailStatus',
    render: (row) => <TestStatusBadge status={row.incomingEmailStatus} />,
  },
  {
    id: 'outgoingEmailStatus', label: 'Outgoing Email Status', width: '170px', sort: 'outgoingEmailStatus',
    render: (row) => <TestStatusBadge status={row.outgoingEmailStatus} />,
  },
  {
    id: 'appointmentsContactsTasksStatus', label: 'Appointments, Contacts, and Tasks Status', width: '200px',
    sort: 'appointmentsContactsTasksStatus', render: (row) => <TestStatusBadge status={row.appointmentsContactsTasksStatus} />,
  },
  {
    id: 'testCompletedOn', label: 'Mailbox Test Completed On', width: '190px', sort: 'testCompletedOn',
    render: (row) => formatDateTime(row.testCompletedOn),
  },
  {
    id: 'testAndEnable', label: 'Test & Enable', width: '120px',
    render: (row) => (row.testAndEnableRequestedAt ? <TestAndEnableQueuedBadge since={row.testAndEnableRequestedAt} /> : null),
  },
];

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

const TEMPLATE = `44px ${COLUMNS.map((c) => c.width).join(' ')}`;
const COLUMN_COUNT = COLUMNS.length + 1;

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
    gridTemplateColumns: TEMPLATE,
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
    top: 0,
    left: 0,
    height: `${ROW_HEIGHT}px`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected } },
  cell: {
    paddingInline: tokens.spacingHorizontalS,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    minWidth: 0,
  },
  checkCell: { display: 'flex', justifyContent: 'center' },
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
 */
export function MailboxesGrid({
  environmentId, query, total, pages, loadedRows, isShowingPrevious, isFetching, selection, onToggleRows, onSortChange,
  onVisiblePagesChange,
}: Props) {
  const styles = useStyles();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const anchorIndex = useRef<number | null>(null);
  const shiftPressed = useRef(false);
  const pendingFocus = useRef<{ index: number; column: number } | null>(null);

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

  /**
   * Up/Down (and Page Up/Down, Ctrl+Home/End) move between rows in the same column, scrolling rows into
   * existence as needed. Keys pressed faster than rows render count from the row still on its way.
   */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = rowStep(event);
    if (step === null) return;
    const target = event.target as HTMLElement;
    if (target.closest('[role="listbox"], [role="menu"]')) return;
    const rowElement = target.closest<HTMLElement>('[data-index]');
    const cell = target.closest<HTMLElement>('[data-column]');
    if (!rowElement || !cell) return;
    const from = pendingFocus.current ?? { index: Number(rowElement.dataset.index), column: Number(cell.dataset.column) };
    const pageSize = Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const wanted = step === 'first' ? 0 : step === 'last' ? total - 1 : from.index + (Math.abs(step) === 2 ? Math.sign(step) * pageSize : step);
    const next = Math.min(total - 1, Math.max(0, wanted));
    event.preventDefault();
    if (next === from.index) return;
    pendingFocus.current = { index: next, column: from.column };
    virtualizer.scrollToIndex(next, { align: 'auto' });
    const focusNext = (attempt: number) => {
      if (pendingFocus.current?.index !== next) return;
      const nextCell = scrollerRef.current?.querySelector<HTMLElement>(`[data-index="${next}"] [data-column="${from.column}"]`);
      const focusable = nextCell?.querySelector<HTMLElement>('input, a, button');
      if (focusable) {
        focusable.focus({ preventScroll: true });
        pendingFocus.current = null;
      } else if (attempt < 120) {
        // The row may still be a placeholder while its page loads.
        requestAnimationFrame(() => focusNext(attempt + 1));
      } else {
        pendingFocus.current = null;
      }
    };
    focusNext(0);
  };

  const renderHeader = (column: Column, index: number) => {
    const sorted = column.sort !== undefined && query.sort === column.sort;
    const ariaSort = sorted ? (query.order === 'asc' ? 'ascending' : 'descending') : column.sort ? 'none' : undefined;
    const { sort } = column;
    return (
      <div
        key={column.id}
        role="columnheader"
        aria-colindex={index + 2}
        aria-sort={ariaSort}
        className={styles.cell}
      >
        {sort ? (
          <button
            type="button"
            className={styles.sortButton}
            title={`Sort by ${column.label}`}
            onClick={() => onSortChange(sort, sorted && query.order === 'asc' ? 'desc' : 'asc')}
          >
            <span className={styles.headerText}>{column.label}</span>
            {sorted && (query.order === 'asc' ? <ArrowSortUpRegular aria-hidden /> : <ArrowSortDownRegular aria-hidden />)}
          </button>
        ) : (
          <span className={styles.headerText} title={column.label}>{column.label}</span>
        )}
      </div>
    );
  };

  return (
    <div
      ref={scrollerRef}
      role="grid"
      aria-label="Mailboxes"
      aria-rowcount={total + 1}
      aria-colcount={COLUMN_COUNT}
      aria-multiselectable="true"
      aria-busy={isFetching}
      className={mergeClasses(styles.scroller, isShowingPrevious && styles.stale)}
      // +16 leaves room for a horizontal scrollbar, so a short list never needs a vertical one as well.
      style={{ height: `${HEADER_HEIGHT + Math.max(total, 2) * ROW_HEIGHT + 16}px` }}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.header)}>
          <div role="columnheader" aria-colindex={1} className={mergeClasses(styles.cell, styles.checkCell)}>
            <Checkbox
              aria-label={`Select all ${loadedRows.length.toLocaleString()} loaded mailboxes`}
              checked={headerChecked}
              disabled={loadedRows.length === 0}
              onChange={(_, data) => onToggleRows(loadedRows, data.checked === true)}
            />
          </div>
          {COLUMNS.map(renderHeader)}
        </div>
      </div>
      <div role="rowgroup" className={styles.body} style={{ height: `${total === 0 ? ROW_HEIGHT * 2 : virtualizer.getTotalSize()}px` }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          const style = { transform: `translateY(${item.start}px)` };
          if (!row) {
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                className={mergeClasses(styles.row, styles.dataRow)}
                style={style}
              >
                <div role="gridcell" aria-colindex={1} data-column={0} className={styles.cell} />
                <div role="gridcell" aria-colindex={2} data-column={1} className={styles.cell} aria-label="Loading…">
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
              style={style}
            >
              <div role="gridcell" aria-colindex={1} data-column={0} className={mergeClasses(styles.cell, styles.checkCell)}>
                <Checkbox
                  aria-label={`Select ${row.name}`}
                  checked={selected}
                  onClick={(event: MouseEvent<HTMLInputElement>) => {
                    shiftPressed.current = event.shiftKey;
                  }}
                  onKeyDown={() => {
                    shiftPressed.current = false;
                  }}
                  onChange={(_, data) => toggleRow(item.index, row, data.checked === true)}
                />
              </div>
              {COLUMNS.map((column, index) => (
                <div key={column.id} role="gridcell" aria-colindex={index + 2} data-column={index + 1} className={styles.cell}>
                  {column.render(row, environmentId)}
                </div>
              ))}
            </div>
          );
        })}
        {total === 0 && !isFetching && (
          <div role="row" aria-rowindex={2}>
            <div role="gridcell" className={styles.empty}>
              <Text>No mailboxes match this view.</Text>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
