import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  type DataGridProps,
  type TableColumnDefinition,
  type TableColumnSizingOptions,
} from '@fluentui/react-components';
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
  /** Makes the columns resizable, starting at these sizes. */
  columnSizingOptions?: TableColumnSizingOptions;
  selection?: SingleRowSelection<T>;
}

/** A sortable DataGrid with a header row and one row an item (rows keyed by the item's id), optionally with single selection. */
export function SortableDataGrid<T extends { id: string }>({
  'aria-label': ariaLabel,
  items,
  columns,
  defaultSortColumn,
  columnSizingOptions,
  selection,
}: Props<T>) {
  const { t } = useTranslation();
  const resizing: Partial<DataGridProps> = columnSizingOptions ? { resizableColumns: true, columnSizingOptions } : {};
  const selecting: Partial<DataGridProps> = selection
    ? {
        selectionMode: 'single',
        selectedItems: selection.selectedId ? [selection.selectedId] : [],
        onSelectionChange: (_, data) => {
          const [first] = data.selectedItems;
          selection.onSelect(first === undefined ? null : String(first));
        },
      }
    : {};
  return (
    <DataGrid
      aria-label={ariaLabel}
      items={items}
      columns={columns}
      getRowId={(item: T) => item.id}
      sortable
      defaultSortState={{ sortColumn: defaultSortColumn, sortDirection: 'ascending' }}
      {...resizing}
      {...selecting}
    >
      <DataGridHeader>
        <DataGridRow>
          {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<T>>
        {({ item, rowId }) => (
          <DataGridRow<T>
            key={rowId}
            {...(selection && { selectionCell: { radioIndicator: { 'aria-label': t('selectRow', { name: selection.nameOf(item) }) } } })}
          >
            {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
