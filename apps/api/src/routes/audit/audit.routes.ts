import { apiPaths, auditExportQuerySchema, auditListQuerySchema, auditListResponseSchema, environmentParamsSchema, type AuditExportQuery } from '@sync-admin/contract';
import { AUDIT_COLUMNS, exportAuditEntries, listAuditEntries, type AuditFilter } from '@sync-admin/domain';
import { z } from 'zod';
import { sendCsvExport } from '../../lib/csv-export.ts';
import { READ_ERROR_RESPONSES } from '../../plugins/app/error-handler.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, requireEnvironment } from '../../plugins/app/authorization.ts';

const errors = READ_ERROR_RESPONSES;

/** The log's filter from its query: the list and the export read it alike. */
function toAuditFilter({ from, to, entityType, entityId, actorId, action, search }: AuditExportQuery): AuditFilter {
  return {
    ...(entityType ? { entityType } : {}),
    ...(entityId ? { entityId } : {}),
    ...(actorId ? { actorId } : {}),
    ...(action ? { action } : {}),
    ...(search ? { search } : {}),
    ...(from ? { from: new Date(from) } : {}),
    ...(to ? { to: new Date(to) } : {}),
  };
}

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(apiPaths.audit(':environmentId'), {
    config: { access: 'auditHistory.read' },
    schema: {
      tags: ['audit'], summary: 'The audit log: who changed what and when, with values before and after (secrets masked)',
      params: environmentParamsSchema, querystring: auditListQuerySchema, response: { 200: auditListResponseSchema, ...errors },
    },
  }, async (request) => {
    const { offset, limit, ...filter } = request.query;
    const page = await listAuditEntries(app.deps, requireActor(request), request.params.environmentId, toAuditFilter(filter), { offset, limit });
    return {
      total: page.total,
      items: page.items.map(({ environmentId: _environmentId, at, ...entry }) => ({ ...entry, at: at.toISOString() })),
    };
  });

  app.get(apiPaths.auditExport(':environmentId'), {
    config: { access: 'auditHistory.read' },
    schema: {
      tags: ['audit'], summary: 'Export to CSV: every audit entry of the filters, newest first, streamed',
      params: environmentParamsSchema, querystring: auditExportQuerySchema,
      // A stream is sent as it is, never serialized: the schema only documents it.
      response: { 200: z.unknown().describe('text/csv: UTF-8 with a BOM, a header line of the column labels, CRLF line ends'), ...errors },
    },
  }, async (request, reply) => {
    const environment = requireEnvironment(request);
    const batches = exportAuditEntries(app.deps, requireActor(request), environment.id, toAuditFilter(request.query), app.deps.csvExportBatchSize);
    return sendCsvExport(reply, { grid: 'audit-log', environmentName: environment.name, at: app.deps.clock(), columns: AUDIT_COLUMNS, batches });
  });
};

export default auditRoutes;
