import type { OutageFamily } from '../exchange-connectivity/outage-family.ts';

/**
 * Outage rule: when more than half of a profile's mailboxes tested within the last hour failed, each on its
 * latest attempt, with transient errors of the same family, Exchange is down rather than the mailboxes
 * broken. The profile's remaining work is then held and retried as a whole instead of disabling mailboxes
 * one by one (after an outage, admins otherwise re-enable every mailbox by hand).
 */
export interface OutageSettings {
  windowMs: number;
  /** Fewer tested mailboxes than this say nothing about an outage (one failing mailbox is not one). */
  minimumMailboxes: number;
}

export const DEFAULT_OUTAGE_SETTINGS: OutageSettings = { windowMs: 60 * 60 * 1000, minimumMailboxes: 5 };

export interface RecentAttemptOutcome {
  mailboxId: string;
  at: Date;
  outcome: 'success' | 'permanent' | 'transient';
  /** Set for transient failures that point at an outage (see OUTAGE_FAMILIES). */
  outageFamily: OutageFamily | null;
}

export interface DetectedOutage {
  family: OutageFamily;
  failedMailboxes: number;
  testedMailboxes: number;
}

export function detectOutage(attempts: readonly RecentAttemptOutcome[], now: Date, settings: OutageSettings = DEFAULT_OUTAGE_SETTINGS): DetectedOutage | null {
  const since = now.getTime() - settings.windowMs;
  const latest = new Map<string, RecentAttemptOutcome>();
  for (const attempt of attempts) {
    if (attempt.at.getTime() < since) continue;
    const seen = latest.get(attempt.mailboxId);
    if (!seen || seen.at.getTime() < attempt.at.getTime()) latest.set(attempt.mailboxId, attempt);
  }
  const tested = latest.size;
  if (tested < settings.minimumMailboxes) return null;
  const byFamily = new Map<OutageFamily, number>();
  for (const attempt of latest.values()) {
    if (attempt.outcome === 'transient' && attempt.outageFamily) byFamily.set(attempt.outageFamily, (byFamily.get(attempt.outageFamily) ?? 0) + 1);
  }
  for (const [family, failed] of byFamily) {
    if (failed * 2 > tested) return { family, failedMailboxes: failed, testedMailboxes: tested };
  }
  return null;
}
