import { useCallback } from 'react';
import { useUserPreference } from '../../../lib/user-preference.ts';
import { useCurrentSession } from '../../auth/api/get-session.ts';

/** The Mailboxes grid's columns, as the admin center names them; Name is always shown, first, and frozen. */
export const MAILBOX_COLUMN_LABELS = {
  name: 'Name',
  incomingEmailStatus: 'Incoming Email Status',
  outgoingEmailStatus: 'Outgoing Email Status',
  appointmentsContactsTasksStatus: 'Appointments, Contacts, and Tasks Status',
  testCompletedOn: 'Mailbox Test Completed On',
  emailAddress: 'Email Address',
  emailAddressStatus: 'Email Address Status',
  type: 'Type',
  owner: 'Owner',
  serverProfile: 'Server Profile',
  testAndEnable: 'Test & Enable',
} as const;
export type MailboxColumnId = keyof typeof MAILBOX_COLUMN_LABELS;

const ALL_COLUMNS = Object.keys(MAILBOX_COLUMN_LABELS) as MailboxColumnId[];

/** By default every column, the statuses the seeds send admins to right after Name, so they are on screen. */
export const DEFAULT_MAILBOX_COLUMNS: readonly MailboxColumnId[] = ALL_COLUMNS;

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
