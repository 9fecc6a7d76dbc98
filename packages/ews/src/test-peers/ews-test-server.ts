import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { testCertificates, type KeyAndCertificate } from './certificates.ts';
import {
  createItemResponse,
  deleteItemResponse,
  errorResponse,
  getFolderResponse,
  getUserSettingsResponse,
  parseAutodiscoverRequest,
  parseEwsRequest,
  soapFault,
  type AutodiscoverAnswer,
  type ParsedEwsRequest,
} from './ews-soap.ts';
import { compileEwsSchema } from './ews-schema-validator.ts';
import { createNtlmChallenge, ntlmMessageType, parseNtlmAuthenticate, verifyNtlmV2 } from './ntlm-verifier.ts';

export interface EwsTestAccount {
  /** As the client sends it: "CONTOSO\svc-sync" (NTLM domain and user) or a UPN. */
  userName: string;
  password: string;
  /** The account's own mailbox (what it opens without impersonation). */
  mailbox?: string;
  /** Mailboxes it may act as with ExchangeImpersonation (the ApplicationImpersonation role). */
  canImpersonate?: string[] | '*';
  /** Mailboxes it may open as a delegate (Full Access). */
  fullAccessTo?: string[] | '*';
}

/** Checks a bearer token (the OAuth test server gives one); null when it is not valid. */
export type BearerVerifier = (token: string) => { appId: string; tenantId: string; audience: string } | null;

export type EwsScheme = 'basic' | 'ntlm' | 'negotiate' | 'bearer';

export type EwsFault =
  | { kind: 'soapFault'; responseCode: string; message?: string; backOffMs?: number }
  | { kind: 'errorResponse'; responseCode: string; message?: string; backOffMs?: number }
  | { kind: 'httpStatus'; status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'html' }
  | { kind: 'malformedXml' }
  /** A careless server: a SOAP fault whose message repeats the Authorization header, decoded. */
  | { kind: 'echoAuthorization' };

export interface EwsFaultRule {
  /** Which requests it hits (all given fields must match); every request when omitted. */
  match?: { operation?: string; folder?: string; mailbox?: string; identity?: string; service?: 'ews' | 'autodiscover' };
  fault: EwsFault;
  /** How many requests it hits, then it is spent; every matching request when omitted. */
  times?: number;
}

export interface EwsTestServerOptions {
  protocol?: 'https' | 'http';
  /** Server certificate; the test CA's certificate for the test hosts by default. */
  tls?: KeyAndCertificate;
  accounts?: EwsTestAccount[];
  /** Schemes offered (in WWW-Authenticate) and accepted. Default: NTLM, Negotiate and Basic; plus Bearer with `bearer`. */
  schemes?: EwsScheme[];
  /** False for a Kerberos-only server: Negotiate refuses an NTLM token inside it. */
  negotiateAcceptsNtlm?: boolean;
  bearer?: BearerVerifier;
  /** The resource bearer tokens must be for (aud). Default https://outlook.office365.com. */
  bearerAudience?: string;
  /** Bearer (app-only) requests must carry X-AnchorMailbox equal to the impersonated mailbox. Default true. */
  requireAnchorMailbox?: boolean;
  /** Mailboxes that exist (accounts' own mailboxes are added). Applications may impersonate any of them. */
  mailboxes?: string[];
  /** SOAP Autodiscover at /autodiscover/autodiscover.svc: answers per mailbox; others get InvalidUser. None: 404. */
  autodiscover?: Record<string, AutodiscoverAnswer>;
  /** The HTTP redirect method: GET /autodiscover/autodiscover.xml answers 302 to this location. None: 404. */
  redirectTo?: string;
  /** Checks every EWS request against Microsoft's schema; on by default (off only for throughput benchmarks). */
  validateRequests?: boolean;
  /** Added to every authenticated SOAP call, like a real server's processing time. */
  latencyMs?: number;
  /** Items in each folder, as GetFolder reports them. */
  folderItemCount?: number;
}

export interface EwsRequestLogEntry {
  at: Date;
  /** The TCP connection it came on (1, 2, …): shows keep-alive and NTLM's one-socket handshake. */
  connection: number;
  service: 'ews' | 'autodiscover' | 'redirect';
  method: string;
  host: string | null;
  /** 'handshake' for NTLM's Type1 round trip and Auto Detect's probe; otherwise the SOAP operation. */
  operation: string | null;
  folder: string | null;
  /** The mailbox acted on (impersonated, named in the folder id, or the account's own). */
  mailbox: string | null;
  identity: string | null;
  scheme: EwsScheme | null;
  impersonated: string | null;
  anchorMailbox: string | null;
  requestedVersion: string | null;
  status: number;
}

export interface IdentityConcurrency {
  current: number;
  max: number;
  total: number;
}

export interface EwsTestServer {
  /** https://127.0.0.1:PORT/EWS/Exchange.asmx */
  url: string;
  origin: string;
  port: number;
  requests: EwsRequestLogEntry[];
  /** Requests that failed schema validation, or that would have sent mail: each one fails the test at close(). */
  violations: string[];
  inject(rule: EwsFaultRule): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  /** Current and highest number of simultaneous in-flight SOAP calls per connecting identity, and connections opened. */
  stats(): { connections: number; byIdentity: Record<string, IdentityConcurrency> };
  /** Drafts saved and not deleted, per mailbox. */
  draftsLeft(): Record<string, number>;
  /** Forgets the log and the statistics (not the faults). */
  reset(): void;
  /** Stops the server; rejects when any request violated the schema, so no test can pass over one. */
  close(): Promise<void>;
}

interface SocketState {
  id: number;
  challenge: { scheme: 'ntlm' | 'negotiate'; serverChallenge: Buffer } | null;
  identity: string | null;
  scheme: EwsScheme | null;
}

interface Caller {
  identity: string;
  scheme: EwsScheme;
  account: EwsTestAccount | null;
  appId: string | null;
}

const LABELS: Record<EwsScheme, string> = { basic: 'Basic', ntlm: 'NTLM', negotiate: 'Negotiate', bearer: 'Bearer' };

/**
 * An Exchange look-alike on 127.0.0.1 for the adapter's tests, the job engine's tests, a demo mode and
 * benchmarks: EWS (GetFolder, CreateItem, DeleteItem) and SOAP Autodiscover behind real Basic, NTLMv2 (raw or
 * inside Negotiate, proof checked against the password) and Bearer checks; impersonation and delegate rights;
 * fault injection for every error class; a request log and per-identity concurrency statistics. Every request
 * is validated against Microsoft's EWS schema unless validation is turned off.
 */
export async function startEwsTestServer(options: EwsTestServerOptions = {}): Promise<EwsTestServer> {
  const accounts = options.accounts ?? [];
  const schemes = options.schemes ?? [...(accounts.length > 0 ? ['ntlm', 'negotiate', 'basic'] as const : []), ...(options.bearer ? ['bearer'] as const : [])];
  const validate = options.validateRequests ?? true;
  // Compiling the schema takes about a second: done now, not inside the first request's timeout.
  if (validate) compileEwsSchema();
  const bearerAudience = options.bearerAudience ?? 'https://outlook.office365.com';
  const mailboxes = new Set([...(options.mailboxes ?? []), ...accounts.flatMap((a) => (a.mailbox ? [a.mailbox] : []))].map((m) => m.toLowerCase()));
  let latencyMs = options.latencyMs ?? 0;
  let faults: Array<EwsFaultRule & { left: number }> = [];
  const requests: EwsRequestLogEntry[] = [];
  const violations: string[] = [];
  const concurrency = new Map<string, IdentityConcurrency>();
  const drafts = new Map<string, string>();
  const sockets = new WeakMap<Socket, SocketState>();
  let lastConnectionId = 0;
  let connectionsOpened = 0;

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        violations.push(`The test server failed on ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  };
  const server: Server = options.protocol === 'http'
    ? createHttpServer(handler)
    : createHttpsServer(options.tls ?? testCertificates().server, handler);
  server.keepAliveTimeout = 30_000;
  function stateOf(req: IncomingMessage): SocketState {
    const known = sockets.get(req.socket);
    if (known) return known;
    // The first request on a connection (requests see the TLS socket, not the raw one).
    connectionsOpened += 1;
    const created: SocketState = { id: ++lastConnectionId, challenge: null, identity: null, scheme: null };
    sockets.set(req.socket, created);
    return created;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const path = new URL(req.url ?? '/', 'https://server').pathname.toLowerCase();
    const state = stateOf(req);
    const entry: EwsRequestLogEntry = {
      at: new Date(), connection: state.id, service: 'ews', method: req.method ?? 'GET', host: req.headers.host ?? null,
      operation: null, folder: null, mailbox: null, identity: null, scheme: null, impersonated: null,
      anchorMailbox: header(req, 'x-anchormailbox'), requestedVersion: null, status: 0,
    };
    const respond = (status: number, payload: string, headers: OutgoingHttpHeaders = {}) => {
      entry.status = status;
      requests.push(entry);
      res.writeHead(status, { 'Content-Type': 'text/xml; charset=utf-8', ...headers });
      res.end(payload);
    };

    if (req.method === 'GET' && path === '/autodiscover/autodiscover.xml') {
      entry.service = 'redirect';
      if (options.redirectTo) respond(302, '', { Location: options.redirectTo });
      else respond(404, '', { 'Content-Type': 'text/html' });
      return;
    }
    const isEws = path === '/ews/exchange.asmx';
    const isAutodiscover = path === '/autodiscover/autodiscover.svc';
    entry.service = isAutodiscover ? 'autodiscover' : 'ews';
    if (req.method !== 'POST' || (!isEws && !isAutodiscover) || (isAutodiscover && !options.autodiscover)) {
      respond(404, '<html><body>404 Not Found</body></html>', { 'Content-Type': 'text/html' });
      return;
    }

    let parsed: ParsedEwsRequest | null = null;
    if (isEws && body !== '') {
      const outcome = parseEwsRequest(body, validate);
      if (!outcome.ok) {
        violations.push(`Invalid EWS request: ${outcome.problem}`);
        respond(500, soapFault('ErrorSchemaValidation', `The request failed schema validation: ${outcome.problem}`));
        return;
      }
      parsed = outcome.request;
      entry.operation = parsed.operation;
      entry.folder = parsed.folder;
      entry.impersonated = parsed.impersonated;
      entry.requestedVersion = parsed.requestedVersion;
    }

    const caller = authenticate(req, state, entry, respond);
    if (!caller) return;
    entry.identity = caller.identity;
    entry.scheme = caller.scheme;
    if (body === '') {
      // The client's NTLM Type1 round trip or probe never reaches SOAP; an empty authenticated POST is not EWS.
      respond(400, '');
      return;
    }

    const stats = concurrency.get(caller.identity) ?? { current: 0, max: 0, total: 0 };
    concurrency.set(caller.identity, stats);
    stats.current += 1;
    stats.total += 1;
    stats.max = Math.max(stats.max, stats.current);
    let released = false;
    const release = () => {
      if (!released) stats.current -= 1;
      released = true;
    };
    res.on('close', release);
    try {
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      if (isAutodiscover) {
        const asked = parseAutodiscoverRequest(body);
        entry.operation = 'GetUserSettings';
        entry.mailbox = asked?.mailbox ?? null;
        if (!asked?.mailbox) {
          respond(400, '');
          return;
        }
        if (applyFault(entry, req, res, respond, 'GetUserSettings')) return;
        const answer = options.autodiscover?.[asked.mailbox.toLowerCase()] ?? { kind: 'invalidUser' };
        respond(200, getUserSettingsResponse(asked.mailbox, answer));
        return;
      }
      if (!parsed) return;
      answerEws(parsed, caller, entry, req, res, respond);
    } finally {
      if (res.writableEnded) release();
    }
  }

  function authenticate(req: IncomingMessage, state: SocketState, entry: EwsRequestLogEntry,
    respond: (status: number, payload: string, headers?: OutgoingHttpHeaders) => void): Caller | null {
    const authorization = header(req, 'authorization') ?? '';
    const [rawScheme = '', token = ''] = authorization.split(/\s+/, 2);
    const scheme = rawScheme.toLowerCase();
    const offers = schemes.map((s) => (s === 'basic' ? 'Basic realm="mail.contoso.com"' : LABELS[s]));
    const unauthorized = (extra: OutgoingHttpHeaders = {}, wwwAuthenticate: string[] = offers) =>
      respond(401, '', { 'WWW-Authenticate': wwwAuthenticate, 'Content-Type': 'text/html', ...extra });

    if (!authorization) {
      // NTLM authenticates the connection: later requests on it carry no header.
      if (state.identity && state.scheme) return callerFor(state.identity, state.scheme);
      entry.operation ??= 'handshake';
      unauthorized();
      return null;
    }
    if (scheme === 'basic' && schemes.includes('basic')) {
      const decoded = Buffer.from(token, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const account = accounts.find((a) => a.userName.toLowerCase() === decoded.slice(0, colon).toLowerCase() && a.password === decoded.slice(colon + 1));
      if (!account) {
        unauthorized();
        return null;
      }
      return callerFor(account.userName, 'basic');
    }
    if ((scheme === 'ntlm' && schemes.includes('ntlm')) || (scheme === 'negotiate' && schemes.includes('negotiate'))) {
      const type = ntlmMessageType(token);
      if (scheme === 'negotiate' && (type === null || options.negotiateAcceptsNtlm === false)) {
        // A Kerberos-only server: Negotiate is offered, NTLM inside it is refused.
        entry.operation ??= 'handshake';
        unauthorized({}, ['Negotiate']);
        return null;
      }
      if (type === 1) {
        const challenge = createNtlmChallenge('CONTOSO', 'contoso.com', 'EXCH01');
        state.challenge = { scheme, serverChallenge: challenge.serverChallenge };
        entry.operation ??= 'handshake';
        unauthorized({}, [`${LABELS[scheme]} ${challenge.token}`]);
        return null;
      }
      const authenticate = type === 3 ? parseNtlmAuthenticate(token) : null;
      const challenge = state.challenge;
      state.challenge = null;
      const account = authenticate && challenge?.scheme === scheme ? accounts.find((a) => ntlmNameMatches(a.userName, authenticate.domain, authenticate.user)) : undefined;
      if (!authenticate || !challenge || !account || !verifyNtlmV2(authenticate, account.password, challenge.serverChallenge)) {
        unauthorized();
        return null;
      }
      state.identity = account.userName;
      state.scheme = scheme;
      return callerFor(account.userName, scheme);
    }
    if (scheme === 'bearer' && schemes.includes('bearer') && options.bearer) {
      const claims = options.bearer(token);
      if (!claims || claims.audience.replace(/\/$/, '') !== bearerAudience) {
        unauthorized({ 'x-ms-diagnostics': '2000001;reason="The token is invalid.";error_category="invalid_token"' });
        return null;
      }
      return { identity: `app:${claims.appId}`, scheme: 'bearer', account: null, appId: claims.appId };
    }
    unauthorized();
    return null;
  }

  function callerFor(userName: string, scheme: EwsScheme): Caller | null {
    const account = accounts.find((a) => a.userName === userName) ?? null;
    return account ? { identity: account.userName, scheme, account, appId: null } : null;
  }

  function applyFault(entry: EwsRequestLogEntry, req: IncomingMessage, res: ServerResponse,
    respond: (status: number, payload: string, headers?: OutgoingHttpHeaders) => void, operation: string): boolean {
    const rule = faults.find((candidate) => candidate.left > 0 && matches(candidate, entry));
    if (!rule) return false;
    rule.left -= 1;
    const { fault } = rule;
    switch (fault.kind) {
      case 'soapFault':
        respond(500, soapFault(fault.responseCode, fault.message ?? `${fault.responseCode} (injected).`, fault.backOffMs));
        return true;
      case 'errorResponse':
        respond(200, errorResponse(operation, fault.responseCode, fault.message ?? `${fault.responseCode} (injected).`, fault.backOffMs));
        return true;
      case 'httpStatus':
        respond(fault.status, fault.body ?? '', { 'Content-Type': fault.contentType ?? 'text/html', ...fault.headers });
        return true;
      case 'reset':
        entry.status = -1;
        requests.push(entry);
        req.socket.destroy();
        return true;
      case 'hang':
        entry.status = 0;
        requests.push(entry);
        return true;
      case 'html':
        respond(200, '<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in.</body></html>', { 'Content-Type': 'text/html; charset=utf-8' });
        return true;
      case 'malformedXml':
        respond(200, '<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:GetFolderResponse');
        return true;
      case 'echoAuthorization': {
        const authorization = header(req, 'authorization') ?? '';
        const decoded = Buffer.from(authorization.replace(/^\w+\s+/, ''), 'base64').toString('utf8');
        respond(500, soapFault('ErrorAccessDenied', `Logon failure for ${authorization} (${decoded}); token ${authorization.replace(/^Bearer\s+/i, '')}.`));
        return true;
      }
    }
  }

  function matches(rule: EwsFaultRule, entry: EwsRequestLogEntry): boolean {
    const m = rule.match;
    if (!m) return true;
    return (m.operation === undefined || m.operation === entry.operation)
      && (m.folder === undefined || m.folder === entry.folder)
      && (m.mailbox === undefined || m.mailbox.toLowerCase() === entry.mailbox?.toLowerCase())
      && (m.identity === undefined || m.identity === entry.identity)
      && (m.service === undefined || m.service === entry.service);
  }

  function answerEws(request: ParsedEwsRequest, caller: Caller, entry: EwsRequestLogEntry, req: IncomingMessage, res: ServerResponse,
    respond: (status: number, payload: string, headers?: OutgoingHttpHeaders) => void): void {
    const { operation } = request;
    // DeleteItem names no mailbox: the item's own mailbox is the one acted on.
    const draftOwner = operation === 'DeleteItem' ? drafts.get(request.itemIds[0] ?? '') : undefined;
    const target = request.impersonated ?? request.folderMailbox ?? draftOwner ?? caller.account?.mailbox ?? null;
    entry.mailbox = target;
    if (applyFault(entry, req, res, respond, operation)) return;

    if (caller.appId) {
      if (!request.impersonated) {
        respond(500, soapFault('ErrorInvalidExchangeImpersonationHeaderData', 'ExchangeImpersonation SOAP header must be present for this type of OAuth token.'));
        return;
      }
      if ((options.requireAnchorMailbox ?? true) && entry.anchorMailbox?.toLowerCase() !== request.impersonated.toLowerCase()) {
        respond(400, '<html><body>X-AnchorMailbox is required and must name the impersonated mailbox.</body></html>', { 'Content-Type': 'text/html' });
        return;
      }
    }
    if (request.impersonated) {
      const allowed = caller.appId !== null || allows(caller.account?.canImpersonate, request.impersonated);
      if (!allowed) {
        respond(500, soapFault('ErrorImpersonateUserDenied', 'The account does not have permission to impersonate the requested user.'));
        return;
      }
      if (!mailboxes.has(request.impersonated.toLowerCase())) {
        respond(500, soapFault('ErrorNonExistentMailbox', `The SMTP address has no mailbox associated with it.`));
        return;
      }
    } else if (request.folderMailbox) {
      if (!mailboxes.has(request.folderMailbox.toLowerCase())) {
        respond(200, errorResponse(operation, 'ErrorNonExistentMailbox', 'The SMTP address has no mailbox associated with it.'));
        return;
      }
      const own = caller.account?.mailbox?.toLowerCase() === request.folderMailbox.toLowerCase();
      if (!own && !allows(caller.account?.fullAccessTo, request.folderMailbox)) {
        respond(200, errorResponse(operation, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.'));
        return;
      }
    } else if (!target) {
      respond(200, errorResponse(operation, 'ErrorNonExistentMailbox', 'The account has no mailbox.'));
      return;
    }

    const mailbox = (target ?? '').toLowerCase();
    switch (operation) {
      case 'GetFolder':
        respond(200, getFolderResponse(request.folder ?? 'inbox', options.folderItemCount ?? 3));
        return;
      case 'CreateItem': {
        if (request.messageDisposition !== 'SaveOnly' || request.folder !== 'drafts') {
          violations.push(`CreateItem with MessageDisposition=${request.messageDisposition} to ${request.folder}: a check must never send mail.`);
          respond(500, soapFault('ErrorInvalidRequest', 'Only drafts saved to Drafts are accepted by this test server.'));
          return;
        }
        const itemId = `AAMkADdraft${randomUUID().replace(/-/g, '')}`;
        drafts.set(itemId, mailbox);
        respond(200, createItemResponse(itemId, 'CQAAABYAAAA='));
        return;
      }
      case 'DeleteItem': {
        if (request.deleteType !== 'HardDelete') violations.push(`DeleteItem with DeleteType=${request.deleteType}: the test draft must be hard-deleted.`);
        const itemId = request.itemIds[0] ?? '';
        if (!drafts.has(itemId)) {
          respond(200, errorResponse('DeleteItem', 'ErrorItemNotFound', 'The specified object was not found in the store.'));
          return;
        }
        drafts.delete(itemId);
        respond(200, deleteItemResponse());
        return;
      }
      default:
        respond(500, soapFault('ErrorInvalidRequest', `${operation} is not served by this test server.`));
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `${options.protocol === 'http' ? 'http' : 'https'}://127.0.0.1:${port}`;
  return {
    url: `${origin}/EWS/Exchange.asmx`,
    origin,
    port,
    requests,
    violations,
    inject: (rule) => faults.push({ ...rule, left: rule.times ?? Number.POSITIVE_INFINITY }),
    clearFaults: () => (faults = []),
    setLatency: (ms) => (latencyMs = ms),
    stats: () => ({ connections: connectionsOpened, byIdentity: Object.fromEntries([...concurrency].map(([identity, value]) => [identity, { ...value }])) }),
    draftsLeft: () => {
      const left: Record<string, number> = {};
      for (const mailbox of drafts.values()) left[mailbox] = (left[mailbox] ?? 0) + 1;
      return left;
    },
    reset: () => {
      requests.length = 0;
      concurrency.clear();
      connectionsOpened = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (violations.length > 0) throw new Error(`The EWS test server saw ${violations.length} invalid request(s):\n${violations.join('\n')}`);
    },
  };
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function allows(grant: string[] | '*' | undefined, mailbox: string): boolean {
  return grant === '*' || (grant ?? []).some((m) => m.toLowerCase() === mailbox.toLowerCase());
}

/** NTLM sends the domain and the user apart; accounts are "DOMAIN\user" or a UPN (empty domain). */
function ntlmNameMatches(userName: string, domain: string, user: string): boolean {
  const slash = userName.indexOf('\\');
  const accountDomain = slash < 0 ? '' : userName.slice(0, slash);
  const accountUser = slash < 0 ? userName : userName.slice(slash + 1);
  return accountDomain.toLowerCase() === domain.toLowerCase() && accountUser.toLowerCase() === user.toLowerCase();
}
