import { createServer } from 'node:net';
import { newServerProfileSettings, type ServerProfileConnectionTarget, type ServerProfileSettings } from '@sync-admin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEwsConnectionProbe, type EwsConnectionProbeOptions } from './index.ts';
import { SOAP_FAULT_TEXT, startFakeEwsServer, type FakeEwsServer } from './test-peers/fake-ews-server.ts';
import { startFakeTokenEndpoint, type FakeTokenEndpoint } from './test-peers/fake-token-endpoint.ts';
import { selfSignedCertificate } from './test-peers/self-signed-certificate.ts';

const USER = 'CONTOSO\\svc-sync';
const PASSWORD = 'Pa55-w0rd-never-shown';
const MAILBOX = 'adele.vance@contoso.com';
const TENANT = '11111111-2222-3333-4444-555555555555';
const CROSS_TENANT_APP = 'aaaaaaaa-0000-0000-0000-000000000001';
const CROSS_TENANT_SECRET = 'cross~tenant~secret~value';
const PORTAL_APP = 'bbbbbbbb-0000-0000-0000-000000000002';
const PORTAL_SECRET = 'portal~s2s~secret~value';
// Shaped like a JWT, as OAuthCredentials insists.
const ACCESS_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlMzY1LmNvbSJ9.c2lnbmF0dXJl';
const SECRETS_AND_TOKENS = [PASSWORD, CROSS_TENANT_SECRET, PORTAL_SECRET, ACCESS_TOKEN, 'wrong-secret-value', 'wrong-password'];

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

function exchangeServer(overrides: Partial<ServerProfileSettings>): ServerProfileSettings {
  return {
    ...newServerProfileSettings('exchangeServer'),
    name: 'Contoso Exchange 2019',
    useAutoDiscover: false,
    authenticateUsing: 'credentialsSpecifiedInEmailServerProfile',
    incomingUserName: USER,
    ...overrides,
  };
}

function exchangeOnline(overrides: Partial<ServerProfileSettings>): ServerProfileSettings {
  return { ...newServerProfileSettings('exchangeOnline'), ...overrides };
}

function target(settings: ServerProfileSettings, secrets: Partial<ServerProfileConnectionTarget['secrets']>, mailboxAddress: string | null): ServerProfileConnectionTarget {
  return { settings, secrets: { clientSecret: null, incomingPassword: null, outgoingPassword: null, ...secrets }, mailboxAddress };
}

/** A port that was free a moment ago and has nothing listening now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function expectNoSecrets(message: string) {
  for (const secret of SECRETS_AND_TOKENS) expect(message).not.toContain(secret);
}

describe('Exchange Server profiles', () => {
  let ews: FakeEwsServer;
  let impersonatingEws: FakeEwsServer;
  let faultingEws: FakeEwsServer;
  let hangingEws: FakeEwsServer;
  let deadUrl: string;
  const probe = createEwsConnectionProbe({ s2s: null });

  beforeAll(async () => {
    const expectedAuthorization = basic(USER, PASSWORD);
    [ews, impersonatingEws, faultingEws, hangingEws] = await Promise.all([
      startFakeEwsServer({ expectedAuthorization }),
      startFakeEwsServer({ expectedAuthorization, expectedImpersonation: MAILBOX }),
      startFakeEwsServer({ expectedAuthorization, behaviour: 'soapFault' }),
      startFakeEwsServer({ expectedAuthorization, behaviour: 'hang' }),
    ]);
    deadUrl = `http://127.0.0.1:${await closedPort()}/EWS/Exchange.asmx`;
  });
  afterAll(() => Promise.all([ews, impersonatingEws, faultingEws, hangingEws].map((s) => s?.close())));

  const cases: Array<{
    name: string;
    settings: () => ServerProfileSettings;
    password?: string;
    mailbox?: string | null;
    status: 'success' | 'warning' | 'failure';
    message: RegExp | (() => string);
  }> = [
    {
      name: 'right credentials open the service account inbox',
      settings: () => exchangeServer({ incomingServerLocation: ews.url }),
      status: 'success',
      message: () => `Connected to ${ews.url} and opened the Inbox of ${USER}.`,
    },
    {
      name: 'impersonation opens the mailbox as the service account',
      settings: () => exchangeServer({ incomingServerLocation: impersonatingEws.url, incomingUseImpersonation: true }),
      mailbox: MAILBOX,
      status: 'success',
      message: () => `Connected to ${impersonatingEws.url} and opened the Inbox of ${MAILBOX} as ${USER}.`,
    },
    {
      name: 'a wrong password is rejected with 401',
      settings: () => exchangeServer({ incomingServerLocation: ews.url }),
      password: 'wrong-password',
      status: 'failure',
      message: /^The email server rejected the credentials \(HTTP 401\)/,
    },
    {
      name: 'nothing listening on the port',
      settings: () => exchangeServer({ incomingServerLocation: deadUrl }),
      status: 'failure',
      message: () => `Could not reach ${deadUrl}: connection refused.`,
    },
    {
      name: 'a SOAP fault is reported with its text',
      settings: () => exchangeServer({ incomingServerLocation: faultingEws.url }),
      status: 'failure',
      message: new RegExp(SOAP_FAULT_TEXT.replace(/\./g, '\\.')),
    },
    {
      name: 'impersonation refused by the server (no mailbox impersonated) surfaces the fault',
      settings: () => exchangeServer({ incomingServerLocation: impersonatingEws.url, incomingUseImpersonation: false }),
      mailbox: MAILBOX,
      status: 'failure',
      message: new RegExp(SOAP_FAULT_TEXT.replace(/\./g, '\\.')),
    },
    {
      name: 'credentials of each mailbox cannot be tested on the profile',
      settings: () => exchangeServer({ authenticateUsing: 'credentialsSpecifiedByUserOrQueue', incomingServerLocation: ews.url }),
      status: 'warning',
      message: /credentials come from each mailbox; test a mailbox/,
    },
    {
      name: 'Windows integrated authentication cannot be tested from the portal',
      settings: () => exchangeServer({ authenticateUsing: 'windowsIntegratedAuthentication', incomingServerLocation: ews.url }),
      status: 'warning',
      message: /Windows Integrated Authentication .* can't use to test/,
    },
    {
      name: 'anonymous is not a valid setting',
      settings: () => exchangeServer({ authenticateUsing: 'withoutCredentials', incomingServerLocation: ews.url }),
      status: 'failure',
      message: /^Without Credential \(Anonymous\) is not a valid setting\./,
    },
    {
      name: 'Autodiscover without a mailbox has nothing to start from',
      settings: () => exchangeServer({ useAutoDiscover: true, incomingServerLocation: null }),
      mailbox: null,
      status: 'failure',
      message: /^Autodiscover finds the server from a mailbox address/,
    },
  ];

  it.each(cases)('$name', async ({ settings, password, mailbox, status, message }) => {
    const result = await probe.testConnection(target(settings(), { incomingPassword: password ?? PASSWORD }, mailbox ?? null));
    if (typeof message === 'function') expect(result.message).toBe(message());
    else expect(result.message).toMatch(message);
    expect(result.status).toBe(status);
    expectNoSecrets(result.message);
  });

  it('sends Basic credentials and the impersonated mailbox to the server', async () => {
    impersonatingEws.requests.length = 0;
    const settings = exchangeServer({ incomingServerLocation: impersonatingEws.url, incomingUseImpersonation: true });
    await probe.testConnection(target(settings, { incomingPassword: PASSWORD }, MAILBOX));
    expect(impersonatingEws.requests).toEqual([
      { authorization: basic(USER, PASSWORD), impersonated: MAILBOX, anchorMailbox: MAILBOX, folderId: 'inbox' },
    ]);
  });

  it('redacts a password that a server echoes back', async () => {
    const echoing = await startFakeEwsServer({ expectedAuthorization: basic(USER, PASSWORD), behaviour: 'echoCredentialsFault' });
    try {
      const result = await probe.testConnection(target(exchangeServer({ incomingServerLocation: echoing.url }), { incomingPassword: PASSWORD }, null));
      expect(result).toMatchObject({ status: 'failure', message: `The email server reported an error: Logon failure for ${USER}:***.` });
    } finally {
      await echoing.close();
    }
  });

  it('trusts an HTTPS server with an internal CA only when that CA is configured', async () => {
    const certificate = selfSignedCertificate();
    const tlsEws = await startFakeEwsServer({ expectedAuthorization: basic(USER, PASSWORD), tls: certificate });
    try {
      const settings = exchangeServer({ incomingServerLocation: tlsEws.url });
      const untrusted = await probe.testConnection(target(settings, { incomingPassword: PASSWORD }, null));
      expect(untrusted.status).toBe('failure');
      expect(untrusted.message).toMatch(new RegExp(`^Could not reach ${tlsEws.url}: the server's TLS certificate is not trusted`));
      const trusted = await createEwsConnectionProbe({ s2s: null, trustedCa: certificate.cert })
        .testConnection(target(settings, { incomingPassword: PASSWORD }, null));
      expect(trusted).toMatchObject({ status: 'success', message: `Connected to ${tlsEws.url} and opened the Inbox of ${USER}.` });
    } finally {
      await tlsEws.close();
    }
  });

  it('gives up on a server that never answers after the profile timeout', async () => {
    const settings = exchangeServer({ incomingServerLocation: hangingEws.url, timeoutMailboxConnection: true, timeoutMailboxConnectionAfterAmount: 1 });
    const started = Date.now();
    const result = await probe.testConnection(target(settings, { incomingPassword: PASSWORD }, null));
    expect(result).toMatchObject({ status: 'failure', message: `Could not reach ${hangingEws.url}: no answer within 1 second.` });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(result.durationMs).toBeGreaterThanOrEqual(900);
    expect(hangingEws.requests).toHaveLength(1);
  });

  it('stamps the result with the injected clock', async () => {
    const times = [new Date('2026-03-01T10:00:00Z'), new Date('2026-03-01T10:00:02.5Z')];
    const clocked = createEwsConnectionProbe({ s2s: null, clock: () => times.shift() ?? new Date(0) });
    const result = await clocked.testConnection(target(exchangeServer({ incomingServerLocation: ews.url }), { incomingPassword: PASSWORD }, null));
    expect(result).toEqual({
      status: 'success',
      startedAt: new Date('2026-03-01T10:00:00Z'),
      durationMs: 2500,
      message: `Connected to ${ews.url} and opened the Inbox of ${USER}.`,
    });
  });
});

describe('Exchange Online profiles', () => {
  let entra: FakeTokenEndpoint;
  let ews: FakeEwsServer;
  let options: EwsConnectionProbeOptions;

  beforeAll(async () => {
    [entra, ews] = await Promise.all([
      startFakeTokenEndpoint({ clients: { [CROSS_TENANT_APP]: CROSS_TENANT_SECRET, [PORTAL_APP]: PORTAL_SECRET }, accessToken: ACCESS_TOKEN }),
      startFakeEwsServer({ expectedAuthorization: `Bearer ${ACCESS_TOKEN}`, expectedImpersonation: MAILBOX }),
    ]);
    options = {
      s2s: { tenantId: TENANT, applicationId: PORTAL_APP, clientSecret: PORTAL_SECRET },
      authorityHost: entra.authorityHost,
      trustedCa: entra.certificate,
    };
  });
  afterAll(() => Promise.all([entra?.close(), ews?.close()]));

  const crossTenant = (overrides: Partial<ServerProfileSettings> = {}) =>
    exchangeOnline({ authenticationType: 'oauthCrossTenant', tenantId: TENANT, applicationId: CROSS_TENANT_APP, incomingServerLocation: ews.url, ...overrides });

  it('OAuth cross tenant: fetches a token from Entra ID, then opens the mailbox with Bearer and impersonation', async () => {
    entra.requests.length = 0;
    ews.requests.length = 0;
    const result = await createEwsConnectionProbe(options).testConnection(target(crossTenant(), { clientSecret: CROSS_TENANT_SECRET }, MAILBOX));
    expect(result).toMatchObject({ status: 'success', message: `Signed in to Microsoft Entra ID and opened the Inbox of ${MAILBOX} at ${ews.url}.` });
    expect(entra.requests).toEqual([
      { tenant: TENANT, grantType: 'client_credentials', clientId: CROSS_TENANT_APP, scope: 'https://outlook.office365.com/.default' },
    ]);
    expect(ews.requests).toEqual([{ authorization: `Bearer ${ACCESS_TOKEN}`, impersonated: MAILBOX, anchorMailbox: MAILBOX, folderId: 'inbox' }]);
    expectNoSecrets(result.message);
  });

  it('S2S same tenant signs in with the portal app registration', async () => {
    entra.requests.length = 0;
    const settings = exchangeOnline({ authenticationType: 's2sSameTenant', incomingServerLocation: ews.url });
    const result = await createEwsConnectionProbe(options).testConnection(target(settings, {}, MAILBOX));
    expect(result.status).toBe('success');
    expect(entra.requests.map((r) => [r.tenant, r.clientId])).toEqual([[TENANT, PORTAL_APP]]);
  });

  it('asks for the China cloud scope when the profile points at partner.outlook.cn', async () => {
    entra.requests.length = 0;
    const settings = crossTenant({ defaultServerLocation: 'https://partner.outlook.cn/EWS/Exchange.asmx' });
    const result = await createEwsConnectionProbe(options).testConnection(target(settings, { clientSecret: CROSS_TENANT_SECRET }, MAILBOX));
    expect(result.status).toBe('success');
    expect(entra.requests.map((r) => r.scope)).toEqual(['https://partner.outlook.cn/.default']);
  });

  it('without a mailbox, stops after the token with a warning', async () => {
    ews.requests.length = 0;
    const result = await createEwsConnectionProbe(options).testConnection(target(crossTenant(), { clientSecret: CROSS_TENANT_SECRET }, null));
    expect(result.status).toBe('warning');
    expect(result.message).toMatch(/^Signed in to Microsoft Entra ID; no mailbox was opened/);
    expect(ews.requests).toHaveLength(0);
  });

  it('a bad client secret fails with the AADSTS text and never the secret', async () => {
    ews.requests.length = 0;
    const result = await createEwsConnectionProbe(options).testConnection(target(crossTenant(), { clientSecret: 'wrong-secret-value' }, MAILBOX));
    expect(result.status).toBe('failure');
    expect(result.message).toMatch(
      new RegExp(`^Could not get a token from Microsoft Entra ID \\(${entra.authorityHost}\\)\\. AADSTS7000215: Invalid client secret provided\\. .* \\(invalid_client; Correlation ID: [0-9a-f-]+\\)$`),
    );
    expectNoSecrets(result.message);
    expect(ews.requests).toHaveLength(0);
  });

  it('S2S without the portal app registration fails and says what to configure', async () => {
    entra.requests.length = 0;
    const settings = exchangeOnline({ authenticationType: 's2sSameTenant', incomingServerLocation: ews.url });
    const result = await createEwsConnectionProbe({ ...options, s2s: null }).testConnection(target(settings, {}, MAILBOX));
    expect(result.status).toBe('failure');
    expect(result.message).toMatch(/S2S auth \(Same Tenant\) signs in with the portal's own app registration, which is not configured/);
    expect(entra.requests).toHaveLength(0);
  });

  it('a token endpoint that cannot be reached is a failure, not an exception', async () => {
    const port = await closedPort();
    const result = await createEwsConnectionProbe({ ...options, authorityHost: `https://127.0.0.1:${port}` })
      .testConnection(target(crossTenant(), { clientSecret: CROSS_TENANT_SECRET }, MAILBOX));
    expect(result.status).toBe('failure');
    expect(result.message).toBe(
      `Could not get a token from Microsoft Entra ID (https://127.0.0.1:${port}). Could not reach https://127.0.0.1:${port}: connection refused.`,
    );
    expectNoSecrets(result.message);
  });
});
