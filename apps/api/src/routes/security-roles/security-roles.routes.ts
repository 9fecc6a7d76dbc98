import {
  apiPaths,
  directoryUserListResponseSchema,
  directoryUserSchema,
  environmentParamsSchema,
  securityRoleListResponseSchema,
  securityRolePrivilegeParamsSchema,
  securityRoleSchema,
  setRolePrivilegeRequestSchema,
  setSecurityRolesRequestSchema,
  teamListResponseSchema,
  teamParamsSchema,
  teamSchema,
  userParamsSchema,
} from '@sync-admin/contract';
import {
  checkRoleAssignment,
  listDirectoryUsers,
  listSecurityRoles,
  listTeams,
  setSecurityRolePrivilege,
  setTeamSecurityRoles,
  setUserSecurityRoles,
  type Actor,
} from '@sync-admin/domain';
import { WRITE_ERROR_RESPONSES } from '../../plugins/app/error-handler.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/app/authorization.ts';

const errors = WRITE_ERROR_RESPONSES;
const tags = ['users + permissions'];

/** The Manage roles dialog disables what the domain would refuse for this user; Save still checks. */
function withAssignmentDenial<R extends { name: string }>(actor: Actor, role: R) {
  const denial = (kind: 'user' | 'team') => {
    const refusal = checkRoleAssignment(actor, role.name, { kind });
    if (!refusal) return null;
    return refusal.dynamicsErrorCode ? `${refusal.message} (Error code: ${refusal.dynamicsErrorCode})` : refusal.message;
  };
  return { ...role, assignmentDenial: { user: denial('user'), team: denial('team') } };
}

/** Settings > Users + permissions: security roles and their privileges, and who holds them. */
const securityRoleRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;

  app.get(apiPaths.securityRoles(':environmentId'), {
    config: { access: 'securityRole.read' },
    schema: { tags, summary: 'List security roles with their privileges', params: environmentParamsSchema, response: { 200: securityRoleListResponseSchema, ...errors } },
  }, async (request) => {
    const actor = requireActor(request);
    return { items: (await listSecurityRoles(deps, actor, request.params.environmentId)).map((role) => withAssignmentDenial(actor, role)) };
  });

  app.put(apiPaths.securityRolePrivilege(':environmentId', ':roleId', ':privilege'), {
    config: { access: 'securityRole.write' },
    schema: {
      tags, summary: 'Set the level of a privilege on a role, e.g. Approve Email Addresses for Users or Queues; null removes it',
      params: securityRolePrivilegeParamsSchema, body: setRolePrivilegeRequestSchema, response: { 200: securityRoleSchema, ...errors },
    },
  }, async (request) => {
    const { environmentId, roleId, privilege } = request.params;
    const actor = requireActor(request);
    return withAssignmentDenial(actor, await setSecurityRolePrivilege(deps, actor, environmentId, roleId, privilege, request.body.depth));
  });

  app.get(apiPaths.users(':environmentId'), {
    config: { access: 'securityRole.read' },
    schema: { tags, summary: 'List users with the security roles they hold in this environment', params: environmentParamsSchema, response: { 200: directoryUserListResponseSchema, ...errors } },
  }, async (request) => ({ items: await listDirectoryUsers(deps, requireActor(request), request.params.environmentId) }));

  app.put(apiPaths.userSecurityRoles(':environmentId', ':userId'), {
    config: { access: 'securityRole.write' },
    schema: {
      tags, summary: 'Manage a user\'s security roles (the complete set); Delegated Mailbox Approver only by a Global or Exchange admin',
      params: userParamsSchema, body: setSecurityRolesRequestSchema, response: { 200: directoryUserSchema, ...errors },
    },
  }, async (request) => setUserSecurityRoles(deps, requireActor(request), request.params.environmentId, request.params.userId, request.body.roleIds));

  app.get(apiPaths.teams(':environmentId'), {
    config: { access: 'securityRole.read' },
    schema: { tags, summary: 'List teams with their members and security roles', params: environmentParamsSchema, response: { 200: teamListResponseSchema, ...errors } },
  }, async (request) => ({ items: await listTeams(deps, requireActor(request), request.params.environmentId) }));

  app.put(apiPaths.teamSecurityRoles(':environmentId', ':teamId'), {
    config: { access: 'securityRole.write' },
    schema: {
      tags, summary: 'Manage a team\'s security roles (the complete set); never Delegated Mailbox Approver',
      params: teamParamsSchema, body: setSecurityRolesRequestSchema, response: { 200: teamSchema, ...errors },
    },
  }, async (request) => setTeamSecurityRoles(deps, requireActor(request), request.params.environmentId, request.params.teamId, request.body.roleIds));
};

export default securityRoleRoutes;
