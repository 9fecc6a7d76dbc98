import { alertListQuerySchema, alertListResponseSchema, apiPaths, environmentParamsSchema } from '@sync-admin/contract';
import { listAlerts } from '@sync-admin/domain';
import { READ_ERROR_RESPONSES } from '../../plugins/app/error-handler.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/app/authorization.ts';

const errors = READ_ERROR_RESPONSES;

const alertRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(apiPaths.alerts(':environmentId'), {
    config: { access: 'mailbox.read' },
    schema: {
      tags: ['alerts'], summary: 'The Alerts wall: alerts of a mailbox, of a profile, or of the profiles the signed-in user owns',
      params: environmentParamsSchema, querystring: alertListQuerySchema, response: { 200: alertListResponseSchema, ...errors },
    },
  }, async (request) => {
    const { offset, limit, since, mailboxId, serverProfileId, severity, search, mine } = request.query;
    const page = await listAlerts(app.deps, requireActor(request), request.params.environmentId, {
      ...(mailboxId ? { mailboxId } : {}),
      ...(serverProfileId ? { serverProfileId } : {}),
      ...(severity ? { severity } : {}),
      ...(search ? { search } : {}),
      ...(since ? { since: new Date(since) } : {}),
      ...(mine ? { mine } : {}),
    }, { offset, limit });
    return { total: page.total, items: page.items.map(({ environmentId: _environmentId, createdAt, ...alert }) => ({ ...alert, createdAt: createdAt.toISOString() })) };
  });
};

export default alertRoutes;
