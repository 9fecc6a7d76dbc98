import {
  EXCHANGE_ONLINE_EWS_URL,
  type ServerProfileConnectionProbe,
  type ServerProfileConnectionTarget,
  type ServerProfileLastTest,
  type TestStatus,
} from '@sync-admin/domain';
import { OAuthCredentials, WebCredentials } from 'ews-javascript-api';
import { acquireExchangeOnlineToken, cloudFor, type AppRegistration } from './exchange-online-token.ts';
import { openInbox } from './open-inbox.ts';

export interface EwsConnectionProbeOptions {
  /** The portal's own app registration, used by 'S2S auth (Same Tenant)' profiles; null when not configured. */
  s2s: AppRegistration | null;
  /** Overrides the Microsoft Entra ID host (default: the global or China cloud, from the profile's EWS URL). */
  authorityHost?: string;
  /** Extra certificate authorities (PEM) to trust, for the token endpoint and EWS servers with an internal CA. */
  trustedCa?: string;
  clock?: () => Date;
}

type Outcome = { status: TestStatus; message: string };

/** EWS's own default when a profile does not set "Timeout mailbox connection". */
const DEFAULT_TIMEOUT_MS = 100_000;

export function createEwsConnectionProbe(options: EwsConnectionProbeOptions): ServerProfileConnectionProbe {
  const clock = options.clock ?? (() => new Date());
  return {
    async testConnection(target) {
      const startedAt = clock();
      let outcome: Outcome;
      try {
        outcome = target.settings.serverType === 'exchangeOnline' ? await testExchangeOnline(target, options) : await testExchangeServer(target, options);
      } catch (error) {
        // A bug or an unexpected library error is still a result for the admin, not a crash of the request.
        outcome = { status: 'failure', message: `The connection test failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` };
      }
      const result: ServerProfileLastTest = {
        errorCode: null,
        trace: null,
        status: outcome.status,
        startedAt,
        durationMs: Math.max(0, clock().getTime() - startedAt.getTime()),
        message: redact(outcome.message, [target.secrets.clientSecret, target.secrets.incomingPassword, target.secrets.outgoingPassword, options.s2s?.clientSecret]),
      };
      return result;
    },
  };
}

function timeoutMs({ settings }: ServerProfileConnectionTarget): number {
  // ExchangeService rejects a zero timeout, so a stored 0 still allows one second.
  return settings.timeoutMailboxConnection ? Math.max(1, settings.timeoutMailboxConnectionAfterAmount) * 1000 : DEFAULT_TIMEOUT_MS;
}

async function testExchangeOnline(target: ServerProfileConnectionTarget, options: EwsConnectionProbeOptions): Promise<Outcome> {
  const { settings, secrets, mailboxAddress } = target;
  let app: AppRegistration;
  if (settings.authenticationType === 'oauthCrossTenant') {
    if (!settings.tenantId || !settings.applicationId || !secrets.clientSecret) {
      return { status: 'failure', message: 'Oauth (Cross Tenant) needs the Tenant ID, Application ID and Client Secret of the app registration.' };
    }
    app = { tenantId: settings.tenantId, applicationId: settings.applicationId, clientSecret: secrets.clientSecret };
  } else {
    if (!options.s2s) {
      return {
        status: 'failure',
        message: "S2S auth (Same Tenant) signs in with the portal's own app registration, which is not configured. Ask the portal's operator to configure it, or use Oauth (Cross Tenant).",
      };
    }
    app = options.s2s;
  }

  const url = settings.incomingServerLocation ?? settings.defaultServerLocation ?? EXCHANGE_ONLINE_EWS_URL;
  // The cloud follows the EWS endpoint override when there is one, wherever EWS itself is reached.
  const cloud = cloudFor(settings.defaultServerLocation ?? url);
  const token = await acquireExchangeOnlineToken({
    app,
    cloud: options.authorityHost ? { ...cloud, authorityHost: options.authorityHost } : cloud,
    timeoutMs: timeoutMs(target),
    trustedCa: options.trustedCa,
  });
  if (!token.ok) return { status: 'failure', message: token.message };
  if (!mailboxAddress) {
    return {
      status: 'warning',
      message: 'Signed in to Microsoft Entra ID; no mailbox was opened. Test a mailbox that uses this profile to check access to Exchange Online.',
    };
  }
  // App-only tokens carry no user, so EWS must be told which mailbox to act as.
  const inbox = await openInbox({
    url,
    credentials: new OAuthCredentials(token.accessToken),
    impersonate: mailboxAddress,
    autodiscoverAddress: null,
    timeoutMs: timeoutMs(target),
    trustedCa: options.trustedCa,
  });
  return inbox.ok
    ? { status: 'success', message: `Signed in to Microsoft Entra ID and opened the Inbox of ${mailboxAddress} at ${inbox.url}.` }
    : { status: 'failure', message: inbox.message };
}

async function testExchangeServer(target: ServerProfileConnectionTarget, options: EwsConnectionProbeOptions): Promise<Outcome> {
  const { settings, secrets, mailboxAddress } = target;
  switch (settings.authenticateUsing) {
    case 'credentialsSpecifiedByUserOrQueue':
      return { status: 'warning', message: 'The credentials come from each mailbox; test a mailbox that uses this profile.' };
    case 'windowsIntegratedAuthentication':
      return {
        status: 'warning',
        message: "Windows Integrated Authentication uses the Windows account of the synchronization service, which this portal can't use to test. Test a mailbox from the synchronization service instead.",
      };
    case 'withoutCredentials':
      return { status: 'failure', message: 'Without Credential (Anonymous) is not a valid setting. Choose another way to authenticate.' };
    case null:
      return { status: 'failure', message: 'Choose how the profile authenticates (Authenticate Using) before testing it.' };
    case 'credentialsSpecifiedInEmailServerProfile':
      break;
  }
  if (!settings.incomingUserName || !secrets.incomingPassword) {
    return { status: 'failure', message: 'The profile needs the incoming User Name and Password to test the connection.' };
  }
  if (settings.useAutoDiscover && !mailboxAddress) {
    return { status: 'failure', message: 'Autodiscover finds the server from a mailbox address: test a mailbox that uses this profile, or enter the Incoming Server Location.' };
  }
  if (!settings.useAutoDiscover && !settings.incomingServerLocation) {
    return { status: 'failure', message: 'The profile has no Incoming Server Location to connect to.' };
  }
  const impersonate = settings.incomingUseImpersonation ? mailboxAddress : null;
  const inbox = await openInbox({
    url: settings.useAutoDiscover ? null : settings.incomingServerLocation,
    credentials: new WebCredentials(settings.incomingUserName, secrets.incomingPassword),
    impersonate,
    autodiscoverAddress: mailboxAddress,
    timeoutMs: timeoutMs(target),
    trustedCa: options.trustedCa,
  });
  if (!inbox.ok) return { status: 'failure', message: inbox.message };
  const whose = impersonate ? `the Inbox of ${impersonate} as ${settings.incomingUserName}` : `the Inbox of ${settings.incomingUserName}`;
  return { status: 'success', message: `Connected to ${inbox.url} and opened ${whose}.` };
}

/** Last line of defence: no secret reaches a stored test result, whatever a server or library echoed. */
function redact(message: string, secrets: Array<string | null | undefined>): string {
  return secrets.reduce<string>((text, secret) => (secret && secret.length >= 4 ? text.split(secret).join('***') : text), message);
}
