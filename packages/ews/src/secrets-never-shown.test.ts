import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  ALL_SECRETS,
  CROSS_TENANT_APP,
  exchangeOnlineProfile,
  exchangeServerProfile,
  failedStep,
  MAILBOX_PASSWORD,
  MAILBOX_USER,
  MAILBOXES,
  mailboxTarget,
  PORTAL_APP,
  SENDER_PASSWORD,
  SENDER_USER,
  SERVICE_PASSWORD,
  SERVICE_USER,
  testConnectivity,
} from './exchange-connectivity.test-support.ts';
import type { ExchangeConnectivity } from './index.ts';
import { startEwsTestServer, startOAuthTestServer, type EwsTestServer, type OAuthTestServer } from './test-peers/index.ts';

let ews: EwsTestServer;
let oauth: OAuthTestServer;
let connectivity: ExchangeConnectivity;

beforeAll(async () => {
  oauth = await startOAuthTestServer({ clients: [PORTAL_APP, CROSS_TENANT_APP] });
  ews = await startEwsTestServer({ accounts: ACCOUNTS, mailboxes: MAILBOXES, bearer: oauth.verifier, schemes: ['ntlm', 'negotiate', 'basic', 'bearer'] });
  connectivity = testConnectivity({ s2s: PORTAL_APP, authorityHost: oauth.authorityHost, hosts: { 'outlook.office365.com': ews.port } });
});
afterAll(async () => {
  connectivity.close();
  await Promise.all([ews.close(), oauth.close()]);
});
beforeEach(() => {
  ews.clearFaults();
  // A careless server: every answer is a fault that repeats the Authorization header, decoded.
  ews.inject({ fault: { kind: 'echoAuthorization' } });
});

/** Every spelling a secret could leak in: plain, URL-encoded, base64, and Basic's base64 of "user:password". */
function spellings(): string[] {
  const basic = [[SERVICE_USER, SERVICE_PASSWORD], [SENDER_USER, SENDER_PASSWORD], [MAILBOX_USER, MAILBOX_PASSWORD]]
    .map(([user, password]) => Buffer.from(`${user}:${password}`).toString('base64').replace(/=+$/, ''));
  return [...ALL_SECRETS, ...ALL_SECRETS.map(encodeURIComponent), ...ALL_SECRETS.map((s) => Buffer.from(s).toString('base64').replace(/=+$/, '')), ...basic];
}

function expectNoSecret(result: unknown) {
  const text = JSON.stringify(result);
  for (const spelling of spellings()) expect(text).not.toContain(spelling);
  // No bearer token either (JWTs start with base64 of '{"').
  expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
  expect(text).not.toMatch(/(Basic|NTLM|Negotiate|Bearer) (?!\*\*\*)[A-Za-z0-9+/=._-]{8,}/);
}

describe('a server that echoes the Authorization header', () => {
  it.each(['basic', 'ntlm', 'negotiate'] as const)('cannot put the %s credentials in a result or a trace', async (protocol) => {
    const settings = exchangeServerProfile(ews.url, {
      incomingAuthenticationProtocol: protocol, outgoingAuthenticationProtocol: protocol,
      useSameSettingsForOutgoing: false, outgoingUserName: SENDER_USER,
    });
    const result = await connectivity.checkMailbox(mailboxTarget(settings, { secrets: { outgoingPassword: SENDER_PASSWORD } }));
    expect(result.channels.incoming.error?.message).toMatch(/Logon failure for (Basic|NTLM|Negotiate) \*\*\*/);
    // The failed step keeps the exchange, secrets masked: the echo is visible, the password is not.
    expect(failedStep(result)?.exchange?.response).toContain('Logon failure for');
    expectNoSecret(result);
  });

  it('cannot put the mailbox\'s own password in a result', async () => {
    const settings = exchangeServerProfile(ews.url, { authenticateUsing: 'credentialsSpecifiedByUserOrQueue' });
    const result = await connectivity.checkMailbox(mailboxTarget(settings, { mailbox: { allowCredentialsForEmailProcessing: true, userName: MAILBOX_USER, password: MAILBOX_PASSWORD } }));
    expect(result.channels.incoming.outcome).toBe('failure');
    expectNoSecret(result);
  });

  it('cannot put the access token or the client secret in a result', async () => {
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeOnlineProfile(), { secrets: { incomingPassword: null } }));
    expect(result.channels.incoming.error?.message).toMatch(/Logon failure for Bearer \*\*\*/);
    expectNoSecret(result);
  });

  it('cannot put secrets in a profile\'s Test connection either', async () => {
    const online = await connectivity.testConnection({ settings: exchangeOnlineProfile({ authenticationType: 'oauthCrossTenant', tenantId: CROSS_TENANT_APP.tenantId, applicationId: CROSS_TENANT_APP.applicationId }), secrets: { clientSecret: CROSS_TENANT_APP.clientSecret, incomingPassword: null, outgoingPassword: null }, mailboxAddress: 'adele.vance@contoso.com' });
    const onPremises = await connectivity.testConnection({ settings: exchangeServerProfile(ews.url), secrets: { clientSecret: null, incomingPassword: SERVICE_PASSWORD, outgoingPassword: null }, mailboxAddress: null });
    for (const result of [online, onPremises]) {
      expect(result.status).toBe('failure');
      expectNoSecret(result);
    }
  });
});

describe('a failing token request', () => {
  it('never shows the client secret it sent', async () => {
    const settings = exchangeOnlineProfile({ authenticationType: 'oauthCrossTenant', tenantId: CROSS_TENANT_APP.tenantId, applicationId: CROSS_TENANT_APP.applicationId });
    const result = await connectivity.checkMailbox(mailboxTarget(settings, { secrets: { incomingPassword: null, clientSecret: 'a-wrong-but-real-looking-secret' } }));
    expect(result.channels.incoming.error?.code).toBe('AADSTS7000215');
    expect(JSON.stringify(result)).not.toContain('a-wrong-but-real-looking-secret');
  });
});
