import {
  EXCHANGE_CHANNELS,
  newServerProfileSettings,
  type ConnectivityStep,
  type ExchangeChannel,
  type MailboxConnectivityResult,
  type MailboxConnectivityTarget,
  type ServerProfileSecrets,
  type ServerProfileSettings,
} from '@sync-admin/domain';
import { createServer } from 'node:net';
import { createExchangeConnectivity, type ExchangeConnectivity, type ExchangeConnectivityOptions, type HostResolver } from './index.ts';
import { testCertificates, type EwsTestAccount } from './test-peers/index.ts';

/** Shared fixtures of the adapter's tests: accounts, profiles, targets, and helpers to read results. */
export const SERVICE_USER = 'CONTOSO\\svc-sync';
export const SERVICE_PASSWORD = 'Pa55-w0rd-never-shown';
export const SENDER_USER = 'CONTOSO\\svc-send';
export const SENDER_PASSWORD = '0utg0ing-Secret-never-shown';
export const MAILBOX = 'adele.vance@contoso.com';
export const MAILBOX_USER = 'CONTOSO\\adele.vance';
export const MAILBOX_PASSWORD = 'Adele-0wn-Passw0rd-never-shown';
export const OTHER_MAILBOX = 'megan.bowen@contoso.com';

export const ACCOUNTS: EwsTestAccount[] = [
  { userName: SERVICE_USER, password: SERVICE_PASSWORD, mailbox: 'svc-sync@contoso.com', canImpersonate: '*', fullAccessTo: [MAILBOX] },
  { userName: SENDER_USER, password: SENDER_PASSWORD, mailbox: 'svc-send@contoso.com', canImpersonate: '*', fullAccessTo: [MAILBOX] },
  { userName: MAILBOX_USER, password: MAILBOX_PASSWORD, mailbox: MAILBOX },
];
export const MAILBOXES = [MAILBOX, OTHER_MAILBOX];

export const PORTAL_APP = { tenantId: '11111111-2222-3333-4444-555555555555', applicationId: 'bbbbbbbb-0000-0000-0000-000000000002', clientSecret: 'portal~s2s~secret~never~shown' };
export const CROSS_TENANT_APP = { tenantId: '99999999-8888-7777-6666-555555555555', applicationId: 'aaaaaaaa-0000-0000-0000-000000000001', clientSecret: 'cross~tenant~secret~never~shown' };

/** Every secret of the fixtures: none may appear anywhere in a result or a trace. */
export const ALL_SECRETS = [SERVICE_PASSWORD, SENDER_PASSWORD, MAILBOX_PASSWORD, PORTAL_APP.clientSecret, CROSS_TENANT_APP.clientSecret];

export const NO_SECRETS: ServerProfileSecrets = { clientSecret: null, incomingPassword: null, outgoingPassword: null };

/** An Exchange Server profile with credentials in the profile, at `url`, impersonating. */
export function exchangeServerProfile(url: string, overrides: Partial<ServerProfileSettings> = {}): ServerProfileSettings {
  return {
    ...newServerProfileSettings('exchangeServer'),
    name: 'Contoso Exchange 2019',
    useAutoDiscover: false,
    incomingServerLocation: url,
    outgoingServerLocation: url,
    authenticateUsing: 'credentialsSpecifiedInEmailServerProfile',
    incomingUserName: SERVICE_USER,
    incomingAuthenticationProtocol: 'basic',
    outgoingAuthenticationProtocol: 'basic',
    incomingUseImpersonation: true,
    outgoingUseImpersonation: true,
    ...overrides,
  };
}

export function exchangeOnlineProfile(overrides: Partial<ServerProfileSettings> = {}): ServerProfileSettings {
  return { ...newServerProfileSettings('exchangeOnline'), ...overrides };
}

export interface TargetOverrides {
  secrets?: Partial<ServerProfileSecrets>;
  mailbox?: Partial<MailboxConnectivityTarget['mailbox']>;
  knownEwsUrl?: string | null;
  channels?: ExchangeChannel[];
}

/** A mailbox check of MAILBOX with the service account's password, all channels unless told otherwise. */
export function mailboxTarget(settings: ServerProfileSettings, overrides: TargetOverrides = {}): MailboxConnectivityTarget {
  return {
    settings,
    secrets: { ...NO_SECRETS, incomingPassword: SERVICE_PASSWORD, ...overrides.secrets },
    mailbox: { emailAddress: MAILBOX, type: 'user', allowCredentialsForEmailProcessing: false, userName: null, password: null, ...overrides.mailbox },
    knownEwsUrl: overrides.knownEwsUrl ?? null,
    channels: overrides.channels ?? [...EXCHANGE_CHANNELS],
  };
}

/** The adapter as the tests use it: the test CA trusted, loopback allowed, `hosts` mapped to local ports. */
export function testConnectivity(options: Partial<ExchangeConnectivityOptions> & { hosts?: Record<string, number> } = {}): ExchangeConnectivity {
  const { hosts = {}, ...rest } = options;
  return createExchangeConnectivity({
    s2s: null,
    allowedHosts: ['127.0.0.1', ...Object.keys(hosts).map((key) => key.replace(/:\d+$/, ''))],
    allowHttp: false,
    trustedCa: testCertificates().ca,
    resolveHost: mapHosts(hosts),
    // No test may reach the machine's resolver: unknown SRV names do not exist.
    resolveSrv: async (name) => {
      throw Object.assign(new Error(`querySrv ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    },
    ...rest,
  });
}

/** "host:port" (or "host" for 443) → a local port; every other name does not exist, so no test uses DNS. */
export function mapHosts(hosts: Record<string, number>): HostResolver {
  return (host, port) => {
    const local = hosts[`${host}:${port}`] ?? (port === 443 ? hosts[host] : undefined);
    return local === undefined ? null : { address: '127.0.0.1', port: local };
  };
}

/** A port that was free a moment ago and has nothing listening now. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export function allSteps(steps: ConnectivityStep[]): ConnectivityStep[] {
  return steps.flatMap((step) => [step, ...allSteps(step.steps)]);
}

/** The deepest failed step: where the failure really happened. */
export function failedStep(result: { trace: { steps: ConnectivityStep[] } | null }): ConnectivityStep | undefined {
  return allSteps(result.trace?.steps ?? []).filter((step) => step.outcome === 'failure' && step.steps.every((child) => child.outcome !== 'failure')).at(0);
}

export function outcomes(result: MailboxConnectivityResult): Record<ExchangeChannel, string> {
  return Object.fromEntries(EXCHANGE_CHANNELS.map((channel) => [channel, result.channels[channel].outcome])) as Record<ExchangeChannel, string>;
}

/** Internal exception text that must never reach an admin. */
export const INTERNAL_TEXT = /Cannot read propert|undefined|TypeError|ReferenceError|\bat \S+\.(?:js|ts):\d+|Not implemented\./;
