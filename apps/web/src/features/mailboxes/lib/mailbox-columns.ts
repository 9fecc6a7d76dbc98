import { MAILBOX_COLUMN_IDS, MAILBOX_COLUMN_LABELS, type MailboxColumnId } from '@sync-admin/contract';
import { useCallback } from 'react';
import { useUserPreference } from '../../../lib/user-preference.ts';
import { useCurrentSession } from '../../auth/api/get-session.ts';

export type { MailboxColumnId };

/** By default every column, the statuses the seeds send admins to right after Name, so they are on screen. */
export const DEFAULT_MAILBOX_COLUMNS: readonly MailboxColumnId[] = MAILBOX_COLUMN_IDS;

/** A stored choice, cleaned: known columns once each, Name first. */
export function normalizeMailboxColumns(value: unknown): MailboxColumnId[] {
  if (!Array.isArray(value)) return [...DEFAULT_MAILBOX_COLUMNS];
  const known = value.filter((id): id is MailboxColumnId => typeof id === 'string' && id in MAILBOX_COLUMN_LABELS);
  return ['name', ...new Set(known.filter((id) => id !== 'name'))];
}

/** The columns the signed-in user shows, in order, and a way to change them (remembered for next time). */
export function useMailboxColumns() {
  const { user } = useCurrentSession();
  const [columns, setStored] = useUserPreference('mailbox-columns', user.id, normalizeMailboxColumns);
  const setColumns = useCallback(
    (next: readonly MailboxColumnId[] | null) => setStored(next === null ? null : normalizeMailboxColumns(next)),
    [setStored],
  );
  return { columns, setColumns };
}
