/**
 * Every failure a connectivity check can meet, as data to read against Microsoft's documentation: EWS
 * ResponseCodes, HTTP statuses, network and TLS failures, Microsoft Entra ID (AADSTS) errors, Autodiscover
 * outcomes and this portal's own configuration checks. For each: transient or permanent, whether it is the
 * server's (the profile's) or the mailbox's, what it means and what to fix.
 *
 * The classes follow "Mailbox deliveries regularly disabled" (Troubleshooting and monitoring server-side
 * synchronization): "For server or mailbox permanent errors, the mailbox is disabled as soon as the error is
 * detected. For server or mailbox transient errors, delivery is retried up to 10 times with a five-minute gap
 * between attempts." The 8005E… codes are the ones Microsoft documents for Test & Enable.
 */
import type { ExchangeErrorClass } from './exchange-error-class.ts';
import type { OutageFamily } from './outage-family.ts';

export const EXCHANGE_ERROR_SOURCES = ['ews', 'http', 'network', 'tls', 'entra', 'autodiscover', 'configuration'] as const;
export type ExchangeErrorSource = (typeof EXCHANGE_ERROR_SOURCES)[number];
export const EXCHANGE_ERROR_SOURCE_LABELS: Record<ExchangeErrorSource, string> = {
  ews: 'Exchange Web Services',
  http: 'HTTP',
  network: 'Network',
  tls: 'TLS certificate',
  entra: 'Microsoft Entra ID',
  autodiscover: 'Autodiscover',
  configuration: 'Configuration',
};

export interface ExchangeErrorDefinition {
  /** What the portal stores, shows and links to (its help page is /help/errors/<code>). */
  code: string;
  source: ExchangeErrorSource;
  errorClass: ExchangeErrorClass;
  /** The troubleshooting article's second axis: a server error (the profile) or a mailbox error. */
  scope: 'server' | 'mailbox';
  outageFamily?: OutageFamily;
  title: string;
  meaning: string;
  fix: string;
  /** The code Dynamics 365 shows for the same failure, where Microsoft documents one. */
  dynamicsErrorCode?: string;
  learnMoreUrl?: string;
}

type Entry = Omit<ExchangeErrorDefinition, 'code'>;

const SUPPORT = 'https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization';
const EWS_CODES = 'https://learn.microsoft.com/exchange/client-developer/web-service-reference/responsecode';
const AADSTS = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes';
const THROTTLING = 'https://learn.microsoft.com/exchange/client-developer/exchange-web-services/ews-throttling-in-exchange';

const transient = (source: ExchangeErrorSource, outageFamily: OutageFamily | undefined, scope: 'server' | 'mailbox', title: string, meaning: string, fix: string, extra: Partial<Entry> = {}): Entry =>
  ({ source, errorClass: 'transient', scope, ...(outageFamily ? { outageFamily } : {}), title, meaning, fix, ...extra });
const permanent = (source: ExchangeErrorSource, scope: 'server' | 'mailbox', title: string, meaning: string, fix: string, extra: Partial<Entry> = {}): Entry =>
  ({ source, errorClass: 'permanent', scope, title, meaning, fix, ...extra });

const CATALOG = {
  // ── EWS ResponseCodes (GetFolder, CreateItem, DeleteItem; SOAP faults and ResponseClass="Error") ──
  ErrorServerBusy: transient('ews', 'serverBusy', 'server', 'Exchange is busy',
    'Exchange throttled the request. Its answer says how long to wait (BackOffMilliseconds).',
    'Nothing to fix: the test is retried after the time Exchange asked for. If it persists, check the throttling policy of the account that connects.',
    { learnMoreUrl: THROTTLING }),
  ErrorExceededConnectionCount: transient('ews', 'serverBusy', 'server', 'Too many connections',
    'The account that connects has more open connections to Exchange than its throttling policy allows.',
    'Lower Maximum Concurrent Connections on the email server profile, or raise the EWS connection limit of the account on Exchange.',
    { learnMoreUrl: THROTTLING }),
  ErrorTimeoutExpired: transient('ews', 'serverBusy', 'server', 'Exchange timed out',
    'Exchange could not finish the request in time.',
    'Nothing to fix if it is rare: the test is retried. If it persists, check the load of the Exchange servers.',
    { learnMoreUrl: EWS_CODES }),
  ErrorMailboxStoreUnavailable: transient('ews', 'serviceUnavailable', 'mailbox', 'Mailbox database unavailable',
    'The mailbox database that holds this mailbox is not available (for example, it is failing over or being maintained).',
    'Nothing to fix: the test is retried. If it lasts, ask the Exchange administrator about the state of the mailbox database.',
    { learnMoreUrl: EWS_CODES }),
  ErrorInternalServerTransientError: transient('ews', 'serviceUnavailable', 'server', 'Temporary Exchange error',
    'Exchange reported an internal error that it considers temporary.',
    'Nothing to fix: the test is retried.', { learnMoreUrl: EWS_CODES }),
  ErrorInternalServerError: transient('ews', 'serviceUnavailable', 'server', 'Exchange internal error',
    'Exchange reported an internal error.',
    'The test is retried. If it fails every time, the Exchange event log on the server has the cause.', { learnMoreUrl: EWS_CODES }),
  ErrorADUnavailable: transient('ews', 'serviceUnavailable', 'server', 'Active Directory unavailable',
    'Exchange could not reach Active Directory to look up the mailbox or the account.',
    'Nothing to fix if it is brief: the test is retried. If it lasts, check the domain controllers Exchange uses.', { learnMoreUrl: EWS_CODES }),
  ErrorConnectionFailed: transient('ews', 'unreachable', 'server', 'Exchange could not connect',
    'The Exchange server that received the request could not connect to the server that holds the mailbox.',
    'Nothing to fix if it is brief: the test is retried. If it lasts, check the Exchange servers of the site.', { learnMoreUrl: EWS_CODES }),
  ErrorMailboxMoveInProgress: transient('ews', undefined, 'mailbox', 'Mailbox is being moved',
    'The mailbox is being moved to another database or server.',
    'Nothing to fix: the test is retried once the move has finished.', { learnMoreUrl: EWS_CODES }),
  ErrorMailboxFailover: transient('ews', 'serviceUnavailable', 'mailbox', 'Mailbox failing over',
    'The mailbox database is failing over to another copy.',
    'Nothing to fix: the test is retried.', { learnMoreUrl: EWS_CODES }),
  ErrorAccessDenied: permanent('ews', 'mailbox', 'Access denied',
    'The account that connects may not open this mailbox or folder.',
    'Give the account that connects access to the mailbox (Full Access, or the ApplicationImpersonation role when the profile uses impersonation), then test again.',
    { learnMoreUrl: `${SUPPORT}/general-mailbox-access-error-occurred` }),
  ErrorCreateItemAccessDenied: permanent('ews', 'mailbox', 'May not create items',
    'The account that connects may read the mailbox but not create items in it, so outgoing email cannot be saved or sent.',
    'Give the account that connects write access to the mailbox, then test again.', { learnMoreUrl: EWS_CODES }),
  ErrorImpersonateUserDenied: permanent('ews', 'server', 'Impersonation denied',
    'The account does not have permission to impersonate the requested user.',
    'Grant the account of the email server profile the ApplicationImpersonation role for the mailboxes of the profile (or turn off Use Impersonation and give it Full Access), then test again.',
    { learnMoreUrl: `${SUPPORT}/the-account-does-not-have-permission-to-impersonate-the-requested-user-error` }),
  ErrorImpersonationDenied: permanent('ews', 'server', 'Impersonation denied',
    'Exchange refused to let the account act as this mailbox.',
    'Grant the account of the email server profile the ApplicationImpersonation role, then test again.', { learnMoreUrl: EWS_CODES }),
  ErrorImpersonationFailed: permanent('ews', 'mailbox', 'Impersonation failed',
    'Exchange accepted the impersonation header but could not act as the mailbox (for example, its account is not valid).',
    'Check that the mailbox address belongs to an enabled account, then test again.', { learnMoreUrl: EWS_CODES }),
  ErrorNonExistentMailbox: permanent('ews', 'mailbox', 'No such mailbox',
    'Exchange has no mailbox with this email address. For Exchange Online, Microsoft says: "Test and Enable failed because no user was found with the email address … in the Microsoft 365 tenant associated with this mailbox\'s Email Server Profile."',
    'Check the Email Address of the mailbox record against the user\'s UPN or SMTP addresses in Microsoft 365 (or Exchange), or use a cross-tenant profile when the mailbox lives in another tenant.',
    { learnMoreUrl: `${SUPPORT}/test-enable-fails-for-unrecognized-email-address` }),
  ErrorInvalidSmtpAddress: permanent('ews', 'mailbox', 'Invalid email address',
    'Exchange does not accept the mailbox\'s email address as an SMTP address.',
    'Correct the Email Address of the mailbox record, then test again.', { learnMoreUrl: EWS_CODES }),
  ErrorNonPrimarySmtpAddress: permanent('ews', 'mailbox', 'Not the primary address',
    'The address is a secondary address of the mailbox; Exchange expects the primary SMTP address.',
    'Set the mailbox record\'s Email Address to the primary SMTP address, then test again.', { learnMoreUrl: EWS_CODES }),
  ErrorAccountDisabled: permanent('ews', 'mailbox', 'Account disabled',
    'The Microsoft 365 (or Active Directory) account of the mailbox is disabled.',
    'Enable the account and make sure sign-in is not blocked, then test and enable the mailbox again.',
    { dynamicsErrorCode: '8005E273', learnMoreUrl: `${SUPPORT}/error-code-8005e273` }),
  ErrorInvalidLicense: permanent('ews', 'mailbox', 'No valid Exchange license',
    'The user of the mailbox has no valid Exchange license.',
    'Assign an Exchange Online license to the user in the Microsoft 365 admin center, wait for the mailbox to be created, then test and enable again.',
    { dynamicsErrorCode: '8005E276', learnMoreUrl: `${SUPPORT}/error-code-8005e276` }),
  MailboxNotEnabledForRESTAPI: permanent('ews', 'mailbox', 'Mailbox not enabled for REST API',
    'The Exchange mailbox isn\'t enabled for REST API connectivity in the Microsoft 365 tenant of the email server profile: it has no Exchange Online license, is disabled, or lives on-premises in a hybrid deployment.',
    'License the mailbox for Exchange Online, or connect it through an Exchange Server profile that points at the on-premises servers.',
    { dynamicsErrorCode: '8005E274', learnMoreUrl: `${SUPPORT}/error-code-8005e274` }),
  ErrorMailboxConfiguration: permanent('ews', 'mailbox', 'Mailbox misconfigured',
    'Exchange reported a configuration problem with the mailbox.', 'Ask the Exchange administrator to check the mailbox, then test again.',
    { learnMoreUrl: EWS_CODES }),
  ErrorMailboxLogonFailed: permanent('ews', 'mailbox', 'Mailbox logon failed',
    'Exchange could not log on to the mailbox.', 'Check the mailbox and the account that connects on Exchange, then test again.',
    { learnMoreUrl: EWS_CODES }),
  ErrorQuotaExceeded: permanent('ews', 'mailbox', 'Mailbox full',
    'The mailbox is over its storage quota, so no item can be saved in it.',
    'Free space in the mailbox or raise its quota, then test again.', { learnMoreUrl: `${SUPPORT}/errorquotaexceeded-exchange-server-returned-403-error` }),
  ErrorFolderNotFound: permanent('ews', 'mailbox', 'Folder not found',
    'A well-known folder (Inbox, Drafts, Calendar, Contacts or Tasks) does not exist in the mailbox.',
    'Ask the Exchange administrator to check the mailbox folders, then test again.', { learnMoreUrl: EWS_CODES }),
  ErrorItemNotFound: permanent('ews', 'mailbox', 'Item not found',
    'Exchange could not find an item the check created a moment before (the draft it saved, to delete it).',
    'Check the mailbox\'s retention and journaling rules on Exchange, then test again.', { learnMoreUrl: EWS_CODES }),
  ErrorInvalidExchangeImpersonationHeaderData: permanent('ews', 'server', 'Impersonation header refused',
    'Exchange refused the ExchangeImpersonation header: the address it names is not a valid mailbox for impersonation.',
    'Check the mailbox\'s Email Address, or turn off Use Impersonation on the profile.', { learnMoreUrl: EWS_CODES }),
  ErrorOrganizationAccessBlocked: permanent('ews', 'server', 'Organization access blocked',
    'Exchange Online blocked access for the organization.', 'Check the tenant\'s status in the Microsoft 365 admin center.',
    { learnMoreUrl: EWS_CODES }),
  ErrorSchemaValidation: permanent('ews', 'server', 'Request rejected by Exchange',
    'Exchange rejected the request as not valid against its schema: the server speaks an older EWS version than the portal expects.',
    'Check that the server runs Exchange 2013 SP1 or later.', { learnMoreUrl: EWS_CODES }),
  ErrorInvalidRequest: permanent('ews', 'server', 'Invalid request',
    'Exchange rejected the request as invalid.', 'Check that the server runs Exchange 2013 SP1 or later.', { learnMoreUrl: EWS_CODES }),
  ExchangeError: permanent('ews', 'mailbox', 'Exchange reported an error',
    'Exchange answered with an error code that this portal does not know.',
    'Read the message Exchange sent (in the trace of the failed step), fix what it names, then test again.', { learnMoreUrl: EWS_CODES }),
  InvalidExchangeResponse: transient('ews', 'serviceUnavailable', 'server', 'Not an Exchange answer',
    'The server answered with something that is not an EWS SOAP message (for example, an HTML page from a proxy).',
    'Check that the server location is the EWS endpoint (https://<server>/EWS/Exchange.asmx) and that no proxy answers in its place.'),

  // ── HTTP ──
  HTTP401: permanent('http', 'server', '401 Unauthorized',
    'The account specified in the email server profile (or the mailbox) received a 401 Unauthorized error when contacting the Exchange server: the user name or password is wrong, or the server does not accept the authentication protocol.',
    'Check the credentials and the Authentication Protocol of the profile (or the mailbox\'s own credentials), then test and enable the mailbox again.',
    { dynamicsErrorCode: '8005E272', learnMoreUrl: `${SUPPORT}/error-code-8005e272` }),
  HTTP403: permanent('http', 'server', '403 Forbidden',
    'The server understood the request but refuses it (for example, EWS is disabled for the account or blocked by a policy).',
    'Ask the Exchange administrator whether EWS is allowed for the account (Set-CASMailbox -EwsEnabled), then test again.',
    { learnMoreUrl: `${SUPPORT}/http-server-returned-forbidden-exception` }),
  HTTP404: permanent('http', 'server', '404 Not Found',
    'There is no EWS endpoint at the server location.',
    'Set the server location to the EWS endpoint, e.g. https://mail.contoso.com/EWS/Exchange.asmx.'),
  HTTP429: transient('http', 'serverBusy', 'server', '429 Too Many Requests',
    'The server throttled the request.', 'Nothing to fix: the test is retried after the time the server asked for.'),
  HTTP503: transient('http', 'serviceUnavailable', 'server', '503 Service Unavailable',
    'The server is temporarily unable to handle the request.', 'Nothing to fix: the test is retried.'),
  HTTP5xx: transient('http', 'serviceUnavailable', 'server', 'Server error',
    'The server answered with an HTTP 5xx error.', 'The test is retried. If it persists, check the Exchange server or the proxy in front of it.'),
  HTTPError: permanent('http', 'server', 'Unexpected HTTP status',
    'The server answered with an HTTP status an EWS endpoint does not send.', 'Check the server location.'),
  RedirectNotFollowed: permanent('http', 'server', 'Redirect not followed',
    'The server redirected the request; EWS requests are not redirected, to keep credentials on the server you entered.',
    'Set the server location to the address the server redirects to, if you trust it.'),

  // ── Network ──
  ConnectionRefused: transient('network', 'unreachable', 'server', 'Connection refused',
    'Nothing accepted the connection on the server\'s port.', 'Check that Exchange runs and that the port is open from this portal.'),
  ConnectionReset: transient('network', 'unreachable', 'server', 'Connection reset',
    'The connection was closed before the server answered.', 'Nothing to fix if it is rare: the test is retried. If it persists, check firewalls and load balancers on the way.'),
  Timeout: transient('network', 'unreachable', 'server', 'No answer in time',
    'The server did not answer within the profile\'s Maximum Timeout Value.', 'Check that the server is up; raise the timeout on the profile if the server is slow.'),
  HostNotFound: permanent('network', 'server', 'Unknown host',
    'The server name could not be resolved in DNS.', 'Check the spelling of the server location and the DNS records of the domain.'),
  DnsTemporaryFailure: transient('network', 'unreachable', 'server', 'DNS temporarily unavailable',
    'The DNS server did not answer.', 'Nothing to fix if it is brief: the test is retried.'),
  NetworkUnreachable: transient('network', 'unreachable', 'server', 'Network unreachable',
    'There is no route to the server.', 'Check the network path from this portal to the server.'),
  DestinationNotAllowed: permanent('network', 'server', 'Destination not allowed',
    'The server location resolves to a loopback, private or link-local address, which this portal does not connect to unless the operator allows the host.',
    'Use the public name of the server, or ask the portal\'s operator to add the host to EWS_ALLOWED_HOSTS.'),
  InsecureChannel: permanent('network', 'server', 'Not a secure connection',
    'The server location uses plain http, and credentials are never sent over plain http unless the deployment allows it.',
    'Use an https:// server location, or ask the portal\'s operator to set ALLOW_HTTP_SERVER_LOCATIONS=true.'),

  // ── TLS ──
  TlsCertificateUntrusted: permanent('tls', 'server', 'Certificate not trusted',
    'The server\'s TLS certificate is not signed by an authority this portal trusts (for example, an internal CA).',
    'Install a certificate from a public CA on the server, or have the portal\'s operator add the internal CA with NODE_EXTRA_CA_CERTS.'),
  TlsCertificateNameMismatch: permanent('tls', 'server', 'Certificate name mismatch',
    'The server\'s TLS certificate does not name the host in the server location.',
    'Use the host name the certificate was issued for, or reissue the certificate with that name.'),
  TlsCertificateExpired: permanent('tls', 'server', 'Certificate expired',
    'The server\'s TLS certificate has expired (or is not valid yet).', 'Renew the certificate on the server.'),
  TlsHandshakeFailed: permanent('tls', 'server', 'TLS handshake failed',
    'The TLS handshake failed (for example, the port does not speak TLS).', 'Check the server location\'s scheme and port.'),

  // ── Microsoft Entra ID (client credentials for Exchange Online) ──
  AADSTS7000215: permanent('entra', 'server', 'Invalid client secret',
    'Microsoft Entra ID rejected the client secret of the app registration.',
    'Copy the secret\'s Value (not its ID) from the app registration into the profile\'s Client Secret.', { learnMoreUrl: AADSTS }),
  AADSTS7000222: permanent('entra', 'server', 'Client secret expired',
    'The client secret of the app registration has expired.', 'Add a new client secret to the app registration and enter it in the profile.',
    { learnMoreUrl: AADSTS }),
  AADSTS700016: permanent('entra', 'server', 'Application not found',
    'No application with this Application ID exists in the tenant.', 'Check the Application ID and the Tenant ID of the profile.',
    { learnMoreUrl: AADSTS }),
  AADSTS90002: permanent('entra', 'server', 'Tenant not found',
    'Microsoft Entra ID has no tenant with this Tenant ID.', 'Check the profile\'s Tenant ID (the Directory ID of the tenant where Exchange Online is).',
    { learnMoreUrl: AADSTS }),
  AADSTS65001: permanent('entra', 'server', 'Consent not granted',
    'The app registration has not been granted the Office 365 Exchange Online permission (full_access_as_app) by an administrator.',
    'In the app registration, add the Office 365 Exchange Online application permission and grant admin consent.', { learnMoreUrl: AADSTS }),
  EntraError: permanent('entra', 'server', 'Token request refused',
    'Microsoft Entra ID refused the token request.', 'Read the AADSTS message in the trace and fix the app registration it names.',
    { learnMoreUrl: AADSTS }),
  TokenServiceUnavailable: transient('entra', 'tokenService', 'server', 'Microsoft Entra ID unavailable',
    'Microsoft Entra ID did not issue a token because of a temporary problem.', 'Nothing to fix: the test is retried.', { learnMoreUrl: AADSTS }),

  // ── Autodiscover ──
  AutodiscoverFailed: permanent('autodiscover', 'mailbox', 'Mailbox location could not be determined',
    'The mailbox location could not be determined: none of the Autodiscover endpoints returned an EWS URL for the mailbox.',
    'Check with your Exchange administrator that your network is configured for Autodiscover, or set Auto Discover Server Location to No and enter the EWS URL (for example https://ExchangeServerName/EWS/Exchange.asmx).',
    { learnMoreUrl: `${SUPPORT}/troubleshooting-monitoring-server-side-synchronization` }),
  AutodiscoverInvalidUser: permanent('autodiscover', 'mailbox', 'Autodiscover does not know the mailbox',
    'Autodiscover answered that it has no user with this email address.', 'Check the mailbox\'s Email Address.'),

  // ── This portal's own checks, before anything is sent ──
  EmailAddressNotApproved: permanent('configuration', 'mailbox', 'Email address not approved',
    'Email can\'t be sent or received because the email address of the mailbox is not approved, and Email settings process emails only for approved users (or queues).',
    'Approve the email address (Mailboxes > More Commands > Approve Email) or remove the approval requirement in Email settings, then test and enable the mailbox again.',
    { learnMoreUrl: `${SUPPORT}/troubleshooting-monitoring-server-side-synchronization` }),
  ExchangeOutage: transient('configuration', undefined, 'server', 'More than half of the mailboxes failed',
    'More than half of the mailboxes of the profile tested in the last hour failed with the same temporary error: Exchange, or the way to it, is down.',
    'Nothing to do on the mailboxes: their tests are held and resume by themselves when Exchange answers again. Check the state of Exchange (Microsoft 365 Service health for Exchange Online).'),
  MailboxOwnerLacksPrivileges: permanent('configuration', 'mailbox', 'Mailbox owner lacks privileges',
    'The user or team associated with the mailbox lacks privileges: it holds no security role in this environment.',
    'Assign the owner a security role (Settings > Users + permissions), then test and enable the mailbox again.',
    { dynamicsErrorCode: '8005E259', learnMoreUrl: `${SUPPORT}/error-code-8005e259` }),
  S2SNotConfigured: permanent('configuration', 'server', 'Portal app registration missing',
    'S2S auth (Same Tenant) signs in with the portal\'s own app registration, which is not configured.',
    'Ask the portal\'s operator to set S2S_TENANT_ID, S2S_APPLICATION_ID and S2S_CLIENT_SECRET, or use Oauth (Cross Tenant).'),
  MissingCredentials: permanent('configuration', 'server', 'Credentials missing',
    'The profile (or the mailbox) has no user name or password to connect with.', 'Enter the credentials, then test again.'),
  MailboxCredentialsNotAllowed: permanent('configuration', 'mailbox', 'Mailbox credentials not allowed',
    'The profile uses Credentials Specified by a User or Queue, but the mailbox does not allow its credentials to be used.',
    'On the mailbox, turn on Allow to Use Credentials for Email Processing and enter its User Name and Password.'),
  MissingServerLocation: permanent('configuration', 'server', 'No server location',
    'The profile has no Incoming or Outgoing Server Location and does not use Autodiscover.', 'Enter the server locations, or turn on Auto Discover Server Location.'),
  KerberosUnsupported: permanent('configuration', 'server', 'Kerberos not supported',
    'The server offers only Negotiate (Kerberos), which this portal cannot perform: it speaks Basic and NTLM.',
    'Enable NTLM on the EWS virtual directory, or choose NTLM or Basic as the profile\'s Authentication Protocol.'),
  AuthenticationProtocolNotOffered: permanent('configuration', 'server', 'Authentication protocol not offered',
    'The server does not offer the Authentication Protocol the profile asks for.', 'Choose a protocol the server offers (its WWW-Authenticate header lists them), or Auto Detect.'),
  WindowsIntegratedAuthenticationNotTestable: permanent('configuration', 'server', 'Windows Integrated Authentication cannot be tested here',
    'Windows Integrated Authentication uses the credentials of the Microsoft Dynamics 365 Asynchronous Service account, which this portal does not have.',
    'Test from the server that runs the synchronization service, or switch the profile to Credentials Specified in Email Server Profile to test it here.'),
  AnonymousNotValid: permanent('configuration', 'server', 'Anonymous is not valid',
    'Without Credential (Anonymous) is not a valid setting.', 'Choose another Authenticate Using option.'),
  UnexpectedError: permanent('configuration', 'server', 'Unexpected failure',
    'The check failed in a way the portal did not expect. The error has been logged.', 'Test again; if it keeps failing, report it with the time of the test.'),
} as const satisfies Record<string, Entry>;

export type ExchangeErrorCode = keyof typeof CATALOG;

export const EXCHANGE_ERROR_CATALOG: Readonly<Record<ExchangeErrorCode, ExchangeErrorDefinition>> = Object.fromEntries(
  Object.entries(CATALOG).map(([code, entry]) => [code, { code, ...entry }]),
) as Record<ExchangeErrorCode, ExchangeErrorDefinition>;

export function isExchangeErrorCode(code: string): code is ExchangeErrorCode {
  return Object.hasOwn(CATALOG, code);
}

/** The definition of a stored code; codes from an older catalog fall back to a generic entry of their source. */
export function exchangeErrorDefinition(code: string): ExchangeErrorDefinition {
  return isExchangeErrorCode(code) ? EXCHANGE_ERROR_CATALOG[code] : { ...EXCHANGE_ERROR_CATALOG.ExchangeError, code };
}

/** An EWS ResponseCode as received: known ones keep their name, others become ExchangeError (the raw code stays in the message). */
export function ewsResponseCodeToErrorCode(responseCode: string): ExchangeErrorCode {
  const code = responseCode.trim();
  return isExchangeErrorCode(code) && EXCHANGE_ERROR_CATALOG[code].source === 'ews' ? code : 'ExchangeError';
}

/** An HTTP status an EWS endpoint answered with, as a catalog code. */
export function httpStatusToErrorCode(status: number): ExchangeErrorCode {
  if (status === 401) return 'HTTP401';
  if (status === 403) return 'HTTP403';
  if (status === 404) return 'HTTP404';
  if (status === 429) return 'HTTP429';
  if (status === 503) return 'HTTP503';
  if (status >= 500 && status < 600) return 'HTTP5xx';
  if (status >= 300 && status < 400) return 'RedirectNotFollowed';
  return 'HTTPError';
}

/** An AADSTS number from Entra ID's error_description, as a catalog code (5xx and timeouts are TokenServiceUnavailable). */
export function aadstsToErrorCode(aadsts: string | null): ExchangeErrorCode {
  const code = aadsts ? `AADSTS${aadsts.replace(/^AADSTS/i, '')}` : '';
  return isExchangeErrorCode(code) ? code : 'EntraError';
}
