import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import Papa from 'papaparse';

/*
 * Export to CSV, for every grid: a header of the grid's column labels, then the rows batch by batch as the
 * client reads them. UTF-8 with a BOM (Excel), CRLF, and a formula guard (decision 49).
 */

const BOM = '\uFEFF';

/** A cell a spreadsheet would run as a formula (OWASP's list) is written with a leading apostrophe. */
export const FORMULA_START = /^[=+\-@\t\r]/;

const UNPARSE = { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false } as const;

/** A grid's column as the file holds it: its header and its cell as the grid shows it. */
export interface CsvColumn<T> {
  label: string;
  text: (row: T) => string;
}

function csvLines(cells: readonly (readonly string[])[]): string {
  return `${Papa.unparse(cells as string[][], UNPARSE)}\r\n`;
}

/** `mailboxes-contoso-2026-12-03.csv`: the grid, the environment and the day. */
export function exportFileName(grid: string, environmentName: string, at: Date): string {
  const environment = environmentName.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'environment';
  return `${grid}-${environment}-${at.toISOString().slice(0, 10)}.csv`;
}

export interface CsvExport<T> {
  /** The grid's name in the file name. */
  grid: string;
  environmentName: string;
  at: Date;
  columns: readonly CsvColumn<T>[];
  /** Read one batch at a time, only when the response stream asks for more. */
  batches: AsyncIterable<readonly T[]> | Iterable<readonly T[]>;
}

/** Sends the file. Access was checked before this is called, so a refusal is still a JSON error. */
export function sendCsvExport<T>(reply: FastifyReply, { grid, environmentName, at, columns, batches }: CsvExport<T>): FastifyReply {
  async function* csv() {
    yield `${BOM}${csvLines([columns.map((column) => column.label)])}`;
    for await (const batch of batches) {
      if (batch.length > 0) yield csvLines(batch.map((row) => columns.map((column) => column.text(row))));
    }
  }
  const fileName = exportFileName(grid, environmentName, at);
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(Readable.from(csv()));
}
