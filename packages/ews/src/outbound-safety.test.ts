import { EXCHANGE_CHANNELS } from '@sync-admin/domain';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  allSteps,
  exchangeServerProfile,
  failedStep,
  MAILBOX,
  MAILBOXES,
  mailboxTarget,
  mapHosts,
  testConnectivity,
} from './exchange-connectivity.test-support.ts';
import { startEwsTestServer, testCertificates, type EwsTestServer } from './test-peers/index.ts';

/** A bare TCP listener that counts connections: a refused destination must never be connected to. */
let listener: Server;
let connections = 0;
let ews: EwsTestServer;

beforeAll(async () => {
  listener = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  ews = await startEwsTestServer({ accounts: ACCOUNTS, mailboxes: MAILBOXES, autodiscover: { [MAILBOX]: { kind: 'settings', externalEwsUrl: 'https://inside.contoso.com/EWS/Exchange.asmx' } } });
});
afterAll(async () => {
  await new Promise((resolve) => listener.close(resolve));
  await ews.close();
});
beforeEach(() => {
  connections = 0;
  ews.reset();
});

const listenerPort = () => (listener.address() as { port: number }).port;

describe('destinations that resolve to this machine or the private network', () => {
  it('are refused unless the host is allowed, and never connected to', async () => {
    const connectivity = testConnectivity({ allowedHosts: [] });
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeServerProfile(`https://127.0.0.1:${listenerPort()}/EWS/Exchange.asmx`)));
    connectivity.close();
    for (const channel of EXCHANGE_CHANNELS) expect(result.channels[channel].error).toMatchObject({ code: 'DestinationNotAllowed', errorClass: 'permanent' });
    expect(result.channels.incoming.error?.message).toMatch(/127\.0\.0\.1 resolves to 127\.0\.0\.1, a loopback address/);
    expect(failedStep(result)).toMatchObject({ kind: 'connect', title: `Connect to 127.0.0.1:${listenerPort()}` });
    expect(connections).toBe(0);
  });

  it('checks the address the name resolved to in the socket\'s own lookup (localhost, real resolver)', async () => {
    const connectivity = testConnectivity({ allowedHosts: [], resolveHost: undefined });
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeServerProfile(`https://localhost:${listenerPort()}/EWS/Exchange.asmx`), { channels: ['incoming'] }));
    connectivity.close();
    expect(result.channels.incoming.error).toMatchObject({ code: 'DestinationNotAllowed' });
    expect(result.channels.incoming.error?.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    expect(connections).toBe(0);
  });

  it('connects when the operator allows the host (EWS_ALLOWED_HOSTS)', async () => {
    const connectivity = testConnectivity({ allowedHosts: ['localhost'], resolveHost: undefined });
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeServerProfile(`https://localhost:${ews.port}/EWS/Exchange.asmx`), { channels: ['incoming'] }));
    connectivity.close();
    expect(result.channels.incoming.outcome).toBe('success');
  });

  it('refuses a public-looking name that points inside, and an EWS URL Autodiscover points inside with', async () => {
    const resolveHost = (host: string, port: number) =>
      host === 'inside.contoso.com' ? { address: '10.0.0.5', port } : mapHosts({ 'contoso.com': ews.port })(host, port);
    const connectivity = testConnectivity({ allowedHosts: ['contoso.com'], resolveHost });
    const direct = await connectivity.checkMailbox(mailboxTarget(exchangeServerProfile('https://inside.contoso.com/EWS/Exchange.asmx'), { channels: ['incoming'] }));
    const discovered = await connectivity.checkMailbox(mailboxTarget(exchangeServerProfile('unused', { useAutoDiscover: true, incomingServerLocation: null }), { channels: ['incoming'] }));
    connectivity.close();
    expect(direct.channels.incoming.error?.message).toMatch(/^inside\.contoso\.com resolves to 10\.0\.0\.5, a private address/);
    expect(discovered.discoveredEwsUrl).toBe('https://inside.contoso.com/EWS/Exchange.asmx');
    expect(discovered.channels.incoming.error).toMatchObject({ code: 'DestinationNotAllowed' });
  });

  it('checks every redirect again: the HTTP redirect method may not lead inside', async () => {
    const redirector = await startEwsTestServer({ protocol: 'http', redirectTo: 'https://metadata.contoso.com/autodiscover/autodiscover.xml' });
    try {
      const resolveHost = mapHosts({ 'autodiscover.contoso.com:80': redirector.port, 'metadata.contoso.com': listenerPort() });
      const connectivity = testConnectivity({ allowedHosts: ['autodiscover.contoso.com'], resolveHost });
      const result = await connectivity.checkMailbox(mailboxTarget(exchangeServerProfile('unused', { useAutoDiscover: true, incomingServerLocation: null }), { channels: ['incoming'] }));
      connectivity.close();
      expect(redirector.requests.map((r) => r.status)).toEqual([302]);
      const refused = allSteps(result.trace.steps).find((s) => s.title === 'GetUserSettings at https://metadata.contoso.com/autodiscover/autodiscover.svc');
      expect(refused?.error).toMatchObject({ code: 'DestinationNotAllowed' });
      expect(result.channels.incoming.error?.code).toBe('AutodiscoverFailed');
      expect(connections).toBe(0);
    } finally {
      await redirector.close();
    }
  });
});

describe('plain http', () => {
  let plain: EwsTestServer;
  beforeAll(async () => {
    plain = await startEwsTestServer({ protocol: 'http', accounts: ACCOUNTS, mailboxes: MAILBOXES });
  });
  afterAll(() => plain.close());

  it('never carries credentials unless the deployment allows http (InsecureChannel)', async () => {
    const connectivity = testConnectivity({ allowHttp: false });
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeServerProfile(plain.url)));
    connectivity.close();
    for (const channel of EXCHANGE_CHANNELS) expect(result.channels[channel].error).toMatchObject({ code: 'InsecureChannel', errorClass: 'permanent' });
    expect(result.channels.incoming.error?.message).toMatch(/ALLOW_HTTP_SERVER_LOCATIONS=true/);
    expect(plain.requests).toEqual([]);
  });

  it('works when ALLOW_HTTP_SERVER_LOCATIONS=true', async () => {
    const connectivity = testConnectivity({ allowHttp: true });
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeServerProfile(plain.url)));
    connectivity.close();
    for (const channel of EXCHANGE_CHANNELS) expect(result.channels[channel].outcome).toBe('success');
  });
});

describe('trusted certificate authorities', () => {
  it('are the default store unless the test-only trustedCa is given: the test CA is not trusted by default', async () => {
    const connectivity = testConnectivity({ trustedCa: undefined });
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeServerProfile(ews.url), { channels: ['incoming'] }));
    connectivity.close();
    expect(result.channels.incoming.error?.code).toBe('TlsCertificateUntrusted');
    expect(failedStep(result)?.detail).toContain('issuer CN=Sync Admin Test CA');
    expect(testCertificates().ca).toMatch(/BEGIN CERTIFICATE/);
  });
});
