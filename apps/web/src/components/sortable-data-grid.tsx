import {
  Radio,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  useArrowNavigationGroup,
  type TableColumnDefinition,
  type TableColumnSizingOptions,
} from '@fluentui/react-components';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

/** One row at a time, picked with the row's radio, which is named "Select <name>". */
export interface SingleRowSelection<T> {
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** What the row's radio says after "Select". */
  nameOf: (item: T) => string;
}

interface Props<T extends { id: string }> {
  'aria-label': string;
  items: T[];
  columns: TableColumnDefinition<T>[];
  /** Sorted by this column, ascending, until the user sorts by another. */
  defaultSortColumn: string;
  /** The columns' widths. */
  columnSizingOptions?: TableColumnSizingOptions;
  selection?: SingleRowSelection<T>;
}

type SortDirection = 'ascending' | 'descending';

// As wide as Fluent's selection cell; a plain cell with a Radio, since its TableSelectionCell brings the Checkbox too.
const useStyles = makeStyles({ selectionCell: { width: '44px' } });

const widthOf = (sizing: TableColumnSizingOptions[string] | undefined): CSSProperties | undefined =>
  sizing && { width: sizing.idealWidth ?? sizing.defaultWidth, minWidth: sizing.minWidth };

/**
 * A sortable grid with a header row and one row an item, optionally with single selection. Fluent's Table with the
 * grid role and arrow-key navigation between cells, as its DataGrid has, without DataGrid's column resizing: this
 * grid is on the first screen, and DataGrid's weight kept that above issue 10's 250 KB (decision 59).
 */
export function SortableDataGrid<T extends { id: string }>({
  'aria-label': ariaLabel,
  items,
  columns,
  defaultSortColumn,
  columnSizingOptions,
  selection,
}: Props<T>) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ column: string; direction: SortDirection }>({ column: defaultSortColumn, direction: 'ascending' });
  // Tab enters the grid once and leaves it; the arrow keys move between its cells (Fluent's DataGrid guidance).
  const arrowNavigation = useArrowNavigationGroup({ axis: 'grid', memorizeCurrent: true });
  const sortedBy = columns.find((column) => column.columnId === sort.column);
  const rows = sortedBy ? [...items].sort((a, b) => (sort.direction === 'ascending' ? 1 : -1) * sortedBy.compare(a, b)) : items;
  const toggleSort = (column: string) =>
    setSort((current) => ({ column, direction: current.column === column && current.direction === 'ascending' ? 'descending' : 'ascending' }));

  return (
    <Table role="grid" aria-label={ariaLabel} sortable {...arrowNavigation}>
      <TableHeader>
        <TableRow>
          {selection && <TableCell className={styles.selectionCell} />}
          {columns.map((column) => (
            <TableHeaderCell
              key={column.columnId}
              style={widthOf(columnSizingOptions?.[column.columnId])}
              sortDirection={sort.column === column.columnId ? sort.direction : undefined}
              onClick={() => toggleSort(String(column.columnId))}
            >
              {column.renderHeaderCell()}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((item) => {
          const selected = selection?.selectedId === item.id;
          return (
            <TableRow
              key={item.id}
              aria-selected={selection ? selected : undefined}
              appearance={selected ? 'brand' : 'none'}
              onClick={selection && (() => selection.onSelect(item.id))}
            >
              {selection && (
                <TableCell className={styles.selectionCell}>
                  <Radio
                    aria-label={t('selectRow', { name: selection.nameOf(item) })}
                    checked={selected}
                    onChange={() => selection.onSelect(item.id)}
                  />
                </TableCell>
              )}
              {columns.map((column) => (
                <TableCell key={column.columnId} tabIndex={0}>
                  {column.renderCell(item)}
                </TableCell>
              ))}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
