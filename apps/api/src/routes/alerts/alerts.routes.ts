import { alertExportQuerySchema, alertGroupListResponseSchema, alertListQuerySchema, alertListResponseSchema, apiPaths, environmentParamsSchema } from '@sync-admin/contract';
import { ALERT_COLUMNS, exportAlerts, listAlertGroups, listAlerts } from '@sync-admin/domain';
import { z } from 'zod';
import { sendCsvExport } from '../../lib/csv-export.ts';
import { READ_ERROR_RESPONSES } from '../../plugins/app/error-handler.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, requireEnvironment } from '../../plugins/app/authorization.ts';

const errors = READ_ERROR_RESPONSES;

type WallQuery = Omit<ReturnType<typeof alertListQuerySchema.parse>, 'offset' | 'limit'>;

function toWallFilter({ since, mailboxId, serverProfileId, severity, search, mine }: WallQuery) {
  return {
    ...(mailboxId ? { mailboxId } : {}),
    ...(serverProfileId ? { serverProfileId } : {}),
    ...(severity ? { severity } : {}),
    ...(search ? { search } : {}),
    ...(since ? { since: new Date(since) } : {}),
    ...(mine ? { mine } : {}),
  };
}

const alertRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(apiPaths.alerts(':environmentId'), {
    config: { access: 'mailbox.read' },
    schema: {
      tags: ['alerts'], summary: 'The Alerts wall: alerts of a mailbox, of a profile, or of the profiles the signed-in user owns',
      params: environmentParamsSchema, querystring: alertListQuerySchema, response: { 200: alertListResponseSchema, ...errors },
    },
  }, async (request) => {
    const { offset, limit, ...filter } = request.query;
    const page = await listAlerts(app.deps, requireActor(request), request.params.environmentId, toWallFilter(filter), { offset, limit });
    return { total: page.total, items: page.items.map(({ environmentId: _environmentId, createdAt, ...alert }) => ({ ...alert, createdAt: createdAt.toISOString() })) };
  });

  app.get(apiPaths.alertGroups(':environmentId'), {
    config: { access: 'mailbox.read' },
    schema: {
      tags: ['alerts'], summary: 'The Alerts wall grouped by mailbox (or profile) and code, with counts and the next step',
      params: environmentParamsSchema, querystring: alertListQuerySchema, response: { 200: alertGroupListResponseSchema, ...errors },
    },
  }, async (request) => {
    const { offset, limit, ...filter } = request.query;
    const page = await listAlertGroups(app.deps, requireActor(request), request.params.environmentId, toWallFilter(filter), { offset, limit });
    return {
      total: page.total,
      items: page.items.map(({ mailbox: _mailbox, latestAt, nextStep, ...group }) => ({
        ...group,
        latestAt: latestAt.toISOString(),
        nextStep: { kind: nextStep.kind, at: nextStep.kind === 'retrying' && nextStep.at ? nextStep.at.toISOString() : null },
      })),
    };
  });

  app.get(apiPaths.alertExport(':environmentId'), {
    config: { access: 'mailbox.read' },
    schema: {
      tags: ['alerts'], summary: 'Export to CSV: every alert of the wall\'s filters, newest first, streamed',
      params: environmentParamsSchema, querystring: alertExportQuerySchema,
      // A stream is sent as it is, never serialized: the schema only documents it.
      response: { 200: z.unknown().describe('text/csv: UTF-8 with a BOM, a header line of the column labels, CRLF line ends'), ...errors },
    },
  }, async (request, reply) => {
    const environment = requireEnvironment(request);
    const batches = exportAlerts(app.deps, requireActor(request), environment.id, toWallFilter(request.query), app.deps.csvExportBatchSize);
    return sendCsvExport(reply, { grid: 'alerts', environmentName: environment.name, at: app.deps.clock(), columns: ALERT_COLUMNS, batches });
  });
};

export default alertRoutes;
