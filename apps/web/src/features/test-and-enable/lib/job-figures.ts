import { ACTIVE_RUN_ITEM_STATES, type RunItemState, type RunResponse } from '@sync-admin/contract';
import { formatNumber } from '../../../lib/format-time.ts';
import { i18next } from '../../../lib/i18n.ts';

const oneDecimal = (value: number) => formatNumber(Math.round(value * 10) / 10);

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
  if (perSecond >= 1) return i18next.t('test-and-enable:rate.perSecond', { rate: oneDecimal(perSecond) });
  const perMinute = perSecond * 60;
  return i18next.t('test-and-enable:rate.perMinute', { rate: perMinute >= 10 ? formatNumber(Math.round(perMinute)) : oneDecimal(perMinute) });
}

/** "about 4 minutes left", "less than a minute left". */
export function formatEta(seconds: number): string {
  if (seconds < 60) return i18next.t('test-and-enable:eta.lessThanMinute');
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return i18next.t('test-and-enable:eta.minutes', { count: minutes, formatted: formatNumber(minutes) });
  const hours = Math.round(minutes / 60);
  return i18next.t('test-and-enable:eta.hours', { count: hours, formatted: formatNumber(hours) });
}
