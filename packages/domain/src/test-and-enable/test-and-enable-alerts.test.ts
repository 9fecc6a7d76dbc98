import { describe, expect, it } from 'vitest';
import { DEFAULT_EMAIL_SETTINGS, type EmailSettings } from '../email-settings/email-settings.ts';
import type { ChannelCheckResult } from '../exchange-connectivity/mailbox-connectivity.port.ts';
import { decideAttempt, DEFAULT_RETRY_SETTINGS } from './retry-policy.ts';
import { buildAttemptAlerts } from './test-and-enable-alerts.ts';

const NOW = new Date('2026-12-02T10:00:00Z');
const mailbox = { id: 'm1', name: 'Adele Vance', environmentId: 'e1', serverProfileId: 'p1' };
const ok: ChannelCheckResult = { outcome: 'success', error: null, note: null };
const fail = (code: string, errorClass: 'transient' | 'permanent'): ChannelCheckResult =>
  ({ outcome: 'failure', error: { code, errorClass, message: `Exchange said ${code}.`, backOffMs: null, httpStatus: null }, note: null });

function alertsFor(results: Record<string, ChannelCheckResult>, settings: Partial<EmailSettings> = {}, attempt = 1) {
  const decision = decideAttempt(DEFAULT_RETRY_SETTINGS, attempt, results, NOW);
  return buildAttemptAlerts({ decision, mailbox, attempt, retry: DEFAULT_RETRY_SETTINGS, emailSettings: { ...DEFAULT_EMAIL_SETTINGS, ...settings }, now: NOW });
}

describe('buildAttemptAlerts (seed 000: error on the walls of the mailbox and the profile owner, success to the mailbox owner)', () => {
  it.each<[string, Record<string, ChannelCheckResult>, Partial<EmailSettings>, Array<[string, string | null, boolean]>]>([
    ['success tells the mailbox owner', { incoming: ok, outgoing: ok }, {}, [['information', null, true]]],
    ['success is not recorded when Information alerts are off', { incoming: ok }, { alertOnInformation: false }, []],
    ['nothing tested, nothing announced', { incoming: { outcome: 'notTested', error: null, note: null } }, {}, []],
    ['one error alert per code, naming every channel', { incoming: fail('HTTP401', 'permanent'), outgoing: fail('HTTP401', 'permanent') }, {}, [['error', 'HTTP401', false]]],
    ['errors reach the mailbox owner when Notify mailbox owner is on', { incoming: fail('HTTP401', 'permanent') }, { notifyMailboxOwner: true }, [['error', 'HTTP401', true]]],
    ['errors are not recorded when Error alerts are off', { incoming: fail('HTTP401', 'permanent') }, { alertOnErrors: false }, []],
    ['a transient error leaves a warning', { incoming: fail('ConnectionRefused', 'transient') }, {}, [['warning', 'ConnectionRefused', false]]],
    ['no warning when Warning alerts are off', { incoming: fail('ConnectionRefused', 'transient') }, { alertOnWarnings: false }, []],
    ['two codes, two error alerts', { incoming: fail('ErrorAccessDenied', 'permanent'), outgoing: fail('ErrorQuotaExceeded', 'permanent') }, {},
      [['error', 'ErrorAccessDenied', false], ['error', 'ErrorQuotaExceeded', false]]],
  ])('%s', (_name, results, settings, expected) => {
    expect(alertsFor(results, settings).map((a) => [a.severity, a.code, a.toMailboxOwner])).toEqual(expected);
  });

  it('words the alerts as the admin center does', () => {
    const [error] = alertsFor({ incoming: fail('HTTP401', 'permanent'), outgoing: fail('HTTP401', 'permanent') });
    expect(error?.message).toBe('Incoming Email and Outgoing Email failed for the mailbox Adele Vance: 401 Unauthorized. Exchange said HTTP401. The mailbox has been disabled for Incoming Email and Outgoing Email and the owner of the email server profile has been notified.');
    const [warning] = alertsFor({ incoming: fail('ConnectionRefused', 'transient') }, {}, 3);
    expect(warning?.message).toBe('Incoming Email could not be tested for the mailbox Adele Vance: Exchange said ConnectionRefused. The system will try again later (attempt 3 of 10; next attempt at 2026-12-02 10:05 UTC).');
    const [last] = alertsFor({ incoming: fail('ConnectionRefused', 'transient') }, {}, 10);
    expect(last?.message).toMatch(/^Incoming Email failed for the mailbox Adele Vance after 10 attempts: Connection refused\./);
  });
});
