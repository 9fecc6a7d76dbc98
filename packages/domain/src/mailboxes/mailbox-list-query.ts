import type { EmailAddressStatus, MailboxTestStatus, MailboxType } from './mailbox.ts';

/** The views of Settings > Email > Mailboxes. */
export const MAILBOX_VIEWS = ['active', 'inactive', 'pendingApproval', 'failedTests', 'all'] as const;
export type MailboxView = (typeof MAILBOX_VIEWS)[number];
export const MAILBOX_VIEW_LABELS: Record<MailboxView, string> = {
  active: 'Active Mailboxes',
  inactive: 'Inactive Mailboxes',
  pendingApproval: 'Mailboxes Pending Approval',
  failedTests: 'Mailboxes with Failed Tests',
  all: 'All Mailboxes',
};

export const MAILBOX_SORT_FIELDS = [
  'name', 'emailAddress', 'type', 'emailAddressStatus', 'incomingEmailStatus', 'outgoingEmailStatus',
  'appointmentsContactsTasksStatus', 'testCompletedOn', 'createdAt',
] as const;
export type MailboxSortField = (typeof MAILBOX_SORT_FIELDS)[number];

/** A view plus the grid's filters: the same filter selects a page and "all that match" for a bulk command. */
export interface MailboxFilter {
  view: MailboxView;
  /** Quick Find: names or email addresses beginning with this text, as Dynamics 365 searches. */
  search?: string;
  /** A profile id, or 'none' for mailboxes without a server profile. */
  serverProfileId?: string;
  type?: MailboxType;
  emailAddressStatus?: EmailAddressStatus;
  incomingEmailStatus?: MailboxTestStatus;
  outgoingEmailStatus?: MailboxTestStatus;
  appointmentsContactsTasksStatus?: MailboxTestStatus;
  /** Mailboxes whose last test failed with this error code (the Email health page links here). */
  lastErrorCode?: string;
  /** Set by the use cases when the actor reads at User depth: only mailboxes they own. */
  ownerId?: string;
}

export interface MailboxPage {
  sort: MailboxSortField;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export const MAX_MAILBOX_PAGE_SIZE = 500;
