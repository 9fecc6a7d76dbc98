import { AuthError, ConfidentialClientApplication, LogLevel, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { aadstsToErrorCode, EXCHANGE_ONLINE_CHINA_EWS_URL, type ExchangeErrorCode } from '@sync-admin/domain';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { Agent, request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import { formatSeconds } from './connection-pool.ts';
import { NetworkFailure, socketFailure } from './network-failure.ts';

export interface AppRegistration {
  tenantId: string;
  applicationId: string;
  clientSecret: string;
}

/** The Microsoft cloud an Exchange Online endpoint lives in: the worldwide one, or 21Vianet's in China. */
export interface ExchangeOnlineCloud {
  authorityHost: string;
  scope: string;
}

export const GLOBAL_CLOUD: ExchangeOnlineCloud = {
  authorityHost: 'https://login.microsoftonline.com',
  scope: 'https://outlook.office365.com/.default',
};
export const CHINA_CLOUD: ExchangeOnlineCloud = {
  authorityHost: 'https://login.partner.microsoftonline.cn',
  scope: 'https://partner.outlook.cn/.default',
};

const CHINA_HOST = new URL(EXCHANGE_ONLINE_CHINA_EWS_URL).hostname;

/** Seed 000 points Exchange Online in China at partner.outlook.cn; everything else is the worldwide cloud. */
export function cloudFor(ewsUrl: string | null): ExchangeOnlineCloud {
  if (!ewsUrl) return GLOBAL_CLOUD;
  try {
    const host = new URL(ewsUrl).hostname.toLowerCase();
    return host === CHINA_HOST || host.endsWith(`.${CHINA_HOST}`) ? CHINA_CLOUD : GLOBAL_CLOUD;
  } catch {
    return GLOBAL_CLOUD;
  }
}

export type TokenOutcome =
  | { ok: true; accessToken: string; expiresOn: Date | null; fromCache: boolean; authority: string }
  | { ok: false; code: ExchangeErrorCode; message: string; httpStatus: number | null; authority: string };

export interface TokenProviderOptions {
  /** Test seam: replaces the cloud's Entra ID host (e.g. a local OAuth server). */
  authorityHost?: string;
  /** Test seam: one extra CA (PEM) for the token endpoint. */
  trustedCa?: string;
  requestCeilingMs: number;
}

export interface TokenProvider {
  acquire(app: AppRegistration, cloud: ExchangeOnlineCloud, timeoutMs: number): Promise<TokenOutcome>;
}

/** Per token request: its timeout, and what went wrong on the wire (MSAL reports network failures generically). */
interface RequestContext {
  timeoutMs: number;
  failure: NetworkFailure | null;
  lastStatus: number | null;
}

/** Clients kept, one per app registration (and secret): each holds MSAL's token cache. */
const MAX_CLIENTS = 1_000;

/**
 * App-only tokens for EWS by the client credentials grant. One MSAL client per app registration keeps the token
 * in MSAL's cache until shortly before it expires (MSAL renews five minutes early), so the thousands of mailboxes
 * of a Test & Enable run cost one token request per app registration, not one per mailbox.
 */
export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const clients = new Map<string, ConfidentialClientApplication>();
  const requests = new AsyncLocalStorage<RequestContext>();
  const networkClient = new TokenNetworkClient(requests, options);

  function clientFor(app: AppRegistration, authority: string, authorityHost: string): ConfidentialClientApplication {
    const key = `${authority}|${app.applicationId}|${createHash('sha256').update(app.clientSecret).digest('hex')}`;
    const cached = clients.get(key);
    if (cached) return cached;
    const host = new URL(authorityHost).host;
    const isMicrosoftHost = [GLOBAL_CLOUD, CHINA_CLOUD].some((cloud) => new URL(cloud.authorityHost).host === host);
    const client = new ConfidentialClientApplication({
      auth: {
        clientId: app.applicationId,
        clientSecret: app.clientSecret,
        authority,
        // A host MSAL does not know (the tests' local one) is trusted as given, instead of being checked
        // against Microsoft's instance discovery service, so no request leaves for login.microsoftonline.com.
        knownAuthorities: isMicrosoftHost ? [] : [host],
      },
      system: {
        networkClient,
        loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => {} },
      },
    });
    if (clients.size >= MAX_CLIENTS) clients.delete(clients.keys().next().value ?? '');
    clients.set(key, client);
    return client;
  }

  return {
    async acquire(app, cloud, timeoutMs) {
      const authorityHost = (options.authorityHost ?? cloud.authorityHost).replace(/\/+$/, '');
      const authority = `${authorityHost}/${app.tenantId}`;
      const context: RequestContext = { timeoutMs: Math.min(timeoutMs, options.requestCeilingMs), failure: null, lastStatus: null };
      try {
        const result = await requests.run(context, () =>
          clientFor(app, authority, authorityHost).acquireTokenByClientCredential({ scopes: [cloud.scope] }));
        if (!result?.accessToken) {
          return { ok: false, code: 'EntraError', message: 'Microsoft Entra ID answered without an access token.', httpStatus: null, authority };
        }
        return { ok: true, accessToken: result.accessToken, expiresOn: result.expiresOn ?? null, fromCache: result.fromCache, authority };
      } catch (error) {
        return { ok: false, authority, ...describeTokenFailure(error, context, authorityHost) };
      }
    },
  };
}

/**
 * Entra ID's error_description reads "AADSTS7000215: Invalid client secret provided. …" followed by trace lines;
 * keep the AADSTS sentence and the correlation id an admin quotes to Microsoft support.
 */
function describeTokenFailure(error: unknown, context: RequestContext, authorityHost: string): { code: ExchangeErrorCode; message: string; httpStatus: number | null } {
  const where = `Microsoft Entra ID (${new URL(authorityHost).host})`;
  if (context.failure) {
    const { failure } = context;
    // Refused, reset, timed out: Entra ID is unavailable, a temporary condition. TLS and DNS failures are the way there.
    const temporary = ['ConnectionRefused', 'ConnectionReset', 'Timeout', 'DnsTemporaryFailure', 'NetworkUnreachable'].includes(failure.code);
    return { code: temporary ? 'TokenServiceUnavailable' : failure.code, message: `Could not get a token from ${where}: ${failure.message}`, httpStatus: null };
  }
  const status = context.lastStatus;
  if (status !== null && status >= 500) {
    return { code: 'TokenServiceUnavailable', message: `${where} answered HTTP ${status}: it could not issue a token right now.`, httpStatus: status };
  }
  if (error instanceof AuthError) {
    const text = error.errorMessage || error.message;
    const aadsts = /AADSTS(\d+):.*?(?=\s+Trace ID:|\s+-\s+Correlation ID:|[\r\n]|$)/.exec(text);
    const correlation = error.correlationId ? ` (Correlation ID: ${error.correlationId})` : '';
    if (aadsts) {
      return { code: aadstsToErrorCode(aadsts[1] ?? null), message: `${where} refused the token request: ${aadsts[0].trim()}${correlation}`, httpStatus: status };
    }
    return { code: 'EntraError', message: `${where} refused the token request (${error.errorCode})${correlation}.`, httpStatus: status };
  }
  return { code: 'EntraError', message: `${where} refused the token request.`, httpStatus: status };
}

/**
 * MSAL's HTTP client: node:https with keep-alive, the per-request timeout of the check, an extra CA only when
 * the test seam gives one, and the network failure kept for the message (MSAL only says "network_error").
 */
class TokenNetworkClient implements INetworkModule {
  private readonly agent: Agent;

  constructor(
    private readonly requests: AsyncLocalStorage<RequestContext>,
    private readonly options: TokenProviderOptions,
  ) {
    this.agent = new Agent({ keepAlive: true, ...(options.trustedCa ? { ca: [...rootCertificates, options.trustedCa] } : {}) });
  }

  sendGetRequestAsync<T>(url: string, init?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, init);
  }

  sendPostRequestAsync<T>(url: string, init?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, init);
  }

  private send<T>(method: 'GET' | 'POST', url: string, init: NetworkRequestOptions = {}): Promise<NetworkResponse<T>> {
    const context = this.requests.getStore();
    const timeoutMs = context?.timeoutMs ?? this.options.requestCeilingMs;
    const where = new URL(url).host;
    return new Promise((resolve, reject) => {
      const req = httpsRequest(url, { method, headers: init.headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('end', () => {
          clearTimeout(timer);
          const status = res.statusCode ?? 0;
          if (context) context.lastStatus = status;
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = text === '' ? {} : JSON.parse(text);
          } catch {
            body = { error: 'invalid_response', error_description: `${where} answered HTTP ${status} with something that is not JSON.` };
          }
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers[name] = value;
          resolve({ status, headers, body: body as T });
        });
      });
      let timedOut = false;
      function fail(error: NodeJS.ErrnoException) {
        clearTimeout(timer);
        req.destroy();
        const failure = timedOut ? new NetworkFailure('Timeout', `${where} did not answer within ${formatSeconds(timeoutMs)}.`) : socketFailure(error, where);
        if (context) context.failure = failure;
        reject(failure);
      }
      const timer = setTimeout(() => {
        timedOut = true;
        fail(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
      }, timeoutMs);
      req.on('error', fail);
      req.end(init.body);
    });
  }
}
