import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiPaths } from '@sync-admin/contract';
import { z } from 'zod';

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(apiPaths.health, {
    config: { access: 'public' },
    schema: { tags: ['health'], summary: 'Answers 200 once the portal is ready', response: { 200: z.object({ status: z.literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));
};

export default healthRoutes;
