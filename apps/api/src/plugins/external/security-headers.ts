import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { isHttps } from '../../lib/secure-channel.ts';

/**
 * For Fastify's routing errors (bad URL encoding, over-long path parameters), answered before any hook runs, so
 * helmet's cannot: their bodies are JSON errors, never pages, so the strictest policy fits.
 */
export const ROUTING_ERROR_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * Security headers on every response, the web app's and Swagger UI's pages and the API's JSON alike.
 * One Content-Security-Policy fits both pages: their scripts are files from this origin, and both insert styles
 * at run time (Fluent UI's Griffel, Swagger UI's React), so styles need 'unsafe-inline' (scripts do not).
 */
export default fp(
  async function securityHeaders(app: FastifyInstance) {
    await app.register(helmet, {
      contentSecurityPolicy: {
        // Helmet's defaults add upgrade-insecure-requests, which breaks the portal served over plain HTTP on a LAN.
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          baseUri: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          // Swagger UI's icons are data: SVGs.
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // Sent below, and only over HTTPS: over plain HTTP browsers ignore it.
      strictTransportSecurity: false,
    });

    app.addHook('onSend', async (request, reply) => {
      if (isHttps(request)) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
      // API answers hold user data: no browser or proxy cache keeps them.
      if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    });
  },
  { name: 'security-headers' },
);
