import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const isSuccess = (status: string) => /^2(\d\d|XX)$/.test(status);

/**
 * Every API route declares the contract's schema of its success answer. The serializer checks each answer against
 * it before it leaves, so the web app can trust the answers without parsing them again, which kept zod off its
 * first screen (decision 59). A route without one is refused when the app is built.
 */
export default fp(
  async function responseContract(app: FastifyInstance) {
    app.addHook('onRoute', (route) => {
      const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
      if (!isApi) return;
      const statuses = Object.keys((route.schema?.response as Record<string, unknown> | undefined) ?? {});
      if (!statuses.some(isSuccess)) throw new Error(`Route ${[route.method].flat().join(',')} ${route.url} declares no response schema for its success answer.`);
    });
  },
  { name: 'response-contract' },
);
