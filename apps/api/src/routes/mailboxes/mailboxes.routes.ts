import {
  apiPaths,
  applyDefaultEmailSettingsRequestSchema,
  approveEmailAvailabilityResponseSchema,
  bulkResultResponseSchema,
  changeMultipleMailboxesRequestSchema,
  createMailboxRequestSchema,
  environmentParamsSchema,
  mailboxApprovalResponseSchema,
  mailboxListQuerySchema,
  mailboxListResponseSchema,
  mailboxParamsSchema,
  mailboxResponseSchema,
  mailboxTargetRequestSchema,
  startRunResponseSchema,
  updateMailboxRequestSchema,
} from '@sync-admin/contract';
import {
  applyDefaultEmailSettings,
  approveMailboxEmails,
  assessApproveEmail,
  changeMultipleMailboxes,
  createMailbox,
  explainMailboxApproval,
  getMailbox,
  listMailboxes,
  updateMailbox,
} from '@sync-admin/domain';
import { WRITE_ERROR_RESPONSES } from '../../plugins/app/error-handler.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, requireEnvironment } from '../../plugins/app/authorization.ts';
import { writesKeepCaches } from '../../plugins/app/dependencies.ts';
import { toMailboxChanges, toMailboxFilter, toMailboxListItemResponse, toMailboxResponse, toMailboxTarget } from './mailbox.mapper.ts';

const errors = WRITE_ERROR_RESPONSES;
const tags = ['mailboxes'];

const mailboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  writesKeepCaches(app);

  app.get(apiPaths.mailboxes(':environmentId'), {
    config: { access: 'mailbox.read' },
    schema: {
      tags, summary: 'List mailboxes of a view, filtered, sorted and paged on the server',
      params: environmentParamsSchema, querystring: mailboxListQuerySchema, response: { 200: mailboxListResponseSchema, ...errors },
    },
  }, async (request) => {
    const { sort, order, offset, limit, ...filter } = request.query;
    const page = await listMailboxes(deps, requireActor(request), request.params.environmentId, toMailboxFilter(filter), { sort, order, offset, limit });
    return { items: page.items.map(toMailboxListItemResponse), total: page.total };
  });

  app.post(apiPaths.mailboxes(':environmentId'), {
    config: { access: 'mailbox.write' },
    schema: {
      tags, summary: 'Create a user or queue mailbox; unset fields take the email settings defaults',
      params: environmentParamsSchema, body: createMailboxRequestSchema, response: { 201: mailboxResponseSchema, ...errors },
    },
  }, async (request, reply) => {
    const { type, ...fields } = request.body;
    const actor = requireActor(request);
    const mailbox = await createMailbox(deps, actor, requireEnvironment(request), type, toMailboxChanges(fields));
    return reply.status(201).send(toMailboxResponse(mailbox, actor));
  });

  app.get(apiPaths.mailbox(':environmentId', ':mailboxId'), {
    config: { access: 'mailbox.read' },
    schema: { tags, summary: 'Get a mailbox', params: mailboxParamsSchema, response: { 200: mailboxResponseSchema, ...errors } },
  }, async (request) => {
    const actor = requireActor(request);
    return toMailboxResponse(await getMailbox(deps, actor, request.params.environmentId, request.params.mailboxId), actor);
  });

  app.patch(apiPaths.mailbox(':environmentId', ':mailboxId'), {
    config: { access: 'mailbox.write' },
    schema: {
      tags, summary: 'Change a mailbox: only the fields sent change; a new email address needs approval again',
      params: mailboxParamsSchema, body: updateMailboxRequestSchema, response: { 200: mailboxResponseSchema, ...errors },
    },
  }, async (request) => {
    const { version, ...body } = request.body;
    const actor = requireActor(request);
    const mailbox = await updateMailbox(deps, actor, requireEnvironment(request), request.params.mailboxId, { ...toMailboxChanges(body), version });
    return toMailboxResponse(mailbox, actor);
  });

  app.get(apiPaths.mailboxApproval(':environmentId', ':mailboxId'), {
    config: { access: 'mailbox.read' },
    schema: {
      tags, summary: 'Whether the signed-in user may approve this mailbox, and why: every rule checked with its outcome',
      params: mailboxParamsSchema, response: { 200: mailboxApprovalResponseSchema, ...errors },
    },
  }, async (request) => explainMailboxApproval(deps, requireActor(request), requireEnvironment(request), request.params.mailboxId));

  const bulk = { params: environmentParamsSchema, response: { 200: bulkResultResponseSchema, ...errors } };
  // A selection may hold up to 100,000 ids (about 4 MB of JSON); other routes keep the small global limit.
  const bodyLimit = 8 * 1024 * 1024;

  app.post(apiPaths.mailboxAction(':environmentId', 'apply-default-email-settings'), {
    config: { access: 'mailbox.write' }, bodyLimit,
    schema: {
      params: environmentParamsSchema, response: { 200: startRunResponseSchema, ...errors }, tags,
      summary: 'Apply Default Email Settings to the selected (or all matching) mailboxes, then start Test & Enable on them', body: applyDefaultEmailSettingsRequestSchema,
    },
  }, async (request) => {
    const result = await applyDefaultEmailSettings(deps, requireActor(request), requireEnvironment(request), toMailboxTarget(request.body.target), { testAndEnable: request.body.testAndEnable });
    if (result.run) deps.wakeWorker();
    return { ...result, run: result.run ?? null };
  });

  app.post(apiPaths.mailboxAction(':environmentId', 'change-multiple'), {
    config: { access: 'mailbox.write' }, bodyLimit,
    schema: { ...bulk, tags, summary: 'Edit → Change Multiple Records: Server Profile and delivery methods', body: changeMultipleMailboxesRequestSchema },
  }, async (request) => changeMultipleMailboxes(deps, requireActor(request), requireEnvironment(request), toMailboxTarget(request.body.target), request.body.changes));

  // Approval has its own rules (permission model, self-approval), decided per mailbox in the domain.
  app.post(apiPaths.mailboxAction(':environmentId', 'approve-email'), {
    config: { access: 'environment' }, bodyLimit,
    schema: { ...bulk, tags, summary: 'More Commands → Approve Email, with the rules checked for every mailbox skipped', body: mailboxTargetRequestSchema },
  }, async (request) => approveMailboxEmails(deps, requireActor(request), requireEnvironment(request), toMailboxTarget(request.body.target)));

  // A question, not a command: POST only because a selection of 100,000 ids does not fit in a URL.
  app.post(apiPaths.approveEmailAvailability(':environmentId'), {
    config: { access: 'environment' }, bodyLimit,
    schema: {
      params: environmentParamsSchema, response: { 200: approveEmailAvailabilityResponseSchema, ...errors }, tags, body: mailboxTargetRequestSchema,
      summary: 'Whether Approve Email appears for the signed-in user, and what it would do for the selected (or all matching) mailboxes: why not, per mailbox',
    },
  }, async (request) => assessApproveEmail(deps, requireActor(request), requireEnvironment(request), toMailboxTarget(request.body.target)));
};

export default mailboxRoutes;
