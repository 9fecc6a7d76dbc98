import type { Alert, AlertFilter, AlertGroup, AlertSeverity } from './alert.ts';

export interface NewAlert {
  environmentId: string;
  mailboxId: string | null;
  serverProfileId: string | null;
  severity: AlertSeverity;
  code: string | null;
  message: string;
  /** Also shown on the mailbox owner's own wall (success alerts; errors when "Notify mailbox owner" is on). */
  toMailboxOwner: boolean;
  createdAt: Date;
}

export interface AlertRepository {
  listAlerts(environmentId: string, filter: AlertFilter, page: { offset: number; limit: number }): Promise<{ items: Alert[]; total: number }>;
  /** The alerts of the filter grouped by mailbox (or profile), code and severity, the latest group first. */
  groupAlerts(environmentId: string, filter: AlertFilter, page: { offset: number; limit: number }): Promise<{ items: AlertGroup[]; total: number }>;
  createAlerts(alerts: NewAlert[]): Promise<void>;
}
