import { EXCHANGE_CHANNELS, type ExchangeChannel, type ExchangeErrorClass } from '@sync-admin/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  closedPort,
  exchangeServerProfile,
  failedStep,
  INTERNAL_TEXT,
  MAILBOXES,
  mailboxTarget,
  outcomes,
  SERVICE_USER,
  testConnectivity,
} from './exchange-connectivity.test-support.ts';
import type { ExchangeConnectivity } from './index.ts';
import { startEwsTestServer, testCertificates, type EwsFault, type EwsTestServer } from './test-peers/index.ts';

let ews: EwsTestServer;
let connectivity: ExchangeConnectivity;

beforeAll(async () => {
  ews = await startEwsTestServer({ accounts: ACCOUNTS, mailboxes: MAILBOXES });
  connectivity = testConnectivity();
});
afterAll(async () => {
  connectivity.close();
  await ews.close();
});
beforeEach(() => {
  ews.clearFaults();
  ews.reset();
});

/** The call of each channel a fault is injected into: Outgoing fails on saving its draft. */
const FAULTED_CALL: Record<ExchangeChannel, { operation: string; folder?: string }> = {
  incoming: { operation: 'GetFolder', folder: 'inbox' },
  outgoing: { operation: 'CreateItem' },
  appointmentsContactsTasks: { operation: 'GetFolder', folder: 'calendar' },
};

interface ErrorCase {
  name: string;
  fault: EwsFault;
  times?: number;
  code: string;
  errorClass: ExchangeErrorClass;
  httpStatus: number | null;
  backOffMs?: number;
  message?: RegExp;
}

const ERROR_CASES: ErrorCase[] = [
  { name: 'ErrorServerBusy as a SOAP fault (HTTP 500), BackOffMilliseconds honoured', fault: { kind: 'soapFault', responseCode: 'ErrorServerBusy', message: 'The server cannot service this request right now. Try again later.', backOffMs: 297749 }, code: 'ErrorServerBusy', errorClass: 'transient', httpStatus: 500, backOffMs: 297749, message: /cannot service this request/ },
  { name: 'ErrorServerBusy as ResponseClass="Error" (HTTP 200), BackOffMilliseconds honoured', fault: { kind: 'errorResponse', responseCode: 'ErrorServerBusy', message: 'The server cannot service this request right now. Try again later.', backOffMs: 5000 }, code: 'ErrorServerBusy', errorClass: 'transient', httpStatus: 200, backOffMs: 5000 },
  { name: 'ErrorMailboxStoreUnavailable as a SOAP fault', fault: { kind: 'soapFault', responseCode: 'ErrorMailboxStoreUnavailable' }, code: 'ErrorMailboxStoreUnavailable', errorClass: 'transient', httpStatus: 500 },
  { name: 'ErrorMailboxStoreUnavailable as ResponseClass="Error"', fault: { kind: 'errorResponse', responseCode: 'ErrorMailboxStoreUnavailable' }, code: 'ErrorMailboxStoreUnavailable', errorClass: 'transient', httpStatus: 200 },
  { name: 'ErrorAccessDenied as a SOAP fault', fault: { kind: 'soapFault', responseCode: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' }, code: 'ErrorAccessDenied', errorClass: 'permanent', httpStatus: 500, message: /Access is denied/ },
  { name: 'ErrorAccessDenied as ResponseClass="Error"', fault: { kind: 'errorResponse', responseCode: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' }, code: 'ErrorAccessDenied', errorClass: 'permanent', httpStatus: 200, message: /Access is denied/ },
  { name: 'ErrorImpersonateUserDenied as a SOAP fault', fault: { kind: 'soapFault', responseCode: 'ErrorImpersonateUserDenied', message: 'The account does not have permission to impersonate the requested user.' }, code: 'ErrorImpersonateUserDenied', errorClass: 'permanent', httpStatus: 500 },
  { name: 'ErrorNonExistentMailbox as a SOAP fault', fault: { kind: 'soapFault', responseCode: 'ErrorNonExistentMailbox' }, code: 'ErrorNonExistentMailbox', errorClass: 'permanent', httpStatus: 500 },
  { name: 'ErrorNonExistentMailbox as ResponseClass="Error"', fault: { kind: 'errorResponse', responseCode: 'ErrorNonExistentMailbox' }, code: 'ErrorNonExistentMailbox', errorClass: 'permanent', httpStatus: 200 },
  // Codes ews-javascript-api does not know (it maps them to ErrorInternalServerError): read from the answer itself.
  { name: 'a code outside the library\'s enum (MailboxNotEnabledForRESTAPI)', fault: { kind: 'errorResponse', responseCode: 'MailboxNotEnabledForRESTAPI' }, code: 'MailboxNotEnabledForRESTAPI', errorClass: 'permanent', httpStatus: 200 },
  { name: 'a code outside the catalog keeps its name in the message', fault: { kind: 'soapFault', responseCode: 'ErrorSomethingBrandNew', message: 'Something new went wrong.' }, code: 'ExchangeError', errorClass: 'permanent', httpStatus: 500, message: /^ErrorSomethingBrandNew: Something new went wrong\.$/ },
  { name: 'HTTP 401', fault: { kind: 'httpStatus', status: 401, headers: { 'WWW-Authenticate': 'Basic realm="x"' } }, code: 'HTTP401', errorClass: 'permanent', httpStatus: 401 },
  { name: 'HTTP 403', fault: { kind: 'httpStatus', status: 403 }, code: 'HTTP403', errorClass: 'permanent', httpStatus: 403 },
  { name: 'HTTP 404', fault: { kind: 'httpStatus', status: 404 }, code: 'HTTP404', errorClass: 'permanent', httpStatus: 404 },
  { name: 'HTTP 503 with Retry-After', fault: { kind: 'httpStatus', status: 503, headers: { 'Retry-After': '120' } }, code: 'HTTP503', errorClass: 'transient', httpStatus: 503, backOffMs: 120_000 },
  { name: 'HTTP 502', fault: { kind: 'httpStatus', status: 502 }, code: 'HTTP5xx', errorClass: 'transient', httpStatus: 502 },
  // ews-javascript-api throws outside its promise on these bodies (FACTS §2d): none may crash or hang the check.
  { name: 'HTTP 500 whose body is plain text', fault: { kind: 'httpStatus', status: 500, body: 'Internal Server Error', contentType: 'text/plain' }, code: 'HTTP5xx', errorClass: 'transient', httpStatus: 500, message: /not a SOAP fault/ },
  { name: 'HTTP 500 whose body is XML but not SOAP', fault: { kind: 'httpStatus', status: 500, body: '<?xml version="1.0"?><error>database down</error>', contentType: 'text/xml' }, code: 'HTTP5xx', errorClass: 'transient', httpStatus: 500 },
  { name: 'HTTP 500 with an empty body', fault: { kind: 'httpStatus', status: 500, body: '' }, code: 'HTTP5xx', errorClass: 'transient', httpStatus: 500 },
  { name: 'HTTP 500 with an HTML page', fault: { kind: 'httpStatus', status: 500, body: '<html><body>Server Error in \'/EWS\' Application.</body></html>' }, code: 'HTTP5xx', errorClass: 'transient', httpStatus: 500 },
  { name: 'an HTML page with HTTP 200', fault: { kind: 'html' }, code: 'InvalidExchangeResponse', errorClass: 'transient', httpStatus: 200, message: /HTML page/ },
  { name: 'malformed XML with HTTP 200', fault: { kind: 'malformedXml' }, code: 'InvalidExchangeResponse', errorClass: 'transient', httpStatus: 200, message: /not a valid EWS SOAP message/ },
  // Twice: a reset on a reused idle connection is retried once on a new one (see the keep-alive test below).
  { name: 'a reset connection', fault: { kind: 'reset' }, times: 2, code: 'ConnectionReset', errorClass: 'transient', httpStatus: null, message: /closed the connection/ },
  { name: 'a redirect', fault: { kind: 'httpStatus', status: 302, headers: { Location: 'https://evil.example/EWS/Exchange.asmx' } }, code: 'RedirectNotFollowed', errorClass: 'permanent', httpStatus: 302, message: /https:\/\/evil\.example/ },
];

describe.each(EXCHANGE_CHANNELS)('classifies failures of %s as Microsoft documents them', (channel) => {
  it.each(ERROR_CASES)('$name → $code ($errorClass)', async ({ fault, times, code, errorClass, httpStatus, backOffMs, message }) => {
    ews.inject({ match: FAULTED_CALL[channel], fault, times: times ?? 1 });
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeServerProfile(ews.url), { channels: [channel] }));

    const error = result.channels[channel].error;
    expect(result.channels[channel].outcome).toBe('failure');
    expect(error).toMatchObject({ code, errorClass, httpStatus, backOffMs: backOffMs ?? null });
    if (message) expect(error?.message).toMatch(message);
    expect(error?.message).not.toMatch(INTERNAL_TEXT);
    // The failed call is a step with the same error, and what went over the wire (Authorization removed).
    const step = failedStep(result);
    expect(step).toMatchObject({ kind: 'ews', error: { code } });
    if (fault.kind !== 'reset') {
      expect(step?.exchange?.request).toMatch(/^POST https:\/\/127\.0\.0\.1:\d+\/EWS\/Exchange\.asmx/);
      expect(step?.exchange?.request).toMatch(/Authorization: Basic \*\*\*/);
      expect(step?.exchange?.response).toMatch(new RegExp(`^HTTP ${httpStatus}`));
    }
  });
});

describe('failures below HTTP', () => {
  async function checkAt(url: string, extra: Parameters<typeof testConnectivity>[0] = {}) {
    const adapter = testConnectivity(extra);
    try {
      return await adapter.checkMailbox(mailboxTarget(exchangeServerProfile(url)));
    } finally {
      adapter.close();
    }
  }

  it('a refused connection is ConnectionRefused (transient), and stops the other channels', async () => {
    const result = await checkAt(`https://127.0.0.1:${await closedPort()}/EWS/Exchange.asmx`);
    for (const channel of EXCHANGE_CHANNELS) expect(result.channels[channel].error).toMatchObject({ code: 'ConnectionRefused', errorClass: 'transient' });
    expect(failedStep(result)).toMatchObject({ kind: 'connect', error: { code: 'ConnectionRefused' } });
    // Outgoing and Appointments did not try again: same server, same credentials.
    expect(result.trace.steps[1]?.detail).toMatch(/Not tried: Incoming Email failed/);
    expect(result.trace.steps[1]?.detailSentence).toEqual({
      code: 'NOT_TRIED', params: { channel: 'Incoming Email' }, labels: { channel: { kind: 'exchangeChannel', keys: ['incoming'] } },
    });
    expect(result.trace.steps[1]?.steps).toEqual([]);
  });

  it('an unknown host is HostNotFound (permanent), with the DNS step failed', async () => {
    const result = await checkAt('https://mail.nowhere.example/EWS/Exchange.asmx');
    expect(result.channels.incoming.error).toMatchObject({ code: 'HostNotFound', errorClass: 'permanent' });
    expect(failedStep(result)).toMatchObject({ kind: 'dns', title: 'Resolve mail.nowhere.example', titleSentence: { code: 'RESOLVE_HOST', params: { host: 'mail.nowhere.example' } } });
  });

  it('https sent to a plain-http port is TlsHandshakeFailed', async () => {
    const plain = await startEwsTestServer({ protocol: 'http', accounts: ACCOUNTS, mailboxes: MAILBOXES });
    try {
      const result = await checkAt(`https://127.0.0.1:${plain.port}/EWS/Exchange.asmx`);
      expect(result.channels.incoming.error).toMatchObject({ code: 'TlsHandshakeFailed', errorClass: 'permanent' });
      expect(plain.requests).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  it.each([
    ['a self-signed certificate', { hosts: ['127.0.0.1'], selfSigned: true }, 'TlsCertificateUntrusted', /not signed by a trusted authority/],
    ['a certificate for another name', { hosts: ['other.example'] }, 'TlsCertificateNameMismatch', /does not name 127\.0\.0\.1/],
    ['an expired certificate', { hosts: ['127.0.0.1'], expired: true }, 'TlsCertificateExpired', /expired or not yet valid/],
  ] as const)('%s is %s (permanent), with the certificate described and nothing sent', async (_name, issue, code, message) => {
    const server = await startEwsTestServer({ accounts: ACCOUNTS, mailboxes: MAILBOXES, tls: testCertificates().issue(issue) });
    try {
      const result = await checkAt(server.url);
      expect(result.channels.incoming.error).toMatchObject({ code, errorClass: 'permanent' });
      expect(result.channels.incoming.error?.message).toMatch(message);
      const tls = failedStep(result);
      expect(tls).toMatchObject({ kind: 'tls', error: { code } });
      expect(tls?.detail).toMatch(/^Subject CN=.*; issuer CN=.*; valid .* to .*; not verified/);
      // No credential went to a server whose certificate failed.
      expect(server.requests).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('a server that never answers fails after the profile\'s timeout (ExchangeService.Timeout is not relied on)', async () => {
    ews.inject({ fault: { kind: 'hang' } });
    const started = performance.now();
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeServerProfile(ews.url, { timeoutMailboxConnectionAfterAmount: 1 }), { channels: ['incoming'] }));
    const elapsed = performance.now() - started;
    expect(result.channels.incoming.error).toMatchObject({ code: 'Timeout', errorClass: 'transient', message: expect.stringMatching(/did not answer within 1 second/) });
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(2_500);
  });

  it('no request waits longer than the deployment\'s ceiling, whatever the profile allows', async () => {
    ews.inject({ fault: { kind: 'hang' } });
    const capped = testConnectivity({ requestCeilingMs: 400 });
    const started = performance.now();
    const result = await capped.checkMailbox(mailboxTarget(exchangeServerProfile(ews.url, { timeoutMailboxConnectionAfterAmount: 100 }), { channels: ['incoming'] }));
    capped.close();
    expect(result.channels.incoming.error?.code).toBe('Timeout');
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});

describe('kept-alive connections', () => {
  it('a reset on a reused idle connection is retried once on a new connection; the check still passes', async () => {
    const settings = exchangeServerProfile(ews.url);
    await connectivity.checkMailbox(mailboxTarget(settings, { channels: ['incoming'] }));
    ews.reset();
    ews.inject({ fault: { kind: 'reset' }, times: 1 });
    const result = await connectivity.checkMailbox(mailboxTarget(settings, { channels: ['incoming'] }));
    expect(result.channels.incoming.outcome).toBe('success');
    expect(ews.requests.map((r) => r.status)).toEqual([-1, 200]);
    expect(new Set(ews.requests.map((r) => r.connection)).size).toBe(2);
  });
});

describe('which failures stop the remaining calls of the mailbox', () => {
  it('a 401 for the whole profile is reported on every channel after one round trip', async () => {
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeServerProfile(ews.url), { secrets: { incomingPassword: 'wrong-password-value' } }));
    expect(outcomes(result)).toEqual({ incoming: 'failure', outgoing: 'failure', appointmentsContactsTasks: 'failure' });
    expect(new Set(EXCHANGE_CHANNELS.map((c) => result.channels[c].error?.code))).toEqual(new Set(['HTTP401']));
    expect(ews.requests).toHaveLength(1);
  });

  it('a channel-specific failure does not: the other channels are still checked', async () => {
    ews.inject({ match: { operation: 'CreateItem' }, fault: { kind: 'errorResponse', responseCode: 'ErrorAccessDenied' } });
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeServerProfile(ews.url)));
    expect(outcomes(result)).toEqual({ incoming: 'success', outgoing: 'failure', appointmentsContactsTasks: 'success' });
    expect(ews.requests.filter((r) => r.identity === SERVICE_USER).map((r) => r.folder)).toEqual(['inbox', 'drafts', 'calendar', 'contacts', 'tasks']);
  });

  it('a draft that was saved but could not be deleted fails Outgoing and says the draft may remain', async () => {
    ews.inject({ match: { operation: 'DeleteItem' }, fault: { kind: 'soapFault', responseCode: 'ErrorAccessDenied', message: 'Access is denied.' } });
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeServerProfile(ews.url), { channels: ['outgoing'] }));
    expect(result.channels.outgoing.error?.message).toMatch(/Access is denied\. The test draft may remain in Drafts\./);
  });
});

describe('failures of this portal itself', () => {
  it('a bug is a result without its internal text, and is reported for the log', async () => {
    const reported: unknown[] = [];
    let calls = 0;
    const failing = testConnectivity({
      // Fails once the check is under way: in the middle of a channel.
      clock: () => {
        calls += 1;
        if (calls === 3) throw new TypeError("Cannot read properties of undefined (reading 'headers')");
        return new Date();
      },
      onUnexpectedError: (error) => reported.push(error),
    });
    const result = await failing.checkMailbox(mailboxTarget(exchangeServerProfile(ews.url)));
    failing.close();
    const failed = EXCHANGE_CHANNELS.filter((channel) => result.channels[channel].outcome === 'failure');
    expect(failed).toHaveLength(1);
    const error = result.channels[failed[0] ?? 'incoming'].error;
    expect(error).toMatchObject({ code: 'UnexpectedError', errorClass: 'permanent' });
    expect(error?.message).not.toMatch(INTERNAL_TEXT);
    expect(reported).toHaveLength(1);
    expect(String(reported[0])).toMatch(/Cannot read properties/);
  });
});
