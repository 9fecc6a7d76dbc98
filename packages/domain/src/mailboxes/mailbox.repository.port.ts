import type { AuditEntryInput } from '../audit/audit-entry.ts';
import type { MailboxFilter, MailboxPage } from './mailbox-list-query.ts';
import type {
  EmailAddressStatus,
  Mailbox,
  MailboxForCommand,
  MailboxListItem,
  MailboxSettings,
  MailboxSynchronizationMethod,
  MailboxType,
} from './mailbox.ts';

/** A bulk command's target: the selected rows, or every mailbox matching the grid's current filter. */
export type MailboxTarget = { ids: string[] } | { filter: MailboxFilter };

/** A mailbox write: settings sent change, a password value sets, null clears, absent keeps. */
export interface MailboxWrite {
  settings: Partial<MailboxSettings>;
  password?: string | null;
  emailAddressStatus?: EmailAddressStatus;
}

/** What a bulk command read of each mailbox it decided on; its guarded write re-checks what the decision used. */
export type MailboxAsRead = Pick<MailboxForCommand, 'id' | 'ownerId' | 'emailAddress' | 'serverProfileId'>;

/** Where a keyset batch resumes: the sort key and id of the last row read. */
export interface MailboxCursor {
  sortKey: unknown;
  id: string;
}

/** Why a single-mailbox write changed nothing: a newer version is stored, or another mailbox has the address. */
export type MailboxWriteRefusal = 'stale' | 'emailAddressTaken';

/**
 * Persistence for mailboxes. Every write takes its audit entries and stores them in the same transaction,
 * so the log never misses a change. Bulk writes are set-based: one statement per command, not per row.
 * The version counts changes of what the mailbox form edits (its settings): an approval, a Test & Enable
 * result or a test's trace leave it alone, so they never make an open form stale.
 */
export interface MailboxRepository {
  listMailboxes(environmentId: string, filter: MailboxFilter, page: MailboxPage): Promise<{ items: MailboxListItem[]; total: number }>;
  /** The next rows of a filter after the cursor, in the page's order: the CSV export walks a list with it. */
  listMailboxBatch(
    environmentId: string, filter: MailboxFilter, page: Pick<MailboxPage, 'sort' | 'order' | 'limit'>, after: MailboxCursor | null,
  ): Promise<{ items: MailboxListItem[]; next: MailboxCursor | null }>;
  findMailbox(environmentId: string, id: string): Promise<Mailbox | null>;
  /** The mailboxes of the environment with these addresses (compared without case), for an import to match rows. */
  findMailboxesByEmailAddress(environmentId: string, emailAddresses: readonly string[]): Promise<Mailbox[]>;
  /** The rows a bulk command decides on; ids of other environments are simply not found. */
  findMailboxesForCommand(environmentId: string, target: MailboxTarget): Promise<MailboxForCommand[]>;
  isEmailAddressTaken(environmentId: string, emailAddress: string, exceptId?: string): Promise<boolean>;
  /** The unique index on (environment, lower(email address)) refuses a second mailbox with the address. */
  createMailbox(input: { environmentId: string; type: MailboxType; write: MailboxWrite }, audit: (id: string) => AuditEntryInput): Promise<Mailbox | 'emailAddressTaken'>;
  /** Writes only what `write` holds, while the mailbox is at `expectedVersion`. */
  updateMailbox(environmentId: string, id: string, expectedVersion: number, write: MailboxWrite, audit: AuditEntryInput): Promise<Mailbox | MailboxWriteRefusal>;
  /**
   * Sets the methods on each mailbox whose owner is still the one read (the write permission was decided on
   * it); returns the ids it changed. Audit entries of the others are dropped with them.
   */
  setSynchronizationMethod(rows: readonly MailboxAsRead[], method: Partial<MailboxSynchronizationMethod>, audit: AuditEntryInput[]): Promise<Set<string>>;
  /**
   * Sets Email Address Status to Approved with who and when, on each mailbox not approved meanwhile whose
   * email address, owner and server profile (what the approval rules read) are still the ones read; returns
   * the ids it approved.
   */
  approveMailboxes(rows: readonly MailboxAsRead[], approverId: string, at: Date, audit: AuditEntryInput[]): Promise<Set<string>>;
  /** The mailbox's own password, decrypted, for a connectivity check with its credentials. */
  findMailboxPassword(id: string): Promise<string | null>;
}
