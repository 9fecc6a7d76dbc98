import type { FastifyRequest } from 'fastify';

/** Whether the browser reached the portal over HTTPS; behind a TLS-terminating proxy only with TRUST_PROXY (X-Forwarded-Proto). */
export function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/**
 * Whether credentials typed into this request travelled safely: over HTTPS, or from this machine.
 * Behind a TLS-terminating proxy set TRUST_PROXY so X-Forwarded-Proto is believed.
 */
export function isSecureChannel(request: FastifyRequest): boolean {
  if (isHttps(request)) return true;
  const ip = request.ip;
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * The start-up warning for a portal other machines reach over plain HTTP: passwords and session cookies would
 * cross the network in clear. Null when it listens on loopback only, or sits behind a TLS proxy (TRUST_PROXY).
 */
export function plainHttpWarning(config: { HOST: string; PORT: number; TRUST_PROXY: boolean }): string | null {
  if (LOOPBACK_HOSTS.has(config.HOST) || config.TRUST_PROXY) return null;
  return `Listening on ${config.HOST}:${config.PORT} over plain HTTP: passwords and session cookies from other machines travel unencrypted. `
    + 'Put a TLS-terminating proxy in front and set TRUST_PROXY=true, or set HOST=127.0.0.1.';
}
