import { ACTIVE_RUN_ITEM_STATES, type RunItemState, type RunResponse } from '@sync-admin/contract';

/** The outcomes as the Jobs page lists them: ended ones first, then those still to come. */
export const COUNTED_ITEM_STATES: readonly RunItemState[] = ['succeeded', 'failed', 'retrying', 'held', 'cancelled', 'pending', 'running'];

/** Mailboxes whose item has ended, and that as a whole percent (100 only when every one has). */
export function jobProgress(job: RunResponse): { ended: number; percent: number } {
  const ended = job.total - ACTIVE_RUN_ITEM_STATES.reduce((sum, state) => sum + job.counts[state], 0);
  const percent = job.total === 0 ? 100 : Math.floor((ended / job.total) * 100);
  return { ended, percent };
}

/** "12 per minute", "3.5 per second"; the API gives mailboxes per second over the last minute. */
export function formatRate(perSecond: number): string {
  if (perSecond >= 1) return `${perSecond.toFixed(1)} mailboxes per second`;
  const perMinute = perSecond * 60;
  return `${perMinute >= 10 ? Math.round(perMinute) : perMinute.toFixed(1)} mailboxes per minute`;
}

/** "about 4 minutes left", "less than a minute left". */
export function formatEta(seconds: number): string {
  if (seconds < 60) return 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} minute${minutes === 1 ? '' : 's'} left`;
  const hours = Math.round(minutes / 60);
  return `about ${hours} hour${hours === 1 ? '' : 's'} left`;
}
