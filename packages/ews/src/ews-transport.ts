import type { AuthenticationProtocol } from '@sync-admin/domain';
import type { IXHRApi, IXHROptions } from 'ews-javascript-api';
import { ConnectFailure, type ConnectionDetails, type ConnectionLease, type PooledSocket } from './connection-pool.ts';
import { sendHttpRequest, type HttpRequest, type HttpResponse, type SentRequest } from './http-exchange.ts';
import { NetworkFailure } from './network-failure.ts';
import { ntlmAuthenticateToken, ntlmNegotiateToken, parseChallenges, SCHEME_LABELS, type AuthChallenge, type AuthScheme } from './ntlm-handshake.ts';
import type { OutboundPolicy } from './outbound-policy.ts';

/** How requests authenticate: a bearer token the library puts in the header, or a password over a protocol. */
export type HttpAuthentication =
  | { kind: 'bearer' }
  | { kind: 'password'; protocol: AuthenticationProtocol; userName: string; password: string }
  | { kind: 'anonymous' };

/** One HTTP exchange as it went, for the trace and the classifier (redacted and bounded when it is shown). */
export interface RecordedExchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: string;
  response: HttpResponse | null;
}

/** What one library call (a GetFolder, a GetUserSettings) did on the wire. */
export interface TransportCall {
  exchanges: RecordedExchange[];
  /** Connections this call opened (DNS, connect, TLS facts). */
  opened: ConnectionDetails[];
  /** A connection that could not be opened, and in which phase. */
  connectFailure: ConnectFailure | null;
  /** What the transport itself decided went wrong (network, TLS, policy, authentication protocol). */
  failure: NetworkFailure | null;
}

export interface EwsTransportOptions {
  lease: ConnectionLease;
  policy: OutboundPolicy;
  timeoutMs: number;
  authentication: HttpAuthentication;
  /** Identifies the credential: connections (and NTLM's authenticated sockets) are shared only under it. */
  credentialKey: string;
  /** Auto Detect's choice per credential and origin, so the probe happens once and not per call. */
  detectedSchemes: Map<string, AuthScheme>;
}

/** The library types its HTTP layer with the DOM's XMLHttpRequest; only the members built in toXhr are read. */
type XhrResult = Awaited<ReturnType<IXHRApi['xhr']>>;

const USER_AGENT = 'SyncAdmin-ConnectivityCheck/1.0';
const MAX_DETECTED_SCHEMES = 10_000;

/**
 * The HTTP layer ews-javascript-api calls (IXHRApi). The library's own ignores ExchangeService.Timeout, replaces
 * the https agent under NTLM and reports socket errors as text; this one bounds every request by the profile's
 * timeout, speaks Basic, NTLM (also inside Negotiate) and Auto Detect on the lease's one connection, refuses plain
 * http for credentials, and records every exchange of the current call for the trace and the classifier.
 */
export class EwsTransport implements IXHRApi {
  readonly apiName = 'sync-admin-node-http';
  private call: TransportCall = emptyCall();

  constructor(private readonly options: EwsTransportOptions) {}

  /** Starts recording a new library call; read the returned record after the call settles. */
  beginCall(): TransportCall {
    this.call = emptyCall();
    return this.call;
  }

  async xhr(request: IXHROptions): Promise<XhrResult> {
    const url = new URL(request.url);
    const headers: Record<string, string> = { ...(request.headers as Record<string, string> | undefined), 'User-Agent': USER_AGENT };
    // The library asks for gzip; answers are small and node:http does not inflate.
    delete headers['Accept-Encoding'];
    let response: HttpResponse;
    try {
      const refusal = this.options.policy.checkScheme(url, this.options.authentication.kind !== 'anonymous');
      if (refusal) throw new NetworkFailure(refusal.code, refusal.message);
      response = await this.authenticate({
        method: request.type === 'GET' ? 'GET' : 'POST',
        url,
        headers,
        body: typeof request.data === 'string' ? request.data : '',
        timeoutMs: this.options.timeoutMs,
        connectionKey: `${this.options.credentialKey}|${url.origin}`,
      });
    } catch (error) {
      const failure = this.recordFailure(error);
      throw toXhr(0, failure.message, '', {}, failure.message);
    }
    // ews-javascript-api parses every HTTP 500 as a SOAP fault, and throws outside its promise (an unhandled
    // rejection, and the call never settles) when the body is not one. It gets a status it does not parse; the
    // record keeps the real one for the classifier.
    const status = response.status === 500 && !isSoapEnvelope(response.body) ? 0 : response.status;
    const xhr = toXhr(status, response.statusText, response.body, response.headers);
    // As @ewsjs/xhr does: anything but 200 rejects, and the library reads SOAP faults out of 500s.
    if (response.status === 200) return xhr;
    throw xhr;
  }

  xhrStream(): Promise<XhrResult> {
    return Promise.reject(new Error('Streaming notifications are not used by connectivity checks.'));
  }

  disconnect(): void {}

  private recordFailure(error: unknown): NetworkFailure {
    if (error instanceof ConnectFailure) {
      this.call.connectFailure = error;
      this.call.failure = error.failure;
    } else if (error instanceof NetworkFailure) {
      this.call.failure = error;
    } else {
      // Never an internal exception text in a result: the classifier turns this into a plain sentence.
      this.call.failure = new NetworkFailure('UnexpectedError', 'The request could not be sent.');
    }
    return this.call.failure;
  }

  private async send(request: HttpRequest, pinned?: PooledSocket): Promise<SentRequest> {
    const recorded: RecordedExchange = {
      method: request.method,
      url: request.url.toString(),
      requestHeaders: request.headers,
      requestBody: request.body,
      response: null,
    };
    this.call.exchanges.push(recorded);
    const sent = await sendHttpRequest(this.options.lease, request, pinned);
    if (sent.opened) this.call.opened.push(sent.opened);
    recorded.response = sent.response;
    return sent;
  }

  private async authenticate(request: HttpRequest): Promise<HttpResponse> {
    const { authentication } = this.options;
    // Bearer tokens are put in the header by the library (OAuthCredentials); anonymous requests carry none.
    if (authentication.kind !== 'password') return (await this.send(request)).response;
    // The library put a preemptive Basic header there (WebCredentials); the protocol decides what is sent.
    const { Authorization: _libraryHeader, ...withoutAuthorization } = request.headers;
    const bare = { ...request, headers: withoutAuthorization };
    const scheme = await this.chooseScheme(bare, authentication);
    if (scheme.kind === 'answered') return scheme.response;
    if (scheme.scheme === 'basic') return this.sendBasic(bare, authentication);
    return this.sendNtlm(bare, authentication, scheme.scheme);
  }

  /** The scheme the profile's protocol means; Auto Detect asks the server once per credential and origin. */
  private async chooseScheme(
    request: HttpRequest,
    authentication: Extract<HttpAuthentication, { kind: 'password' }>,
  ): Promise<{ kind: 'scheme'; scheme: 'basic' | 'ntlm' | 'negotiate' } | { kind: 'answered'; response: HttpResponse }> {
    switch (authentication.protocol) {
      case 'basic':
        return { kind: 'scheme', scheme: 'basic' };
      case 'ntlm':
        return { kind: 'scheme', scheme: 'ntlm' };
      case 'negotiate':
        return { kind: 'scheme', scheme: 'negotiate' };
      case 'autoDetect':
        break;
    }
    const known = this.options.detectedSchemes.get(request.connectionKey);
    if (known === 'basic' || known === 'ntlm' || known === 'negotiate') return { kind: 'scheme', scheme: known };
    const probe = await this.send(request);
    if (probe.response.status !== 401) return { kind: 'answered', response: probe.response };
    const offers = parseChallenges(probe.response.headers['www-authenticate']);
    // NTLM when offered, inside Negotiate when only Negotiate is, Basic last: never a weaker scheme than offered.
    const scheme = offers.some((o) => o.scheme === 'ntlm') ? 'ntlm'
      : offers.some((o) => o.scheme === 'negotiate') ? 'negotiate'
        : offers.some((o) => o.scheme === 'basic') ? 'basic' : null;
    if (!scheme) throw protocolNotOffered('Auto Detect', offers, request.url);
    // Bounded: with mailbox credentials there is one entry per mailbox; forgetting only costs a probe.
    if (this.options.detectedSchemes.size >= MAX_DETECTED_SCHEMES) this.options.detectedSchemes.clear();
    this.options.detectedSchemes.set(request.connectionKey, scheme);
    return { kind: 'scheme', scheme };
  }

  private async sendBasic(request: HttpRequest, authentication: Extract<HttpAuthentication, { kind: 'password' }>): Promise<HttpResponse> {
    const token = Buffer.from(`${authentication.userName}:${authentication.password}`, 'utf8').toString('base64');
    const { response } = await this.send({ ...request, headers: { ...request.headers, Authorization: `Basic ${token}` } });
    if (response.status === 401) {
      const offers = parseChallenges(response.headers['www-authenticate']);
      if (offers.length > 0 && !offers.some((o) => o.scheme === 'basic')) throw protocolNotOffered('Basic', offers, request.url);
    }
    return response;
  }

  /**
   * NTLM, raw or inside Negotiate (Windows accepts an NTLMSSP token there): Type1 and Type3 on one connection,
   * which then stays authenticated, so later calls of the check (and of the profile's next checks) skip it.
   */
  private async sendNtlm(
    request: HttpRequest,
    authentication: Extract<HttpAuthentication, { kind: 'password' }>,
    wanted: 'ntlm' | 'negotiate',
  ): Promise<HttpResponse> {
    const identity = `${wanted}:${authentication.userName}`;
    const held = await this.options.lease.acquire(request.url, request.connectionKey, request.timeoutMs);
    if (held.authenticatedAs === identity) {
      const { response } = await this.send(request);
      if (response.status !== 401) return response;
    }
    let scheme = wanted;
    for (;;) {
      const label = SCHEME_LABELS[scheme];
      const negotiate = await this.send({ ...request, body: '', headers: { ...request.headers, Authorization: `${label} ${ntlmNegotiateToken()}` } });
      if (negotiate.response.status !== 401) return (await this.send(request)).response;
      const offers = parseChallenges(negotiate.response.headers['www-authenticate']);
      const challenge = offers.find((o) => o.scheme === scheme && o.token !== null);
      if (!challenge) {
        // A server offering only Negotiate takes NTLM inside it; one that refuses even that wants Kerberos.
        if (scheme === 'ntlm' && offers.some((o) => o.scheme === 'negotiate')) {
          scheme = 'negotiate';
          continue;
        }
        if (offers.some((o) => o.scheme === 'negotiate' || o.scheme === 'kerberos') && !offers.some((o) => o.scheme === 'ntlm')) {
          throw new NetworkFailure('KerberosUnsupported',
            `${request.url.origin} accepts only Kerberos (it refused NTLM inside Negotiate). This portal cannot perform Kerberos; enable NTLM on the EWS virtual directory, or use Basic.`, 401);
        }
        throw protocolNotOffered(label, offers, request.url);
      }
      if (negotiate.pooled.isDead) {
        throw new NetworkFailure('HTTP401', `${request.url.origin} closed the connection in the middle of the NTLM handshake (NTLM needs the connection kept alive; check the load balancer or proxy in front of Exchange).`, 401);
      }
      let authenticateToken: string;
      try {
        authenticateToken = ntlmAuthenticateToken(challenge.token ?? '', authentication.userName, authentication.password);
      } catch {
        throw new NetworkFailure('HTTP401', `${request.url.origin} sent an NTLM challenge this portal cannot read.`, 401);
      }
      const authenticated = await this.send({ ...request, headers: { ...request.headers, Authorization: `${label} ${authenticateToken}` } }, negotiate.pooled);
      if (authenticated.response.status !== 401) authenticated.pooled.authenticatedAs = identity;
      return authenticated.response;
    }
  }
}

function protocolNotOffered(protocol: string, offers: AuthChallenge[], url: URL): NetworkFailure {
  const offered = [...new Set(offers.map((o) => SCHEME_LABELS[o.scheme]))];
  if (offered.length > 0 && offered.every((name) => name === 'Negotiate' || name === 'Kerberos')) {
    return new NetworkFailure('KerberosUnsupported',
      `${url.origin} offers only Negotiate (Kerberos), which this portal cannot perform; the profile asks for ${protocol}. Enable NTLM or Basic on the EWS virtual directory.`, 401);
  }
  return new NetworkFailure('AuthenticationProtocolNotOffered',
    `${url.origin} does not offer ${protocol}; it offers ${offered.length > 0 ? offered.join(', ') : 'no authentication scheme this portal knows'}.`, 401);
}

function isSoapEnvelope(body: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?<([\w-]+:)?Envelope[\s>][\s\S]*<([\w-]+:)?Body[\s>/]/.test(body);
}

function emptyCall(): TransportCall {
  return { exchanges: [], opened: [], connectFailure: null, failure: null };
}

function toXhr(status: number, statusText: string, responseText: string, headers: Record<string, string>, message?: string): XhrResult {
  return {
    status,
    statusText,
    responseText,
    response: responseText,
    headers,
    message,
    getResponseHeader: (name: string) => headers[name.toLowerCase()] ?? null,
    getAllResponseHeaders: () => Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n'),
  } as unknown as XhrResult;
}
