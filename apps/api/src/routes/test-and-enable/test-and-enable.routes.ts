import {
  apiPaths,
  environmentParamsSchema,
  mailboxConnectionTestResponseSchema,
  mailboxParamsSchema,
  retestFailedMailboxesRequestSchema,
  runItemListQuerySchema,
  runItemListResponseSchema,
  runListQuerySchema,
  runListResponseSchema,
  runParamsSchema,
  runSchema,
  serverProfileParamsSchema,
  serverProfileRunRequestSchema,
  startRunResponseSchema,
  startTestAndEnableRequestSchema,
} from '@sync-admin/contract';
import {
  cancelTestAndEnableRun,
  getTestAndEnableRun,
  listTestAndEnableRunItems,
  listTestAndEnableRuns,
  startTestAndEnable,
  testMailboxConnection,
  type StartRunResult,
} from '@sync-admin/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { READ_ERROR_RESPONSES, WRITE_ERROR_RESPONSES } from '../../plugins/app/error-handler.ts';
import { requireActor, requireEnvironment } from '../../plugins/app/authorization.ts';
import { writesKeepCaches } from '../../plugins/app/dependencies.ts';
import { toMailboxFilter, toMailboxTarget } from '../mailboxes/mailbox.mapper.ts';
import { toConnectionTestResponse, toRunItemResponse, toRunResponse } from './test-and-enable.mapper.ts';

const tags = ['test & enable'];
const startAt = (value: string | null | undefined) => ({ startAt: value ? new Date(value) : null });

/**
 * Test & Enable as jobs: the commands that start runs (Mailboxes, Server profiles), the Jobs page's reads and
 * Cancel, and a mailbox's Test connection.
 */
const testAndEnableRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  writesKeepCaches(app);
  const started = (result: StartRunResult) => {
    // A worker in this process picks the new work up at once instead of at its next poll.
    if (result.run) deps.wakeWorker();
    return result;
  };
  const bodyLimit = 8 * 1024 * 1024;
  const start = { params: environmentParamsSchema, response: { 200: startRunResponseSchema, ...WRITE_ERROR_RESPONSES } };

  app.post(apiPaths.mailboxAction(':environmentId', 'test-and-enable'), {
    config: { access: 'mailbox.write' }, bodyLimit,
    schema: { ...start, tags, summary: 'Test & Enable Mailbox: start a job on the selected (or all matching) mailboxes, now or at startAt', body: startTestAndEnableRequestSchema },
  }, async (request) => started(await startTestAndEnable(deps, requireActor(request), requireEnvironment(request),
    { kind: 'mailboxes', target: toMailboxTarget(request.body.target) }, startAt(request.body.startAt))));

  app.post(apiPaths.mailboxAction(':environmentId', 'retest-failed'), {
    config: { access: 'mailbox.write' },
    schema: { ...start, tags, summary: 'Re-test failed mailboxes: every mailbox of the filter whose last test failed', body: retestFailedMailboxesRequestSchema },
  }, async (request) => started(await startTestAndEnable(deps, requireActor(request), requireEnvironment(request),
    { kind: 'retestFailed', filter: toMailboxFilter(request.body.filter) }, startAt(request.body.startAt))));

  const profileRun = { params: serverProfileParamsSchema, body: serverProfileRunRequestSchema, response: { 200: startRunResponseSchema, ...WRITE_ERROR_RESPONSES } };
  app.post(apiPaths.serverProfileAction(':environmentId', ':profileId', 'test-and-enable-mailboxes'), {
    config: { access: 'mailbox.write' },
    schema: { ...profileRun, tags, summary: 'Server profiles → Test & Enable Mailboxes: every active mailbox of the profile' },
  }, async (request) => started(await startTestAndEnable(deps, requireActor(request), requireEnvironment(request),
    { kind: 'serverProfile', serverProfileId: request.params.profileId }, startAt(request.body.startAt))));

  app.post(apiPaths.serverProfileAction(':environmentId', ':profileId', 'retest-failed'), {
    config: { access: 'mailbox.write' },
    schema: { ...profileRun, tags, summary: 'Re-test failed mailboxes of the profile' },
  }, async (request) => started(await startTestAndEnable(deps, requireActor(request), requireEnvironment(request),
    { kind: 'retestFailed', serverProfileId: request.params.profileId }, startAt(request.body.startAt))));

  app.get(apiPaths.jobs(':environmentId'), {
    config: { access: 'mailbox.read' },
    schema: { tags, summary: 'Test & Enable jobs, newest first, with progress', params: environmentParamsSchema, querystring: runListQuerySchema, response: { 200: runListResponseSchema, ...READ_ERROR_RESPONSES } },
  }, async (request) => {
    const { offset, limit, state, serverProfileId } = request.query;
    const page = await listTestAndEnableRuns(deps, requireActor(request), request.params.environmentId, { ...(state ? { state } : {}), ...(serverProfileId ? { serverProfileId } : {}) }, { offset, limit });
    return { items: page.items.map(toRunResponse), total: page.total };
  });

  app.get(apiPaths.job(':environmentId', ':jobId'), {
    config: { access: 'mailbox.read' },
    schema: { tags, summary: 'One job: who started it, scope, state, counts per outcome, rate and ETA', params: runParamsSchema, response: { 200: runSchema, ...READ_ERROR_RESPONSES } },
  }, async (request) => toRunResponse(await getTestAndEnableRun(deps, requireActor(request), request.params.environmentId, request.params.jobId)));

  app.get(apiPaths.jobItems(':environmentId', ':jobId'), {
    config: { access: 'mailbox.read' },
    schema: { tags, summary: 'The mailboxes of a job and each one\'s result', params: runParamsSchema, querystring: runItemListQuerySchema, response: { 200: runItemListResponseSchema, ...READ_ERROR_RESPONSES } },
  }, async (request) => {
    const { offset, limit, state } = request.query;
    const page = await listTestAndEnableRunItems(deps, requireActor(request), request.params.environmentId, request.params.jobId, state ? { state } : {}, { offset, limit });
    return { items: page.items.map(toRunItemResponse), total: page.total };
  });

  app.post(apiPaths.jobCancel(':environmentId', ':jobId'), {
    config: { access: 'mailbox.write' },
    schema: { tags, summary: 'Cancel: mailboxes not started end as cancelled; started ones finish', params: runParamsSchema, response: { 200: runSchema, ...WRITE_ERROR_RESPONSES } },
  }, async (request) => toRunResponse(await cancelTestAndEnableRun(deps, requireActor(request), request.params.environmentId, request.params.jobId)));

  app.post(apiPaths.mailboxTestConnection(':environmentId', ':mailboxId'), {
    config: { access: 'mailbox.write' },
    schema: { tags, summary: 'Test connection: run the Test & Enable checks on one mailbox now, step by step; statuses stay as they are', params: mailboxParamsSchema, response: { 200: mailboxConnectionTestResponseSchema, ...WRITE_ERROR_RESPONSES } },
  }, async (request) => toConnectionTestResponse(await testMailboxConnection(deps, requireActor(request), request.params.environmentId, request.params.mailboxId)));
};

export default testAndEnableRoutes;
