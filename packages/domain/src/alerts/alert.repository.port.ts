import type { KeysetBatch } from '../shared/keyset-walk.ts';
import type { LabelledSentence } from '../shared/sentence-labels.ts';
import type { Alert, AlertFilter, AlertGroup, AlertSeverity } from './alert.ts';

export interface NewAlert {
  environmentId: string;
  mailboxId: string | null;
  serverProfileId: string | null;
  severity: AlertSeverity;
  code: string | null;
  message: string;
  /** The sentence `message` says, for a UI to say it in its language; null for a text of its own (the demo's, say). */
  sentence: LabelledSentence | null;
  /** Also shown on the mailbox owner's own wall (success alerts; errors when "Notify mailbox owner" is on). */
  toMailboxOwner: boolean;
  createdAt: Date;
}

/** Where a keyset batch of the wall resumes: the time and id of the last alert read. */
export interface AlertCursor {
  createdAt: Date;
  id: string;
}

export interface AlertRepository {
  listAlerts(environmentId: string, filter: AlertFilter, page: { offset: number; limit: number }): Promise<{ items: Alert[]; total: number }>;
  /** The alerts of the filter grouped by mailbox (or profile), code and severity, the latest group first. */
  groupAlerts(environmentId: string, filter: AlertFilter, page: { offset: number; limit: number }): Promise<{ items: AlertGroup[]; total: number }>;
  /** The next alerts of a filter after the cursor, in the wall's order (newest first): the CSV export walks the wall with it. */
  listAlertBatch(environmentId: string, filter: AlertFilter, limit: number, after: AlertCursor | null): Promise<KeysetBatch<Alert, AlertCursor>>;
  createAlerts(alerts: NewAlert[]): Promise<void>;
}
