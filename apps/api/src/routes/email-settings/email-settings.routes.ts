import { apiPaths, emailSettingsResponseSchema, environmentParamsSchema, updateEmailSettingsRequestSchema } from '@sync-admin/contract';
import { describeApprovalRequirementChange, getEmailSettings, updateEmailSettings, type Actor, type EmailSettingsView, type Environment } from '@sync-admin/domain';
import { READ_ERROR_RESPONSES } from '../../plugins/app/error-handler.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, requireEnvironment } from '../../plugins/app/authorization.ts';

const errors = READ_ERROR_RESPONSES;
const tags = ['email settings'];

const emailSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const path = apiPaths.emailSettings(':environmentId');
  // Decided for the default profile the answer carries (a PATCH may just have changed it).
  const withApprovalRequirement = async (actor: Actor, environment: Environment, settings: EmailSettingsView) => ({
    ...settings,
    approvalRequirement: await describeApprovalRequirementChange(deps, actor, environment, settings.defaultServerProfileId),
  });

  app.get(path, {
    config: { access: 'environment' },
    schema: { tags, summary: 'Email settings: the defaults new mailboxes take, approval requirements and notifications', params: environmentParamsSchema, response: { 200: emailSettingsResponseSchema, ...errors } },
  }, async (request) => withApprovalRequirement(requireActor(request), requireEnvironment(request), await getEmailSettings(deps, requireEnvironment(request))));

  app.patch(path, {
    config: { access: 'organization.write' },
    schema: { tags, summary: 'Change email settings: only the settings sent change', params: environmentParamsSchema, body: updateEmailSettingsRequestSchema, response: { 200: emailSettingsResponseSchema, ...errors } },
  }, async (request) => {
    const actor = requireActor(request);
    return withApprovalRequirement(actor, requireEnvironment(request), await updateEmailSettings(deps, actor, requireEnvironment(request), request.body));
  });
};

export default emailSettingsRoutes;
