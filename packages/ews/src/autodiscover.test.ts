import { EXCHANGE_CHANNELS, EXCHANGE_ERROR_CATALOG } from '@sync-admin/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  allSteps,
  exchangeServerProfile,
  MAILBOX,
  MAILBOXES,
  mailboxTarget,
  testConnectivity,
} from './exchange-connectivity.test-support.ts';
import type { SrvResolver } from './index.ts';
import { startEwsTestServer, type AutodiscoverAnswer, type EwsTestServer } from './test-peers/index.ts';

const EWS_URL = 'https://mail.contoso.com/EWS/Exchange.asmx';
const FOUND: AutodiscoverAnswer = { kind: 'settings', externalEwsUrl: EWS_URL, internalEwsUrl: 'https://exch01.contoso.local/EWS/Exchange.asmx' };

let mail: EwsTestServer;
let autodiscoverHost: EwsTestServer;
let redirector: EwsTestServer;
let httpRedirector: EwsTestServer;
let bare: EwsTestServer;

beforeAll(async () => {
  [mail, autodiscoverHost, redirector, httpRedirector, bare] = await Promise.all([
    startEwsTestServer({ accounts: ACCOUNTS, mailboxes: MAILBOXES, autodiscover: { [MAILBOX]: FOUND } }),
    startEwsTestServer({ accounts: ACCOUNTS, mailboxes: MAILBOXES, autodiscover: { [MAILBOX]: FOUND } }),
    startEwsTestServer({ protocol: 'http', redirectTo: 'https://mail.contoso.com/autodiscover/autodiscover.xml' }),
    startEwsTestServer({ protocol: 'http', redirectTo: 'http://mail.contoso.com/autodiscover/autodiscover.xml' }),
    // Answers, but serves no Autodiscover: 404.
    startEwsTestServer({ accounts: ACCOUNTS, mailboxes: MAILBOXES }),
  ]);
});
afterAll(() => Promise.all([mail, autodiscoverHost, redirector, httpRedirector, bare].map((server) => server.close())));
beforeEach(() => {
  for (const server of [mail, autodiscoverHost, redirector, httpRedirector, bare]) {
    server.reset();
    server.clearFaults();
  }
});

const autodiscoverProfile = (protocol: 'basic' | 'ntlm' = 'basic') =>
  exchangeServerProfile('unused', { useAutoDiscover: true, incomingServerLocation: null, outgoingServerLocation: null, incomingAuthenticationProtocol: protocol, outgoingAuthenticationProtocol: protocol });

const srvFor = (host: string, port = 443): SrvResolver => async (name) => {
  if (name === '_autodiscover._tcp.contoso.com') return [{ name: `${host}.`, port, priority: 0, weight: 0 }];
  throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
};

async function discover(hosts: Record<string, number>, options: { knownEwsUrl?: string | null; resolveSrv?: SrvResolver; protocol?: 'basic' | 'ntlm'; channels?: typeof EXCHANGE_CHANNELS[number][] } = {}) {
  const connectivity = testConnectivity({ hosts, ...(options.resolveSrv ? { resolveSrv: options.resolveSrv } : {}) });
  try {
    return await connectivity.checkMailbox(mailboxTarget(autodiscoverProfile(options.protocol), { knownEwsUrl: options.knownEwsUrl ?? null, channels: options.channels ?? ['incoming'] }));
  } finally {
    connectivity.close();
  }
}

const autodiscoverTitles = (result: Awaited<ReturnType<typeof discover>>) =>
  allSteps(result.trace.steps).filter((s) => s.kind === 'autodiscover' || (s.kind === 'dns' && s.title.startsWith('SRV'))).map((s) => `${s.title}: ${s.outcome}`);

describe('SOAP Autodiscover, in Microsoft\'s order', () => {
  it('tries https://<domain>/autodiscover/autodiscover.svc first, and uses the ExternalEwsUrl it answers', async () => {
    const result = await discover({ 'contoso.com': autodiscoverHost.port, 'mail.contoso.com': mail.port });
    expect(result.channels.incoming.outcome).toBe('success');
    expect(result.discoveredEwsUrl).toBe(EWS_URL);
    expect(autodiscoverTitles(result)).toEqual([
      `Autodiscover for ${MAILBOX}: success`,
      'GetUserSettings at https://contoso.com/autodiscover/autodiscover.svc: success',
    ]);
    expect(autodiscoverHost.requests.map((r) => [r.host, r.operation, r.mailbox, r.identity])).toEqual([['contoso.com', 'GetUserSettings', MAILBOX, 'CONTOSO\\svc-sync']]);
    expect(mail.requests.map((r) => [r.host, r.operation, r.folder])).toEqual([['mail.contoso.com', 'GetFolder', 'inbox']]);
  });

  it('then https://autodiscover.<domain>/…, after an endpoint that does not serve Autodiscover (404)', async () => {
    const result = await discover({ 'contoso.com': bare.port, 'autodiscover.contoso.com': autodiscoverHost.port, 'mail.contoso.com': mail.port });
    expect(result.discoveredEwsUrl).toBe(EWS_URL);
    expect(autodiscoverTitles(result)).toEqual([
      `Autodiscover for ${MAILBOX}: success`,
      'GetUserSettings at https://contoso.com/autodiscover/autodiscover.svc: failure',
      'GetUserSettings at https://autodiscover.contoso.com/autodiscover/autodiscover.svc: success',
    ]);
    const first = allSteps(result.trace.steps).find((s) => s.title === 'GetUserSettings at https://contoso.com/autodiscover/autodiscover.svc');
    expect(first?.error).toMatchObject({ code: 'HTTP404' });
  });

  it('then the HTTP redirect method, following a 302 to https only, then the SRV record', async () => {
    const result = await discover(
      { 'autodiscover.contoso.com:80': redirector.port, 'mail.contoso.com': mail.port },
      { resolveSrv: srvFor('never-asked.contoso.com') },
    );
    expect(result.discoveredEwsUrl).toBe(EWS_URL);
    expect(autodiscoverTitles(result)).toEqual([
      `Autodiscover for ${MAILBOX}: success`,
      'GetUserSettings at https://contoso.com/autodiscover/autodiscover.svc: failure',
      'GetUserSettings at https://autodiscover.contoso.com/autodiscover/autodiscover.svc: failure',
      'Redirect method: GET http://autodiscover.contoso.com/autodiscover/autodiscover.xml: success',
      'GetUserSettings at https://mail.contoso.com/autodiscover/autodiscover.svc: success',
    ]);
    // The redirect method is anonymous: no credential over plain http.
    expect(redirector.requests.map((r) => [r.method, r.service, r.identity, r.status])).toEqual([['GET', 'redirect', null, 302]]);
  });

  it('does not follow a redirect to http, and goes on to the SRV record', async () => {
    const result = await discover(
      { 'autodiscover.contoso.com:80': httpRedirector.port, 'mail.contoso.com': mail.port },
      { resolveSrv: srvFor('mail.contoso.com') },
    );
    expect(result.discoveredEwsUrl).toBe(EWS_URL);
    expect(autodiscoverTitles(result).slice(3)).toEqual([
      'Redirect method: GET http://autodiscover.contoso.com/autodiscover/autodiscover.xml: failure',
      'SRV record _autodiscover._tcp.contoso.com: success',
      'GetUserSettings at https://mail.contoso.com/autodiscover/autodiscover.svc: success',
    ]);
  });

  it('uses InternalEwsUrl when there is no ExternalEwsUrl', async () => {
    const internal = await startEwsTestServer({ accounts: ACCOUNTS, mailboxes: MAILBOXES, autodiscover: { [MAILBOX]: { kind: 'settings', internalEwsUrl: EWS_URL } } });
    try {
      const result = await discover({ 'contoso.com': internal.port, 'mail.contoso.com': mail.port });
      expect(result.discoveredEwsUrl).toBe(EWS_URL);
    } finally {
      await internal.close();
    }
  });

  it('follows an address redirection (RedirectAddress) to the other mailbox\'s settings', async () => {
    const redirecting = await startEwsTestServer({
      accounts: ACCOUNTS, mailboxes: MAILBOXES,
      autodiscover: { [MAILBOX]: { kind: 'redirectAddress', address: 'adele@fabrikam.com' } },
    });
    const fabrikam = await startEwsTestServer({ accounts: ACCOUNTS, mailboxes: MAILBOXES, autodiscover: { 'adele@fabrikam.com': FOUND } });
    try {
      const result = await discover({ 'contoso.com': redirecting.port, 'fabrikam.com': fabrikam.port, 'mail.contoso.com': mail.port });
      expect(result.discoveredEwsUrl).toBe(EWS_URL);
      expect(fabrikam.requests.map((r) => r.mailbox)).toEqual(['adele@fabrikam.com']);
    } finally {
      await Promise.all([redirecting.close(), fabrikam.close()]);
    }
  });

  it('authenticates to Autodiscover with the profile\'s protocol (NTLM), on the check\'s one connection', async () => {
    const result = await discover({ 'contoso.com': autodiscoverHost.port, 'mail.contoso.com': mail.port }, { protocol: 'ntlm' });
    expect(result.channels.incoming.outcome).toBe('success');
    expect(autodiscoverHost.requests.map((r) => [r.operation, r.scheme, r.status])).toEqual([['handshake', null, 401], ['GetUserSettings', 'ntlm', 200]]);
  });
});

describe('when Autodiscover finds nothing', () => {
  it('names every URL tried and what it answered, instead of the library\'s "Not implemented."', async () => {
    const result = await discover({ 'contoso.com': bare.port }, { channels: [...EXCHANGE_CHANNELS] });
    for (const channel of EXCHANGE_CHANNELS) expect(result.channels[channel].error).toMatchObject({ code: 'AutodiscoverFailed', errorClass: 'permanent' });
    const message = result.channels.incoming.error?.message ?? '';
    expect(message).toMatch(/^The mailbox location could not be determined: no Autodiscover endpoint returned an EWS URL for adele\.vance@contoso\.com\. Tried /);
    expect(message).toContain('https://contoso.com/autodiscover/autodiscover.svc (https://contoso.com answered 404 Not Found');
    expect(message).toContain('https://autodiscover.contoso.com/autodiscover/autodiscover.svc (The server name in autodiscover.contoso.com:443 could not be resolved in DNS.)');
    expect(message).toContain('http://autodiscover.contoso.com/autodiscover/autodiscover.xml (The server name in autodiscover.contoso.com:80 could not be resolved in DNS.)');
    expect(message).toContain('SRV _autodiscover._tcp.contoso.com (no such record)');
    expect(message).not.toMatch(/Not implemented/);
    expect(EXCHANGE_ERROR_CATALOG.AutodiscoverFailed.meaning).toMatch(/The mailbox location could not be determined/);
    expect(result.discoveredEwsUrl).toBeNull();
    // Discovery ran once for the three channels.
    expect(bare.requests.filter((r) => r.service === 'autodiscover')).toHaveLength(1);
  });

  it('stops at an InvalidUser answer (AutodiscoverInvalidUser)', async () => {
    const unknown = await startEwsTestServer({ accounts: ACCOUNTS, mailboxes: MAILBOXES, autodiscover: {} });
    try {
      const result = await discover({ 'contoso.com': unknown.port, 'autodiscover.contoso.com': autodiscoverHost.port });
      expect(result.channels.incoming.error).toMatchObject({ code: 'AutodiscoverInvalidUser', errorClass: 'permanent' });
      expect(autodiscoverHost.requests).toEqual([]);
    } finally {
      await unknown.close();
    }
  });

  it('goes on after an endpoint that fails (HTTP 500, reset)', async () => {
    bare.inject({ fault: { kind: 'httpStatus', status: 500 } });
    autodiscoverHost.inject({ fault: { kind: 'reset' }, times: 2 });
    const result = await discover(
      { 'contoso.com': bare.port, 'autodiscover.contoso.com': autodiscoverHost.port, 'mail.contoso.com': mail.port },
      { resolveSrv: srvFor('mail.contoso.com') },
    );
    expect(result.discoveredEwsUrl).toBe(EWS_URL);
  });
});

describe('the EWS URL found earlier', () => {
  it('is used as it is while it works: no Autodiscover request', async () => {
    const result = await discover({ 'contoso.com': autodiscoverHost.port, 'mail.contoso.com': mail.port }, { knownEwsUrl: EWS_URL });
    expect(result.channels.incoming.outcome).toBe('success');
    expect(result.discoveredEwsUrl).toBe(EWS_URL);
    expect(autodiscoverHost.requests).toEqual([]);
  });

  it.each([
    ['answers 404', 'https://old.contoso.com/EWS/Exchange.asmx', true],
    ['no longer exists (unknown host)', 'https://gone.contoso.com/EWS/Exchange.asmx', false],
  ])('is rediscovered when it %s, and the call retried at the new URL', async (_name, known, answers404) => {
    const hosts: Record<string, number> = { 'contoso.com': autodiscoverHost.port, 'mail.contoso.com': mail.port };
    if (answers404) {
      hosts['old.contoso.com'] = bare.port;
      bare.inject({ match: { service: 'ews' }, fault: { kind: 'httpStatus', status: 404 } });
    }
    const result = await discover(hosts, { knownEwsUrl: known, channels: [...EXCHANGE_CHANNELS] });
    for (const channel of EXCHANGE_CHANNELS) expect(result.channels[channel].outcome).toBe('success');
    expect(result.discoveredEwsUrl).toBe(EWS_URL);
    const titles = allSteps(result.trace.steps).map((s) => `${s.title}: ${s.outcome}`);
    expect(titles).toContain(`GetFolder Inbox at ${known}: failure`);
    expect(titles).toContain(`GetFolder Inbox at ${EWS_URL}: success`);
    // The other channels went straight to the new URL.
    expect(titles).toContain(`GetFolder Calendar at ${EWS_URL}: success`);
    expect(autodiscoverHost.requests).toHaveLength(1);
  });

  it('is not rediscovered for a failure that is not about its location', async () => {
    mail.inject({ fault: { kind: 'errorResponse', responseCode: 'ErrorAccessDenied' } });
    const result = await discover({ 'contoso.com': autodiscoverHost.port, 'mail.contoso.com': mail.port }, { knownEwsUrl: EWS_URL });
    expect(result.channels.incoming.error?.code).toBe('ErrorAccessDenied');
    expect(autodiscoverHost.requests).toEqual([]);
    expect(result.discoveredEwsUrl).toBe(EWS_URL);
  });
});
