import {
  apiPaths,
  createServerProfileRequestSchema,
  environmentParamsSchema,
  serverProfileListQuerySchema,
  serverProfileListResponseSchema,
  serverProfileParamsSchema,
  serverProfileResponseSchema,
  updateServerProfileRequestSchema,
  type ServerProfileListQuery,
} from '@sync-admin/contract';
import {
  createServerProfile,
  deleteServerProfile,
  getServerProfile,
  listServerProfiles,
  setDefaultServerProfile,
  setServerProfileActive,
  testServerProfileConnection,
  updateServerProfile,
  SERVER_PROFILE_COLUMNS,
  type Actor,
} from '@sync-admin/domain';
import type { FastifyRequest } from 'fastify';
import { WRITE_ERROR_RESPONSES } from '../../plugins/app/error-handler.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireEnvironment } from '../../plugins/app/authorization.ts';
import { sendCsvExport } from '../../lib/csv-export.ts';
import { isSecureChannel } from '../../lib/secure-channel.ts';
import { toServerProfileChanges, toServerProfileResponse } from './server-profile.mapper.ts';

const errors = WRITE_ERROR_RESPONSES;
const collection = apiPaths.serverProfiles(':environmentId');
const item = apiPaths.serverProfile(':environmentId', ':profileId');
const tags = ['server profiles'];

/** The list's View: Active, Inactive or All Email Server Profiles. */
const viewFilter = (view: ServerProfileListQuery['view']) => (view === 'all' ? {} : { isActive: view === 'active' });

const serverProfileRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const channel = (request: FastifyRequest) => ({
    isSecureChannel: isSecureChannel(request),
    allowCredentialsEntryViaNonSecureChannels: deps.config.ALLOW_CREDENTIALS_ENTRY_VIA_NON_SECURE_CHANNELS,
  });

  app.get(collection, {
    config: { access: 'emailServerProfile.read' },
    schema: {
      tags, summary: 'List email server profiles (Active, Inactive or All Email Server Profiles)',
      params: environmentParamsSchema, querystring: serverProfileListQuerySchema,
      response: { 200: serverProfileListResponseSchema, ...errors },
    },
  }, async (request) => {
    const profiles = await listServerProfiles(deps, requireActor(request), request.params.environmentId, viewFilter(request.query.view));
    return { items: profiles.map(toServerProfileResponse) };
  });

  app.get(apiPaths.serverProfileExport(':environmentId'), {
    config: { access: 'emailServerProfile.read' },
    schema: {
      tags, summary: 'Export to CSV: every email server profile of the view, in the grid\'s columns',
      params: environmentParamsSchema, querystring: serverProfileListQuerySchema,
      // A stream is sent as it is, never serialized: the schema only documents it.
      response: { 200: z.unknown().describe('text/csv: UTF-8 with a BOM, a header line of the column labels, CRLF line ends'), ...errors },
    },
  }, async (request, reply) => {
    const environment = requireEnvironment(request);
    // An environment holds a handful of profiles: the list is read whole (access checked there) and written as one batch.
    const profiles = await listServerProfiles(deps, requireActor(request), environment.id, viewFilter(request.query.view));
    return sendCsvExport(reply, { grid: 'server-profiles', environmentName: environment.name, at: deps.clock(), columns: SERVER_PROFILE_COLUMNS, batches: [profiles] });
  });

  app.post(collection, {
    config: { access: 'emailServerProfile.write' },
    schema: {
      tags, summary: 'Create an email server profile',
      params: environmentParamsSchema, body: createServerProfileRequestSchema,
      response: { 201: serverProfileResponseSchema, ...errors },
    },
  }, async (request, reply) => {
    const changes = toServerProfileChanges(request.body);
    const profile = await createServerProfile(deps, requireActor(request), request.params.environmentId, changes, channel(request));
    return reply.status(201).send(toServerProfileResponse(profile));
  });

  app.get(item, {
    config: { access: 'emailServerProfile.read' },
    schema: { tags, summary: 'Get an email server profile', params: serverProfileParamsSchema, response: { 200: serverProfileResponseSchema, ...errors } },
  }, async (request) => {
    const { environmentId, profileId } = request.params;
    return toServerProfileResponse(await getServerProfile(deps, requireActor(request), environmentId, profileId));
  });

  app.patch(item, {
    config: { access: 'emailServerProfile.write' },
    schema: {
      tags, summary: 'Change an email server profile: only the fields sent change; secrets are write-only',
      params: serverProfileParamsSchema, body: updateServerProfileRequestSchema,
      response: { 200: serverProfileResponseSchema, ...errors },
    },
  }, async (request) => {
    const { environmentId, profileId } = request.params;
    const { version, ...body } = request.body;
    const changes = { ...toServerProfileChanges(body), version };
    return toServerProfileResponse(await updateServerProfile(deps, requireActor(request), environmentId, profileId, changes, channel(request)));
  });

  app.delete(item, {
    config: { access: 'emailServerProfile.write' },
    schema: { tags, summary: 'Delete an email server profile', params: serverProfileParamsSchema, response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    const { environmentId, profileId } = request.params;
    await deleteServerProfile(deps, requireActor(request), environmentId, profileId);
    return reply.status(204).send(null);
  });

  const commands = {
    activate: { summary: 'Activate an email server profile', run: (r: CommandRequest) => setServerProfileActive(deps, requireActor(r), r.params.environmentId, r.params.profileId, true) },
    deactivate: { summary: 'Deactivate an email server profile (not the default)', run: (r: CommandRequest) => setServerProfileActive(deps, requireActor(r), r.params.environmentId, r.params.profileId, false) },
    'set-default': { summary: 'Set as the default profile for new mailboxes', run: (r: CommandRequest) => setDefaultServerProfile(deps, requireActor(r), r.params.environmentId, r.params.profileId) },
    'test-connection': { summary: 'Test the connection to the email server now and keep the result as the last test', run: (r: CommandRequest) => testServerProfileConnection(deps, requireActor(r), r.params.environmentId, r.params.profileId, null) },
  } as const;

  for (const [action, command] of Object.entries(commands) as [keyof typeof commands, (typeof commands)[keyof typeof commands]][]) {
    app.post(apiPaths.serverProfileAction(':environmentId', ':profileId', action), {
      config: { access: 'emailServerProfile.write' },
      schema: { tags, summary: command.summary, params: serverProfileParamsSchema, response: { 200: serverProfileResponseSchema, ...errors } },
    }, async (request) => toServerProfileResponse(await command.run(request)));
  }
};

type CommandRequest = { params: { environmentId: string; profileId: string }; actor: Actor | null };

export default serverProfileRoutes;
