import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendError } from '../app/error-handler.ts';

/**
 * Serves the built SPA; any other GET outside /api falls back to index.html so client-side routes load
 * directly. Unknown API routes get the JSON error shape.
 */
export default fp(
  async function webApp(app: FastifyInstance, options: { root: string }) {
    const hasWebApp = existsSync(options.root);
    if (hasWebApp) await app.register(fastifyStatic, { root: options.root, wildcard: false });
    else app.log.warn({ root: options.root }, 'web app not built: serving the API only');

    app.setNotFoundHandler((request, reply) => {
      if (hasWebApp && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return sendError(reply, 'NOT_FOUND', {
        code: 'ROUTE_NOT_FOUND', params: { method: request.method, path: request.url.split('?')[0] ?? '' },
        message: `No route ${request.method} ${request.url.split('?')[0]}.`,
      });
    });
  },
  { name: 'web-app', dependencies: ['error-handler'] },
);
