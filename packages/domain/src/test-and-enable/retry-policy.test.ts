import { describe, expect, it } from 'vitest';
import type { ExchangeChannel } from '../exchange-connectivity/exchange-channel.ts';
import type { ChannelCheckResult, ExchangeError } from '../exchange-connectivity/mailbox-connectivity.port.ts';
import { decideAttempt, DEFAULT_RETRY_SETTINGS, type ChannelVerdict } from './retry-policy.ts';

const NOW = new Date('2026-12-02T10:00:00Z');
const ok: ChannelCheckResult = { outcome: 'success', error: null, note: null };
const notTested: ChannelCheckResult = { outcome: 'notTested', error: null, note: 'Outgoing Email is delivered by Microsoft Dynamics 365 for Outlook.' };
function failure(code: string, errorClass: 'transient' | 'permanent', backOffMs: number | null = null): ChannelCheckResult {
  const error: ExchangeError = { code, errorClass, message: `${code} happened.`, backOffMs, httpStatus: null };
  return { outcome: 'failure', error, note: null };
}
const busy = failure('ErrorServerBusy', 'transient', 297_749);
const refused = failure('ConnectionRefused', 'transient');
const denied = failure('ErrorAccessDenied', 'permanent');
const unauthorized = failure('HTTP401', 'permanent');

type Verdicts = Partial<Record<ExchangeChannel, ChannelVerdict['verdict']>>;

describe('decideAttempt (Mailbox deliveries regularly disabled: permanent at once, transient retried 10 times 5 minutes apart)', () => {
  it.each<[string, number, Partial<Record<ExchangeChannel, ChannelCheckResult>>, 'succeeded' | 'failed' | 'retrying', Verdicts, number | null]>([
    ['every channel passes', 1, { incoming: ok, outgoing: ok, appointmentsContactsTasks: ok }, 'succeeded',
      { incoming: 'passed', outgoing: 'passed', appointmentsContactsTasks: 'passed' }, null],
    ['a channel not delivered by server-side sync stays untested', 1, { incoming: ok, outgoing: notTested }, 'succeeded',
      { incoming: 'passed', outgoing: 'notTested', appointmentsContactsTasks: 'notTested' }, null],
    ['a permanent error fails its channel at once, others still pass', 1, { incoming: ok, outgoing: denied }, 'failed',
      { incoming: 'passed', outgoing: 'failed' }, null],
    ['401 Unauthorized is permanent on the first attempt', 1, { incoming: unauthorized, outgoing: unauthorized }, 'failed',
      { incoming: 'failed', outgoing: 'failed' }, null],
    ['a transient error retries after the interval', 1, { incoming: refused, outgoing: ok }, 'retrying',
      { incoming: 'retry', outgoing: 'passed' }, 300_000],
    ['BackOffMilliseconds shorter than the interval: the interval wins', 3, { incoming: busy }, 'retrying', { incoming: 'retry' }, 300_000],
    ['the 9th transient failure still retries', 9, { incoming: refused }, 'retrying', { incoming: 'retry' }, 300_000],
    ['the 10th transient failure becomes permanent', 10, { incoming: refused }, 'failed', { incoming: 'failed' }, null],
    ['transient on one channel, permanent on another: retry the transient one only', 2, { incoming: refused, outgoing: denied }, 'retrying',
      { incoming: 'retry', outgoing: 'failed' }, 300_000],
  ])('%s', (_name, attempt, results, itemState, verdicts, waitMs) => {
    const decision = decideAttempt(DEFAULT_RETRY_SETTINGS, attempt, results, NOW);
    expect(decision.itemState).toBe(itemState);
    for (const [channel, verdict] of Object.entries(verdicts)) expect(decision.channels[channel as ExchangeChannel].verdict).toBe(verdict);
    expect(decision.nextAttemptAt?.getTime() ?? null).toBe(waitMs === null ? null : NOW.getTime() + waitMs);
    expect(decision.retryChannels).toEqual(Object.entries(verdicts).filter(([, v]) => v === 'retry').map(([c]) => c));
  });

  it('waits as long as Exchange asks when that is longer than the interval', () => {
    const decision = decideAttempt({ transientRetryLimit: 10, transientRetryIntervalSeconds: 60 }, 1, { incoming: busy }, NOW);
    expect(decision.nextAttemptAt).toEqual(new Date(NOW.getTime() + 297_749));
  });

  it('says when a transient error became permanent, for the alert', () => {
    const decision = decideAttempt({ transientRetryLimit: 2, transientRetryIntervalSeconds: 1 }, 2, { outgoing: refused }, NOW);
    expect(decision.channels.outgoing).toMatchObject({ verdict: 'failed', becamePermanent: true });
    expect(decision.lastError?.code).toBe('ConnectionRefused');
  });

  it('a limit of one attempt never retries', () => {
    expect(decideAttempt({ transientRetryLimit: 1, transientRetryIntervalSeconds: 300 }, 1, { incoming: refused }, NOW).itemState).toBe('failed');
  });
});
