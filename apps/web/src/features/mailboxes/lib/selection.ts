import type { MailboxListItemResponse, MailboxTargetWire } from '@sync-admin/contract';
import { filterOf, type MailboxGridQuery } from './grid-query.ts';

export type MailboxRow = MailboxListItemResponse;

/**
 * What a bulk command acts on: the rows picked one by one, or (Gmail's "select all that match") every
 * mailbox the current view and filters match, which the server resolves, however many there are.
 */
export type MailboxSelection =
  | { mode: 'rows'; rows: ReadonlyMap<string, MailboxRow> }
  | { mode: 'allMatching' };

export const NO_SELECTION: MailboxSelection = { mode: 'rows', rows: new Map() };

export function selectedCount(selection: MailboxSelection, total: number): number {
  return selection.mode === 'allMatching' ? total : selection.rows.size;
}

export function isRowSelected(selection: MailboxSelection, id: string): boolean {
  return selection.mode === 'allMatching' || selection.rows.has(id);
}

export function toggleRows(selection: MailboxSelection, rows: readonly MailboxRow[], selected: boolean, loaded: readonly MailboxRow[]): MailboxSelection {
  // Leaving "all that match" by unticking a row keeps what is on screen, less that row.
  const next = new Map(selection.mode === 'allMatching' ? loaded.map((row) => [row.id, row]) : selection.rows);
  for (const row of rows) {
    if (selected) next.set(row.id, row);
    else next.delete(row.id);
  }
  return { mode: 'rows', rows: next };
}

/** The single mailbox selected, if exactly one is: Approve Email then explains itself for that mailbox. */
export function singleSelectedRow(selection: MailboxSelection): MailboxRow | null {
  if (selection.mode === 'allMatching' || selection.rows.size !== 1) return null;
  return [...selection.rows.values()][0] ?? null;
}

export function targetOf(selection: MailboxSelection, query: MailboxGridQuery): MailboxTargetWire {
  return selection.mode === 'allMatching' ? { filter: filterOf(query) } : { ids: [...selection.rows.keys()] };
}
