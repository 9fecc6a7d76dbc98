import type { ServerProfileSecret, ServerProfileSettings } from './server-profile.ts';

/**
 * The fields of the server profile form, as data to read against seeds 000, 001, 003 and 004: when each
 * field appears, when it is required, and what values it takes. The API validates with this table and the
 * web form lays itself out from it, so both always agree.
 */
export type ServerProfileField = keyof ServerProfileSettings | ServerProfileSecret | 'isDefault';

export type ServerProfileSection = 'general' | 'credentials' | 'locations' | 'advanced';

type Condition = (settings: ServerProfileSettings) => boolean;

export interface ServerProfileFieldRule {
  field: ServerProfileField;
  label: string;
  section: ServerProfileSection;
  shownWhen: Condition;
  requiredWhen?: Condition;
  integer?: { min: number; max: number };
  maxLength?: number;
  format?: 'url' | 'httpsUrl' | 'guid';
  help?: string;
}

export const always: Condition = () => true;
export const isExchangeOnline: Condition = (s) => s.serverType === 'exchangeOnline';
export const isOauthCrossTenant: Condition = (s) =>
  s.serverType === 'exchangeOnline' && s.authenticationType === 'oauthCrossTenant';
export const isExchangeServer: Condition = (s) => s.serverType === 'exchangeServer';
export const locationsEnteredManually: Condition = (s) => s.serverType === 'exchangeServer' && !s.useAutoDiscover;
export const credentialsInProfile: Condition = (s) =>
  s.serverType === 'exchangeServer' && s.authenticateUsing === 'credentialsSpecifiedInEmailServerProfile';
export const separateOutgoingCredentials: Condition = (s) => credentialsInProfile(s) && !s.useSameSettingsForOutgoing;
export const timeoutEnabled: Condition = (s) => s.timeoutMailboxConnection;

/**
 * Seed 003: "If you're using HTTP … the User Name and Password fields will be disabled", unless the deployment
 * property AllowCredentialsEntryViaNonSecureChannels is 1. Disabled fields are not required: the profile can be
 * saved and its credentials entered later over HTTPS.
 */
export const NON_SECURE_CHANNEL_LOCKED_FIELDS: ReadonlySet<ServerProfileField> = new Set(['incomingUserName', 'incomingPassword', 'outgoingUserName', 'outgoingPassword']);

export function areCredentialsLocked(channel: { isSecureChannel: boolean; allowCredentialsEntryViaNonSecureChannels: boolean }): boolean {
  return !channel.isSecureChannel && !channel.allowCredentialsEntryViaNonSecureChannels;
}

/** Whether the form requires the field now: its rule, except for fields a non-secure channel locks. */
export function isFieldRequired(rule: ServerProfileFieldRule, settings: ServerProfileSettings, credentialsLocked: boolean): boolean {
  if (credentialsLocked && NON_SECURE_CHANNEL_LOCKED_FIELDS.has(rule.field)) return false;
  return rule.requiredWhen?.(settings) ?? false;
}

export const SERVER_PROFILE_FIELD_RULES: readonly ServerProfileFieldRule[] = [
  // General
  { field: 'serverType', label: 'Email Server Type', section: 'general', shownWhen: always, requiredWhen: always },
  { field: 'name', label: 'Name', section: 'general', shownWhen: always, requiredWhen: always, maxLength: 100,
    help: 'Specify a meaningful name for the profile.' },
  { field: 'description', label: 'Description', section: 'general', shownWhen: always, maxLength: 2000,
    help: 'Type a short description about the objective of the email server profile.' },
  { field: 'isDefault', label: 'Set as default profile for new mailboxes', section: 'general', shownWhen: always },

  // Exchange Online authentication (seeds 000 and 004)
  { field: 'authenticationType', label: 'Authentication Type', section: 'credentials', shownWhen: isExchangeOnline,
    requiredWhen: isExchangeOnline },
  { field: 'tenantId', label: 'Tenant ID', section: 'credentials', shownWhen: isOauthCrossTenant,
    requiredWhen: isOauthCrossTenant, format: 'guid',
    help: 'The Directory (tenant) ID of the tenant where Exchange Online is configured.' },
  { field: 'applicationId', label: 'Application ID', section: 'credentials', shownWhen: isOauthCrossTenant,
    requiredWhen: isOauthCrossTenant, format: 'guid',
    help: 'The Application (client) ID of the app registration used to connect to Exchange Online.' },
  { field: 'clientSecret', label: 'Client Secret', section: 'credentials', shownWhen: isOauthCrossTenant,
    requiredWhen: isOauthCrossTenant, maxLength: 1024,
    help: 'The client secret value used to authenticate as the app.' },

  // Exchange Server (on-premises) locations and credentials (seed 003)
  { field: 'useAutoDiscover', label: 'Auto Discover Server Location', section: 'locations', shownWhen: isExchangeServer,
    help: "Select Yes to use the automatically discover service to determine the server location. If the server location doesn't change for mailboxes, we recommend that you don't use auto discover because it may affect performance." },
  { field: 'incomingServerLocation', label: 'Incoming Server Location', section: 'locations',
    shownWhen: locationsEnteredManually, requiredWhen: locationsEnteredManually, format: 'url', maxLength: 2048 },
  { field: 'outgoingServerLocation', label: 'Outgoing Server Location', section: 'locations',
    shownWhen: locationsEnteredManually, requiredWhen: locationsEnteredManually, format: 'url', maxLength: 2048 },
  { field: 'defaultServerLocation', label: 'Exchange Web Services (EWS) endpoint', section: 'locations',
    shownWhen: isExchangeOnline, format: 'httpsUrl', maxLength: 2048,
    help: 'Leave empty for the worldwide service. For Exchange Online operated by 21Vianet in China, use https://partner.outlook.cn/EWS/Exchange.asmx.' },
  { field: 'authenticateUsing', label: 'Authenticate Using', section: 'credentials', shownWhen: isExchangeServer,
    requiredWhen: isExchangeServer },
  { field: 'incomingUserName', label: 'User Name', section: 'credentials', shownWhen: credentialsInProfile,
    requiredWhen: credentialsInProfile, maxLength: 320 },
  { field: 'incomingPassword', label: 'Password', section: 'credentials', shownWhen: credentialsInProfile,
    requiredWhen: credentialsInProfile, maxLength: 1024 },
  { field: 'useSameSettingsForOutgoing', label: 'Use same settings for Outgoing', section: 'credentials',
    shownWhen: credentialsInProfile },
  { field: 'outgoingUserName', label: 'Outgoing User Name', section: 'credentials',
    shownWhen: separateOutgoingCredentials, requiredWhen: separateOutgoingCredentials, maxLength: 320 },
  { field: 'outgoingPassword', label: 'Outgoing Password', section: 'credentials',
    shownWhen: separateOutgoingCredentials, requiredWhen: separateOutgoingCredentials, maxLength: 1024 },

  // Advanced
  { field: 'incomingAuthenticationProtocol', label: 'Incoming Authentication Protocol', section: 'advanced',
    shownWhen: isExchangeServer },
  { field: 'outgoingAuthenticationProtocol', label: 'Outgoing Authentication Protocol', section: 'advanced',
    shownWhen: isExchangeServer },
  { field: 'incomingPort', label: 'Incoming Port', section: 'advanced', shownWhen: isExchangeServer,
    integer: { min: 1, max: 65535 } },
  { field: 'outgoingPort', label: 'Outgoing Port', section: 'advanced', shownWhen: isExchangeServer,
    integer: { min: 1, max: 65535 } },
  { field: 'incomingUseSsl', label: 'Use SSL for Incoming Connection', section: 'advanced', shownWhen: isExchangeServer },
  { field: 'outgoingUseSsl', label: 'Use SSL for Outgoing Connection', section: 'advanced', shownWhen: isExchangeServer },
  { field: 'incomingUseImpersonation', label: 'Use Impersonation for Incoming Connection', section: 'advanced',
    shownWhen: isExchangeServer },
  { field: 'outgoingUseImpersonation', label: 'Use Impersonation for Outgoing Connection', section: 'advanced',
    shownWhen: isExchangeServer },
  { field: 'processEmailsReceivedAfter', label: 'Process Email From', section: 'advanced', shownWhen: always,
    help: 'Email received after this date and time is processed by server-side synchronization for all mailboxes associated with this profile.' },
  { field: 'minPollingIntervalInMinutes', label: 'Minimum Polling Intervals in Minutes', section: 'advanced',
    shownWhen: always, integer: { min: 0, max: 1440 },
    help: 'How often server-side synchronization polls the mailboxes of this profile for new email messages.' },
  { field: 'maxConcurrentConnections', label: 'Maximum Concurrent Connections', section: 'advanced',
    shownWhen: always, integer: { min: 1, max: 300 },
    help: 'The maximum number of simultaneous connections to the email server per mailbox. The default value is 10.' },
  { field: 'timeoutMailboxConnection', label: 'Timeout Mailbox Connection', section: 'advanced', shownWhen: always },
  { field: 'timeoutMailboxConnectionAfterAmount', label: 'Maximum Timeout Value in Seconds', section: 'advanced',
    shownWhen: timeoutEnabled, requiredWhen: timeoutEnabled, integer: { min: 1, max: 100 } },
  { field: 'sendEmailAlert', label: 'Send an alert email to the owner when more than half of the mailboxes fail in an hour',
    section: 'advanced', shownWhen: always },
  { field: 'moveUndeliveredEmails', label: 'Move Failed Emails to Undeliverable Folder', section: 'advanced',
    shownWhen: always,
    help: 'If there is an error in tracking an email message as an email activity, the message is moved to the Undeliverable folder.' },
];

export function fieldRule(field: ServerProfileField): ServerProfileFieldRule {
  const rule = SERVER_PROFILE_FIELD_RULES.find((r) => r.field === field);
  if (!rule) throw new Error(`No field rule for ${field}`);
  return rule;
}
