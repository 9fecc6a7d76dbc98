import type { ChannelCheckResult, ExchangeError } from '../exchange-connectivity/mailbox-connectivity.port.ts';
import type { ExchangeChannel } from '../exchange-connectivity/exchange-channel.ts';

/**
 * A Test & Enable run: "an asynchronous job runs in the background" (seed 000) over a set of mailboxes, one
 * item per mailbox. The run and its items are the record of what happened; the job engine only delivers work.
 */
export const RUN_STATES = ['scheduled', 'running', 'completed', 'cancelled'] as const;
export type RunState = (typeof RUN_STATES)[number];
export const RUN_STATE_LABELS: Record<RunState, string> = {
  scheduled: 'Scheduled',
  running: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/**
 * An item waits (pending), is being tested (running), waits for its next attempt after a transient error
 * (retrying), waits for its profile's outage to end (held), or has ended: succeeded, failed or cancelled.
 */
export const RUN_ITEM_STATES = ['pending', 'running', 'retrying', 'held', 'succeeded', 'failed', 'cancelled'] as const;
export type RunItemState = (typeof RUN_ITEM_STATES)[number];
export const RUN_ITEM_STATE_LABELS: Record<RunItemState, string> = {
  pending: 'Waiting',
  running: 'Testing',
  retrying: 'Retrying',
  held: 'Held (outage)',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};
export const ACTIVE_RUN_ITEM_STATES = ['pending', 'running', 'retrying', 'held'] as const satisfies readonly RunItemState[];
export const FINAL_RUN_ITEM_STATES = ['succeeded', 'failed', 'cancelled'] as const satisfies readonly RunItemState[];

export function isFinalItemState(state: RunItemState): boolean {
  return (FINAL_RUN_ITEM_STATES as readonly RunItemState[]).includes(state);
}

/** What a run was started on, to show on the Jobs page. */
export const RUN_SCOPE_KINDS = ['mailboxes', 'serverProfile', 'retestFailed', 'applyDefaultEmailSettings'] as const;
export type RunScopeKind = (typeof RUN_SCOPE_KINDS)[number];
export const RUN_SCOPE_KIND_LABELS: Record<RunScopeKind, string> = {
  mailboxes: 'Test & Enable Mailbox',
  serverProfile: 'Test & Enable Mailboxes (server profile)',
  retestFailed: 'Re-test failed mailboxes',
  applyDefaultEmailSettings: 'Apply Default Email Settings',
};

export interface RunScope {
  kind: RunScopeKind;
  /** "3 selected mailboxes", "All 2,140 Active Mailboxes matching “adele”", "Microsoft Exchange Online". */
  description: string;
  serverProfileId: string | null;
}

export type RunItemCounts = Record<RunItemState, number>;

export interface TestAndEnableRun {
  id: string;
  /** Short number for people ("job #42"). */
  number: number;
  environmentId: string;
  scope: RunScope;
  state: RunState;
  startedById: string;
  startedByName: string;
  createdAt: Date;
  /** The start date/time chosen in the confirmation; now when none was chosen. */
  startAt: Date;
  cancelledAt: Date | null;
  cancelledByName: string | null;
  /** When the last item ended. */
  finishedAt: Date | null;
  total: number;
  counts: RunItemCounts;
  /** Items that ended in the last minute, per second, for the rate and the ETA. */
  recentRatePerSecond: number;
}

/** Per channel, what the item's attempts found so far. */
export type RunItemChannels = Partial<Record<ExchangeChannel, ChannelCheckResult>>;

export interface RunItem {
  id: string;
  runId: string;
  mailboxId: string;
  mailboxName: string;
  emailAddress: string;
  serverProfileId: string;
  state: RunItemState;
  attempts: number;
  nextAttemptAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  channels: RunItemChannels;
  lastError: ExchangeError | null;
}

export function emptyRunItemCounts(): RunItemCounts {
  return { pending: 0, running: 0, retrying: 0, held: 0, succeeded: 0, failed: 0, cancelled: 0 };
}

/** Seconds until every item has ended at the recent rate; null when nothing ends yet or everything has. */
export function estimateSecondsRemaining(run: Pick<TestAndEnableRun, 'counts' | 'recentRatePerSecond'>): number | null {
  const remaining = ACTIVE_RUN_ITEM_STATES.reduce((sum, state) => sum + run.counts[state], 0);
  if (remaining === 0 || run.recentRatePerSecond <= 0) return null;
  return Math.ceil(remaining / run.recentRatePerSecond);
}
