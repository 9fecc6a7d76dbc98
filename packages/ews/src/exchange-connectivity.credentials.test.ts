import { EXCHANGE_CHANNELS, EXCHANGE_ONLINE_EWS_URL, type ExchangeChannel, type ServerProfileSettings } from '@sync-admin/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  CROSS_TENANT_APP,
  exchangeOnlineProfile,
  exchangeServerProfile,
  MAILBOX,
  MAILBOX_PASSWORD,
  MAILBOX_USER,
  MAILBOXES,
  mailboxTarget,
  outcomes,
  PORTAL_APP,
  SENDER_PASSWORD,
  SENDER_USER,
  SERVICE_USER,
  testConnectivity,
} from './exchange-connectivity.test-support.ts';
import type { ExchangeConnectivity } from './index.ts';
import { startEwsTestServer, startOAuthTestServer, type EwsRequestLogEntry, type EwsTestServer, type OAuthTestServer } from './test-peers/index.ts';

/** What each channel must send, and nothing else: Test & Enable never sends mail. */
const EXPECTED_CALLS: Record<ExchangeChannel, Array<{ operation: string; folder: string | null }>> = {
  incoming: [{ operation: 'GetFolder', folder: 'inbox' }],
  outgoing: [{ operation: 'CreateItem', folder: 'drafts' }, { operation: 'DeleteItem', folder: null }],
  appointmentsContactsTasks: [
    { operation: 'GetFolder', folder: 'calendar' },
    { operation: 'GetFolder', folder: 'contacts' },
    { operation: 'GetFolder', folder: 'tasks' },
  ],
};

const soapCalls = (server: EwsTestServer) => server.requests.filter((r) => r.status === 200 && r.operation !== 'handshake');

let ews: EwsTestServer;
let outgoingEws: EwsTestServer;
let oauth: OAuthTestServer;
let connectivity: ExchangeConnectivity;

beforeAll(async () => {
  oauth = await startOAuthTestServer({ clients: [PORTAL_APP, CROSS_TENANT_APP] });
  [ews, outgoingEws] = await Promise.all([
    startEwsTestServer({ accounts: ACCOUNTS, mailboxes: MAILBOXES, bearer: oauth.verifier, schemes: ['ntlm', 'negotiate', 'basic', 'bearer'] }),
    startEwsTestServer({ accounts: ACCOUNTS, mailboxes: MAILBOXES }),
  ]);
  connectivity = testConnectivity({ s2s: PORTAL_APP, authorityHost: oauth.authorityHost, hosts: { 'outlook.office365.com': ews.port } });
});
afterAll(async () => {
  connectivity.close();
  await Promise.all([ews.close(), outgoingEws.close(), oauth.close()]);
});
beforeEach(() => {
  ews.reset();
  outgoingEws.reset();
});

interface CredentialMode {
  name: string;
  settings: () => ServerProfileSettings;
  secrets?: { incomingPassword?: string | null; outgoingPassword?: string | null; clientSecret?: string | null };
  mailbox?: { allowCredentialsForEmailProcessing: boolean; userName: string; password: string };
  /** The server and the identity, scheme and access each channel's calls must show. */
  expect: (channel: ExchangeChannel) => { server: () => EwsTestServer; identity: string; scheme: EwsRequestLogEntry['scheme']; impersonated: string | null };
}

const impersonating = (identity: string, scheme: EwsRequestLogEntry['scheme']) => () => ({ server: () => ews, identity, scheme, impersonated: MAILBOX });

const MODES: CredentialMode[] = [
  {
    name: 'Exchange Online, S2S auth (Same Tenant): the portal app registration, at the fixed endpoint',
    settings: () => exchangeOnlineProfile({ authenticationType: 's2sSameTenant' }),
    secrets: { incomingPassword: null },
    expect: impersonating(`app:${PORTAL_APP.applicationId}`, 'bearer'),
  },
  {
    name: 'Exchange Online, Oauth (Cross Tenant): the profile\'s app registration',
    settings: () => exchangeOnlineProfile({ authenticationType: 'oauthCrossTenant', tenantId: CROSS_TENANT_APP.tenantId, applicationId: CROSS_TENANT_APP.applicationId, incomingServerLocation: ews.url }),
    secrets: { incomingPassword: null, clientSecret: CROSS_TENANT_APP.clientSecret },
    expect: impersonating(`app:${CROSS_TENANT_APP.applicationId}`, 'bearer'),
  },
  ...(['basic', 'ntlm', 'negotiate'] as const).map((protocol): CredentialMode => ({
    name: `profile credentials over ${protocol}, impersonating`,
    settings: () => exchangeServerProfile(ews.url, { incomingAuthenticationProtocol: protocol, outgoingAuthenticationProtocol: protocol }),
    expect: impersonating(SERVICE_USER, protocol),
  })),
  {
    // The server offers NTLM, Negotiate and Basic: Auto Detect takes NTLM, never the weaker Basic.
    name: 'profile credentials over Auto Detect (falls to NTLM when offered)',
    settings: () => exchangeServerProfile(ews.url, { incomingAuthenticationProtocol: 'autoDetect', outgoingAuthenticationProtocol: 'autoDetect' }),
    expect: impersonating(SERVICE_USER, 'ntlm'),
  },
  {
    name: 'profile credentials without impersonation: the mailbox is opened as a delegate',
    settings: () => exchangeServerProfile(ews.url, { incomingUseImpersonation: false, outgoingUseImpersonation: false, incomingAuthenticationProtocol: 'ntlm', outgoingAuthenticationProtocol: 'ntlm' }),
    expect: () => ({ server: () => ews, identity: SERVICE_USER, scheme: 'ntlm', impersonated: null }),
  },
  {
    name: 'Credentials Specified by a User or Queue: the mailbox\'s own credentials, its own mailbox',
    settings: () => exchangeServerProfile(ews.url, { authenticateUsing: 'credentialsSpecifiedByUserOrQueue', incomingUserName: null, incomingAuthenticationProtocol: 'ntlm', outgoingAuthenticationProtocol: 'ntlm' }),
    secrets: { incomingPassword: null },
    mailbox: { allowCredentialsForEmailProcessing: true, userName: MAILBOX_USER, password: MAILBOX_PASSWORD },
    expect: () => ({ server: () => ews, identity: MAILBOX_USER, scheme: 'ntlm', impersonated: null }),
  },
  {
    name: 'separate outgoing credentials, location and protocol (Use same settings for Outgoing = No)',
    settings: () => exchangeServerProfile(ews.url, {
      useSameSettingsForOutgoing: false, outgoingUserName: SENDER_USER, outgoingServerLocation: outgoingEws.url,
      incomingAuthenticationProtocol: 'basic', outgoingAuthenticationProtocol: 'ntlm',
    }),
    secrets: { outgoingPassword: SENDER_PASSWORD },
    expect: (channel) => channel === 'outgoing'
      ? { server: () => outgoingEws, identity: SENDER_USER, scheme: 'ntlm', impersonated: MAILBOX }
      : { server: () => ews, identity: SERVICE_USER, scheme: 'basic', impersonated: MAILBOX },
  },
];

describe.each(MODES)('$name', (mode) => {
  it.each(EXCHANGE_CHANNELS)('checks %s with exactly its calls, and leaves the other channels not tested', async (channel) => {
    const result = await connectivity.checkMailbox(mailboxTarget(mode.settings(), { channels: [channel], secrets: mode.secrets, mailbox: mode.mailbox }));

    expect(result.channels[channel]).toEqual({ outcome: 'success', error: null, note: null });
    for (const other of EXCHANGE_CHANNELS.filter((c) => c !== channel)) {
      expect(result.channels[other].outcome).toBe('notTested');
      expect(result.channels[other].note).toMatch(/not tested/);
    }
    const expected = mode.expect(channel);
    const calls = soapCalls(expected.server());
    expect(calls.map(({ operation, folder }) => ({ operation, folder }))).toEqual(EXPECTED_CALLS[channel]);
    for (const call of calls) {
      expect(call).toMatchObject({ identity: expected.identity, scheme: expected.scheme, impersonated: expected.impersonated, mailbox: MAILBOX, requestedVersion: 'Exchange2013_SP1' });
      // Exchange Online routes impersonated requests by X-AnchorMailbox.
      expect(call.anchorMailbox).toBe(expected.impersonated);
    }
    // One mailbox check, one connection: all its calls (and NTLM's handshake) on one socket.
    expect(new Set(expected.server().requests.map((r) => r.connection)).size).toBe(1);
    expect(expected.server().draftsLeft()).toEqual({});
    expect(result.discoveredEwsUrl).toBeNull();
  });
});

describe('credentials the portal cannot or may not use', () => {
  it.each([
    ['Windows Integrated Authentication', 'windowsIntegratedAuthentication', 'WindowsIntegratedAuthenticationNotTestable', /synchronization service/],
    ['Without Credential (Anonymous)', 'withoutCredentials', 'AnonymousNotValid', /not a valid setting/],
  ] as const)('%s fails every channel with %s, without a request', async (_label, authenticateUsing, code, message) => {
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeServerProfile(ews.url, { authenticateUsing })));
    for (const channel of EXCHANGE_CHANNELS) {
      expect(result.channels[channel]).toMatchObject({ outcome: 'failure', error: { code, errorClass: 'permanent' } });
      expect(result.channels[channel].error?.message).toMatch(message);
    }
    expect(result.trace.steps[0]?.steps[0]).toMatchObject({ kind: 'configuration', outcome: 'failure', error: { code } });
    expect(ews.requests).toEqual([]);
  });

  it('refuses the mailbox\'s credentials when the mailbox does not allow them (MailboxCredentialsNotAllowed)', async () => {
    const settings = exchangeServerProfile(ews.url, { authenticateUsing: 'credentialsSpecifiedByUserOrQueue' });
    const result = await connectivity.checkMailbox(mailboxTarget(settings, { mailbox: { allowCredentialsForEmailProcessing: false, userName: MAILBOX_USER, password: MAILBOX_PASSWORD } }));
    expect(outcomes(result)).toEqual({ incoming: 'failure', outgoing: 'failure', appointmentsContactsTasks: 'failure' });
    expect(result.channels.incoming.error?.code).toBe('MailboxCredentialsNotAllowed');
    expect(ews.requests).toEqual([]);
  });

  it('says S2S is not configured when the deployment has no app registration', async () => {
    const withoutS2s = testConnectivity({ s2s: null });
    const result = await withoutS2s.checkMailbox(mailboxTarget(exchangeOnlineProfile(), { channels: ['incoming'] }));
    expect(result.channels.incoming.error?.code).toBe('S2SNotConfigured');
    withoutS2s.close();
  });

  it('reports a Kerberos-only server as KerberosUnsupported by name, and never falls back to Basic', async () => {
    const kerberosOnly = await startEwsTestServer({ accounts: ACCOUNTS, mailboxes: MAILBOXES, schemes: ['negotiate'], negotiateAcceptsNtlm: false });
    try {
      for (const protocol of ['negotiate', 'autoDetect', 'ntlm'] as const) {
        kerberosOnly.reset();
        const settings = exchangeServerProfile(kerberosOnly.url, { incomingAuthenticationProtocol: protocol, outgoingAuthenticationProtocol: protocol });
        const result = await connectivity.checkMailbox(mailboxTarget(settings));
        for (const channel of EXCHANGE_CHANNELS) expect(result.channels[channel].error).toMatchObject({ code: 'KerberosUnsupported', errorClass: 'permanent' });
        expect(result.channels.incoming.error?.message).toMatch(/Kerberos/);
        expect(kerberosOnly.requests.some((r) => r.scheme === 'basic')).toBe(false);
        // Not channel-specific: Outgoing and Appointments got the same error without calls of their own.
        expect(kerberosOnly.requests.every((r) => r.status === 401)).toBe(true);
        expect(kerberosOnly.requests.filter((r) => r.operation === 'CreateItem')).toEqual([]);
      }
    } finally {
      await kerberosOnly.close();
    }
  });

  it('reports AuthenticationProtocolNotOffered when the profile asks for Basic and the server offers only NTLM', async () => {
    const ntlmOnly = await startEwsTestServer({ accounts: ACCOUNTS, mailboxes: MAILBOXES, schemes: ['ntlm'] });
    try {
      const result = await connectivity.checkMailbox(mailboxTarget(exchangeServerProfile(ntlmOnly.url), { channels: ['incoming'] }));
      expect(result.channels.incoming.error).toMatchObject({ code: 'AuthenticationProtocolNotOffered', httpStatus: 401 });
      expect(result.channels.incoming.error?.message).toMatch(/does not offer Basic; it offers NTLM/);
    } finally {
      await ntlmOnly.close();
    }
  });

  it('a wrong incoming password does not stop Outgoing when it has credentials of its own', async () => {
    const settings = exchangeServerProfile(ews.url, { useSameSettingsForOutgoing: false, outgoingUserName: SENDER_USER });
    const result = await connectivity.checkMailbox(mailboxTarget(settings, { secrets: { incomingPassword: 'wrong-password-value', outgoingPassword: SENDER_PASSWORD } }));
    expect(outcomes(result)).toEqual({ incoming: 'failure', outgoing: 'success', appointmentsContactsTasks: 'failure' });
    // Appointments uses the incoming credentials: it got Incoming's error without a request of its own.
    expect(result.channels.appointmentsContactsTasks.error?.code).toBe('HTTP401');
    expect(ews.requests.filter((r) => r.folder === 'calendar')).toEqual([]);
  });

  it.each(['basic', 'ntlm', 'negotiate', 'autoDetect'] as const)('a wrong password over %s is HTTP401, permanent', async (protocol) => {
    const settings = exchangeServerProfile(ews.url, { incomingAuthenticationProtocol: protocol, outgoingAuthenticationProtocol: protocol });
    const result = await connectivity.checkMailbox(mailboxTarget(settings, { secrets: { incomingPassword: 'wrong-password-value' } }));
    for (const channel of EXCHANGE_CHANNELS) expect(result.channels[channel].error).toMatchObject({ code: 'HTTP401', errorClass: 'permanent', httpStatus: 401 });
    expect(ews.requests.filter((r) => r.status === 200)).toEqual([]);
  });
});

describe('connections', () => {
  it('keeps one connection per credential alive across mailbox checks: NTLM authenticates it once', async () => {
    const fresh = testConnectivity();
    const settings = exchangeServerProfile(ews.url, { incomingAuthenticationProtocol: 'ntlm', outgoingAuthenticationProtocol: 'ntlm' });
    for (let i = 0; i < 3; i++) await fresh.checkMailbox(mailboxTarget(settings));
    fresh.close();
    expect(ews.stats().connections).toBe(1);
    expect(ews.requests.filter((r) => r.operation === 'handshake')).toHaveLength(1);
    expect(soapCalls(ews)).toHaveLength(18);
  });

  it('runs concurrent mailbox checks on one connection each, never more calls in flight than checks', async () => {
    ews.setLatency(20);
    try {
      const settings = exchangeServerProfile(ews.url, { incomingAuthenticationProtocol: 'ntlm', outgoingAuthenticationProtocol: 'ntlm' });
      const results = await Promise.all(Array.from({ length: 4 }, () => connectivity.checkMailbox(mailboxTarget(settings))));
      expect(results.every((r) => EXCHANGE_CHANNELS.every((c) => r.channels[c].outcome === 'success'))).toBe(true);
      expect(ews.stats().byIdentity[SERVICE_USER]?.max).toBeLessThanOrEqual(4);
      expect(ews.stats().connections).toBeLessThanOrEqual(4);
    } finally {
      ews.setLatency(0);
    }
  });

  it('asks for the Exchange Online resource at the fixed endpoint when no location is set', async () => {
    const result = await connectivity.checkMailbox(mailboxTarget(exchangeOnlineProfile(), { channels: ['incoming'], secrets: { incomingPassword: null } }));
    expect(result.channels.incoming.outcome).toBe('success');
    expect(result.trace.steps[0]?.steps.map((s) => s.title)).toContain(`GetFolder Inbox at ${EXCHANGE_ONLINE_EWS_URL}`);
    // Each title names its sentence (decision 62): the channel by its label, a call by its operation's params.
    expect(result.trace.steps[0]).toMatchObject({
      title: 'Incoming Email',
      titleSentence: { code: 'CHANNEL', params: { channel: 'Incoming Email' }, labels: { channel: { kind: 'exchangeChannel', keys: ['incoming'] } } },
    });
    expect(result.trace.steps[0]?.steps.map((s) => s.titleSentence)).toContainEqual({ code: 'GET_FOLDER', params: { folder: 'Inbox', url: EXCHANGE_ONLINE_EWS_URL } });
    expect(result.trace.steps[0]?.steps.map((s) => s.titleSentence?.code)).toContain('TOKEN');
    // And what each found: the app acting as the mailbox, the folder's item count as a number for a plural form.
    expect(result.trace.steps[0]?.detailSentence).toMatchObject({ code: 'APP_ACCESS_IMPERSONATE', params: { applicationId: PORTAL_APP.applicationId } });
    const getFolder = result.trace.steps[0]?.steps.find((s) => s.titleSentence?.code === 'GET_FOLDER');
    expect(getFolder?.detailSentence).toEqual({ code: 'FOLDER_ITEMS', params: { folder: expect.any(String), count: expect.any(Number) } });
    // One token for the app registration, whatever the number of checks: the rest came from MSAL's cache.
    expect(oauth.tokenRequests.filter((r) => r.clientId === PORTAL_APP.applicationId).map((r) => r.scope)).toEqual(['https://outlook.office365.com/.default']);
  });
});
