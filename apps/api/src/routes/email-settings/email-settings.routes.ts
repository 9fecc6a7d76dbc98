import { apiPaths, emailSettingsResponseSchema, environmentParamsSchema, updateEmailSettingsRequestSchema } from '@sync-admin/contract';
import { getEmailSettings, updateEmailSettings } from '@sync-admin/domain';
import { READ_ERROR_RESPONSES } from '../../plugins/app/error-handler.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, requireEnvironment } from '../../plugins/app/authorization.ts';

const errors = READ_ERROR_RESPONSES;
const tags = ['email settings'];

const emailSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const path = apiPaths.emailSettings(':environmentId');

  app.get(path, {
    config: { access: 'environment' },
    schema: { tags, summary: 'Email settings: the defaults new mailboxes take, approval requirements and notifications', params: environmentParamsSchema, response: { 200: emailSettingsResponseSchema, ...errors } },
  }, async (request) => getEmailSettings(deps, requireEnvironment(request)));

  app.patch(path, {
    config: { access: 'organization.write' },
    schema: { tags, summary: 'Change email settings: only the settings sent change', params: environmentParamsSchema, body: updateEmailSettingsRequestSchema, response: { 200: emailSettingsResponseSchema, ...errors } },
  }, async (request) => updateEmailSettings(deps, requireActor(request), requireEnvironment(request), request.body));
};

export default emailSettingsRoutes;
