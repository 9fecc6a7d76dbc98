import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from './self-signed-certificate.ts';

export interface TokenRequest {
  tenant: string;
  grantType: string | null;
  clientId: string | null;
  scope: string | null;
}

export interface FakeTokenEndpoint {
  /** e.g. https://127.0.0.1:PORT, to pass as the probe's authorityHost. */
  authorityHost: string;
  /** PEM of the self-signed certificate the endpoint serves, to pass as trustedCa. */
  certificate: string;
  requests: TokenRequest[];
  close(): Promise<void>;
}

/**
 * A Microsoft Entra ID look-alike over HTTPS: the OpenID configuration MSAL reads first, and the v2.0
 * token endpoint answering the client credentials grant as Entra ID does, including its error shape.
 */
export async function startFakeTokenEndpoint(options: {
  clients: Record<string, string>; // applicationId → the only client secret accepted
  accessToken: string;
}): Promise<FakeTokenEndpoint> {
  const { key, cert } = selfSignedCertificate();
  const requests: TokenRequest[] = [];
  let origin = '';
  const server: Server = createServer({ key, cert }, (req, res) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    const json = (status: number, body: unknown) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));

    const discovery = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (req.method === 'GET' && discovery) {
      const tenant = discovery[1];
      json(200, {
        issuer: `${origin}/${tenant}/v2.0`,
        authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
        token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
        end_session_endpoint: `${origin}/${tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
      });
      return;
    }
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (req.method === 'POST' && token) {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        const form = new URLSearchParams(raw);
        const clientId = form.get('client_id');
        requests.push({ tenant: token[1] ?? '', grantType: form.get('grant_type'), clientId, scope: form.get('scope') });
        const expected = clientId ? options.clients[clientId] : undefined;
        if (expected === undefined || form.get('client_secret') !== expected) {
          json(401, {
            error: 'invalid_client',
            // Entra ID's own layout: the AADSTS sentence, then trace lines.
            error_description:
              `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.\r\n` +
              'Trace ID: 0b7e1c9a-1c2b-4a3d-9e8f-000000000000\r\nCorrelation ID: 5f1e2d3c-0000-4000-8000-000000000000\r\nTimestamp: 2026-01-01 00:00:00Z',
            error_codes: [7000215],
            timestamp: '2026-01-01 00:00:00Z',
            trace_id: '0b7e1c9a-1c2b-4a3d-9e8f-000000000000',
            correlation_id: '5f1e2d3c-0000-4000-8000-000000000000',
          });
          return;
        }
        json(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: options.accessToken });
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    authorityHost: origin,
    certificate: cert,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
