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
  createdAt: Date;
}

export interface AlertFilter {
  mailboxId?: string;
  serverProfileId?: string;
  /** The wall of a profile owner: alerts of profiles this user owns. */
  profileOwnerId?: string;
  /** Set by the use cases when the actor reads mailboxes at User depth: alerts of mailboxes they own. */
  mailboxOwnerId?: string;
  severity?: AlertSeverity;
  search?: string;
  since?: Date;
}
