import {
  EXCHANGE_CHANNEL_LABELS,
  EXCHANGE_ONLINE_EWS_URL,
  stepDetail,
  type AuthenticationProtocol,
  type ExchangeChannel,
  type ExchangeErrorCode,
  type LabelledMessage,
  type ServerProfileSecrets,
  type ServerProfileSettings,
} from '@sync-admin/domain';
import { createHash } from 'node:crypto';
import { cloudFor, type AppRegistration, type ExchangeOnlineCloud } from './exchange-online-token.ts';

export type EwsCredential =
  | { kind: 'oauth'; app: AppRegistration; cloud: ExchangeOnlineCloud }
  | { kind: 'password'; userName: string; password: string; protocol: AuthenticationProtocol };

/**
 * How one channel reaches Exchange: where, as whom, and how it gets to the mailbox. `impersonate` acts as the
 * mailbox (ExchangeImpersonation + X-AnchorMailbox); `delegate` opens it with the account's own rights (FolderId
 * with Mailbox); `own` is the account's own mailbox (the mailbox's credentials, or a profile test without one).
 */
export interface ChannelPlan {
  location: { kind: 'url'; url: string } | { kind: 'autodiscover' };
  credential: EwsCredential;
  access: 'impersonate' | 'delegate' | 'own';
  mailbox: string;
  /** Plans with the same key share one EWS session: same server, credential and access. */
  key: string;
  /** Identifies the credential for connection reuse (a hash, never the secret). */
  credentialKey: string;
}

export type PlanResult = { ok: true; plan: ChannelPlan } | { ok: false; code: ExchangeErrorCode; message: string };

export interface PlanInput {
  settings: ServerProfileSettings;
  secrets: ServerProfileSecrets;
  /** The mailbox to act on; null for a profile test without one. */
  mailboxAddress: string | null;
  /** The mailbox's own credentials, for "Credentials Specified by a User or Queue". */
  mailboxCredentials: { allowed: boolean; userName: string | null; password: string | null } | null;
  s2s: AppRegistration | null;
}

/**
 * Reads the profile (seeds 000 and 003) into a plan per channel. Outgoing uses the outgoing location, protocol
 * and impersonation setting, and the outgoing credentials unless "Use same settings for Outgoing"; Appointments,
 * Contacts, and Tasks use the incoming ones, as server-side synchronization does.
 */
export function planChannel(channel: ExchangeChannel, input: PlanInput): PlanResult {
  const { settings } = input;
  return settings.serverType === 'exchangeOnline' ? planExchangeOnline(input) : planExchangeServer(channel === 'outgoing' ? 'outgoing' : 'incoming', channel, input);
}

function planExchangeOnline({ settings, secrets, mailboxAddress, s2s }: PlanInput): PlanResult {
  let app: AppRegistration;
  if (settings.authenticationType === 'oauthCrossTenant') {
    if (!settings.tenantId || !settings.applicationId || !secrets.clientSecret) {
      return { ok: false, code: 'MissingCredentials', message: 'Oauth (Cross Tenant) needs the Tenant ID, Application ID and Client Secret of the app registration.' };
    }
    app = { tenantId: settings.tenantId, applicationId: settings.applicationId, clientSecret: secrets.clientSecret };
  } else {
    if (!s2s) {
      return {
        ok: false, code: 'S2SNotConfigured',
        message: "S2S auth (Same Tenant) signs in with the portal's own app registration, which is not configured. Ask the portal's operator to configure it, or use Oauth (Cross Tenant).",
      };
    }
    app = s2s;
  }
  const url = settings.incomingServerLocation ?? settings.defaultServerLocation ?? EXCHANGE_ONLINE_EWS_URL;
  // The cloud (authority and resource) follows the EWS endpoint override when there is one (21Vianet).
  const cloud = cloudFor(settings.defaultServerLocation ?? url);
  const credentialKey = `oauth:${app.tenantId}:${app.applicationId}:${fingerprint(app.clientSecret)}`;
  // App-only tokens carry no user: EWS must always be told which mailbox to act as.
  return plan({ kind: 'url', url }, { kind: 'oauth', app, cloud }, mailboxAddress ? 'impersonate' : 'own', mailboxAddress, credentialKey);
}

function planExchangeServer(direction: 'incoming' | 'outgoing', channel: ExchangeChannel, input: PlanInput): PlanResult {
  const { settings, secrets, mailboxAddress, mailboxCredentials } = input;
  const protocol = direction === 'outgoing' ? settings.outgoingAuthenticationProtocol : settings.incomingAuthenticationProtocol;
  const configuredLocation = direction === 'outgoing' ? settings.outgoingServerLocation : settings.incomingServerLocation;
  const location = settings.useAutoDiscover ? { kind: 'autodiscover' as const } : configuredLocation ? { kind: 'url' as const, url: configuredLocation } : null;

  let userName: string | null;
  let password: string | null;
  let access: ChannelPlan['access'];
  switch (settings.authenticateUsing) {
    case 'withoutCredentials':
      return { ok: false, code: 'AnonymousNotValid', message: 'Without Credential (Anonymous) is not a valid setting. Choose another way to authenticate (Authenticate Using).' };
    case 'windowsIntegratedAuthentication':
      return {
        ok: false, code: 'WindowsIntegratedAuthenticationNotTestable',
        message: "Windows Integrated Authentication uses the Windows account of the synchronization service, which this portal can't use to test. Test from the server that runs the synchronization service, or use Credentials Specified in Email Server Profile.",
      };
    case null:
      return { ok: false, code: 'MissingCredentials', message: 'Choose how the profile authenticates (Authenticate Using) before testing it.' };
    case 'credentialsSpecifiedByUserOrQueue': {
      if (!mailboxCredentials) {
        return { ok: false, code: 'MissingCredentials', message: 'The credentials come from each mailbox: test a mailbox that uses this profile.' };
      }
      if (!mailboxCredentials.allowed) {
        return {
          ok: false, code: 'MailboxCredentialsNotAllowed',
          message: 'The profile uses Credentials Specified by a User or Queue, but the mailbox does not allow its credentials to be used (Allow to Use Credentials for Email Processing is off).',
        };
      }
      userName = mailboxCredentials.userName;
      password = mailboxCredentials.password;
      if (!userName || !password) return { ok: false, code: 'MissingCredentials', message: 'The mailbox has no User Name or Password to connect with.' };
      // The mailbox's own account opens its own mailbox: impersonation would need rights it has no reason to hold.
      access = 'own';
      break;
    }
    case 'credentialsSpecifiedInEmailServerProfile': {
      const separate = direction === 'outgoing' && !settings.useSameSettingsForOutgoing;
      userName = separate ? settings.outgoingUserName : settings.incomingUserName;
      password = separate ? secrets.outgoingPassword : secrets.incomingPassword;
      if (!userName || !password) {
        return { ok: false, code: 'MissingCredentials', message: `The profile has no ${separate ? 'outgoing ' : ''}User Name and Password to connect with.` };
      }
      const impersonation = direction === 'outgoing' ? settings.outgoingUseImpersonation : settings.incomingUseImpersonation;
      access = !mailboxAddress ? 'own' : impersonation ? 'impersonate' : 'delegate';
      break;
    }
  }
  if (!location) {
    return {
      ok: false, code: 'MissingServerLocation',
      message: `The profile has no ${direction === 'outgoing' ? 'Outgoing' : 'Incoming'} Server Location for ${EXCHANGE_CHANNEL_LABELS[channel]} and does not use Autodiscover.`,
    };
  }
  const credentialKey = `password:${protocol}:${userName.toLowerCase()}:${fingerprint(password)}`;
  return plan(location, { kind: 'password', userName, password, protocol }, access, mailboxAddress ?? userName, credentialKey);
}

function plan(location: ChannelPlan['location'], credential: EwsCredential, access: ChannelPlan['access'], mailbox: string | null, credentialKey: string): PlanResult {
  const where = location.kind === 'url' ? location.url : 'autodiscover';
  return {
    ok: true,
    plan: { location, credential, access, mailbox: mailbox ?? '', key: `${credentialKey}|${where}|${access}|${mailbox ?? ''}`, credentialKey },
  };
}

/** A short one-way fingerprint: credentials that differ never share a connection, and no secret is kept in a key. */
function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url').slice(0, 16);
}

/** Who opens which mailbox, for the trace: an app registration always acts as a mailbox when it has one. */
export function describeAccess(plan: ChannelPlan): LabelledMessage {
  const { mailbox } = plan;
  if (plan.credential.kind === 'oauth') {
    const { applicationId } = plan.credential.app;
    return plan.access === 'impersonate' ? stepDetail('APP_ACCESS_IMPERSONATE', { applicationId, mailbox }) : stepDetail('APP_ACCESS_OWN', { applicationId });
  }
  const account = plan.credential.userName;
  switch (plan.access) {
    case 'impersonate':
      return stepDetail('ACCESS_IMPERSONATE', { account, mailbox });
    case 'delegate':
      return stepDetail('ACCESS_DELEGATE', { account, mailbox });
    case 'own':
      return stepDetail('ACCESS_OWN', { account });
  }
}
