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
  interface FastifyContextConfig {
    /** A POST that only answers a question (its body is too big for a URL): it changes nothing, so caches stay. */
    readOnly?: boolean;
  }
}

export default fp(
  async function dependencies(app: FastifyInstance, options: AppDependencies) {
    app.decorate('deps', options.services);
    // Before the answer leaves, so the client's next request (and the next Test & Enable attempt in this
    // process) already sees the change (see cached-access.ts, memoize-for.ts).
    app.addHook('onSend', async (request) => {
      if (request.method !== 'GET' && request.method !== 'HEAD' && !request.routeOptions.config.readOnly) app.deps.clearCaches();
    });
  },
  { name: 'dependencies' },
);
