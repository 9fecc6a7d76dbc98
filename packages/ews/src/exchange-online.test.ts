import { EXCHANGE_CHANNELS, EXCHANGE_ONLINE_CHINA_EWS_URL } from '@sync-admin/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CROSS_TENANT_APP,
  exchangeOnlineProfile,
  failedStep,
  MAILBOX,
  MAILBOXES,
  mailboxTarget,
  PORTAL_APP,
  testConnectivity,
} from './exchange-connectivity.test-support.ts';
import { startEwsTestServer, startOAuthTestServer, type EwsTestServer, type OAuthTestServer } from './test-peers/index.ts';
import { cloudFor } from './exchange-online-token.ts';

let oauth: OAuthTestServer;
let ews: EwsTestServer;
let chinaEws: EwsTestServer;

beforeAll(async () => {
  oauth = await startOAuthTestServer({ clients: [PORTAL_APP, CROSS_TENANT_APP] });
  [ews, chinaEws] = await Promise.all([
    startEwsTestServer({ mailboxes: MAILBOXES, bearer: oauth.verifier }),
    startEwsTestServer({ mailboxes: MAILBOXES, bearer: oauth.verifier, bearerAudience: 'https://partner.outlook.cn' }),
  ]);
});
afterAll(() => Promise.all([oauth.close(), ews.close(), chinaEws.close()]));
beforeEach(() => {
  oauth.setFault(null);
  oauth.tokenRequests.length = 0;
  ews.reset();
});

/** A fresh adapter each time: MSAL's token cache lives in it. */
function adapter(extra: Parameters<typeof testConnectivity>[0] = {}) {
  return testConnectivity({
    s2s: PORTAL_APP,
    authorityHost: oauth.authorityHost,
    hosts: { 'outlook.office365.com': ews.port, 'partner.outlook.cn': chinaEws.port },
    ...extra,
  });
}

const crossTenant = (overrides = {}) =>
  exchangeOnlineProfile({ authenticationType: 'oauthCrossTenant', tenantId: CROSS_TENANT_APP.tenantId, applicationId: CROSS_TENANT_APP.applicationId, ...overrides });
const crossTenantSecrets = (clientSecret = CROSS_TENANT_APP.clientSecret) => ({ incomingPassword: null, clientSecret });

describe('tokens', () => {
  it('are cached per app registration until shortly before expiry: the second check makes no token request', async () => {
    const connectivity = adapter();
    const first = await connectivity.checkMailbox(mailboxTarget(exchangeOnlineProfile(), { secrets: { incomingPassword: null } }));
    const second = await connectivity.checkMailbox(mailboxTarget(exchangeOnlineProfile(), { secrets: { incomingPassword: null } }));
    await connectivity.checkMailbox(mailboxTarget(crossTenant(), { channels: ['incoming'], secrets: crossTenantSecrets() }));
    connectivity.close();

    for (const result of [first, second]) for (const channel of EXCHANGE_CHANNELS) expect(result.channels[channel].outcome).toBe('success');
    // One request for the portal's registration (three channels, two checks), one for the cross-tenant one.
    expect(oauth.tokenRequests.map((r) => [r.tenantId, r.clientId, r.grantType, r.scope])).toEqual([
      [PORTAL_APP.tenantId, PORTAL_APP.applicationId, 'client_credentials', 'https://outlook.office365.com/.default'],
      [CROSS_TENANT_APP.tenantId, CROSS_TENANT_APP.applicationId, 'client_credentials', 'https://outlook.office365.com/.default'],
    ]);
    const tokenStep = (result: typeof first) => result.trace.steps[0]?.steps.find((s) => s.kind === 'token');
    expect(tokenStep(first)?.detail).toMatch(new RegExp(`^Authority ${oauth.authorityHost}/${PORTAL_APP.tenantId} \\(tenant ${PORTAL_APP.tenantId}\\), scope https://outlook.office365.com/.default; new token, valid until `));
    expect(tokenStep(second)?.detail).toMatch(/token from the cache/);
  });

  it('renews a token that is about to expire', async () => {
    const shortLived = await startOAuthTestServer({ clients: [PORTAL_APP], expiresInSeconds: 120 });
    try {
      const connectivity = testConnectivity({ s2s: PORTAL_APP, authorityHost: shortLived.authorityHost, hosts: { 'outlook.office365.com': ews.port } });
      // MSAL renews tokens within five minutes of expiry: a two-minute token is never served from the cache.
      await connectivity.checkMailbox(mailboxTarget(exchangeOnlineProfile(), { channels: ['incoming'], secrets: { incomingPassword: null } }));
      await connectivity.checkMailbox(mailboxTarget(exchangeOnlineProfile(), { channels: ['incoming'], secrets: { incomingPassword: null } }));
      connectivity.close();
      expect(shortLived.tokenRequests).toHaveLength(2);
    } finally {
      await shortLived.close();
    }
  });

  it.each([
    ['a wrong client secret', crossTenant(), 'not-the-secret-value', 'AADSTS7000215', /AADSTS7000215: Invalid client secret provided/],
    ['an application that does not exist', crossTenant({ applicationId: 'cccccccc-0000-0000-0000-000000000003' }), CROSS_TENANT_APP.clientSecret, 'AADSTS700016', /AADSTS700016: Application with identifier/],
    ['a tenant that does not exist', crossTenant({ tenantId: '00000000-0000-0000-0000-000000000000' }), CROSS_TENANT_APP.clientSecret, 'AADSTS90002', /AADSTS90002: Tenant '00000000-0000-0000-0000-000000000000' not found/],
  ])('%s is its AADSTS code (permanent), on every channel, without an EWS request', async (_name, settings, secret, code, message) => {
    const connectivity = adapter();
    const result = await connectivity.checkMailbox(mailboxTarget(settings, { secrets: crossTenantSecrets(secret) }));
    connectivity.close();
    for (const channel of EXCHANGE_CHANNELS) expect(result.channels[channel].error).toMatchObject({ code, errorClass: 'permanent' });
    expect(result.channels.incoming.error?.message).toMatch(message);
    // The id an admin quotes to Microsoft support: Entra ID's correlation_id, the request's client-request-id.
    expect(oauth.tokenRequests[0]?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.channels.incoming.error?.message).toContain(`Correlation ID: ${oauth.tokenRequests[0]?.correlationId}`);
    expect(result.channels.incoming.error?.message).not.toContain(secret);
    expect(failedStep(result)).toMatchObject({ kind: 'token', error: { code } });
    // The token failed once: the other channels did not ask again.
    expect(oauth.tokenRequests).toHaveLength(1);
    expect(ews.requests).toEqual([]);
  });

  it('a token endpoint answering 503 is TokenServiceUnavailable (transient)', async () => {
    oauth.setFault({ kind: 'status', status: 503 });
    const connectivity = adapter();
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeOnlineProfile(), { channels: ['incoming'], secrets: { incomingPassword: null } }));
    connectivity.close();
    expect(result.channels.incoming.error).toMatchObject({ code: 'TokenServiceUnavailable', errorClass: 'transient', httpStatus: 503 });
  });

  it('a token endpoint that never answers is TokenServiceUnavailable after the profile\'s timeout', async () => {
    oauth.setFault({ kind: 'hang' });
    const connectivity = adapter();
    const started = performance.now();
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeOnlineProfile({ timeoutMailboxConnectionAfterAmount: 1 }), { channels: ['incoming'], secrets: { incomingPassword: null } }));
    connectivity.close();
    expect(result.channels.incoming.error).toMatchObject({ code: 'TokenServiceUnavailable', errorClass: 'transient' });
    expect(result.channels.incoming.error?.message).toMatch(/did not answer within 1 second/);
    expect(performance.now() - started).toBeLessThan(4_000);
  });

  it('a token Exchange refuses is HTTP401 with Exchange\'s reason', async () => {
    // A token for another resource: this server wants https://partner.outlook.cn.
    const connectivity = adapter();
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeOnlineProfile({ incomingServerLocation: chinaEws.url }), { channels: ['incoming'], secrets: { incomingPassword: null } }));
    connectivity.close();
    expect(result.channels.incoming.error).toMatchObject({ code: 'HTTP401', httpStatus: 401 });
    expect(result.channels.incoming.error?.message).toMatch(/The token is invalid/);
  });
});

describe('clouds', () => {
  it('takes the China cloud\'s resource for partner.outlook.cn (21Vianet), from the EWS endpoint override', async () => {
    const connectivity = adapter();
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeOnlineProfile({ defaultServerLocation: EXCHANGE_ONLINE_CHINA_EWS_URL }), { channels: ['incoming'], secrets: { incomingPassword: null } }));
    connectivity.close();
    expect(result.channels.incoming.outcome).toBe('success');
    expect(oauth.tokenRequests.map((r) => r.scope)).toEqual(['https://partner.outlook.cn/.default']);
    expect(chinaEws.requests.filter((r) => r.status === 200).map((r) => [r.impersonated, r.anchorMailbox])).toEqual([[MAILBOX, MAILBOX]]);
  });

  it('maps endpoints to their cloud: authority and resource', () => {
    expect(cloudFor(EXCHANGE_ONLINE_CHINA_EWS_URL)).toEqual({ authorityHost: 'https://login.partner.microsoftonline.cn', scope: 'https://partner.outlook.cn/.default' });
    expect(cloudFor('https://outlook.office365.com/EWS/Exchange.asmx')).toEqual({ authorityHost: 'https://login.microsoftonline.com', scope: 'https://outlook.office365.com/.default' });
    expect(cloudFor('not a url')).toEqual(cloudFor(null));
  });

  it('an unknown mailbox in the tenant is ErrorNonExistentMailbox (permanent)', async () => {
    const connectivity = adapter();
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeOnlineProfile(), { channels: ['incoming'], secrets: { incomingPassword: null }, mailbox: { emailAddress: 'nobody@contoso.com' } }));
    connectivity.close();
    expect(result.channels.incoming.error).toMatchObject({ code: 'ErrorNonExistentMailbox', errorClass: 'permanent' });
  });
});
