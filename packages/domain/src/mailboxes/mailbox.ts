import type { ConnectivityTrace } from '../exchange-connectivity/mailbox-connectivity.port.ts';
import type { ServerType } from '../server-profiles/server-profile.ts';
import type { RunItemState } from '../test-and-enable/test-and-enable-run.ts';

/**
 * Mailboxes (Dataverse table `mailbox`): the fields that matter to server-side synchronization, with the
 * option sets and labels of the seeds and of the Dataverse table.
 */
export const MAILBOX_TYPES = ['user', 'queue'] as const;
export type MailboxType = (typeof MAILBOX_TYPES)[number];
export const MAILBOX_TYPE_LABELS: Record<MailboxType, string> = { user: 'User', queue: 'Queue' };

export const INCOMING_EMAIL_DELIVERY_METHODS = ['none', 'outlook', 'serverSideSynchronization', 'forwardMailbox'] as const;
export type IncomingEmailDeliveryMethod = (typeof INCOMING_EMAIL_DELIVERY_METHODS)[number];
export const INCOMING_EMAIL_DELIVERY_METHOD_LABELS: Record<IncomingEmailDeliveryMethod, string> = {
  none: 'None',
  outlook: 'Microsoft Dynamics 365 for Outlook',
  serverSideSynchronization: 'Server-Side Synchronization or Email Router',
  forwardMailbox: 'Forward Mailbox',
};

export const OUTGOING_EMAIL_DELIVERY_METHODS = ['none', 'outlook', 'serverSideSynchronization'] as const;
export type OutgoingEmailDeliveryMethod = (typeof OUTGOING_EMAIL_DELIVERY_METHODS)[number];
export const OUTGOING_EMAIL_DELIVERY_METHOD_LABELS: Record<OutgoingEmailDeliveryMethod, string> = {
  none: 'None',
  outlook: 'Microsoft Dynamics 365 for Outlook',
  serverSideSynchronization: 'Server-Side Synchronization or Email Router',
};

export const APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHODS = ['outlook', 'serverSideSynchronization', 'none'] as const;
export type AppointmentsContactsTasksDeliveryMethod = (typeof APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHODS)[number];
export const APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHOD_LABELS: Record<AppointmentsContactsTasksDeliveryMethod, string> = {
  outlook: 'Microsoft Dynamics 365 for Outlook',
  serverSideSynchronization: 'Server-Side Synchronization',
  none: 'None',
};

export const EMAIL_ADDRESS_STATUSES = ['empty', 'approved', 'pendingApproval', 'rejected'] as const;
export type EmailAddressStatus = (typeof EMAIL_ADDRESS_STATUSES)[number];
export const EMAIL_ADDRESS_STATUS_LABELS: Record<EmailAddressStatus, string> = {
  empty: 'Empty',
  approved: 'Approved',
  pendingApproval: 'Pending Approval',
  rejected: 'Rejected',
};

export const MAILBOX_TEST_STATUSES = ['notRun', 'success', 'failure'] as const;
export type MailboxTestStatus = (typeof MAILBOX_TEST_STATUSES)[number];
export const MAILBOX_TEST_STATUS_LABELS: Record<MailboxTestStatus, string> = {
  notRun: 'Not Run',
  success: 'Success',
  failure: 'Failure',
};

/** The synchronization method: what Apply Default Email Settings and Change Multiple Records set. */
export interface MailboxSynchronizationMethod {
  serverProfileId: string | null;
  incomingEmailDeliveryMethod: IncomingEmailDeliveryMethod;
  outgoingEmailDeliveryMethod: OutgoingEmailDeliveryMethod;
  appointmentsContactsTasksDeliveryMethod: AppointmentsContactsTasksDeliveryMethod;
}

/** What an admin edits on one mailbox. */
export interface MailboxSettings extends MailboxSynchronizationMethod {
  name: string;
  emailAddress: string;
  ownerId: string;
  isActive: boolean;
  syncItemsFromThisOrgOnly: boolean;
  allowCredentialsForEmailProcessing: boolean;
  userName: string | null;
  processEmailsReceivedAfter: Date | null;
}

export const MAILBOX_SETTING_LABELS: Record<keyof MailboxSettings, string> = {
  name: 'Name',
  emailAddress: 'Email Address',
  ownerId: 'Owner',
  isActive: 'Status',
  serverProfileId: 'Server Profile',
  incomingEmailDeliveryMethod: 'Incoming Email',
  outgoingEmailDeliveryMethod: 'Outgoing Email',
  appointmentsContactsTasksDeliveryMethod: 'Appointments, Contacts, and Tasks',
  syncItemsFromThisOrgOnly: 'Sync items with Exchange from this org only, even if Exchange was set to sync with a different org',
  allowCredentialsForEmailProcessing: 'Allow to Use Credentials for Email Processing',
  userName: 'User Name',
  processEmailsReceivedAfter: 'Process Email Received After',
};

export interface MailboxLastError {
  code: string;
  message: string;
  at: Date;
}

/** The Test & Enable run testing the mailbox now, or the last one: which job, who started it, and where its retries stand. */
export interface MailboxTestAndEnableState {
  runId: string;
  runNumber: number;
  startedByName: string;
  itemState: RunItemState;
  attempts: number;
  nextAttemptAt: Date | null;
}

export interface Mailbox extends MailboxSettings {
  id: string;
  environmentId: string;
  type: MailboxType;
  ownerName: string;
  serverProfileName: string | null;
  /** Whether the mailbox's profile is active; null without a profile. Shown only to readers of profiles. */
  serverProfileIsActive: boolean | null;
  serverType: ServerType | null;
  emailAddressStatus: EmailAddressStatus;
  emailAddressApprovedById: string | null;
  emailAddressApprovedByName: string | null;
  emailAddressApprovedAt: Date | null;
  incomingEmailStatus: MailboxTestStatus;
  outgoingEmailStatus: MailboxTestStatus;
  appointmentsContactsTasksStatus: MailboxTestStatus;
  isEnabledForIncomingEmail: boolean;
  isEnabledForOutgoingEmail: boolean;
  isEnabledForAppointmentsContactsTasks: boolean;
  /** The mailbox's own password is write-only: only whether it is set. */
  passwordSet: boolean;
  testCompletedOn: Date | null;
  testAndEnableLastAttemptedById: string | null;
  testAndEnableLastAttemptedByName: string | null;
  testAndEnableRequestedAt: Date | null;
  lastError: MailboxLastError | null;
  consecutiveErrorCount: number;
  testAndEnable: MailboxTestAndEnableState | null;
  /** The EWS URL Autodiscover found, reused by later tests (the seeds warn Autodiscover costs performance). */
  discoveredEwsUrl: string | null;
  discoveredEwsUrlAt: Date | null;
  /** The trace of the last Test & Enable attempt or Test connection. */
  lastConnectivityTest: { at: Date; trace: ConnectivityTrace } | null;
  /** Optimistic concurrency: a write names the version it read and fails when it is no longer current. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A grid row: what the Mailboxes views show, kept narrow so a page of 100,000 stays fast. */
export type MailboxListItem = Pick<
  Mailbox,
  | 'id' | 'name' | 'emailAddress' | 'type' | 'isActive' | 'ownerId' | 'ownerName' | 'serverProfileId' | 'serverProfileName'
  | 'incomingEmailDeliveryMethod' | 'outgoingEmailDeliveryMethod' | 'appointmentsContactsTasksDeliveryMethod'
  | 'emailAddressStatus' | 'incomingEmailStatus' | 'outgoingEmailStatus' | 'appointmentsContactsTasksStatus'
  | 'testCompletedOn' | 'testAndEnableRequestedAt'
>;

/** What a bulk command needs to decide, per mailbox, whether it may act. */
export type MailboxForCommand = Pick<
  Mailbox,
  'id' | 'name' | 'type' | 'emailAddress' | 'ownerId' | 'isActive' | 'serverProfileId' | 'serverType' | 'emailAddressStatus'
  | 'incomingEmailDeliveryMethod' | 'outgoingEmailDeliveryMethod' | 'appointmentsContactsTasksDeliveryMethod' | 'testAndEnableRequestedAt'
>;
