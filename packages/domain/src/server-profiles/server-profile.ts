import type { OutageFamily } from '../exchange-connectivity/outage-family.ts';
import type { ConnectivityTrace } from '../exchange-connectivity/mailbox-connectivity.port.ts';
import type { LabelledSentence } from '../shared/sentence-labels.ts';

/**
 * Email server profiles (Dataverse table `emailserverprofile`), with the option sets and labels the seeds
 * use. Secrets never appear here in clear: a stored profile only says whether each secret is set.
 */
export const SERVER_TYPES = ['exchangeOnline', 'exchangeServer'] as const;
export type ServerType = (typeof SERVER_TYPES)[number];
export const SERVER_TYPE_LABELS: Record<ServerType, string> = {
  exchangeOnline: 'Exchange Online',
  exchangeServer: 'Exchange Server',
};

export const EXCHANGE_ONLINE_AUTHENTICATION_TYPES = ['s2sSameTenant', 'oauthCrossTenant'] as const;
export type ExchangeOnlineAuthenticationType = (typeof EXCHANGE_ONLINE_AUTHENTICATION_TYPES)[number];
export const EXCHANGE_ONLINE_AUTHENTICATION_TYPE_LABELS: Record<ExchangeOnlineAuthenticationType, string> = {
  s2sSameTenant: 'S2S auth (Same Tenant)',
  oauthCrossTenant: 'Oauth (Cross Tenant)',
};

export const AUTHENTICATE_USING_OPTIONS = [
  'credentialsSpecifiedByUserOrQueue',
  'credentialsSpecifiedInEmailServerProfile',
  'windowsIntegratedAuthentication',
  'withoutCredentials',
] as const;
export type AuthenticateUsing = (typeof AUTHENTICATE_USING_OPTIONS)[number];
export const AUTHENTICATE_USING_LABELS: Record<AuthenticateUsing, string> = {
  credentialsSpecifiedByUserOrQueue: 'Credentials Specified by a User or Queue',
  credentialsSpecifiedInEmailServerProfile: 'Credentials Specified in Email Server Profile',
  windowsIntegratedAuthentication: 'Windows Integrated Authentication',
  withoutCredentials: 'Without Credential (Anonymous)',
};
/** Seed 003 lists "Without Credential (Anonymous). Not a valid setting.": shown, never accepted. */
export const INVALID_AUTHENTICATE_USING_OPTIONS: ReadonlySet<AuthenticateUsing> = new Set(['withoutCredentials']);

export const AUTHENTICATION_PROTOCOLS = ['autoDetect', 'negotiate', 'ntlm', 'basic'] as const;
export type AuthenticationProtocol = (typeof AUTHENTICATION_PROTOCOLS)[number];
export const AUTHENTICATION_PROTOCOL_LABELS: Record<AuthenticationProtocol, string> = {
  autoDetect: 'Auto Detect',
  negotiate: 'Negotiate',
  ntlm: 'NTLM',
  basic: 'Basic',
};

export const TEST_STATUSES = ['success', 'warning', 'failure'] as const;
export type TestStatus = (typeof TEST_STATUSES)[number];
export const TEST_STATUS_LABELS: Record<TestStatus, string> = {
  success: 'Success',
  warning: 'Warning',
  failure: 'Failure',
};

/** The secrets a profile can hold; each is write-only. */
export const SERVER_PROFILE_SECRETS = ['clientSecret', 'incomingPassword', 'outgoingPassword'] as const;
export type ServerProfileSecret = (typeof SERVER_PROFILE_SECRETS)[number];

/** Every setting an admin edits, as plain data; secrets travel separately (see ServerProfileSecretChanges). */
export interface ServerProfileSettings {
  name: string;
  description: string;
  serverType: ServerType;
  authenticationType: ExchangeOnlineAuthenticationType | null;
  tenantId: string | null;
  applicationId: string | null;
  /** EWS endpoint override, e.g. Exchange Online operated by 21Vianet in China (seed 000). */
  defaultServerLocation: string | null;
  useAutoDiscover: boolean;
  incomingServerLocation: string | null;
  outgoingServerLocation: string | null;
  authenticateUsing: AuthenticateUsing | null;
  incomingUserName: string | null;
  useSameSettingsForOutgoing: boolean;
  outgoingUserName: string | null;
  incomingAuthenticationProtocol: AuthenticationProtocol;
  outgoingAuthenticationProtocol: AuthenticationProtocol;
  incomingPort: number;
  outgoingPort: number;
  incomingUseSsl: boolean;
  outgoingUseSsl: boolean;
  incomingUseImpersonation: boolean;
  outgoingUseImpersonation: boolean;
  processEmailsReceivedAfter: Date | null;
  minPollingIntervalInMinutes: number;
  maxConcurrentConnections: number;
  timeoutMailboxConnection: boolean;
  timeoutMailboxConnectionAfterAmount: number;
  sendEmailAlert: boolean;
  moveUndeliveredEmails: boolean;
}

/** A secret change: a new value, null to clear it, or absent to keep what is stored. */
export type ServerProfileSecretChanges = Partial<Record<ServerProfileSecret, string | null>>;

export interface ServerProfileLastTest {
  status: TestStatus;
  startedAt: Date;
  durationMs: number;
  message: string;
  /** The code and params of `message` when it is the portal's own sentence (decision 63); null when it is what Exchange said. */
  sentence: LabelledSentence | null;
  /** The catalog code of the failure (see EXCHANGE_ERROR_CATALOG), null when the test passed. */
  errorCode: string | null;
  /** Every step the test took, as a tree; null for tests recorded before traces existed. */
  trace: ConnectivityTrace | null;
}

export interface ServerProfile extends ServerProfileSettings {
  id: string;
  environmentId: string;
  ownerId: string;
  ownerName: string;
  isActive: boolean;
  isDefault: boolean;
  secretsSet: Record<ServerProfileSecret, boolean>;
  lastTest: ServerProfileLastTest | null;
  /** Set while an outage holds the profile's Test & Enable work. */
  testAndEnableHold: { family: OutageFamily; heldAt: Date } | null;
  /** Optimistic concurrency: a write names the version it read and fails when it is no longer current. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const EXCHANGE_ONLINE_EWS_URL = 'https://outlook.office365.com/EWS/Exchange.asmx';
/** The endpoint seed 000's PowerShell sets for Exchange Online in China (21Vianet). */
export const EXCHANGE_ONLINE_CHINA_EWS_URL = 'https://partner.outlook.cn/EWS/Exchange.asmx';

/** Defaults of a new profile, as the real form opens. */
export function newServerProfileSettings(serverType: ServerType): ServerProfileSettings {
  return {
    name: serverType === 'exchangeOnline' ? 'Microsoft Exchange Online' : '',
    description: '',
    serverType,
    authenticationType: serverType === 'exchangeOnline' ? 's2sSameTenant' : null,
    tenantId: null,
    applicationId: null,
    defaultServerLocation: null,
    useAutoDiscover: serverType === 'exchangeServer',
    incomingServerLocation: null,
    outgoingServerLocation: null,
    authenticateUsing: serverType === 'exchangeServer' ? 'credentialsSpecifiedByUserOrQueue' : null,
    incomingUserName: null,
    useSameSettingsForOutgoing: true,
    outgoingUserName: null,
    incomingAuthenticationProtocol: 'autoDetect',
    outgoingAuthenticationProtocol: 'autoDetect',
    incomingPort: 443,
    outgoingPort: 443,
    incomingUseSsl: true,
    outgoingUseSsl: true,
    incomingUseImpersonation: false,
    outgoingUseImpersonation: false,
    processEmailsReceivedAfter: null,
    minPollingIntervalInMinutes: 0,
    maxConcurrentConnections: 10,
    timeoutMailboxConnection: true,
    timeoutMailboxConnectionAfterAmount: 100,
    sendEmailAlert: false,
    moveUndeliveredEmails: false,
  };
}

const SETTING_KEYS = Object.keys(newServerProfileSettings('exchangeOnline')) as (keyof ServerProfileSettings)[];

/** Just the settings of a profile-shaped object, nothing else (no ids, no owner, no secrets). */
export function pickServerProfileSettings(source: ServerProfileSettings): ServerProfileSettings {
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, source[key]])) as unknown as ServerProfileSettings;
}

/** Just the settings present in a partial object: what a write changes, and nothing else. */
export function pickSentServerProfileSettings(source: Partial<ServerProfileSettings>): Partial<ServerProfileSettings> {
  return Object.fromEntries(SETTING_KEYS.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}

/** The settings of `after` that differ from `before` (dates by instant). */
export function changedServerProfileSettings(before: ServerProfileSettings, after: ServerProfileSettings): Partial<ServerProfileSettings> {
  const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
  return Object.fromEntries(SETTING_KEYS.filter((key) => !same(before[key], after[key])).map((key) => [key, after[key]]));
}
