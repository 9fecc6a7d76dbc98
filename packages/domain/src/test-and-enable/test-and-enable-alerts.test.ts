import { describe, expect, it } from 'vitest';
import { DEFAULT_EMAIL_SETTINGS, type EmailSettings } from '../email-settings/email-settings.ts';
import type { ChannelCheckResult } from '../exchange-connectivity/mailbox-connectivity.port.ts';
import { decideAttempt, DEFAULT_RETRY_SETTINGS } from './retry-policy.ts';
import { EXCHANGE_ERROR_CATALOG } from '../exchange-connectivity/exchange-error-catalog.ts';
import { templatePlaceholders } from '../shared/sentence.ts';
import { labelledSentence, SENTENCE_LABEL_TABLES } from '../shared/sentence-labels.ts';
import { ALERT_PLURAL_SENTENCES, ALERT_SENTENCES, buildAttemptAlerts, buildOutageAlert, buildOutageResumedAlert } from './test-and-enable-alerts.ts';
import type { NewAlert } from '../alerts/alert.repository.port.ts';

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

  it('names each alert\'s sentence by code, its labels by kind and key, and says the English from them (decision 58)', () => {
    const [error] = alertsFor({ incoming: fail('HTTP401', 'permanent'), outgoing: fail('HTTP401', 'permanent') });
    expect(error?.sentence).toEqual({
      code: 'CHANNELS_FAILED',
      params: { channels: 'Incoming Email and Outgoing Email', mailbox: 'Adele Vance', title: '401 Unauthorized', exchangeMessage: 'Exchange said HTTP401.' },
      labels: { channels: { kind: 'exchangeChannel', keys: ['incoming', 'outgoing'], join: 'and' }, title: { kind: 'exchangeErrorTitle', keys: ['HTTP401'] } },
    });
    const [warning] = alertsFor({ incoming: fail('ConnectionRefused', 'transient') }, {}, 3);
    // The instant as it is, for a UI to say in the user's time zone; the English says it in UTC.
    expect(warning?.sentence).toMatchObject({ code: 'CHANNELS_RETRYING', params: { attempt: 3, attempts: 10, nextAttemptAt: '2026-12-02T10:05:00.000Z' } });
    // A code outside the catalog is titled as ExchangeError, by that key.
    const [unknown] = alertsFor({ incoming: fail('ErrorSomethingNew', 'permanent') });
    expect(unknown?.sentence?.labels?.title).toEqual({ kind: 'exchangeErrorTitle', keys: ['ExchangeError'] });
    // The portal's own checks say their code's meaning: a label of the catalog, not data.
    const meaning = EXCHANGE_ERROR_CATALOG.EmailAddressNotApproved.meaning;
    const [notApproved] = alertsFor({ incoming: { ...fail('EmailAddressNotApproved', 'permanent'), error: { ...fail('EmailAddressNotApproved', 'permanent').error!, message: meaning } } });
    expect(notApproved?.sentence).toMatchObject({ params: { exchangeMessage: meaning }, labels: { exchangeMessage: { kind: 'exchangeErrorMeaning', keys: ['EmailAddressNotApproved'] } } });
    const [success] = alertsFor({ incoming: ok });
    expect(success?.sentence).toMatchObject({ code: 'CONFIGURATION_COMPLETED', params: { count: 1, channels: 'Incoming Email' } });
    expect(success?.message).toBe('The email configuration of the mailbox Adele Vance completed successfully: Incoming Email is enabled for server-side synchronization.');
  });

  it('says every sentence of its tables, each filled with exactly its params and the labels they name', () => {
    const outage = { family: 'serviceUnavailable', failedMailboxes: 40, testedMailboxes: 50 } as const;
    const alerts: NewAlert[] = [
      ...alertsFor({ incoming: fail('HTTP401', 'permanent') }),
      ...alertsFor({ incoming: fail('ConnectionRefused', 'transient') }, {}, 10),
      ...alertsFor({ incoming: fail('ConnectionRefused', 'transient') }, {}, 2),
      ...alertsFor({ incoming: ok, outgoing: ok }),
      buildOutageAlert({ environmentId: 'e1', serverProfileId: 'p1', profileName: 'Contoso', outage, nextProbeAt: new Date('2026-12-02T10:10:00Z'), now: NOW }),
      buildOutageResumedAlert({ environmentId: 'e1', serverProfileId: 'p1', profileName: 'Contoso', resumed: 1, now: NOW }),
      buildOutageResumedAlert({ environmentId: 'e1', serverProfileId: 'p1', profileName: 'Contoso', resumed: 12, now: NOW }),
    ];
    const templates: Record<string, string | { one: string; other: string }> = { ...ALERT_SENTENCES, ...ALERT_PLURAL_SENTENCES };
    for (const { sentence, message } of alerts) {
      const { code, params = {}, labels = {} } = sentence!;
      const template = templates[code]!;
      const form = typeof template === 'string' ? template : params.count === 1 ? template.one : template.other;
      // Every placeholder has its param; a plural's count may go unsaid.
      expect([...new Set(templatePlaceholders(form))], code).toEqual(Object.keys(params).filter((name) => name !== 'count' || form.includes('{{count')).sort());
      const labelled = Object.fromEntries(Object.entries(labels).map(([name, { kind, keys }]) =>
        [name, keys.map((key) => (SENTENCE_LABEL_TABLES[kind] as Record<string, string>)[key]!)]));
      for (const [name, texts] of Object.entries(labelled)) for (const text of texts) expect(String(params[name]), `${code} ${name}`).toContain(text);
      expect(labelledSentence(code, template, params).message, code).toBe(message);
    }
    expect(alerts.find((a) => a.code === 'ExchangeOutage')?.message).toBe(
      'More than half of the mailboxes of the email server profile Contoso tested in the last hour failed: 40 of 50 (Exchange is unavailable). Their tests are held and retried together; no mailbox is disabled for it. Next check at 2026-12-02 10:10 UTC.');
    expect(alerts.at(-2)?.message).toBe('Exchange answers again for the email server profile Contoso: 1 held mailbox test resumed.');
    expect(alerts.at(-1)?.message).toBe('Exchange answers again for the email server profile Contoso: 12 held mailbox tests resumed.');
    expect(new Set(alerts.map((a) => a.sentence!.code))).toEqual(new Set(Object.keys(templates)));
  });
});
