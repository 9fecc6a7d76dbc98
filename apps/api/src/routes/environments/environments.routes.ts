import { apiPaths, environmentListResponseSchema, errorResponseSchema } from '@sync-admin/contract';
import { isApproveEmailCommandShown, listOpenablePages } from '@sync-admin/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const environmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(apiPaths.environments, {
    config: { access: 'signedIn' },
    schema: {
      tags: ['environments'],
      summary: 'Environments the signed-in user can open, with their roles and privileges there',
      response: { 200: environmentListResponseSchema, 401: errorResponseSchema },
    },
  }, async (request) => {
    const environments = await app.deps.access.listEnvironmentsForUser(request.session!.user);
    return {
      items: environments.map(({ id, name, customerEngagement, defaultServerProfileId, securityRoles, privileges }) => ({
        id, name, customerEngagement, defaultServerProfileId, securityRoles, privileges, pages: listOpenablePages(privileges),
        commands: { approveEmail: isApproveEmailCommandShown({ privileges }) },
      })),
    };
  });
};

export default environmentRoutes;
