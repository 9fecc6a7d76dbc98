import type { MailboxTestStatus } from '../mailboxes/mailbox.ts';
import type { LabelledSentence } from '../shared/sentence-labels.ts';
import type { RunItemState } from '../test-and-enable/test-and-enable-run.ts';

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
  /** The sentence `message` says (decision 58); null when kept before alerts were coded. */
  sentence: LabelledSentence | null;
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

/** Alerts of one mailbox (or profile) with one code and severity: the wall shows one entry per group, not 232 cards. */
export interface AlertGroup {
  mailboxId: string | null;
  mailboxName: string | null;
  serverProfileId: string | null;
  serverProfileName: string | null;
  severity: AlertSeverity;
  code: string | null;
  count: number;
  latestMessage: string;
  latestSentence: LabelledSentence | null;
  latestAt: Date;
  /** Where the mailbox's testing stands now; null for a profile's own alerts. */
  mailbox: {
    incomingEmailStatus: MailboxTestStatus;
    outgoingEmailStatus: MailboxTestStatus;
    appointmentsContactsTasksStatus: MailboxTestStatus;
    /** Its item in a run still going, if any. */
    activeRunItem: { state: RunItemState; nextAttemptAt: Date | null } | null;
  } | null;
}

/** What happens next, or what to do, for a group of error alerts. */
export type AlertNextStep =
  | { kind: 'retrying'; at: Date | null }
  | { kind: 'testing' }
  | { kind: 'held' }
  | { kind: 'disabled' }
  | { kind: 'retest' }
  | { kind: 'none' };

/**
 * Decision 31's states as the admin meets them: a transient failure is retried at a time, an outage holds the
 * profile's work, a permanent one leaves the channel disabled until the mailbox is tested again.
 */
export function alertNextStep(group: Pick<AlertGroup, 'severity' | 'mailbox'>): AlertNextStep {
  if (group.severity !== 'error' || !group.mailbox) return { kind: 'none' };
  const item = group.mailbox.activeRunItem;
  if (item?.state === 'running') return { kind: 'testing' };
  if (item?.state === 'held') return { kind: 'held' };
  if (item) return { kind: 'retrying', at: item.nextAttemptAt };
  const { incomingEmailStatus, outgoingEmailStatus, appointmentsContactsTasksStatus } = group.mailbox;
  if ([incomingEmailStatus, outgoingEmailStatus, appointmentsContactsTasksStatus].includes('failure')) return { kind: 'disabled' };
  return { kind: 'retest' };
}
