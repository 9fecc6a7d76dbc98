import type { FastifyRequest } from 'fastify';

/**
 * Whether credentials typed into this request travelled safely: over HTTPS, or from this machine.
 * Behind a TLS-terminating proxy set TRUST_PROXY so X-Forwarded-Proto is believed.
 */
export function isSecureChannel(request: FastifyRequest): boolean {
  if (request.protocol === 'https') return true;
  const ip = request.ip;
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
}
