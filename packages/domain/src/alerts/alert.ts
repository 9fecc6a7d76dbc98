/** Alerts wall entries (seed 000: "an alert is shown on the Alerts wall of the mailbox and the profile owner"). */
export const ALERT_SEVERITIES = ['error', 'warning', 'information'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export const ALERT_SEVERITY_LABELS: Record<AlertSeverity, string> = {
  error: 'Error',
  warning: 'Warning',
  information: 'Information',
};

export interface Alert {
  id: string;
  environmentId: string;
  mailboxId: string | null;
  mailboxName: string | null;
  serverProfileId: string | null;
  serverProfileName: string | null;
  severity: AlertSeverity;
  code: string | null;
  message: string;
  toMailboxOwner: boolean;
  createdAt: Date;
}

export interface AlertFilter {
  mailboxId?: string;
  serverProfileId?: string;
  /** A user's own wall: alerts of profiles they own, and alerts meant for the owner of mailboxes they own. */
  recipientId?: string;
  /** Set by the use cases when the actor reads mailboxes at User depth: alerts of mailboxes they own. */
  mailboxOwnerId?: string;
  severity?: AlertSeverity;
  search?: string;
  since?: Date;
}
