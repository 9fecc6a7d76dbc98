import { apiPaths, auditListQuerySchema, auditListResponseSchema, environmentParamsSchema } from '@sync-admin/contract';
import { listAuditEntries } from '@sync-admin/domain';
import { READ_ERROR_RESPONSES } from '../../plugins/app/error-handler.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/app/authorization.ts';

const errors = READ_ERROR_RESPONSES;

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(apiPaths.audit(':environmentId'), {
    config: { access: 'auditHistory.read' },
    schema: {
      tags: ['audit'], summary: 'The audit log: who changed what and when, with values before and after (secrets masked)',
      params: environmentParamsSchema, querystring: auditListQuerySchema, response: { 200: auditListResponseSchema, ...errors },
    },
  }, async (request) => {
    const { offset, limit, from, to, entityType, entityId, actorId, action, search } = request.query;
    const page = await listAuditEntries(app.deps, requireActor(request), request.params.environmentId, {
      ...(entityType ? { entityType } : {}),
      ...(entityId ? { entityId } : {}),
      ...(actorId ? { actorId } : {}),
      ...(action ? { action } : {}),
      ...(search ? { search } : {}),
      ...(from ? { from: new Date(from) } : {}),
      ...(to ? { to: new Date(to) } : {}),
    }, { offset, limit });
    return {
      total: page.total,
      items: page.items.map(({ environmentId: _environmentId, at, ...entry }) => ({ ...entry, at: at.toISOString() })),
    };
  });
};

export default auditRoutes;
