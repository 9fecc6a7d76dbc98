import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { SideScrollRegion } from '../../../components/side-scroll-region.tsx';

interface Props {
  /** Names the table (and its scroll region on a phone). */
  label: string;
  columns: readonly string[];
  rows: ReadonlyArray<{ key: string; cells: readonly ReactNode[] }>;
}

/** A chart's figures as a plain table: a header row, then one row per bar or segment, the first cell naming it. */
export function FigureTable({ label, columns, rows }: Props) {
  return (
    <SideScrollRegion label={label}>
      <Table aria-label={label} size="small">
        <TableHeader>
          <TableRow>{columns.map((column) => <TableHeaderCell key={column}>{column}</TableHeaderCell>)}</TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>{row.cells.map((cell, index) => <TableCell key={index}>{cell}</TableCell>)}</TableRow>
          ))}
        </TableBody>
      </Table>
    </SideScrollRegion>
  );
}
