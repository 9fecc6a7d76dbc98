import { EMAIL_ADDRESS_STATUS_LABELS, MAILBOX_TEST_STATUS_LABELS, MAILBOX_TYPE_LABELS, type MailboxListItem } from './mailbox.ts';

/**
 * The Mailboxes grid's columns, as the admin center names them, in their default order: the grid shows them,
 * the CSV export writes them under these headers, and the import reads a file by the same headers.
 */
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
export const MAILBOX_COLUMN_IDS = Object.keys(MAILBOX_COLUMN_LABELS) as MailboxColumnId[];

/** What a mailbox without a profile shows in the Server Profile column. */
export const NO_SERVER_PROFILE_LABEL = '(none)';

const iso = (date: Date | null) => (date ? date.toISOString() : '');

/** A cell as the grid shows it: labels rather than option keys, dates in ISO 8601. */
export const MAILBOX_COLUMN_TEXT: Record<MailboxColumnId, (row: MailboxListItem) => string> = {
  name: (row) => row.name,
  incomingEmailStatus: (row) => MAILBOX_TEST_STATUS_LABELS[row.incomingEmailStatus],
  outgoingEmailStatus: (row) => MAILBOX_TEST_STATUS_LABELS[row.outgoingEmailStatus],
  appointmentsContactsTasksStatus: (row) => MAILBOX_TEST_STATUS_LABELS[row.appointmentsContactsTasksStatus],
  testCompletedOn: (row) => iso(row.testCompletedOn),
  emailAddress: (row) => row.emailAddress,
  emailAddressStatus: (row) => EMAIL_ADDRESS_STATUS_LABELS[row.emailAddressStatus],
  type: (row) => MAILBOX_TYPE_LABELS[row.type],
  owner: (row) => row.ownerName,
  serverProfile: (row) => row.serverProfileName ?? NO_SERVER_PROFILE_LABEL,
  // The grid's badge says Test & Enable is queued, since when.
  testAndEnable: (row) => iso(row.testAndEnableRequestedAt),
};
