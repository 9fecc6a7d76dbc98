import {
  apiPaths,
  domainHealthHistoryParamsSchema,
  domainHealthHistoryQuerySchema,
  domainHealthHistoryResponseSchema,
  domainHealthListResponseSchema,
  environmentParamsSchema,
  runDomainHealthRequestSchema,
} from '@sync-admin/contract';
import { listDomainHealth, listDomainHealthHistory, runDomainHealthChecks, type DomainHealthRecord, type DomainHealthRow } from '@sync-admin/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/app/authorization.ts';
import { READ_ERROR_RESPONSES } from '../../plugins/app/error-handler.ts';

const tags = ['domain health'];

const toRecord = (record: DomainHealthRecord) => ({ checkedAt: record.checkedAt.toISOString(), verdict: record.verdict, results: record.results });
const toRow = ({ latest, ...row }: DomainHealthRow) => ({ ...row, latest: latest ? toRecord(latest) : null });

/**
 * Domain health: DNS and Autodiscover checks of the email domains of the mailboxes a user can read. Whoever reads
 * those mailboxes reads and runs the checks (decision 45).
 */
const domainHealthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(apiPaths.domainHealth(':environmentId'), {
    config: { access: 'mailbox.read' },
    schema: {
      tags, summary: 'The email domains of the mailboxes, each with its latest DNS and Autodiscover checks',
      params: environmentParamsSchema, response: { 200: domainHealthListResponseSchema, ...READ_ERROR_RESPONSES },
    },
  }, async (request) => ({ items: (await listDomainHealth(app.deps, requireActor(request), request.params.environmentId)).map(toRow) }));

  app.post(apiPaths.domainHealthRun(':environmentId'), {
    config: { access: 'mailbox.read' },
    schema: {
      tags, summary: 'Runs the checks now, for one domain or all, keeps the results and returns the domains checked',
      params: environmentParamsSchema, body: runDomainHealthRequestSchema, response: { 200: domainHealthListResponseSchema, ...READ_ERROR_RESPONSES },
    },
  }, async (request) => ({
    items: (await runDomainHealthChecks(app.deps, requireActor(request), request.params.environmentId, request.body.domain)).map(toRow),
  }));

  app.get(apiPaths.domainHealthHistory(':environmentId', ':domain'), {
    config: { access: 'mailbox.read' },
    schema: {
      tags, summary: 'Earlier checks of one domain, newest first',
      params: domainHealthHistoryParamsSchema, querystring: domainHealthHistoryQuerySchema, response: { 200: domainHealthHistoryResponseSchema, ...READ_ERROR_RESPONSES },
    },
  }, async (request) => ({
    items: (await listDomainHealthHistory(app.deps, requireActor(request), request.params.environmentId, request.params.domain, request.query.limit)).map(toRecord),
  }));
};

export default domainHealthRoutes;
