import type { AddressInfo } from 'node:net';
import { createSecureContext, createServer, type SecureContext } from 'node:tls';

export interface TestTlsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A TLS server on 127.0.0.1 that presents, for each server name (SNI), the certificate given for it: one port for
 * every autodiscover host of the tests. A name without a certificate gets `fallback`'s.
 */
export async function startTestTlsServer(byServerName: Record<string, { key: string; cert: string }>, fallback: { key: string; cert: string }): Promise<TestTlsServer> {
  const contexts = new Map<string, SecureContext>(Object.entries(byServerName).map(([name, pair]) => [name.toLowerCase(), createSecureContext(pair)]));
  const server = createServer({
    ...fallback,
    SNICallback: (name, callback) => callback(null, contexts.get(name.toLowerCase()) ?? createSecureContext(fallback)),
  }, (socket) => socket.end());
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
