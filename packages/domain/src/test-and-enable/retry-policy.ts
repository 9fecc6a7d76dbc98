import type { ExchangeChannel } from '../exchange-connectivity/exchange-channel.ts';
import { EXCHANGE_CHANNELS } from '../exchange-connectivity/exchange-channel.ts';
import type { ChannelCheckResult, ExchangeError } from '../exchange-connectivity/mailbox-connectivity.port.ts';

/**
 * What happens after one attempt, as Microsoft documents it ("Mailbox deliveries regularly disabled"): a
 * permanent error disables the channel at once; a transient one is retried up to `transientRetryLimit`
 * attempts, `transientRetryIntervalSeconds` apart (or later when Exchange's BackOffMilliseconds asks for
 * more), and then counts as permanent.
 */
export interface RetrySettings {
  /** Attempts in all, the first included: the tenth transient failure in a row is final (default 10). */
  transientRetryLimit: number;
  /** Gap between attempts (default 300 s, "a five-minute gap"). */
  transientRetryIntervalSeconds: number;
}

export const DEFAULT_RETRY_SETTINGS: RetrySettings = { transientRetryLimit: 10, transientRetryIntervalSeconds: 300 };

/** A channel after this attempt: passed, failed for good, or to be tried again. */
export type ChannelVerdict =
  | { verdict: 'passed' }
  | { verdict: 'failed'; error: ExchangeError; becamePermanent: boolean }
  | { verdict: 'retry'; error: ExchangeError }
  | { verdict: 'notTested'; note: string | null };

export interface AttemptDecision {
  /** The item: ended (succeeded or failed) or retrying. */
  itemState: 'succeeded' | 'failed' | 'retrying';
  channels: Record<ExchangeChannel, ChannelVerdict>;
  /** Channels the next attempt checks again; empty unless retrying. */
  retryChannels: ExchangeChannel[];
  nextAttemptAt: Date | null;
  /** The error the mailbox shows as its last error: the first failure of this attempt. */
  lastError: ExchangeError | null;
}

/**
 * Decides attempt number `attempt` (1 for the first) from the channels it checked. Channels left out of
 * `results` were not part of this attempt (they ended earlier) and come back notTested.
 */
export function decideAttempt(
  settings: RetrySettings,
  attempt: number,
  results: Partial<Record<ExchangeChannel, ChannelCheckResult>>,
  now: Date,
): AttemptDecision {
  const mayRetry = attempt < settings.transientRetryLimit;
  let backOffMs = 0;
  let lastError: ExchangeError | null = null;
  const channels = {} as Record<ExchangeChannel, ChannelVerdict>;
  for (const channel of EXCHANGE_CHANNELS) {
    const result = results[channel];
    if (!result || result.outcome === 'notTested') {
      channels[channel] = { verdict: 'notTested', note: result?.note ?? null };
      continue;
    }
    if (result.outcome === 'success' || !result.error) {
      channels[channel] = { verdict: 'passed' };
      continue;
    }
    const error = result.error;
    lastError ??= error;
    if (error.errorClass === 'permanent') channels[channel] = { verdict: 'failed', error, becamePermanent: false };
    else if (mayRetry) {
      channels[channel] = { verdict: 'retry', error };
      backOffMs = Math.max(backOffMs, error.backOffMs ?? 0);
    } else channels[channel] = { verdict: 'failed', error, becamePermanent: true };
  }
  const retryChannels = EXCHANGE_CHANNELS.filter((channel) => channels[channel].verdict === 'retry');
  const failed = EXCHANGE_CHANNELS.some((channel) => channels[channel].verdict === 'failed');
  const itemState = retryChannels.length > 0 ? 'retrying' : failed ? 'failed' : 'succeeded';
  const waitMs = Math.max(settings.transientRetryIntervalSeconds * 1000, backOffMs);
  return {
    itemState,
    channels,
    retryChannels,
    nextAttemptAt: itemState === 'retrying' ? new Date(now.getTime() + waitMs) : null,
    lastError,
  };
}
