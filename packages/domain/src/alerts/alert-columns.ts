import { ALERT_SEVERITY_LABELS, type Alert } from './alert.ts';

/** The Alerts wall's fields as its cards name them, one column each, for the CSV export. */
export const ALERT_COLUMNS: readonly { label: string; text: (alert: Alert) => string }[] = [
  { label: 'Created on', text: (alert) => alert.createdAt.toISOString() },
  { label: 'Severity', text: (alert) => ALERT_SEVERITY_LABELS[alert.severity] },
  { label: 'Message', text: (alert) => alert.message },
  { label: 'Mailbox', text: (alert) => alert.mailboxName ?? '' },
  { label: 'Server profile', text: (alert) => alert.serverProfileName ?? '' },
  { label: 'Code', text: (alert) => alert.code ?? '' },
];
