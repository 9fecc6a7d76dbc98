import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Services } from '../../composition/services.ts';

/** What the composition root hands the app: the services built once by createServices. */
export interface AppDependencies {
  services: Services;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Services;
  }
  interface FastifyRequest {
    writeKeepsCaches: boolean;
  }
}

/**
 * For a route plugin whose writes change nothing the caches hold (sessions, access in an environment and its
 * default profile, users and their roles, Email settings): its writes leave them in place. Mailbox edits are
 * most of an admin's writes, and clearing on each made nearly every read reload its session and access.
 */
export function writesKeepCaches(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    request.writeKeepsCaches = true;
  });
}

export default fp(
  async function dependencies(app: FastifyInstance, options: AppDependencies) {
    app.decorate('deps', options.services);
    app.decorateRequest('writeKeepsCaches', false);
    // Before the answer leaves, so the client's next request (and the next Test & Enable attempt in this
    // process) already sees the change (see cached-access.ts, memoize-for.ts).
    app.addHook('onSend', async (request) => {
      if (request.method !== 'GET' && request.method !== 'HEAD' && !request.writeKeepsCaches) app.deps.clearCaches();
    });
  },
  { name: 'dependencies' },
);
