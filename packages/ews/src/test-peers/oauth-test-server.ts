import { createPublicKey, randomUUID, verify, type JsonWebKey } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuth2Issuer, OAuth2Service } from 'oauth2-mock-server';
import { testCertificates, type KeyAndCertificate } from './certificates.ts';
import type { BearerVerifier } from './ews-test-server.ts';

export interface OAuthTestClient {
  tenantId: string;
  applicationId: string;
  clientSecret: string;
}

export interface OAuthTestServerOptions {
  /** The app registrations that exist, each in its tenant, with the only secret accepted. */
  clients: OAuthTestClient[];
  tls?: KeyAndCertificate;
  /** Lifetime of issued tokens. Default 3600 s. */
  expiresInSeconds?: number;
}

export interface TokenRequestLogEntry {
  at: Date;
  /** The client-request-id the client sent, which Entra ID echoes as correlation_id. */
  correlationId: string | null;
  tenantId: string;
  clientId: string | null;
  scope: string | null;
  grantType: string | null;
  status: number;
}

/** A failure of the token endpoint itself: an HTTP status (503, 500 …), or no answer at all. */
export type TokenEndpointFault = { kind: 'status'; status: number } | { kind: 'hang' };

export interface OAuthTestServer {
  /** https://127.0.0.1:PORT: the adapter's authorityHost. */
  authorityHost: string;
  tokenRequests: TokenRequestLogEntry[];
  /** Fails every token request until cleared (null). */
  setFault(fault: TokenEndpointFault | null): void;
  /** Verifies tokens this server issued (RS256 signature, expiry): give it to the EWS test server. */
  verifier: BearerVerifier;
  close(): Promise<void>;
}

/**
 * Microsoft Entra ID's client credentials grant, on 127.0.0.1 over HTTPS: oauth2-mock-server 8 issues the
 * signed JWTs; this wrapper serves Entra's per-tenant paths (/<tenant>/v2.0/.well-known/openid-configuration,
 * /<tenant>/oauth2/v2.0/token), checks client secrets (the mock does not) and answers Entra-shaped errors
 * (AADSTS7000215, AADSTS700016, AADSTS90002). The token's aud is the resource of the scope asked for.
 */
export async function startOAuthTestServer(options: OAuthTestServerOptions): Promise<OAuthTestServer> {
  const issuer = new OAuth2Issuer();
  await issuer.keys.generate('RS256');
  const service = new OAuth2Service(issuer, { token: '/token' });
  const tokenRequests: TokenRequestLogEntry[] = [];
  const tenants = new WeakMap<IncomingMessage, string>();
  const correlationIds = new WeakMap<IncomingMessage, string | null>();
  let fault: TokenEndpointFault | null = null;
  let origin = '';

  service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }, req: IncomingMessage & { body: Record<string, string> }) => {
    const scope = req.body.scope ?? '';
    const tenant = tenants.get(req) ?? '';
    Object.assign(token.payload, {
      aud: scope.replace(/\/\.default$/, ''),
      iss: `${origin}/${tenant}/v2.0`,
      tid: tenant,
      appid: req.body.client_id,
      roles: ['full_access_as_app'],
    });
    token.payload.exp = Number(token.payload.iat) + (options.expiresInSeconds ?? 3600);
  });
  service.on('beforeResponse', (response: { statusCode: number; body: unknown }, req: IncomingMessage & { body: Record<string, string> }) => {
    const tenant = tenants.get(req) ?? '';
    const clientId = req.body.client_id ?? '';
    const correlationId = correlationIds.get(req) ?? null;
    const entraError = (status: number, error: string, code: number, sentence: string) => entraErrorBody(status, error, code, sentence, correlationId);
    const known = options.clients.filter((client) => client.tenantId === tenant);
    const client = known.find((candidate) => candidate.applicationId === clientId);
    if (known.length === 0) {
      Object.assign(response, entraError(400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`));
    } else if (!client) {
      Object.assign(response, entraError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant}'.`));
    } else if (req.body.client_secret !== client.clientSecret) {
      Object.assign(response, entraError(401, 'invalid_client', 7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`));
    } else if (response.body && typeof response.body === 'object') {
      (response.body as Record<string, unknown>).expires_in = options.expiresInSeconds ?? 3600;
    }
    tokenRequests.push({ at: new Date(), correlationId, tenantId: tenant, clientId, scope: req.body.scope ?? null, grantType: req.body.grant_type ?? null, status: response.statusCode });
  });

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'https://server').pathname;
    const metadata = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (req.method === 'GET' && metadata) {
      const tenant = metadata[1] ?? '';
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({
        issuer: `${origin}/${tenant}/v2.0`,
        authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
        token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
        end_session_endpoint: `${origin}/${tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      }));
      return;
    }
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (req.method === 'POST' && token) {
      if (fault?.kind === 'hang') return;
      if (fault?.kind === 'status') {
        tokenRequests.push({ at: new Date(), correlationId: null, tenantId: token[1] ?? '', clientId: null, scope: null, grantType: null, status: fault.status });
        res.writeHead(fault.status, { 'Content-Type': 'text/html' }).end('<html><body>Service Unavailable</body></html>');
        return;
      }
      tenants.set(req, token[1] ?? '');
      correlationIds.set(req, new URL(req.url ?? '/', 'https://server').searchParams.get('client-request-id'));
      req.url = '/token';
      service.requestHandler(req, res);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'not_found' }));
  };

  const server: Server = createServer(options.tls ?? testCertificates().server, handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer.url = origin;

  const verifier: BearerVerifier = (jwt) => {
    const [headerPart, payloadPart, signature] = jwt.split('.');
    if (!headerPart || !payloadPart || !signature) return null;
    try {
      const header = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8')) as { kid?: string; alg?: string };
      const key = issuer.keys.get(header.kid);
      if (!key || header.alg !== 'RS256') return null;
      const publicKey = createPublicKey({ key: key as JsonWebKey, format: 'jwk' });
      if (!verify('RSA-SHA256', Buffer.from(`${headerPart}.${payloadPart}`), publicKey, Buffer.from(signature, 'base64url'))) return null;
      const claims = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')) as { exp?: number; appid?: string; tid?: string; aud?: string };
      if (!claims.exp || claims.exp * 1000 < Date.now() || !claims.appid || !claims.aud) return null;
      return { appId: claims.appid, tenantId: claims.tid ?? '', audience: claims.aud };
    } catch {
      return null;
    }
  };

  return {
    authorityHost: origin,
    tokenRequests,
    setFault: (next) => (fault = next),
    verifier,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Entra ID's error body: the AADSTS sentence followed by its trace lines, and the numeric code. */
function entraErrorBody(status: number, error: string, code: number, sentence: string, requestId: string | null): { statusCode: number; body: Record<string, unknown> } {
  const traceId = randomUUID();
  const correlationId = requestId ?? randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return {
    statusCode: status,
    body: {
      error,
      error_description: `AADSTS${code}: ${sentence} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
    },
  };
}
