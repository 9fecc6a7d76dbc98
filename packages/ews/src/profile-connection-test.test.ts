import type { ServerProfileConnectionTarget, ServerProfileSettings } from '@sync-admin/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  allSteps,
  CROSS_TENANT_APP,
  exchangeOnlineProfile,
  exchangeServerProfile,
  MAILBOX,
  MAILBOXES,
  NO_SECRETS,
  PORTAL_APP,
  SERVICE_PASSWORD,
  SERVICE_USER,
  testConnectivity,
} from './exchange-connectivity.test-support.ts';
import type { ExchangeConnectivity } from './index.ts';
import { startEwsTestServer, startOAuthTestServer, type EwsTestServer, type OAuthTestServer } from './test-peers/index.ts';

let ews: EwsTestServer;
let oauth: OAuthTestServer;
let connectivity: ExchangeConnectivity;
const clock = () => new Date('2026-12-02T09:00:00Z');

beforeAll(async () => {
  oauth = await startOAuthTestServer({ clients: [PORTAL_APP, CROSS_TENANT_APP] });
  ews = await startEwsTestServer({ accounts: ACCOUNTS, mailboxes: MAILBOXES, bearer: oauth.verifier, schemes: ['ntlm', 'basic', 'bearer'] });
  connectivity = testConnectivity({ s2s: PORTAL_APP, authorityHost: oauth.authorityHost, clock, hosts: { 'outlook.office365.com': ews.port } });
});
afterAll(async () => {
  connectivity.close();
  await Promise.all([ews.close(), oauth.close()]);
});
beforeEach(() => ews.reset());

function target(settings: ServerProfileSettings, secrets: Partial<ServerProfileConnectionTarget['secrets']> = {}, mailboxAddress: string | null = null): ServerProfileConnectionTarget {
  return { settings, secrets: { ...NO_SECRETS, ...secrets }, mailboxAddress };
}

describe('Test connection of an Exchange Server profile', () => {
  it('opens the service account\'s own Inbox, and says where in one sentence', async () => {
    const result = await connectivity.testConnection(target(exchangeServerProfile(ews.url, { incomingAuthenticationProtocol: 'ntlm' }), { incomingPassword: SERVICE_PASSWORD }));
    expect(result).toMatchObject({ status: 'success', errorCode: null, startedAt: clock() });
    expect(result.message).toBe(`Connected to ${ews.url} and opened the Inbox of ${SERVICE_USER}.`);
    expect(result.sentence).toEqual({ code: 'CONNECTED_OPENED_INBOX', params: { url: ews.url, mailbox: SERVICE_USER } });
    // Where and how it connects is the profile step's detail, who opens which mailbox the Open step's.
    expect(result.trace?.steps.map((s) => s.detailSentence?.code)).toEqual(['PLAN_AT_URL', 'ACCESS_OWN']);
    expect(ews.requests.filter((r) => r.status === 200).map((r) => [r.operation, r.folder, r.mailbox, r.impersonated])).toEqual([['GetFolder', 'inbox', 'svc-sync@contoso.com', null]]);
    // The trace: the profile read, then the call with its connection steps.
    expect(result.trace?.steps.map((s) => [s.kind, s.outcome])).toEqual([['configuration', 'success'], ['ews', 'success']]);
    expect(allSteps(result.trace?.steps ?? []).map((s) => s.kind)).toEqual(['configuration', 'ews', 'ews', 'connect', 'tls']);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('opens an impersonated mailbox when given one', async () => {
    const result = await connectivity.testConnection(target(exchangeServerProfile(ews.url), { incomingPassword: SERVICE_PASSWORD }, MAILBOX));
    expect(result.message).toBe(`Connected to ${ews.url} and opened the Inbox of ${MAILBOX} as ${SERVICE_USER} (impersonation).`);
    expect(result.sentence).toEqual({ code: 'CONNECTED_OPENED_INBOX_IMPERSONATING', params: { url: ews.url, mailbox: MAILBOX, account: SERVICE_USER } });
    expect(ews.requests.map((r) => r.impersonated)).toEqual([MAILBOX]);
  });

  it('fails with the catalog code and the exact error when the password is wrong', async () => {
    const result = await connectivity.testConnection(target(exchangeServerProfile(ews.url), { incomingPassword: 'wrong-password-value' }));
    // What Exchange said is data: no sentence of the portal's.
    expect(result).toMatchObject({ status: 'failure', errorCode: 'HTTP401', sentence: null });
    expect(result.message).toMatch(/401 Unauthorized: it refused the credentials\.$/);
  });

  it('says to test a mailbox when the credentials come from each mailbox', async () => {
    const result = await connectivity.testConnection(target(exchangeServerProfile(ews.url, { authenticateUsing: 'credentialsSpecifiedByUserOrQueue' })));
    expect(result).toMatchObject({ status: 'warning', errorCode: null, message: 'The credentials come from each mailbox: test a mailbox that uses this profile.' });
    expect(ews.requests).toEqual([]);
  });

  it('reports Windows Integrated Authentication as untestable here, with what to do instead', async () => {
    const result = await connectivity.testConnection(target(exchangeServerProfile(ews.url, { authenticateUsing: 'windowsIntegratedAuthentication' })));
    expect(result).toMatchObject({ status: 'warning', errorCode: 'WindowsIntegratedAuthenticationNotTestable' });
    expect(result.message).toMatch(/Test from the server that runs the synchronization service/);
  });

  it('refuses Anonymous', async () => {
    const result = await connectivity.testConnection(target(exchangeServerProfile(ews.url, { authenticateUsing: 'withoutCredentials' })));
    expect(result).toMatchObject({ status: 'failure', errorCode: 'AnonymousNotValid' });
  });

  it('needs a mailbox address to autodiscover from, unless the user name is one', async () => {
    const settings = exchangeServerProfile(ews.url, { useAutoDiscover: true, incomingServerLocation: null });
    const result = await connectivity.testConnection(target(settings, { incomingPassword: SERVICE_PASSWORD }));
    expect(result).toMatchObject({ status: 'failure', errorCode: 'MissingServerLocation' });
    expect(result.message).toMatch(/Autodiscover finds the server from a mailbox address/);
  });
});

describe('Test connection of an Exchange Online profile', () => {
  it('stops after the token, with a warning, when no mailbox is given', async () => {
    const result = await connectivity.testConnection(target(exchangeOnlineProfile()));
    expect(result).toMatchObject({ status: 'warning', errorCode: null });
    expect(result.message).toBe('Signed in to Microsoft Entra ID; no mailbox was opened. Test a mailbox that uses this profile to check access to Exchange Online.');
    expect(result.trace?.steps.map((s) => [s.kind, s.outcome])).toEqual([['configuration', 'success'], ['token', 'success']]);
    expect(result.trace?.steps[1]?.detail).toContain(`Authority ${oauth.authorityHost}/${PORTAL_APP.tenantId}`);
    expect(ews.requests).toEqual([]);
  });

  it('opens the mailbox\'s Inbox with the token, impersonating it', async () => {
    const settings = exchangeOnlineProfile({ authenticationType: 'oauthCrossTenant', tenantId: CROSS_TENANT_APP.tenantId, applicationId: CROSS_TENANT_APP.applicationId });
    const result = await connectivity.testConnection(target(settings, { clientSecret: CROSS_TENANT_APP.clientSecret }, MAILBOX));
    expect(result).toMatchObject({ status: 'success', errorCode: null });
    expect(result.message).toBe(`Signed in to Microsoft Entra ID and opened the Inbox of ${MAILBOX} at https://outlook.office365.com/EWS/Exchange.asmx.`);
    expect(ews.requests.map((r) => [r.identity, r.impersonated])).toEqual([[`app:${CROSS_TENANT_APP.applicationId}`, MAILBOX]]);
  });

  it('fails with the AADSTS code when the secret is wrong', async () => {
    const settings = exchangeOnlineProfile({ authenticationType: 'oauthCrossTenant', tenantId: CROSS_TENANT_APP.tenantId, applicationId: CROSS_TENANT_APP.applicationId });
    const result = await connectivity.testConnection(target(settings, { clientSecret: 'wrong-secret-value' }));
    expect(result).toMatchObject({ status: 'failure', errorCode: 'AADSTS7000215' });
    expect(result.message).toMatch(/^Microsoft Entra ID \(127\.0\.0\.1:\d+\) refused the token request: AADSTS7000215: Invalid client secret provided\./);
  });

  it('fails with MissingCredentials when the cross-tenant registration is incomplete', async () => {
    const result = await connectivity.testConnection(target(exchangeOnlineProfile({ authenticationType: 'oauthCrossTenant' })));
    expect(result).toMatchObject({ status: 'failure', errorCode: 'MissingCredentials' });
  });
});
