import type { ServerProfileField, ServerProfileSettingsWire as Wire } from '@sync-admin/contract';

/**
 * The help beside each field that has one; its English is the field rule's `help` (test/i18n-resources.test.ts holds
 * them equal), its label comes from the `fields` namespace the server's errors use.
 */
export const FIELD_HELP: Partial<Record<ServerProfileField, { helpKey: string }>> = {
  name: { helpKey: 'server-profile-form:help.name' },
  description: { helpKey: 'server-profile-form:help.description' },
  tenantId: { helpKey: 'server-profile-form:help.tenantId' },
  applicationId: { helpKey: 'server-profile-form:help.applicationId' },
  clientSecret: { helpKey: 'server-profile-form:help.clientSecret' },
  useAutoDiscover: { helpKey: 'server-profile-form:help.useAutoDiscover' },
  defaultServerLocation: { helpKey: 'server-profile-form:help.defaultServerLocation' },
  processEmailsReceivedAfter: { helpKey: 'server-profile-form:help.processEmailsReceivedAfter' },
  minPollingIntervalInMinutes: { helpKey: 'server-profile-form:help.minPollingIntervalInMinutes' },
  maxConcurrentConnections: { helpKey: 'server-profile-form:help.maxConcurrentConnections' },
  moveUndeliveredEmails: { helpKey: 'server-profile-form:help.moveUndeliveredEmails' },
};

type Options<Option extends string> = Record<Option, { labelKey: string }>;
type AuthenticationProtocol = Wire['incomingAuthenticationProtocol'];
type AuthenticateUsing = NonNullable<Wire['authenticateUsing']>;
type ExchangeOnlineAuthenticationType = NonNullable<Wire['authenticationType']>;

const PROTOCOLS: Options<AuthenticationProtocol> = {
  autoDetect: { labelKey: 'server-profile-form:options.autoDetect' },
  negotiate: { labelKey: 'server-profile-form:options.negotiate' },
  ntlm: { labelKey: 'server-profile-form:options.ntlm' },
  basic: { labelKey: 'server-profile-form:options.basic' },
};

/** The option sets of seeds 000, 003 and 004, typed by the contract's options so none can be left out. */
export const OPTION_TEXTS: Partial<Record<ServerProfileField, Options<string>>> = {
  authenticationType: {
    s2sSameTenant: { labelKey: 'server-profile-form:options.s2sSameTenant' },
    oauthCrossTenant: { labelKey: 'server-profile-form:options.oauthCrossTenant' },
  } satisfies Options<ExchangeOnlineAuthenticationType>,
  authenticateUsing: {
    credentialsSpecifiedByUserOrQueue: { labelKey: 'server-profile-form:options.credentialsSpecifiedByUserOrQueue' },
    credentialsSpecifiedInEmailServerProfile: { labelKey: 'server-profile-form:options.credentialsSpecifiedInEmailServerProfile' },
    windowsIntegratedAuthentication: { labelKey: 'server-profile-form:options.windowsIntegratedAuthentication' },
    withoutCredentials: { labelKey: 'server-profile-form:options.withoutCredentials' },
  } satisfies Options<AuthenticateUsing>,
  incomingAuthenticationProtocol: PROTOCOLS,
  outgoingAuthenticationProtocol: PROTOCOLS,
};
