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

/**
 * Persistence for mailboxes. Every write takes its audit entries and stores them in the same transaction,
 * so the log never misses a change. Bulk writes are set-based: one statement per command, not per row.
 */
export interface MailboxRepository {
  listMailboxes(environmentId: string, filter: MailboxFilter, page: MailboxPage): Promise<{ items: MailboxListItem[]; total: number }>;
  findMailbox(environmentId: string, id: string): Promise<Mailbox | null>;
  /** The rows a bulk command decides on; ids of other environments are simply not found. */
  findMailboxesForCommand(environmentId: string, target: MailboxTarget): Promise<MailboxForCommand[]>;
  isEmailAddressTaken(environmentId: string, emailAddress: string, exceptId?: string): Promise<boolean>;
  createMailbox(input: { environmentId: string; type: MailboxType; write: MailboxWrite }, audit: (id: string) => AuditEntryInput): Promise<Mailbox>;
  updateMailbox(environmentId: string, id: string, write: MailboxWrite, audit: AuditEntryInput): Promise<Mailbox>;
  setSynchronizationMethod(ids: string[], method: Partial<MailboxSynchronizationMethod>, audit: AuditEntryInput[]): Promise<void>;
  /** Sets Email Address Status to Approved with who and when, skipping rows approved meanwhile. */
  approveMailboxes(ids: string[], approverId: string, at: Date, audit: AuditEntryInput[]): Promise<void>;
  /** The mailbox's own password, decrypted, for a connectivity check with its credentials. */
  findMailboxPassword(id: string): Promise<string | null>;
}
