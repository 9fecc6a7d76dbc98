import type {
  AppointmentsContactsTasksDeliveryMethod,
  IncomingEmailDeliveryMethod,
  OutgoingEmailDeliveryMethod,
} from '../mailboxes/mailbox.ts';

/**
 * Settings > Email > Email settings, one per environment (seed 000 "Configure default email processing and
 * synchronization", "Remove the requirement to approve mailboxes"). New mailboxes take these defaults; the
 * default Server Profile itself is the environment's default profile.
 */
export interface EmailSettings {
  incomingEmailDeliveryMethod: IncomingEmailDeliveryMethod;
  outgoingEmailDeliveryMethod: OutgoingEmailDeliveryMethod;
  appointmentsContactsTasksDeliveryMethod: AppointmentsContactsTasksDeliveryMethod;
  processEmailsOnlyForApprovedUsers: boolean;
  processEmailsOnlyForApprovedQueues: boolean;
  requirePrivilegeToSelfApproveEmailAddress: boolean;
  alertOnErrors: boolean;
  alertOnWarnings: boolean;
  alertOnInformation: boolean;
  notifyMailboxOwner: boolean;
}

export const DEFAULT_EMAIL_SETTINGS: EmailSettings = {
  incomingEmailDeliveryMethod: 'serverSideSynchronization',
  outgoingEmailDeliveryMethod: 'serverSideSynchronization',
  appointmentsContactsTasksDeliveryMethod: 'serverSideSynchronization',
  processEmailsOnlyForApprovedUsers: true,
  processEmailsOnlyForApprovedQueues: true,
  requirePrivilegeToSelfApproveEmailAddress: false,
  alertOnErrors: true,
  alertOnWarnings: true,
  alertOnInformation: true,
  notifyMailboxOwner: false,
};

export const EMAIL_SETTING_LABELS: Record<keyof EmailSettings | 'defaultServerProfileId', string> = {
  defaultServerProfileId: 'Server Profile',
  incomingEmailDeliveryMethod: 'Incoming Email',
  outgoingEmailDeliveryMethod: 'Outgoing Email',
  appointmentsContactsTasksDeliveryMethod: 'Appointments, Contacts, and Tasks',
  processEmailsOnlyForApprovedUsers: 'Process emails only for approved users',
  processEmailsOnlyForApprovedQueues: 'Process emails only for approved queues',
  requirePrivilegeToSelfApproveEmailAddress: 'RequirePrivilegeToSelfApproveEmailAddress',
  alertOnErrors: 'Error',
  alertOnWarnings: 'Warning',
  alertOnInformation: 'Information',
  notifyMailboxOwner: 'Notify mailbox owner',
};

/** Whether approval is required before a mailbox of this type processes email. */
export function isApprovalRequired(settings: EmailSettings, type: 'user' | 'queue'): boolean {
  return type === 'user' ? settings.processEmailsOnlyForApprovedUsers : settings.processEmailsOnlyForApprovedQueues;
}
