import {
  ConnectingIdType,
  ExchangeService,
  ExchangeVersion,
  Folder,
  ImpersonatedUserId,
  Uri,
  WellKnownFolderName,
  type ExchangeCredentials,
} from 'ews-javascript-api';
import { EwsTransport } from './ews-transport.ts';

export interface OpenInboxRequest {
  /** EWS endpoint, e.g. https://mail.contoso.com/EWS/Exchange.asmx; null to find it with Autodiscover. */
  url: string | null;
  credentials: ExchangeCredentials;
  /** The mailbox to act as (ExchangeImpersonation), or null to open the signed-in account's own Inbox. */
  impersonate: string | null;
  /** Needed when url is null: Autodiscover starts from the mailbox's domain. */
  autodiscoverAddress: string | null;
  timeoutMs: number;
  /** Extra certificate authority (PEM) to trust, for servers with an internal CA. */
  trustedCa?: string;
}

export type OpenInboxResult = { ok: true; url: string } | { ok: false; message: string };

/** Binds the Inbox with one GetFolder call: the cheapest request that proves sign-in and mailbox access. */
export async function openInbox(request: OpenInboxRequest): Promise<OpenInboxResult> {
  const transport = new EwsTransport({ timeoutMs: request.timeoutMs, ca: request.trustedCa });
  const service = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
  service.XHRApi = transport;
  service.Timeout = request.timeoutMs;
  service.Credentials = request.credentials;
  if (request.impersonate) {
    service.ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType.SmtpAddress, request.impersonate);
    // Exchange Online routes impersonated requests by this header; on-premises servers ignore it.
    service.HttpHeaders.Add('X-AnchorMailbox', request.impersonate);
  }

  let url = request.url;
  try {
    if (url === null) {
      if (!request.autodiscoverAddress) return { ok: false, message: 'Autodiscover needs a mailbox address to start from.' };
      // Only follow redirections to HTTPS, as Exchange's own clients do.
      await service.AutodiscoverUrl(request.autodiscoverAddress, (redirect) => redirect.toLowerCase().startsWith('https://'));
      url = service.Url.ToString();
    } else {
      service.Url = new Uri(url);
    }
    await Folder.Bind(service, WellKnownFolderName.Inbox);
    return { ok: true, url };
  } catch (error) {
    const where = url ?? `the Autodiscover service of ${request.autodiscoverAddress?.split('@')[1] ?? 'the mailbox domain'}`;
    return { ok: false, message: describeEwsFailure(error, transport, where) };
  }
}

function describeEwsFailure(error: unknown, transport: EwsTransport, url: string): string {
  const failure = transport.lastFailure;
  if (failure?.kind === 'unreachable') return `Could not reach ${url}: ${failure.reason}.`;
  if (failure?.kind === 'http' && failure.status === 401) {
    return 'The email server rejected the credentials (HTTP 401). Check the user name and password, or the application permissions for Exchange Online.';
  }
  const text = errorText(error);
  if (failure?.kind === 'http' && failure.status !== 500) return `The email server answered HTTP ${failure.status}${text ? `: ${text}` : ''}.`;
  return text ? `The email server reported an error: ${text}` : 'The email server returned an unexpected answer.';
}

/** ews-javascript-api rejects with Exceptions or SoapFaultDetails; both carry the server's text in message or faultString. */
function errorText(error: unknown): string {
  if (error === null || typeof error !== 'object') return String(error ?? '');
  const { message, faultString, FaultString } = error as { message?: unknown; faultString?: unknown; FaultString?: unknown };
  for (const candidate of [message, faultString, FaultString]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  }
  return '';
}
