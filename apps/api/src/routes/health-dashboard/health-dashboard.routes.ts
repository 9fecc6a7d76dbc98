import { apiPaths, environmentParamsSchema, healthDashboardResponseSchema } from '@sync-admin/contract';
import { getHealthDashboard, type ProfileHealth } from '@sync-admin/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/app/authorization.ts';
import { READ_ERROR_RESPONSES } from '../../plugins/app/error-handler.ts';

const toProfile = ({ lastRun, ...profile }: ProfileHealth) => ({
  ...profile,
  lastRun: lastRun && { ...lastRun, startAt: lastRun.startAt.toISOString(), finishedAt: lastRun.finishedAt?.toISOString() ?? null },
});

/** The Email health page's figures; whoever reads mailboxes reads them, over the mailboxes they can read (decision 47). */
const healthDashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(apiPaths.healthDashboard(':environmentId'), {
    config: { access: 'mailbox.read' },
    schema: {
      tags: ['health dashboard'],
      summary: 'Email health: mailboxes by status, test outcomes and alerts per day (30 days), failures by error code, per server profile',
      params: environmentParamsSchema, response: { 200: healthDashboardResponseSchema, ...READ_ERROR_RESPONSES },
    },
  }, async (request) => {
    const dashboard = await getHealthDashboard(app.deps, requireActor(request), request.params.environmentId);
    return { ...dashboard, profiles: dashboard.profiles.map(toProfile) };
  });
};

export default healthDashboardRoutes;
